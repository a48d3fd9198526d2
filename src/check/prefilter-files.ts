import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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

type Verdict = 'matched' | 'unmatched' | { readonly reason: string };

/**
 * The prefilter fed as files are found: the walk of a large tree hands over each batch at once, so
 * the threads read while the walk goes on. Threads start only once the files found pass
 * {@link MIN_FILES_FOR_THREADS}; until then (and for good, in a small tree) files wait to be read
 * in this thread. Each file is read once, however often it is added.
 */
export class PrefilterRun {
  private readonly verdicts = new Map<string, Verdict>();
  private readonly imports = new Map<string, string[]>();
  private readonly seen = new Set<string>();
  private readonly waiting: string[] = [];
  private readonly running: Array<Promise<void>> = [];
  private starting: Promise<void> | undefined;
  private pool: Piscina<PrefilterTask, PrefilterChunkResult> | undefined;
  private readonly threads: number;
  private readonly collectImports: boolean;

  constructor(private readonly markers: readonly string[], options: PrefilterOptions = {}) {
    this.threads = options.threads ?? availableParallelism();
    this.collectImports = options.collectImports ?? false;
  }

  add(files: readonly string[]): void {
    for (const file of files) {
      if (this.seen.has(file)) continue;
      this.seen.add(file);
      this.waiting.push(file);
    }
    if (this.starting === undefined && this.seen.size >= MIN_FILES_FOR_THREADS && this.threads > 1 && existsSync(fileURLToPath(WORKER_FILE))) {
      this.starting = this.startPool();
    }
    if (this.pool !== undefined) this.dispatch(false);
  }

  /** Every verdict, once all the files added are read; `files` not added before are read now. */
  async outcomeFor(files: readonly string[]): Promise<PrefilterOutcome> {
    this.add(files);
    try {
      if (this.starting === undefined) {
        const rest = this.waiting.splice(0);
        this.record(rest, prefilterChunk({ files: rest, markers: this.markers, collectImports: this.collectImports }));
      } else {
        await this.starting;
        this.dispatch(true);
        const settled = await Promise.allSettled(this.running);
        const failed = settled.find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
      }
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

  /** Stops the threads (a run that ends before asking for the outcome must call it). */
  async close(): Promise<void> {
    await this.starting?.catch(() => {});
    const pool = this.pool;
    this.pool = undefined;
    if (pool === undefined) return;
    await Promise.allSettled(this.running);
    await pool.destroy();
  }

  private async startPool(): Promise<void> {
    const { Piscina } = await import('piscina');
    this.pool = new Piscina<PrefilterTask, PrefilterChunkResult>({ filename: WORKER_FILE.href, minThreads: this.threads, maxThreads: this.threads });
    this.dispatch(false);
  }

  /** Sends whole chunks to the threads; `all`: the last, partial one too. */
  private dispatch(all: boolean): void {
    const pool = this.pool!;
    while (this.waiting.length >= CHUNK_FILES || (all && this.waiting.length > 0)) {
      const files = this.waiting.splice(0, CHUNK_FILES);
      this.running.push(pool.run({ files, markers: this.markers, collectImports: this.collectImports }).then((result) => this.record(files, result)));
    }
  }

  private record(files: readonly string[], result: PrefilterChunkResult): void {
    for (const file of files) this.verdicts.set(file, 'unmatched');
    for (const index of result.matched) this.verdicts.set(files[index]!, 'matched');
    for (const [index, reason] of result.unreadable) this.verdicts.set(files[index]!, { reason });
    for (const [index, specifiers] of result.imports) this.imports.set(files[index]!, specifiers);
  }
}

/**
 * Reads every file and keeps those that hold one of `markers`, on worker threads when there are
 * many (reading is most of `--check`'s time on a large tree). Only the outcome crosses threads: the
 * bytes are read into a reused buffer and dropped.
 */
export async function prefilterFiles(files: readonly string[], markers: readonly string[], options: PrefilterOptions = {}): Promise<PrefilterOutcome> {
  return new PrefilterRun(markers, options).outcomeFor(files);
}
