import { existsSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { FileError } from './file-errors.js';
import { findRepoRoot, GitignoreTree, relativeInside, toPosix } from './gitignore-tree.js';
import { createIgnorePatterns } from './ignore-patterns.js';
import { SKIPPED_FOLDERS } from './skipped-folders.js';
import { isSupportedFile } from './supported-files.js';
import { walkFolder, type UnreadablePath } from './walk-folder.js';

export interface DiscoverOptions {
  readonly cwd: string;
  /** `--ignore-pattern` values, .gitignore syntax, relative to `cwd`. */
  readonly ignorePatterns: readonly string[];
  /**
   * Files found by walking folders, in batches as the walk goes (unsorted, a file possibly twice
   * when targets overlap): for a prefilter that starts reading before the walk ends. Files named
   * or matched by a glob are only in the result.
   */
  readonly onFiles?: (files: readonly string[]) => void;
}

export interface Discovery {
  /** Absolute paths, sorted, each once. */
  readonly files: string[];
  /** Targets as given that name nothing: no such file or folder, or a glob that matched nothing. */
  readonly missing: string[];
  /** Folders that could not be listed; the rest of the walk goes on. */
  readonly errors: FileError[];
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * A folder named on the command line is walked even if `.gitignore` excludes it (the user asked
 * for it); the `.gitignore` files inside it still apply.
 */
function treeForFolder(folder: string): GitignoreTree {
  const repoRoot = findRepoRoot(folder);
  const tree = new GitignoreTree(repoRoot ?? folder);
  return repoRoot !== undefined && tree.ignoresFolder(folder) ? new GitignoreTree(folder) : tree;
}

/** Loaded only for a target that is not a file or folder: a hook naming staged files never loads it. */
const globber = () => import('tinyglobby');

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const { glob } = await globber();
  return glob(pattern, {
    cwd,
    absolute: true,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    expandDirectories: false,
    ignore: [...SKIPPED_FOLDERS].map((name) => `**/${name}/**`),
  });
}

/**
 * The files `--check` reads, from files, folders and globs.
 * - A file named explicitly is read whenever its type is supported, even if `.gitignore` excludes
 *   it (a pre-commit hook names staged files one by one); `--ignore-pattern` still applies.
 * - Folders are walked honouring `.gitignore` (nested ones for their own folder, and the
 *   repository root's when the folder is inside a repository), skipping dependency, VCS and build
 *   folders and symbolic links.
 * - Glob matches are treated like files found by a walk: `.gitignore` applies.
 */
export async function discoverFiles(targets: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const { cwd } = options;
  const excluded = createIgnorePatterns(cwd, options.ignorePatterns);
  const found: string[] = [];
  const missing: string[] = [];
  const unreadable: UnreadablePath[] = [];
  let globTree: GitignoreTree | undefined;

  for (const target of targets) {
    const path = resolve(cwd, target);
    const stats = statOf(path);
    if (stats?.isDirectory()) {
      await walkFolder(
        path,
        { tree: treeForFolder(path), excluded: (entry, isDirectory) => excluded(entry, isDirectory, path), onFiles: options.onFiles },
        found,
        unreadable,
      );
    } else if (stats?.isFile()) {
      if (isSupportedFile(path) && !excluded(path, false)) found.push(path);
    } else if (stats === undefined && (await globber()).isDynamicPattern(target)) {
      const matches = await expandGlob(target, cwd);
      if (matches.length === 0) missing.push(target);
      globTree ??= new GitignoreTree(findRepoRoot(cwd) ?? cwd);
      for (const match of matches.map((file) => resolve(file))) {
        const hasSibling = (name: string) => existsSync(join(dirname(match), name));
        if (isSupportedFile(relative(cwd, match), hasSibling) && !excluded(match, false) && !globTree.ignores(match)) found.push(match);
      }
    } else if (stats === undefined) {
      missing.push(target);
    }
  }

  return {
    files: [...new Set(found)].sort(),
    missing,
    errors: unreadable.map(({ path, reason }) => ({ file: relativeInside(cwd, path) ?? toPosix(path), reason })),
  };
}
