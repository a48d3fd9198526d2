import { readFileSync, readdirSync, statSync } from 'node:fs';
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

/**
 * A folder's files, as listed when the folder had that modification time. Resolving an import tries
 * up to thirteen names (`./config` as `.ts`, `.tsx`, …, `/index.js`), which were as many `stat`
 * calls for each import of each file linted: on ESLint's run over date-fns, rxjs and axios, most of
 * the plugin's cost. Now one resolution checks each folder it looks in once: a file created or
 * removed changes the folder's time, so an editor's long-running ESLint sees it at once.
 */
const listings = new Map<string, { readonly mtimeMs: number; readonly files: ReadonlySet<string> }>();

function filesIn(folder: string): ReadonlySet<string> {
  const stat = statSync(folder, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return NO_FILES;
  const known = listings.get(folder);
  if (known?.mtimeMs === stat.mtimeMs) return known.files;
  const files = new Set<string>();
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true }))
      // A link is followed, as `stat` does.
      if (entry.isFile() || (entry.isSymbolicLink() && statSync(path.join(folder, entry.name), { throwIfNoEntry: false })?.isFile()))
        files.add(entry.name);
  } catch {
    // Not readable: nothing in it can be imported.
  }
  listings.set(folder, { mtimeMs: stat.mtimeMs, files });
  return files;
}

const NO_FILES: ReadonlySet<string> = new Set();

/** Whether a file exists, for one resolution: each folder's listing checked once. */
function listedFiles(): (file: string) => boolean {
  const seen = new Map<string, ReadonlySet<string>>();
  return (file) => {
    const folder = path.dirname(file);
    let files = seen.get(folder);
    if (!files) seen.set(folder, (files = filesIn(folder)));
    return files.has(path.basename(file));
  };
}

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
  return resolveModule(importer, specifier, listedFiles());
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
