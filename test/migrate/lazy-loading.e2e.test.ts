import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/ensure-built.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/migrate-share-video.cjs');
let work: string;

/** The packages a run loaded, from Node's own module log (every one of these is CommonJS). */
function packagesLoaded(args: string[]): Set<string> {
  const child = spawnSync(process.execPath, [CLI, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NODE_DEBUG: 'module', NO_COLOR: '1' },
  });
  expect(child.status, child.stderr.slice(-2000)).not.toBe(2);
  return new Set(Array.from(child.stderr.matchAll(/node_modules\/((?:@[^/"]+\/)?[^/"]+)/g), (match) => match[1]!));
}

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'msv-lazy-'));
  writeFileSync(join(work, 'clean.ts'), 'export const answer = 42;\n');
  writeFileSync(
    join(work, 'upload.ts'),
    "export async function up(token: string, form: FormData) {\n  return fetch('https://open-api.tiktok.com/share/video/upload/?open_id=x&access_token=' + token, { method: 'POST', body: form });\n}\n",
  );
  cpSync(join(ROOT, 'fixtures/rename-payload-types/upload-response-across-files/input'), join(work, 'typed'), { recursive: true });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('what a run loads: nothing it does not need', () => {
  it('--check of a clean file loads no parser, no codemod, no ts-morph', () => {
    const loaded = packagesLoaded(['--check', 'clean.ts']);
    for (const name of ['@babel/parser', 'jscodeshift', 'recast', 'ts-morph', 'typescript', 'piscina'])
      expect(loaded, name).not.toContain(name);
  });

  it('--check of a legacy file loads the parser, not the codemod nor ts-morph', () => {
    const loaded = packagesLoaded(['--check', 'upload.ts']);
    expect(loaded).toContain('@babel/parser');
    for (const name of ['jscodeshift', 'ts-morph', 'typescript']) expect(loaded, name).not.toContain(name);
  });

  it('the rewrite of an upload with no payload types loads the codemod, not ts-morph', () => {
    const loaded = packagesLoaded(['--dry-run', 'upload.ts']);
    expect(loaded).toContain('jscodeshift');
    for (const name of ['ts-morph', 'typescript']) expect(loaded, name).not.toContain(name);
  });

  it('ts-morph is loaded where a payload type is renamed across files', () => {
    expect(packagesLoaded(['--dry-run', 'typed'])).toContain('ts-morph');
  });
});
