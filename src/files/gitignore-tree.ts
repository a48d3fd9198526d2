import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The rules of one ignore file, matched against paths relative to `base`. */
export interface IgnoreLayer {
  readonly base: string;
  readonly rules: Ignore;
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** `path` relative to `base` with forward slashes, or undefined when it is not inside `base`. */
export function relativeInside(base: string, path: string): string | undefined {
  // Asked for every entry of a walk, on normalized absolute paths: slicing beats path.relative.
  if (path.length > base.length + 1 && path.startsWith(base) && path[base.length] === sep) {
    return toPosix(path.slice(base.length + 1));
  }
  const rel = toPosix(relative(base, path));
  if (rel === '' || rel === '..' || rel.startsWith('../') || isAbsolute(rel)) return undefined;
  return rel;
}

function readLayer(base: string, file: string): IgnoreLayer | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return { base, rules: ignore().add(text) };
}

/**
 * git's precedence: the deepest ignore file with a pattern for the path decides, and within a file
 * the last matching pattern (`!pattern` included). `chain` runs from the outermost layer inwards.
 */
export function isIgnoredBy(chain: readonly IgnoreLayer[], path: string, isDirectory: boolean): boolean {
  for (let index = chain.length - 1; index >= 0; index--) {
    const { base, rules } = chain[index];
    const rel = relativeInside(base, path);
    if (rel === undefined) continue;
    const verdict = rules.test(isDirectory ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** The nearest folder at or above `dir` holding `.git` (a folder, or a file in a worktree). */
export function findRepoRoot(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * The `.gitignore` files from `root` down, read once each. `root` is the repository root when
 * there is one, so a subfolder target still obeys the root's rules, and `.git/info/exclude` is
 * honoured there.
 */
export class GitignoreTree {
  private readonly layers = new Map<string, IgnoreLayer | undefined>();
  private readonly chains = new Map<string, readonly IgnoreLayer[]>();
  private readonly ignoredFolders = new Map<string, boolean>();

  constructor(readonly root: string) {}

  /** For a walker that has listed `dir` already: spares a read when there is no `.gitignore`. */
  noteListing(dir: string, hasGitignore: boolean): void {
    if (!hasGitignore && !this.layers.has(dir)) this.layers.set(dir, undefined);
  }

  /** The layers that apply to the entries of `dir`, outermost first. */
  chainFor(dir: string): readonly IgnoreLayer[] {
    const cached = this.chains.get(dir);
    if (cached) return cached;
    let chain: IgnoreLayer[];
    if (dir === this.root) {
      chain = [readLayer(dir, join(dir, '.git', 'info', 'exclude')), this.layerAt(dir)].filter((layer) => layer !== undefined);
    } else if (relativeInside(this.root, dir) === undefined) {
      chain = [];
    } else {
      const own = this.layerAt(dir);
      const parent = this.chainFor(dirname(dir));
      chain = own ? [...parent, own] : [...parent];
    }
    this.chains.set(dir, chain);
    return chain;
  }

  /** Whether a file is excluded, by its own name or through any folder above it. */
  ignores(file: string): boolean {
    const dir = dirname(file);
    return this.ignoresFolder(dir) || isIgnoredBy(this.chainFor(dir), file, false);
  }

  /** Whether a folder is excluded, by its own name or through any folder above it. */
  ignoresFolder(dir: string): boolean {
    if (dir === this.root || relativeInside(this.root, dir) === undefined) return false;
    const cached = this.ignoredFolders.get(dir);
    if (cached !== undefined) return cached;
    const parent = dirname(dir);
    const ignored = this.ignoresFolder(parent) || isIgnoredBy(this.chainFor(parent), dir, true);
    this.ignoredFolders.set(dir, ignored);
    return ignored;
  }

  private layerAt(dir: string): IgnoreLayer | undefined {
    if (!this.layers.has(dir)) this.layers.set(dir, readLayer(dir, join(dir, '.gitignore')));
    return this.layers.get(dir);
  }
}
