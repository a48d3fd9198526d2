/** A file or folder the run could not use, and why. */
export interface FileError {
  /** Path relative to cwd, forward slashes. */
  readonly file: string;
  readonly reason: string;
}

export function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  if (code === 'ENOENT') return 'was removed during the run';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot be read: ${(error as Error).message}`;
}

export function parseError(error: unknown): string {
  const { message, loc } = error as { message: string; loc?: { line: number; column: number } };
  return `cannot be parsed: ${message.replace(/\s*\(\d+:\d+\)$/, '')}${loc ? ` at line ${loc.line}, column ${loc.column + 1}` : ''}`;
}
