import { goPackageOf, isGoFile } from '../text-scan/scan-text.js';
/** One part of a run split for a CI matrix: `--shard 2/3` is index 2 of count 3, counted from 1. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return `--shard takes i/n, such as 1/4, not '${text}'`;
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (count < 1 || count > 1024) return `--shard: the number of shards must be from 1 to 1024, not ${count}`;
  if (index < 1 || index > count) return `--shard: the shard must be from 1 to ${count}, not ${index}`;
  return { index, count };
}

/** FNV-1a over the path's UTF-16 code units: fast, and the same on every machine. */
function hashPath(path: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < path.length; index++) {
    hash ^= path.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Whether a file belongs to a shard, by a hash of its path relative to the working folder: every
 * job of a matrix run from the same folder agrees, and a file added or removed moves no other file
 * to another shard. The files of a Go package (its folder) share their constants and types, so they
 * go by the folder's path and stay together.
 */
export function inShard(relativePath: string, shard: Shard): boolean {
  const key = isGoFile(relativePath) ? `${goPackageOf(relativePath)}/*.go` : relativePath;
  return hashPath(key) % shard.count === shard.index - 1;
}
