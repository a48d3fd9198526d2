import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseModule } from '../detect/parse.js';
import type { ExportedValue, ImportResolver } from '../detect/static-value.js';
import { hasAnalysisMarker } from './analysis-marker.js';
import { importSpecifiers } from '../load/prefilter-chunk.js';
import { followKeys, legacyExports } from '../load/project-exports.js';
import { resolveModule } from '../load/resolve-module.js';

/**
 * What `--check` knows of a project before it analyzes a module, the plugin learns one import at a
 * time: the module an import names is read, parsed with the parser `--check` uses, and its legacy
 * exports folded the same way (`legacyExports`). Like eslint-plugin-import's export map, the result
 * is kept for the whole process, keyed by the file's modification time and size, so that a
 * long-running ESLint (an editor's server) sees a module that changed on disk.
 */
interface ReadModule {
  readonly mtimeMs: number;
  readonly size: number;
  readonly exports: ReadonlyMap<string, ExportedValue>;
}

const NONE: ReadonlyMap<string, ExportedValue> = new Map();
const modules = new Map<string, ReadModule>();

const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() === true;

/** The legacy exports of a file on disk; none when it cannot be read or parsed (its own lint says why). */
function exportsOf(file: string): ReadonlyMap<string, ExportedValue> {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return NONE;
  const known = modules.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.exports;
  let exports = NONE;
  try {
    const text = readFileSync(file, 'utf8');
    if (hasAnalysisMarker(text)) exports = legacyExports(parseModule(text, file), text);
  } catch {
    // Unreadable or unparsable: it exports nothing we can know, as in `--check`.
  }
  modules.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, exports });
  return exports;
}

/** The file an import of `importer` names, relative or through an alias, if it exists. */
function targetOf(importer: string, specifier: string): string | undefined {
  return resolveModule(importer, specifier, isFile);
}

/**
 * Values imported by `importer` (an absolute path), followed through object keys, as `--check`'s
 * resolver does. `undefined` for a file ESLint lints without a path (`--stdin` without a filename).
 */
export function importResolverFor(importer: string): ImportResolver | undefined {
  if (!path.isAbsolute(importer)) return undefined;
  return (source, name, keys) => {
    const target = targetOf(importer, source);
    return followKeys(target ? exportsOf(target).get(name) : undefined, keys);
  };
}

/**
 * Whether a file without a marker of its own imports a module that exports a legacy value: `--check`
 * reads such a file again for the names of those exports.
 */
export function importsLegacyValue(importer: string, text: string): boolean {
  if (!path.isAbsolute(importer)) return false;
  return importSpecifiers(text).some((specifier) => {
    const target = targetOf(importer, specifier);
    return target !== undefined && exportsOf(target).size > 0;
  });
}
