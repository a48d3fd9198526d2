import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * `npm test` builds first; a bare `vitest run` on a fresh clone builds here what the CLI runs: tsc's
 * output (the rewrite, the workers) and the bundle the `bin` loads.
 */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist/cli.cjs')) && existsSync(join(ROOT, 'dist/src/cli/main.js'))) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')]);
  execFileSync(process.execPath, [join(ROOT, 'build/bundle-cli.mjs')]);
}
