export interface ColorContext {
  /** `--color` / `--no-color`, if given. */
  readonly flag: boolean | undefined;
  readonly env: NodeJS.ProcessEnv;
  /** Whether the report goes to a terminal (not a pipe, not `--output`). */
  readonly toTerminal: boolean;
}

/**
 * The flag first, then NO_COLOR (no-color.org: set and not empty), then FORCE_COLOR (as
 * picocolors and chalk read it, with `0` and `false` meaning off), then whether a terminal that
 * is not `dumb` reads the report.
 */
export function useColor({ flag, env, toTerminal }: ColorContext): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return toTerminal && env.TERM !== 'dumb';
}
