import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/ensure-built.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/migrate-share-video.cjs');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const UPLOAD = 'https://open-api.tiktok.com/share/video/upload/';

let project: string;

/** The installed CLI, as a user runs it: no colour variables, output to a pipe. */
function run(args: string[], cwd = project) {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const child = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function write(base: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
}

beforeAll(() => {
  ensureBuilt();
  project = mkdtempSync(join(tmpdir(), 'msv-cli-'));
  write(project, {
    'clean/app.ts': 'export const answer = 42;\n',
    'clean/notes.md': '# Notes\n',
    'legacy/upload.py': `import requests\n\nrequests.post("${UPLOAD}", files={"video": f})\n`,
    'legacy/vendor/ignored.py': `URL = "${UPLOAD}"\n`,
    'legacy/.gitignore': 'vendor/\n',
    'ambiguous/handler.java': 'case "video.upload.failed":\n',
    // A file a bad edit left broken: it holds a marker, so it is parsed, and cannot be.
    'broken/upload.js': '// TODO(migrate-share-video): send the init request\nconst response = ;\n',
    'broken/clean.ts': 'export const answer = 42;\n',
  });
}, 120_000);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('migrate-share-video: usage', () => {
  it('--help prints usage and exits 0', () => {
    const { status, stdout } = run(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: migrate-share-video [options] [paths...]');
    expect(stdout).toContain('migrate-share-video --check [options] [paths...]');
    expect(stdout).toContain('--dry-run');
    expect(stdout).toContain('--allow-dirty');
    expect(stdout).toContain('--ignore-pattern');
    expect(stdout).toContain('checked even if .gitignore excludes it');
  });

  it('--version prints the package version', () => {
    expect(run(['--version'])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it.for([
    ['an unknown flag', ['--check', '--bogus'], /Unknown option '--bogus'/],
    ['a bad --format', ['--check', '--format', 'xml', 'clean'], /--format must be one of text, json, sarif/],
    ['SARIF without --check', ['--format', 'sarif', 'clean'], /--format sarif is for --check/],
  ])('exits 2 on %s, with the reason on stderr', ([, args, message]) => {
    const { status, stdout, stderr } = run(args as string[]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message as RegExp);
    expect(stderr).toContain('--help');
  });

  it('exits 2 when a target does not exist', () => {
    const { status, stderr } = run(['--check', 'clean', 'no/such/dir']);
    expect(status).toBe(2);
    expect(stderr).toContain('no/such/dir');
  });
});

describe('migrate-share-video --check', () => {
  it('exits 0 and says so on a clean tree', () => {
    const { status, stdout } = run(['--check', 'clean']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^No legacy Share Video API usage found in 2 files\.$/m);
    expect(stdout).not.toMatch(/\x1b\[/);
  });

  it.for(['text', 'json', 'sarif'])('never passes a file it could not parse: exit 2 and the file named (%s)', (format) => {
    const { status, stdout } = run(['--check', 'broken', '--format', format]);
    expect(status).toBe(2);
    expect(stdout).toContain('broken/upload.js');
    expect(stdout).toContain('cannot be parsed');
    if (format === 'text') expect(stdout).not.toContain('No legacy Share Video API usage found in 2 files');
    if (format === 'sarif') expect(JSON.parse(stdout).runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  // Needs analyzeFiles to hand non-JavaScript files to scanText.
  it('exits 1 with file:line:column for a legacy URL in a Python file, honouring .gitignore', () => {
    const { status, stdout } = run(['--check', 'legacy']);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^legacy\/upload\.py:3:16 {2}error {4}Retired Share Video upload endpoint .* {2}text\/legacy-share-endpoint$/m);
    expect(stdout).not.toContain('ignored.py');
    expect(stdout).not.toMatch(/\x1b\[/);
  });

  it('checks a file named explicitly even if .gitignore excludes it', () => {
    const { status, stdout } = run(['--check', 'legacy/vendor/ignored.py']);
    expect(status).toBe(1);
    expect(stdout).toContain('legacy/vendor/ignored.py:1:8');
  });

  it('--ignore-pattern leaves files out', () => {
    expect(run(['--check', '--ignore-pattern', '*.py', 'legacy']).status).toBe(0);
  });

  it('--quiet drops warnings, and with them the exit status they cause', () => {
    expect(run(['--check', 'ambiguous']).status).toBe(1);
    const { status, stdout } = run(['--check', '--quiet', 'ambiguous']);
    expect(status).toBe(0);
    expect(stdout).not.toContain('handler.java:');
  });

  it('--format json prints the report as JSON', () => {
    const { status, stdout } = run(['--check', '--format', 'json', 'legacy', 'clean']);
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(VERSION);
    expect(report.findings).toMatchObject([
      { file: 'legacy/upload.py', line: 3, column: 16, ruleId: 'text/legacy-share-endpoint' },
      { file: 'legacy/upload.py', line: 3, column: 74, ruleId: 'text/legacy-request-part', messageId: 'videoField' },
    ]);
    expect(report.summary).toMatchObject({
      filesScanned: 3,
      findings: 2,
      byRule: { 'text/legacy-share-endpoint': 1, 'text/legacy-request-part': 1 },
    });
  });

  it('--output writes the report to a file, whole, and nothing to stdout', () => {
    const { status, stdout } = run(['--check', '--format', 'sarif', '--output', 'reports.sarif', 'legacy']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    const log = JSON.parse(readFileSync(join(project, 'reports.sarif'), 'utf8'));
    expect(log.runs[0].results).toHaveLength(2);
    expect(log.runs[0].tool.driver.version).toBe(VERSION);
    expect(readdirSync(project).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 2 when the report cannot be written', () => {
    const { status, stderr } = run(['--check', '--output', 'no/such/folder/report.txt', 'clean']);
    expect(status).toBe(2);
    expect(stderr).toContain('cannot write the report to no/such/folder/report.txt');
  });
});
