import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { sep } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { isIgnoredBy, type GitignoreTree } from './gitignore-tree.js';
import { SKIPPED_FOLDERS } from './skipped-folders.js';
import { isSupportedFile } from './supported-files.js';

export interface WalkOptions {
  readonly tree: GitignoreTree;
  /** `--ignore-pattern`: true leaves the path out. */
  readonly excluded: (path: string, isDirectory: boolean) => boolean;
  /** Files as they are found, in batches, so that reading them can start before the walk ends. */
  readonly onFiles?: (files: readonly string[]) => void;
}

/** Files found between two hand-overs to `onFiles` (and two turns of the event loop). */
const BATCH_FILES = 500;

export interface UnreadablePath {
  readonly path: string;
  readonly reason: string;
}

/**
 * Symbolic links are neither followed nor listed: a link to a parent folder would loop and a link
 * out of the tree would check someone else's files. Some file systems leave the entry type
 * unknown; those entries get an lstat.
 */
function kindOf(entry: Dirent, path: string): 'file' | 'directory' | 'other' {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (entry.isSymbolicLink()) return 'other';
  try {
    const stats = lstatSync(path);
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'other';
  }
}

/**
 * Every supported file under `root` that neither `.gitignore` nor `--ignore-pattern` excludes,
 * appended to `found`. One synchronous readdir per folder with file types is the fastest listing
 * Node offers; every {@link BATCH_FILES} files the batch goes to `onFiles` and the event loop gets
 * a turn, so that worker threads can be handed the files while the walk goes on.
 */
export async function walkFolder(root: string, options: WalkOptions, found: string[], unreadable: UnreadablePath[]): Promise<void> {
  const pending = [root];
  let reported = found.length;
  while (pending.length > 0) {
    if (options.onFiles && found.length - reported >= BATCH_FILES) {
      options.onFiles(found.slice(reported));
      reported = found.length;
      await yieldToEventLoop();
    }
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: dir, reason: (error as Error).message });
      continue;
    }
    options.tree.noteListing(
      dir,
      entries.some((entry) => entry.name === '.gitignore' && !entry.isDirectory()),
    );
    const chain = options.tree.chainFor(dir);
    // `dir` is absolute and normalized, and an entry name has no separator: path.join's
    // normalization would only cost time, once per entry of the tree.
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    let names: Set<string> | undefined;
    const hasSibling = (name: string) => (names ??= new Set(entries.map((other) => other.name))).has(name);
    for (const entry of entries) {
      const path = prefix + entry.name;
      const kind = kindOf(entry, path);
      if (kind === 'directory') {
        if (SKIPPED_FOLDERS.has(entry.name) || isIgnoredBy(chain, path, true) || options.excluded(path, true)) continue;
        pending.push(path);
      } else if (kind === 'file') {
        // Below the walked folder: a build folder above it (the user named `dist/types`) says nothing.
        if (!isSupportedFile(path.slice(root.length), hasSibling) || isIgnoredBy(chain, path, false) || options.excluded(path, false))
          continue;
        found.push(path);
      }
    }
  }
  if (options.onFiles && found.length > reported) options.onFiles(found.slice(reported));
}
