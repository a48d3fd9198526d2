import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.js';
import { inShard, parseShard } from '../../src/files/shard.js';

const ROOT = resolve(import.meta.dirname, '../..');
const UPLOAD = 'https://open-api.tiktok.com/share/video/upload/';
let project: string;
let reports: string;

/** A legacy constant in one module, and clients without any marker of their own importing it. */
function writeProject(base: string): void {
  const files: Record<string, string> = {
    'src/config/tiktok.ts': `export const UPLOAD_URL = '${UPLOAD}';\n`,
    'src/hooks/on-event.ts': `export function onEvent(event: { type: string }) {\n  if (event.type === 'video.upload.failed') return 'retry';\n  return 'ok';\n}\n`,
  };
  for (let index = 0; index < 12; index++) {
    files[`src/clients/client-${index}.ts`] =
      `import { UPLOAD_URL } from '../config/tiktok.js';\n\nexport async function post${index}(token: string, body: FormData) {\n` +
      `  return fetch(\`\${UPLOAD_URL}?open_id=u&access_token=\${token}\`, { method: 'POST', body });\n}\n`;
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
}

async function run(argv: string[], cwd = project) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    env: {},
  };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'msv-shard-'));
  reports = mkdtempSync(join(tmpdir(), 'msv-shard-reports-'));
  writeProject(project);
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(reports, { recursive: true, force: true });
});

describe('parseShard and inShard', () => {
  it('reads i/n and refuses what is not a shard', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('0/3')).toMatch(/from 1 to 3/);
    expect(parseShard('4/3')).toMatch(/from 1 to 3/);
    expect(parseShard('1/0')).toMatch(/from 1 to 1024/);
    expect(parseShard('a/b')).toMatch(/takes i\/n/);
  });

  it('puts every path in exactly one shard, spread evenly', () => {
    const paths = Array.from({ length: 3000 }, (_, index) => `packages/p${index % 17}/src/file-${index}.ts`);
    const sizes = [1, 2, 3, 4].map((index) => paths.filter((path) => inShard(path, { index, count: 4 })).length);
    expect(sizes.reduce((a, b) => a + b)).toBe(3000);
    for (const size of sizes) expect(size).toBeGreaterThan(650);
  });
});

describe('--check --shard and --merge', () => {
  it('finds in each shard the clients it owns, following their imports into other shards', async () => {
    const whole = JSON.parse((await run(['--check', '.', '--format', 'json'])).stdout);
    expect(whole.findings.filter((finding: { file: string }) => finding.file.startsWith('src/clients/')).length).toBeGreaterThanOrEqual(12);
    for (const count of [2, 3, 5]) {
      const parts = [];
      for (let index = 1; index <= count; index++)
        parts.push(JSON.parse((await run(['--check', '.', '--format', 'json', '--shard', `${index}/${count}`])).stdout));
      const files = (part: { findings: Array<{ file: string }> }) => new Set(part.findings.map((finding) => finding.file));
      // Shards own disjoint files, together all of them.
      expect(parts.reduce((sum, part) => sum + part.summary.filesScanned, 0)).toBe(whole.summary.filesScanned);
      expect(parts.flatMap((part) => part.findings).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
        [...whole.findings].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      );
      // The cross-shard path was taken: a client was found in a shard that does not own the config module.
      const configShard = parts.find((part) => part.summary.filesScanned > 0 && files(part).has('src/config/tiktok.ts'));
      expect(parts.some((part) => part !== configShard && [...files(part)].some((file) => file.startsWith('src/clients/')))).toBe(true);
      expect(parts.every((part) => part.summary.shard.count === count)).toBe(true);
    }
  });

  it('merges the shard reports into the unsharded report, in every format', async () => {
    const whole = await run(['--check', '.', '--format', 'json']);
    const names = [];
    for (let index = 1; index <= 3; index++) {
      const name = join(reports, `shard-${index}.json`);
      expect((await run(['--check', '.', '--format', 'json', '--shard', `${index}/3`, '--output', name])).status).not.toBe(2);
      names.push(name);
    }
    const merged = await run(['--merge', ...names, '--format', 'json']);
    expect(merged.status).toBe(1);
    const [a, b] = [JSON.parse(whole.stdout), JSON.parse(merged.stdout)];
    expect(b.findings).toEqual(a.findings);
    expect(b.summary).toMatchObject({
      filesScanned: a.summary.filesScanned,
      filesAnalyzed: a.summary.filesAnalyzed,
      findings: a.summary.findings,
      byRule: a.summary.byRule,
      mergedFrom: 3,
    });
    expect((await run(['--merge', ...names])).stdout).toMatch(/merged from 3 reports/);
    expect(JSON.parse((await run(['--merge', ...names, '--format', 'sarif'])).stdout).runs[0].results).toHaveLength(a.findings.length);
  });

  it('refuses an incomplete, repeated or mixed set of reports, and what is not a report', async () => {
    const shard = (index: number, count: number) => join(reports, `set-${index}-of-${count}.json`);
    for (const [index, count] of [
      [1, 3],
      [2, 3],
      [3, 3],
      [1, 2],
    ])
      await run(['--check', '.', '--format', 'json', '--shard', `${index}/${count}`, '--output', shard(index, count)]);
    const whole = join(reports, 'whole.json');
    await run(['--check', '.', '--format', 'json', '--output', whole]);
    const notReport = join(reports, 'package.json');
    writeFileSync(notReport, '{"name": "x"}');
    const cases: Array<[string[], RegExp]> = [
      [[shard(1, 3), shard(3, 3)], /shard 2\/3 is missing/],
      [[shard(1, 3), shard(2, 3), shard(3, 3), shard(3, 3)], /shard 3\/3 is given twice/],
      [[shard(1, 3), shard(2, 3), shard(1, 2)], /of 3 shards/],
      [[shard(1, 3), whole], /not a shard report/],
      [[notReport], /is not a report of/],
      [[join(reports, 'absent.json')], /cannot read the report/],
    ];
    for (const [files, message] of cases) {
      const { status, stderr } = await run(['--merge', ...files]);
      expect(status, files.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
  });

  it('refuses --shard for the rewrite and bad --merge combinations', async () => {
    expect((await run(['--shard', '1/2', '--dry-run', '.'])).stderr).toMatch(/--shard applies to --check/);
    expect((await run(['--merge'])).stderr).toMatch(/--merge needs the JSON reports/);
    expect((await run(['--merge', '--shard', '1/2', 'a.json'])).stderr).toMatch(/cannot go with it/);
  });

  it('gives the same findings, merged, as one run over the fixtures and the example app', async () => {
    const argsFor = (extra: string[]) => ['--check', 'fixtures', 'examples', '--format', 'json', ...extra];
    const whole = JSON.parse((await run(argsFor([]), ROOT)).stdout);
    expect(whole.findings.length).toBeGreaterThan(100);
    const names = [];
    for (let index = 1; index <= 4; index++) {
      const name = join(reports, `repo-${index}.json`);
      await run(argsFor(['--shard', `${index}/4`, '--output', name]), ROOT);
      names.push(name);
    }
    const merged = JSON.parse((await run(['--merge', ...names, '--format', 'json'], ROOT)).stdout);
    expect(merged.findings).toEqual(whole.findings);
    expect(merged.summary.errors).toEqual(whole.summary.errors);
    // Six runs of the CLI over every fixture, beside the other test files on two cores: a correctness
    // test, not a timed one (speed is the benchmark's), so it waits past vitest's default 5 s.
  }, 60_000);
});
