import { describe, expect, it } from 'vitest';
import { evaluateTargets, median, pairedRatio, TARGETS } from './summarize.mjs';

describe('the bench summary', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  // A quiet 2-core machine where every target holds, each at its limit where the limit is inclusive.
  const passing = {
    wall: {
      check: 1200,
      ripgrep: 400,
      'ast-grep': 12_000,
      jscodeshift: 120_000,
      migrate: 1440,
      'migrate-planted': 0,
      'eslint-baseline': 100,
      'eslint-recommended': 105,
      'pre-commit': 299,
    },
    peakMb: { check: 299, migrate: 299 },
    paired: { 'eslint-one-rule-recommended': 1.05, version: 1.3, 'hook-legacy': 2.5 },
  };

  it('passes every target at its inclusive limits', () => {
    const results = evaluateTargets(passing);
    expect(results.map((result) => result.id)).toEqual(TARGETS.map((target) => target.id));
    expect(results.filter((result) => result.pass !== true)).toEqual([]);
  });

  it('fails a strict limit when it is reached, and a ratio past its limit', () => {
    const results = evaluateTargets({
      wall: { ...passing.wall, 'pre-commit': 300, ripgrep: 120 },
      peakMb: passing.peakMb,
      paired: { 'eslint-one-rule-recommended': 1.051, version: 1.31, 'hook-legacy': 2.5 },
    });
    const failed = results.filter((result) => result.pass === false);
    expect(failed.map((result) => result.id)).toEqual(['check-vs-ripgrep', 'eslint-overhead', 'pre-commit', 'start-up-version']);
    expect(failed[0]!.value).toBe(10);
  });

  it('reports a target whose rows were not measured as such, never as a pass', () => {
    const results = evaluateTargets({ wall: { ...passing.wall, jscodeshift: undefined }, peakMb: {} });
    const unknown = results.filter((result) => result.pass === null).map((result) => result.id);
    expect(unknown).toEqual([
      'check-vs-jscodeshift',
      'check-memory',
      'migrate-memory',
      'eslint-overhead',
      'start-up-version',
      'start-up-check',
    ]);
  });

  it('pairs each run with the base run of the same round, so a drifting machine cancels out', () => {
    // The machine slows down from round to round; each pair still shows the same 2% overhead.
    const base = [100, 120, 140, 160].map((wallMs) => ({ wallMs }));
    const runs = base.map(({ wallMs }) => ({ wallMs: wallMs * 1.02 }));
    expect(pairedRatio(runs, base, 'wallMs')).toBeCloseTo(1.02, 10);
    const shuffled = [runs[3]!, runs[0]!, runs[1]!, runs[2]!];
    expect(pairedRatio(shuffled, base, 'wallMs')).toBeCloseTo(0.883, 3);
    expect(pairedRatio([{ wallMs: 50 }, { wallMs: null }], [{ wallMs: 40 }, { wallMs: 10 }, { wallMs: 10 }], 'wallMs')).toBe(1.25);
  });
});
