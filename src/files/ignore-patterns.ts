import ignore from 'ignore';
import { relativeInside } from './gitignore-tree.js';

/**
 * `--ignore-pattern`, in .gitignore syntax, relative to the working folder as ESLint's is. A path
 * outside the working folder is matched relative to `fallbackBase` (the target it was found
 * under), so that `*.generated.py` still applies there.
 */
export function createIgnorePatterns(cwd: string, patterns: readonly string[]) {
  if (patterns.length === 0) return (): boolean => false;
  const rules = ignore().add([...patterns]);
  return (path: string, isDirectory: boolean, fallbackBase?: string): boolean => {
    const rel = relativeInside(cwd, path) ?? (fallbackBase === undefined ? undefined : relativeInside(fallbackBase, path));
    if (rel === undefined) return false;
    return rules.ignores(isDirectory ? `${rel}/` : rel);
  };
}
