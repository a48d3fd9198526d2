import type { CliIo } from './io.js';
import { maskSecrets } from './mask-secrets.js';

export const EXIT_CLEAN = 0;
/** Legacy code found (`--check`), or left to a person. */
export const EXIT_FINDINGS = 1;
/** Bad usage, a target that does not exist, a report that cannot be written; for the rewrite also errors and a dirty tree. */
export const EXIT_TROUBLE = 2;

/** Says what went wrong on stderr, secrets masked; the exit status for it. */
export function fail(io: Pick<CliIo, 'stderr'>, message: string, hint = ''): number {
  io.stderr.write(maskSecrets(`migrate-share-video: ${message}\n${hint}`));
  return EXIT_TROUBLE;
}
