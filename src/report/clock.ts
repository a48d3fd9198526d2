/**
 * Milliseconds from an arbitrary origin, for durations. Not `performance.now()`: the first read of
 * that global loads `perf_hooks`, a module a pre-commit hook's `--check` would load for one number.
 */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
