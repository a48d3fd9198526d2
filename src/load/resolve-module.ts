import path from 'node:path';
import { aliasTargets } from './import-aliases.js';

const CANDIDATE_SUFFIXES = [
  '',
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '/index.ts',
  '/index.tsx',
  '/index.js',
  '/index.mjs',
];

/** Whether a file exists for the resolution: among the run's modules (`--check`), or on disk (the plugin). */
export type FileExists = (file: string) => boolean;

/**
 * The file an import names: a relative path, or an alias (`tsconfig.json` `paths` and `baseUrl`,
 * `package.json` `imports`). TypeScript's ESM style imports `./config.js` for `config.ts`, so a
 * JavaScript extension is also tried as its TypeScript twin. A package is not followed.
 */
export function resolveModule(importer: string, specifier: string, exists: ReadonlySet<string> | FileExists): string | undefined {
  const has = typeof exists === 'function' ? exists : (file: string) => exists.has(file);
  const targets = specifier.startsWith('.') ? [path.resolve(path.dirname(importer), specifier)] : aliasTargets(importer, specifier);
  for (const target of targets) {
    const stems = [target];
    const js = /\.(m|c)?jsx?$/.exec(target);
    if (js) stems.push(target.slice(0, -js[0].length));
    for (const stem of stems) {
      for (const suffix of CANDIDATE_SUFFIXES) if (has(stem + suffix)) return stem + suffix;
    }
  }
  return undefined;
}
