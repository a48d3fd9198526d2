import { nowMs } from '../report/clock.js';

/** Where progress goes: the CLI's stderr. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressOptions {
  readonly stream: ProgressStream;
  readonly env: NodeJS.ProcessEnv;
  /** Nothing is shown before the run has lasted this long (ms). */
  readonly delayMs?: number;
  /** At most one redraw per this many ms. */
  readonly intervalMs?: number;
  /** For tests. */
  readonly now?: () => number;
}

export interface Progress {
  /** `done` of `total` files are finished. */
  update(done: number, total: number): void;
  /** Clears the line if one was drawn. */
  stop(): void;
}

const CLEAR_LINE = '\r\x1b[2K';

const silent: Progress = { update() {}, stop() {} };

/** A terminal, not CI, not a dumb terminal: the only place an updating line belongs. */
export function showsProgress(stream: ProgressStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.CI && env.TERM !== 'dumb';
}

/**
 * A single updating line `migrate-share-video: 1234/42000 files` on a terminal's stderr, for runs
 * that last more than a moment; redrawn at most every `intervalMs`, cleared by `stop`. In a pipe or
 * in CI (`CI` set) it prints nothing at all. Redraws are driven by `update` calls, not a timer, so
 * nothing keeps the process alive and nothing is drawn after `stop`.
 */
export function createProgress(options: ProgressOptions): Progress {
  if (!showsProgress(options.stream, options.env)) return silent;
  const now = options.now ?? nowMs;
  const delayMs = options.delayMs ?? 300;
  const intervalMs = options.intervalMs ?? 100;
  const started = now();
  let drawnAt = -Infinity;
  let drawn = false;
  let stopped = false;
  return {
    update(done, total) {
      if (stopped) return;
      const time = now();
      if (time - started < delayMs || time - drawnAt < intervalMs) return;
      drawnAt = time;
      drawn = true;
      options.stream.write(`${CLEAR_LINE}migrate-share-video: ${done}/${total} files`);
    },
    stop() {
      if (drawn && !stopped) options.stream.write(CLEAR_LINE);
      stopped = true;
    },
  };
}
