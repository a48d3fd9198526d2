import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The lines of files by their report path, read once each: SARIF fingerprints hash the text of a
 * finding's line, and only files with findings are ever asked for.
 */
export function createSourceLines(cwd: string): (file: string) => readonly string[] | undefined {
  const cache = new Map<string, readonly string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        cache.set(
          file,
          readFileSync(resolve(cwd, file), 'utf8')
            .replace(/^\uFEFF/, '')
            .split(/\r\n|\r|\n/),
        );
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}
