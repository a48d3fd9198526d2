import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
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
  /** Threads that read, this one included (default: one per core); 1 reads everything here. */
  readonly threads?: number;
  readonly collectImports?: boolean;
}

/**
 * Below this many files, starting a worker (about 40 ms) costs more than sharing the reading saves:
 * a pre-commit hook's handful of files is read in this thread.
 */
const MIN_FILES_FOR_THREADS = 2000;

/** Files per task: small enough that the threads finish together, large enough to amortize a message. */
const CHUNK_FILES = 500;

/**
 * Tasks a worker holds at once. Piscina posts a worker its next task only when this thread handles
 * the last result, and this thread is often busy for tens of milliseconds (walking, parsing a legacy
 * file): a worker holding one task would run dry meanwhile. The rest wait here, for whichever thread
 * is free first.
 */
const TASKS_PER_WORKER = 4;

/** The compiled worker next to this module; absent when running from the TypeScript sources. */
const WORKER_FILE = new URL('./prefilter-worker.js', import.meta.url);

type Verdict = 'matched' | 'unmatched' | { readonly reason: string };

/**
 * The prefilter fed as files are found. While this thread walks the tree, workers (one fewer than
 * the threads asked for) read the files found so far; once the walk is over, this thread reads too,
 * so no core idles and none is shared by two busy threads. Workers start only once the files found
 * pass {@link MIN_FILES_FOR_THREADS}; a small tree is read in this thread alone. Each file is read
 * once, however often it is added.
 */
export class PrefilterRun {
  private readonly verdicts = new Map<string, Verdict>();
  private readonly imports = new Map<string, string[]>();
  private readonly seen = new Set<string>();
  private readonly waiting: string[] = [];
  private readonly matchListeners: Array<(file: string) => void> = [];
  private readonly running = new Set<Promise<void>>();
  private readonly failures: unknown[] = [];
  private starting: Promise<void> | undefined;
  private pool: Piscina<PrefilterTask, PrefilterChunkResult> | undefined;
  /** Set once the outcome is asked for: no more files come, so a partial chunk may go out. */
  private draining = false;
  private readonly workers: number;
  private readonly collectImports: boolean;

  constructor(
    private readonly markers: readonly string[],
    options: PrefilterOptions = {},
  ) {
    this.workers = (options.threads ?? availableParallelism()) - 1;
    this.collectImports = options.collectImports ?? false;
  }

  add(files: readonly string[]): void {
    for (const file of files) {
      if (this.seen.has(file)) continue;
      this.seen.add(file);
      this.waiting.push(file);
    }
    if (
      this.starting === undefined &&
      this.seen.size >= MIN_FILES_FOR_THREADS &&
      this.workers > 0 &&
      existsSync(fileURLToPath(WORKER_FILE))
    ) {
      // A pool that cannot start fails the outcome, as a worker's error does; until then this thread reads.
      this.starting = this.startPool().catch((error: unknown) => void this.failures.push(error));
    }
    this.dispatch();
  }

  /**
   * Calls `listener` with each file found to hold a marker so far, then with each one as it is
   * found: work on the few legacy files can start while the rest are still being read.
   */
  onMatch(listener: (file: string) => void): void {
    for (const [file, verdict] of this.verdicts) if (verdict === 'matched') listener(file);
    this.matchListeners.push(listener);
  }

  /** Every verdict, once all the files added are read; `files` not added before are read now. */
  async outcomeFor(files: readonly string[]): Promise<PrefilterOutcome> {
    this.add(files);
    this.draining = true;
    try {
      // This thread takes a chunk whenever the workers hold all they should; between chunks it
      // lets their results in, which hands them the next ones.
      while (this.waiting.length > 0) {
        this.dispatch();
        const chunk = this.waiting.splice(0, CHUNK_FILES);
        if (chunk.length > 0)
          this.record(chunk, prefilterChunk({ files: chunk, markers: this.markers, collectImports: this.collectImports }));
        if (this.starting !== undefined) await yieldToEventLoop();
      }
      await Promise.all(this.running);
      if (this.failures.length > 0) throw this.failures[0];
    } finally {
      await this.close();
    }
    const matched: string[] = [];
    const unmatched: string[] = [];
    const unreadable: Array<{ file: string; reason: string }> = [];
    for (const file of files) {
      const verdict = this.verdicts.get(file);
      if (verdict === 'matched') matched.push(file);
      else if (verdict === 'unmatched') unmatched.push(file);
      else if (verdict !== undefined) unreadable.push({ file, reason: verdict.reason });
    }
    return { matched, unmatched, unreadable, imports: this.imports };
  }

  /** Stops the workers (a run that ends before asking for the outcome must call it). */
  async close(): Promise<void> {
    await this.starting;
    const pool = this.pool;
    this.pool = undefined;
    if (pool === undefined) return;
    await Promise.all(this.running);
    await pool.destroy();
  }

  private async startPool(): Promise<void> {
    const { Piscina } = await import('piscina');
    this.pool = new Piscina<PrefilterTask, PrefilterChunkResult>({
      filename: WORKER_FILE.href,
      minThreads: this.workers,
      maxThreads: this.workers,
      concurrentTasksPerWorker: TASKS_PER_WORKER,
    });
    this.dispatch();
  }

  /** Tops the workers up to {@link TASKS_PER_WORKER} tasks each, whole chunks only until draining. */
  private dispatch(): void {
    const pool = this.pool;
    if (pool === undefined) return;
    while (
      this.running.size < this.workers * TASKS_PER_WORKER &&
      (this.waiting.length >= CHUNK_FILES || (this.draining && this.waiting.length > 0))
    ) {
      const files = this.waiting.splice(0, CHUNK_FILES);
      const task: Promise<void> = pool
        .run({ files, markers: this.markers, collectImports: this.collectImports })
        .then(
          (result) => this.record(files, result),
          (error: unknown) => void this.failures.push(error),
        )
        .finally(() => {
          this.running.delete(task);
          this.dispatch();
        });
      this.running.add(task);
    }
  }

  private record(files: readonly string[], result: PrefilterChunkResult): void {
    for (const file of files) this.verdicts.set(file, 'unmatched');
    for (const index of result.matched) {
      this.verdicts.set(files[index], 'matched');
      for (const listener of this.matchListeners) listener(files[index]);
    }
    for (const [index, reason] of result.unreadable) this.verdicts.set(files[index], { reason });
    for (const [index, specifiers] of result.imports) this.imports.set(files[index], specifiers);
  }
}

/**
 * Reads every file and keeps those that hold one of `markers`, on worker threads when there are
 * many (reading is most of `--check`'s time on a large tree). Only the outcome crosses threads: the
 * bytes are read into a reused buffer and dropped.
 */
export async function prefilterFiles(
  files: readonly string[],
  markers: readonly string[],
  options: PrefilterOptions = {},
): Promise<PrefilterOutcome> {
  return new PrefilterRun(markers, options).outcomeFor(files);
}
