import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The README's first command, on the bundled example: every expected finding, and nothing else. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/legacy-app');

describe('examples/legacy-app', () => {
  it('--check reports exactly expected-findings.json and exits 1', () => {
    const child = spawnSync(process.execPath, [path.join(ROOT, 'bin/migrate-share-video.cjs'), '--check', '--format', 'json', '.'], {
      cwd: EXAMPLE,
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
    const report = JSON.parse(child.stdout) as { findings: { file: string; line: number; ruleId: string }[] };
    const expected = JSON.parse(readFileSync(path.join(EXAMPLE, 'expected-findings.json'), 'utf8')) as Record<
      string,
      { line: number; ruleId: string }[]
    >;
    const key = (f: { file?: string; line: number; ruleId: string }) => `${f.file}:${f.line} ${f.ruleId}`;
    const want = Object.entries(expected)
      .flatMap(([file, list]) => list.map((f) => key({ ...f, file })))
      .sort();
    expect(report.findings.map(key).sort()).toEqual(want);
  });
});
