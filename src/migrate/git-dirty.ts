import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { findRepoRoot } from '../files/gitignore-tree.js';

export type DirtyState =
  | { readonly kind: 'clean' }
  /** `entries` are `git status --porcelain` lines, `XY path`, path relative to the repository root. */
  | { readonly kind: 'dirty'; readonly folder: string; readonly entries: readonly string[] }
  | { readonly kind: 'unknown'; readonly folder: string; readonly reason: string };

interface GitResult {
  readonly code: number | string | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

function git(args: readonly string[], cwd: string): Promise<GitResult> {
  return new Promise((settle) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      settle({ code: error ? ((error as NodeJS.ErrnoException).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Where to ask git and what pathspec names the target there, or undefined for a path that is gone. */
function pathspecFor(target: string, cwd: string): { folder: string; spec: string } | undefined {
  const path = resolve(cwd, target);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    if (!isDynamicPattern(target)) return undefined;
    // A glob: the folder before its first pattern segment. Wider than the glob, never narrower.
    const segments = target.split(/[\\/]/);
    const stop = segments.findIndex((segment) => isDynamicPattern(segment));
    const base = resolve(cwd, segments.slice(0, stop).join('/') || '.');
    try {
      return statSync(base).isDirectory() ? { folder: base, spec: '.' } : undefined;
    } catch {
      return undefined;
    }
  }
  return isDirectory ? { folder: path, spec: '.' } : { folder: dirname(path), spec: `:(literal)${basename(path)}` };
}

/** `git status --porcelain -z` records: `XY path`, with a second path after renames. */
function parsePorcelain(output: string): string[] {
  const entries: string[] = [];
  const fields = output.split('\0');
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index];
    if (field.length < 4) continue;
    entries.push(field);
    if (field[0] === 'R' || field[0] === 'C') index++;
  }
  return entries;
}

const BATCH = 200;

/**
 * Whether the targets hold uncommitted changes (modified, staged, deleted or untracked files that
 * git does not ignore), asked with `git status --porcelain` in each target's folder so that each
 * target is checked in its own repository. A target outside any repository is fine to rewrite;
 * one whose state git cannot tell (no git, a repository git refuses to read) is `unknown`.
 */
export async function findUncommittedChanges(targets: readonly string[], cwd: string): Promise<DirtyState> {
  const specsByFolder = new Map<string, string[]>();
  for (const target of targets) {
    const place = pathspecFor(target, cwd);
    if (!place) continue;
    const specs = specsByFolder.get(place.folder) ?? [];
    if (!specs.includes(place.spec)) specs.push(place.spec);
    specsByFolder.set(place.folder, specs);
  }
  for (const [folder, specs] of specsByFolder) {
    for (let start = 0; start < specs.length; start += BATCH) {
      const result = await git(['status', '--porcelain=v1', '-z', '--', ...specs.slice(start, start + BATCH)], folder);
      if (result.code === 'ENOENT') {
        if (findRepoRoot(folder) === undefined) break;
        return { kind: 'unknown', folder, reason: 'git is not installed, and the target is in a git working tree' };
      }
      if (result.code !== 0) {
        if (/not a git repository/i.test(result.stderr)) break;
        const reason = result.stderr.trim().split('\n')[0] || `git status exited with ${String(result.code)}`;
        return { kind: 'unknown', folder, reason };
      }
      const entries = parsePorcelain(result.stdout);
      if (entries.length > 0) return { kind: 'dirty', folder, entries };
    }
  }
  return { kind: 'clean' };
}
