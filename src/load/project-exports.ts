import path from 'node:path';
import type { Node } from '../detect/ast.js';
import { ModuleIndex } from '../detect/module-index.js';
import { moduleExports } from '../detect/module-exports.js';
import { stampAnswerModules } from '../detect/imported-answers.js';
import { ValueFolder, type ExportedValue, type ImportResolver } from '../detect/static-value.js';
import { resolveModule } from './resolve-module.js';

/**
 * Absolute file → the exports worth following there. Plain maps, strings and objects only, so it
 * is structured-clonable: the rewrite hands it to its worker threads, which build the resolver
 * themselves with {@link createImportResolver}.
 */
export type ExportsByFile = Map<string, Map<string, ExportedValue>>;

/**
 * Exports worth following: values that mention a TikTok host, a legacy path or a TikTok scope list,
 * and, in a module that exports such a value, its relative paths (`TOKEN_PATH = '/oauth/access_token'`
 * beside `BASE_URL = 'https://open-api.tiktok.com'`): joined to that base by the importer.
 */
export function legacyExports(ast: Node, text: string): Map<string, ExportedValue> {
  const index = ModuleIndex.of(ast, text, true);
  const exports = moduleExports(index, new ValueFolder(index));
  const tiktok = [...exports].filter(([, value]) => /tiktok|share\/|video\.upload|user\.info\./i.test(JSON.stringify(value)));
  const paths = tiktok.length > 0 ? [...exports].filter(([, value]) => typeof value === 'string' && /^\/[\w-]/.test(value)) : [];
  return new Map([...tiktok, ...paths]);
}

export function collectExports(modules: Iterable<{ readonly file: string; readonly text: string; readonly ast: Node }>): ExportsByFile {
  const result: ExportsByFile = new Map();
  for (const module of modules) {
    const exports = legacyExports(module.ast, module.text);
    for (const [name, value] of exports) exports.set(name, stampAnswerModules(value, module.file));
    if (exports.size > 0) result.set(module.file, exports);
  }
  return result;
}

/**
 * The names a module that imports a legacy constant must mention: the exported names and the
 * exporting files' base names (`import * as config from '../check/config'`). `default` says nothing.
 */
export function importedNames(exportsByFile: ExportsByFile): string[] {
  const names = [...exportsByFile].flatMap(([file, map]) => [...map.keys(), path.basename(file).replace(/\.[^.]+$/, '')]);
  return [...new Set(names)].filter((name) => name !== 'default');
}

/**
 * What `importer`'s imports resolve to among the run's modules (`known`, absolute paths), followed
 * through object keys (`config.tiktok.uploadUrl`).
 */
export function createImportResolver(importer: string, exportsByFile: ExportsByFile, known: ReadonlySet<string>): ImportResolver {
  return (source, name, keys) => {
    const target = resolveModule(importer, source, known);
    return followKeys(target ? exportsByFile.get(target)?.get(name) : undefined, keys);
  };
}

/** `config.tiktok.uploadUrl`: an exported value followed through object keys. */
export function followKeys(value: ExportedValue | undefined, keys: readonly string[]): ExportedValue | undefined {
  return keys.reduce<ExportedValue | undefined>(
    (current, key) => (current && typeof current === 'object' ? current[key] : undefined),
    value,
  );
}
