import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.js';

const ANSI = /\x1b\[/;
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'msv-main-'));
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src/upload.sh'), 'curl -F video=@a.mp4 "https://open-api.tiktok.com/share/video/upload/"\n');
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

async function runMain(argv: string[], { isTTY = false, env = {} as NodeJS.ProcessEnv } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: project,
    env,
  };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

describe('main: colour in the text report', () => {
  it.for([
    ['a terminal', { isTTY: true, env: {} }, [], true],
    ['a pipe', { isTTY: false, env: {} }, [], false],
    ['a terminal with NO_COLOR', { isTTY: true, env: { NO_COLOR: '1' } }, [], false],
    ['a terminal with --no-color', { isTTY: true, env: {} }, ['--no-color'], false],
    ['a pipe with FORCE_COLOR', { isTTY: false, env: { FORCE_COLOR: '1' } }, [], true],
    ['a pipe with --color', { isTTY: false, env: {} }, ['--color'], true],
  ] as const)('on %s', async ([, context, flags, coloured]) => {
    const { status, stdout } = await runMain(['--check', ...flags, 'src'], context);
    expect(status).toBe(1);
    expect(stdout).toContain('src/upload.sh:1:');
    expect(ANSI.test(stdout)).toBe(coloured);
  });

  it('writes no colour to an --output file, even from a terminal', async () => {
    const { status, stdout } = await runMain(['--check', '--output', 'report.txt', 'src'], { isTTY: true });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    const report = readFileSync(join(project, 'report.txt'), 'utf8');
    expect(report).toContain('src/upload.sh:1:');
    expect(report).not.toMatch(ANSI);
  });

  it('colours nothing in JSON and SARIF, even when forced', async () => {
    for (const format of ['json', 'sarif']) {
      const { stdout } = await runMain(['--check', '--format', format, '--color', 'src'], { isTTY: true });
      expect(() => JSON.parse(stdout)).not.toThrow();
    }
  });
});

describe('main: exit status', () => {
  it('is 2 for every missing target, each named on stderr', async () => {
    const { status, stdout, stderr } = await runMain(['--check', 'src', 'gone', 'lost/*.py']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('gone');
    expect(stderr).toContain('lost/*.py');
  });

  it('is 0 for an empty folder', async () => {
    mkdirSync(join(project, 'empty'), { recursive: true });
    const { status, stdout } = await runMain(['--check', 'empty']);
    expect(status).toBe(0);
    expect(stdout).toContain('No legacy Share Video API usage found in 0 files.');
  });
});
