import path from 'node:path';

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

/**
 * The file a relative import names, among the files of the run. TypeScript's ESM style imports
 * `./config.js` for `config.ts`, so a JavaScript extension is also tried as its TypeScript twin.
 * Bare specifiers (packages, path aliases) are not followed.
 */
export function resolveModule(importer: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.resolve(path.dirname(importer), specifier);
  const stems = [target];
  const js = /\.(m|c)?jsx?$/.exec(target);
  if (js) stems.push(target.slice(0, -js[0].length));
  for (const stem of stems) {
    for (const suffix of CANDIDATE_SUFFIXES) if (known.has(stem + suffix)) return stem + suffix;
  }
  return undefined;
}
