import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, tempTree, UPLOAD } from './helpers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/migrate-share-video.cjs');

/**
 * Files that pass the prefilter (each holds a legacy marker) but whose code is not TikTok's: the
 * codemod must leave every one as it is, the stub of today and the real one alike. Five of them
 * are more than the pool's threshold, so `--workers 2` sends them to worker threads.
 */
const LOOKALIKES: Record<string, string> = {
  'src/douyin.js': `export const DOUYIN_UPLOAD = 'https://open.douyin.com/share/video/upload/';\n`,
  'src/db/columns.js': `export const VIDEO_COLUMNS = ['id', 'share_id', 'created_at'];\n`,
  'src/bunny.ts': `export function onEvent(event: string) {\n  if (event === 'video.upload.failed') return 'bunny';\n  return 'ok';\n}\n`,
  'src/models/share.ts': `export interface ShareRow {\n  share_id: string;\n  owner: string;\n}\n`,
  'src/vimeo.js': `// Vimeo sends video.publish.complete when a video is published.\nexport const VIMEO_EVENT = 'vimeo.video.publish.complete';\n`,
};

let tree: string;

function run(args: string[], cwd = tree) {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const child = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function snapshot(root: string): Record<string, [string, number]> {
  const result: Record<string, [string, number]> = {};
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    const path = join(root, name);
    if (!name.startsWith('.git') && statSync(path).isFile()) result[name] = [readFileSync(path, 'utf8'), statSync(path).mtimeMs];
  }
  return result;
}

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` on a fresh clone builds here.
  if (!existsSync(join(ROOT, 'dist/src/migrate/transform-worker.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')]);
  }
  tree = tempTree({ ...LOOKALIKES, 'src/clean.js': 'export const answer = 42;\n', 'README.md': '# App\n' });
}, 120_000);

afterAll(() => {
  rmSync(tree, { recursive: true, force: true });
});

describe('migrate-share-video (rewrite), the built CLI', () => {
  it("runs the codemod on worker threads with --workers 2 and leaves code that is not TikTok's as it is", () => {
    const before = snapshot(tree);
    const { status, stdout, stderr } = run(['--workers', '2', '.']);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^7 files scanned, 0 changed, 0 sites rewritten, 0 TODOs left, 0 errors, in \d+\.\d\d s\.$/m);
    expect(status).toBe(0);
    expect(snapshot(tree)).toEqual(before);
  });

  it('rewrites legacy uploads on worker threads as the codemod fixtures say, and a second run changes nothing', () => {
    const fixtures = join(ROOT, 'fixtures/rewrite-upload-call');
    const cases = [
      ['axios-config-call', 'input.js', 'output.js'],
      ['fetch-formdata-template-query-tokens', 'input.ts', 'output.ts'],
    ];
    const root = tempTree({
      ...LOOKALIKES,
      ...Object.fromEntries(cases.map(([name, input]) => [`src/${name}${input.slice(5)}`, readFileSync(join(fixtures, name, input))])),
    });
    try {
      commitAll(root);
      const first = run(['--workers', '2', 'src'], root);
      expect(first.stderr).toBe('');
      expect(first.stdout).toMatch(/^7 files scanned, 2 changed, \d+ sites rewritten, 0 TODOs left, 0 errors, in /m);
      expect(first.status).toBe(0);
      for (const [name, input, output] of cases) {
        expect(readFileSync(join(root, 'src', `${name}${input.slice(5)}`), 'utf8')).toBe(
          readFileSync(join(fixtures, name, output), 'utf8'),
        );
      }
      const second = run(['--workers', '2', '--allow-dirty', 'src'], root);
      expect(second.stdout).toMatch(/^7 files scanned, 0 changed, 0 sites rewritten, 0 TODOs left, 0 errors, in /m);
      expect(second.status).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('on the bundled example, leaves exactly as many TODOs as --check then finds, and a second run changes nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'msv-example-'));
    try {
      cpSync(join(ROOT, 'examples/legacy-app'), root, { recursive: true });
      const first = JSON.parse(run(['--format', 'json', '--workers', '2', '.'], root).stdout);
      expect(first.errors).toEqual([]);
      expect(first.summary.filesChanged).toBeGreaterThan(0);
      const check = JSON.parse(run(['--check', '--format', 'json', '.'], root).stdout);
      const where = (items: { file: string; line: number; column: number; ruleId: string }[]) =>
        items.map(({ file, ruleId }) => `${file} ${ruleId.replace(/^text\//, '')}`).sort();
      // --check reports the legacy code left (one finding a TODO) and each TODO comment the run wrote.
      const legacy = check.findings.filter((finding: { ruleId: string }) => finding.ruleId !== 'no-migration-todo');
      const comments = check.findings.filter((finding: { ruleId: string }) => finding.ruleId === 'no-migration-todo');
      // A TODO that goes with a rewrite (check the scope, verify a domain) has no legacy code under it.
      const sites = first.todos.filter((todo: { ruleId: string }) => todo.ruleId !== 'no-migration-todo');
      expect(legacy).toHaveLength(sites.length);
      expect(where(legacy)).toEqual(where(sites));
      expect(new Set(comments.map((c: { file: string }) => c.file))).toEqual(
        new Set(first.todos.filter((t: { ruleId: string }) => !t.ruleId.startsWith('text/')).map((t: { file: string }) => t.file)),
      );
      const second = JSON.parse(run(['--format', 'json', '--workers', '2', '.'], root).stdout);
      expect(second.summary).toMatchObject({ filesChanged: 0, sitesRewritten: 0, todosLeft: first.todos.length, errors: 0 });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('--format json from the pool', () => {
    const { status, stdout } = run(['--workers', '2', '--format', 'json', 'src']);
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ dryRun: false, filesScanned: 6, filesAnalyzed: 5, filesChanged: 0, errors: 0 });
    expect(report.errors).toEqual([]);
  });

  it('--dry-run writes nothing, with a legacy call among the files', () => {
    const root = tempTree({
      ...LOOKALIKES,
      'src/upload.js': `export const upload = (form) => fetch('${UPLOAD}', { method: 'POST', body: form });\n`,
    });
    try {
      const before = snapshot(root);
      const { status, stdout, stderr } = run(['--dry-run', '--workers', '2', 'src'], root);
      expect(stderr).toBe('');
      // 0 with nothing left to do, 1 with TODOs: the codemod decides; errors (2) never.
      expect([0, 1]).toContain(status);
      expect(stdout).toMatch(
        /^6 files scanned, [01] would change \(dry run: nothing written\), \d+ sites? rewritten, \d+ TODOs? left, 0 errors, in /m,
      );
      if (/ 1 would change/.test(stdout)) expect(stdout).toContain('--- a/src/upload.js\n+++ b/src/upload.js\n');
      expect(snapshot(root)).toEqual(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a dirty git tree, and runs with --allow-dirty', () => {
    const root = tempTree({ 'src/a.js': 'export const a = 1;\n' });
    try {
      commitAll(root);
      writeFileSync(join(root, 'src/a.js'), 'export const a = 2;\n');
      const refused = run(['src'], root);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/uncommitted changes[\s\S]* M src\/a\.js[\s\S]*--allow-dirty/);
      expect(run(['--allow-dirty', 'src'], root).status).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('exits 2 when a target does not exist', () => {
    const { status, stderr } = run(['src', 'no/such/dir']);
    expect(status).toBe(2);
    expect(stderr).toContain('no such file or folder, nor a glob that matches: no/such/dir');
  });

  it('shows no progress line in a pipe', () => {
    const { stderr } = run(['--workers', '2', '.']);
    expect(stderr).toBe('');
  });
});

describe('migrate-share-video (rewrite) through import aliases', () => {
  it.for([
    ['tsconfig.json paths, extends followed', 'imported-constant-tsconfig-paths', 'src/jobs/post-clip.ts'],
    ['package.json imports', 'imported-constant-package-imports', 'lib/share.js'],
  ])('%s: the module that imports the legacy URL is rewritten', ([, fixture, importer]) => {
    const project = mkdtempSync(join(tmpdir(), 'msv-alias-'));
    try {
      cpSync(join(ROOT, 'fixtures/detect', fixture, 'input'), project, { recursive: true });
      const { status, stderr } = run(['.'], project);
      expect(stderr).toBe('');
      expect(status).not.toBe(2);
      const text = readFileSync(join(project, importer), 'utf8');
      expect(text).toContain('https://open.tiktokapis.com/v2/post/publish/inbox/video/init/');
      expect(text).toContain('publish_id');
      expect(text).not.toMatch(/share_id|access_token=|open_id:/);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('migrate-share-video (rewrite): an upload answer an exported function returns whole', () => {
  const upload = join(ROOT, 'fixtures/rename-response-fields/answer-read-through-imported-client-renamed/input');

  it.for([
    ['with its caller in the run, the caller reads the new answer and no TODO is left', ['tiktok-api.ts', 'publish-job.ts'], 0],
    ['with the module alone, a TODO says its callers out of the run read the old answer', ['tiktok-api.ts'], 1],
  ] as const)('%s', ([, files, todos]) => {
    const project = mkdtempSync(join(tmpdir(), 'msv-answer-'));
    try {
      for (const file of files) cpSync(join(upload, file), join(project, file));
      const { status, stderr } = run(['.', '--format', 'json'], project);
      expect(stderr).toBe('');
      expect(status).not.toBe(2);
      const text = readFileSync(join(project, 'tiktok-api.ts'), 'utf8');
      expect(text.match(/TODO\(migrate-share-video\): the upload's answer leaves here whole/g)?.length ?? 0).toBe(todos);
      expect(text).toContain('https://open.tiktokapis.com/v2/post/publish/inbox/video/init/');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
