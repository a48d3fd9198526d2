import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/ensure-built.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const UPLOAD = 'https://open-api.tiktok.com/share/video/upload/';
const nodeCachesItself =
  typeof (createRequire(import.meta.url)('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';

let work: string;
let cache: string;

/** The CLI as bin/ starts it, its compile cache in a folder of the test's. */
function check(): { status: number | null; stdout: string; stderr: string } {
  const script = `require(${JSON.stringify(join(ROOT, 'bin/compile-cache.cjs'))})(${JSON.stringify(cache)});
require(${JSON.stringify(join(ROOT, 'dist/cli.cjs'))}).main(['--check', '.']).then((status) => { process.exitCode = status; });`;
  const env = { ...process.env };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  const child = spawnSync(process.execPath, ['-e', script], { cwd: work, env, encoding: 'utf8' });
  // The run's own timing is the one line two runs may differ in.
  return { status: child.status, stdout: child.stdout.replace(/in [\d.]+ s\./, 'in … s.'), stderr: child.stderr };
}

const cached = () => readdirSync(cache).sort();

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'msv-compile-cache-'));
  cache = join(work, 'cache');
  writeFileSync(join(work, 'upload.js'), `fetch('${UPLOAD}?open_id=' + id + '&access_token=' + token, { method: 'POST', body: form });\n`);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(nodeCachesItself)('the compile cache of the CLI on Node 20 (bin/compile-cache.cjs)', () => {
  // A folder, so the check imports its globber with `import()`, which a compiled script must hand to Node.
  it('is written by a first run, read by the next, and changes nothing the check says', () => {
    const first = check();
    expect(first.status).toBe(1);
    expect(cached().map((name) => name.replace(/-[0-9a-f]{40}$/, ''))).toEqual(['cli.cjs', 'index.js']);
    const written = cached().map((name) => statSync(join(cache, name)).mtimeMs);
    const second = check();
    expect(second).toEqual(first);
    // Read, not taken again: V8 accepted it.
    expect(cached().map((name) => statSync(join(cache, name)).mtimeMs)).toEqual(written);
  });

  it('sets a damaged cache aside, which V8 would crash on, and writes it anew', () => {
    const before = check();
    const file = join(
      cache,
      cached().find((name) => name.startsWith('cli.cjs-'))!,
    );
    const bytes = readFileSync(file);
    for (let at = 100_000; at < 100_400; at++) bytes[at] ^= 0x55;
    writeFileSync(file, bytes);
    expect(check()).toEqual(before);
    expect(readFileSync(file).equals(bytes)).toBe(false);
    expect(check()).toEqual(before);
  });

  it('drops the cache of an earlier build of the same file when it writes a new one', () => {
    const stale = join(cache, `cli.cjs-${'0'.repeat(40)}`);
    writeFileSync(stale, 'an earlier build');
    rmSync(
      join(
        cache,
        cached().find((name) => name.startsWith('cli.cjs-') && !name.endsWith('0'.repeat(40)))!,
      ),
    );
    check();
    expect(cached().filter((name) => name.startsWith('cli.cjs-'))).toHaveLength(1);
    expect(cached()).not.toContain(`cli.cjs-${'0'.repeat(40)}`);
  });

  it('runs as before where the cache can be neither read nor written', () => {
    const before = check();
    // A file where the folder would be: every read and write of the cache fails, even as root.
    rmSync(cache, { recursive: true, force: true });
    writeFileSync(cache, '');
    expect(check()).toEqual(before);
    rmSync(cache, { force: true });
  });
});
