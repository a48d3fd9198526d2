import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { prefilterChunk, type PrefilterChunkResult, type PrefilterTask } from './prefilter-chunk.js';

export interface PrefilterOutcome {
  /** Files holding a marker, in the order given. */
  readonly matched: string[];
  /** Files read that hold none, in the order given. */
  readonly unmatched: string[];
  readonly unreadable: Array<{ readonly file: string; readonly reason: string }>;
  /** With `collectImports`: each JavaScript or TypeScript file read → its relative specifiers. */
  readonly imports: Map<string, string[]>;
}

export interface PrefilterOptions {
  readonly threads?: number;
  readonly collectImports?: boolean;
}

/**
 * Below this many files, starting threads (about 40 ms) costs more than sharing the reading saves:
 * a pre-commit hook's handful of files is read in this thread.
 */
const MIN_FILES_FOR_THREADS = 2000;

/** Files per task: small enough that the threads finish together, large enough to amortize a message. */
const CHUNK_FILES = 500;

/** The compiled worker next to this module; absent when running from the TypeScript sources. */
const WORKER_FILE = new URL('./prefilter-worker.js', import.meta.url);

async function runInPool(tasks: PrefilterTask[], threads: number): Promise<PrefilterChunkResult[]> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina<PrefilterTask, PrefilterChunkResult>({ filename: WORKER_FILE.href, minThreads: threads, maxThreads: threads });
  try {
    return await Promise.all(tasks.map((task) => pool.run(task)));
  } finally {
    await pool.destroy();
  }
}

/**
 * Reads every file and keeps those that hold one of `markers`, on worker threads when there are
 * many (reading is most of `--check`'s time on a large tree). Only the outcome crosses threads: the
 * bytes are read into a reused buffer and dropped.
 */
export async function prefilterFiles(files: readonly string[], markers: readonly string[], options: PrefilterOptions = {}): Promise<PrefilterOutcome> {
  const { threads = availableParallelism(), collectImports = false } = options;
  const tasks: PrefilterTask[] = [];
  for (let start = 0; start < files.length; start += CHUNK_FILES) tasks.push({ files: files.slice(start, start + CHUNK_FILES), markers, collectImports });
  const pooled = threads > 1 && files.length >= MIN_FILES_FOR_THREADS && existsSync(fileURLToPath(WORKER_FILE));
  const results = pooled ? await runInPool(tasks, threads) : tasks.map(prefilterChunk);

  const matched = new Set<number>();
  const unreadable: Array<{ file: string; reason: string }> = [];
  const imports = new Map<string, string[]>();
  results.forEach((result, taskIndex) => {
    const offset = taskIndex * CHUNK_FILES;
    for (const index of result.matched) matched.add(offset + index);
    for (const [index, specifiers] of result.imports) imports.set(files[offset + index]!, specifiers);
    for (const [index, reason] of result.unreadable) unreadable.push({ file: files[offset + index]!, reason });
  });
  const unreadableFiles = new Set(unreadable.map(({ file }) => file));
  return {
    matched: files.filter((_, index) => matched.has(index)),
    unmatched: files.filter((file, index) => !matched.has(index) && !unreadableFiles.has(file)),
    unreadable,
    imports,
  };
}
