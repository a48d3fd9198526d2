/**
 * Time as the mock sees it. Upload URLs expire after an hour and rate limits slide over a minute
 * (§3.2, §3.3); tests move a manual clock instead of waiting.
 */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export interface ManualClock {
  readonly now: Clock;
  advance(ms: number): void;
  set(epochMs: number): void;
}

export function createManualClock(startMs = Date.now()): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (epochMs) => {
      current = epochMs;
    },
  };
}
