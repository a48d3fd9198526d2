import { readError } from './file-errors.js';
import { createMarkerTest, type ByteTest } from './prefilter.js';
import { ReusableReader } from './read-into.js';

/** A share of the prefilter: which of `files` hold one of `markers`. Plain data, for worker threads. */
export interface PrefilterTask {
  readonly files: readonly string[];
  readonly markers: readonly string[];
}

export interface PrefilterChunkResult {
  /** Indexes into the task's files. */
  readonly matched: number[];
  readonly unreadable: Array<[index: number, reason: string]>;
}

const reader = new ReusableReader();
const tests = new Map<string, ByteTest>();

/** Runs in this thread or in a worker: the same reading and the same test either way. */
export function prefilterChunk({ files, markers }: PrefilterTask): PrefilterChunkResult {
  const key = markers.join('\0');
  let test = tests.get(key);
  if (!test) tests.set(key, (test = createMarkerTest(markers)));
  const matched: number[] = [];
  const unreadable: Array<[number, string]> = [];
  files.forEach((file, index) => {
    let bytes: Buffer;
    try {
      bytes = reader.read(file);
    } catch (error) {
      return void unreadable.push([index, readError(error)]);
    }
    if (test(bytes)) matched.push(index);
  });
  return { matched, unreadable };
}
