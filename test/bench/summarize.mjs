/**
 * Medians and the targets of issue 8 ("npm run bench") as data: what each compares, the limit,
 * and which rows it needs. A target whose rows were skipped or failed is "not measured", never a
 * pass.
 */

/** The middle value; for an even count, the mean of the two middle ones. */
export function median(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The median of a row's per-round ratios to its base row (`runs[i] / baseRuns[i]` for `key`): two
 * runs made one after the other see the same machine, so drift in its load cancels out, which a
 * ratio of two medians taken minutes apart does not do.
 */
export function pairedRatio(runs, baseRuns, key) {
  const ratios = [];
  for (let i = 0; i < Math.min(runs.length, baseRuns.length); i++) {
    const [value, base] = [runs[i][key], baseRuns[i][key]];
    if (typeof value === 'number' && typeof base === 'number' && base > 0) ratios.push(value / base);
  }
  return median(ratios);
}

/**
 * `wall` holds median wall times in ms by row id, `peakMb` the largest max RSS seen by row id,
 * `paired` each compared row's {@link pairedRatio} to its base. `value` returns undefined when a
 * row it reads is missing.
 */
export const TARGETS = [
  {
    id: 'check-vs-ripgrep',
    says: '`--check` on the full corpus ≤ 3× ripgrep searching the same markers',
    value: ({ wall }) => wall.check / wall.ripgrep,
    limit: 3,
    compare: '<=',
    unit: '×',
  },
  {
    id: 'check-vs-ast-grep',
    says: '`--check` on the full corpus ≥ 10× faster than ast-grep scan',
    value: ({ wall }) => wall['ast-grep'] / wall.check,
    limit: 10,
    compare: '>=',
    unit: '×',
  },
  {
    id: 'check-vs-jscodeshift',
    says: '`--check` on the full corpus ≥ 100× faster than jscodeshift running the transform',
    value: ({ wall }) => wall.jscodeshift / wall.check,
    limit: 100,
    compare: '>=',
    unit: '×',
  },
  {
    id: 'migrate-vs-check-plus-planted',
    says: 'full migration ≤ 1.2 × (`--check` + migration of a tree holding only the planted files)',
    value: ({ wall }) => wall.migrate / (wall.check + wall['migrate-planted']),
    limit: 1.2,
    compare: '<=',
    unit: '×',
  },
  {
    id: 'check-memory',
    says: 'peak memory of `--check` on the full corpus < 300 MB',
    value: ({ peakMb }) => peakMb.check,
    limit: 300,
    compare: '<',
    unit: ' MB',
  },
  {
    id: 'migrate-memory',
    says: 'peak memory of the migration of the full corpus < 300 MB',
    value: ({ peakMb }) => peakMb.migrate,
    limit: 300,
    compare: '<',
    unit: ' MB',
  },
  {
    id: 'eslint-overhead',
    says: 'ESLint with `recommended` on the subset ≤ 1.05× ESLint without our rules (both with `no-debugger` on; median of the per-round ratios)',
    value: ({ paired }) => paired?.['eslint-one-rule-recommended'],
    limit: 1.05,
    compare: '<=',
    unit: '×',
  },
  {
    id: 'pre-commit',
    says: '`--check` of 10 files named on the command line < 300 ms',
    value: ({ wall }) => wall['pre-commit'],
    limit: 300,
    compare: '<',
    unit: ' ms',
  },
  {
    id: 'start-up-version',
    says: '`--version` ≤ 1.3× `node -e 0` (median of the per-round ratios)',
    value: ({ paired }) => paired?.version,
    limit: 1.3,
    compare: '<=',
    unit: '×',
  },
  {
    id: 'start-up-check',
    says: '`--check` of 10 named legacy files ≤ 2.5× `node -e 0` (median of the per-round ratios)',
    value: ({ paired }) => paired?.['hook-legacy'],
    limit: 2.5,
    compare: '<=',
    unit: '×',
  },
];

const HOLDS = {
  '<': (value, limit) => value < limit,
  '<=': (value, limit) => value <= limit,
  '>=': (value, limit) => value >= limit,
};

/** Each target with its value and `pass`: true, false, or null when not measured. */
export function evaluateTargets(measured, targets = TARGETS) {
  return targets.map(({ id, says, value, limit, compare, unit }) => {
    const got = value(measured);
    const known = typeof got === 'number' && Number.isFinite(got);
    return { id, says, limit, compare, unit, value: known ? got : null, pass: known ? HOLDS[compare](got, limit) : null };
  });
}
