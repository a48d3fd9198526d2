import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/ensure-built.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/migrate-share-video.cjs');

/** The globs of the README's lint-staged recipe: the files `--check` reads. */
const STAGED_GLOBS = [
  '*.js',
  '*.jsx',
  '*.mjs',
  '*.cjs',
  '*.ts',
  '*.tsx',
  '*.mts',
  '*.cts',
  '*.py',
  '*.php',
  '*.go',
  '*.rb',
  '*.java',
  '*.cs',
  '*.sh',
  '*.yml',
  '*.yaml',
  '*.json',
  '*.md',
  '.env',
  '.env.*',
];

/**
 * What husky's `.husky/pre-commit` running lint-staged does, without either installed (no registry
 * here): the staged files of the recipe's globs, by name, to `migrate-share-video --check`.
 */
const HOOK = `#!/bin/sh
git diff --cached --name-only --diff-filter=ACMR -z -- ${STAGED_GLOBS.map((glob) => `':(glob)**/${glob}'`).join(' ')} \\
  | xargs -0 -r ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --check --no-color
`;

const LEGACY = `import { readFile } from 'node:fs/promises';

export async function upload(path, token, openId) {
  const form = new FormData();
  form.append('video', new Blob([await readFile(path)]));
  const response = await fetch(\`https://open-api.tiktok.com/share/video/upload/?open_id=\${openId}&access_token=\${token}\`, { method: 'POST', body: form });
  const body = await response.json();
  return body.data.share_id;
}
`;

let repo: string;

function git(args: string[]) {
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
  };
  const child = spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

beforeAll(() => {
  ensureBuilt();
  repo = mkdtempSync(join(tmpdir(), 'msv-hook-'));
  expect(git(['init', '-q']).status).toBe(0);
  mkdirSync(join(repo, '.githooks'));
  writeFileSync(join(repo, '.githooks/pre-commit'), HOOK);
  chmodSync(join(repo, '.githooks/pre-commit'), 0o755);
  expect(git(['config', 'core.hooksPath', '.githooks']).status).toBe(0);
  writeFileSync(join(repo, 'README.md'), '# App\n');
  expect(git(['add', 'README.md', '.githooks/pre-commit']).status).toBe(0);
  expect(git(['commit', '-q', '-m', 'initial']).status).toBe(0);
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe('a git pre-commit hook running --check on the staged files', () => {
  it('refuses a commit with a legacy call, with the finding, and lets the migrated file through', () => {
    mkdirSync(join(repo, 'src'));
    writeFileSync(join(repo, 'src/upload.js'), LEGACY);
    expect(git(['add', 'src/upload.js']).status).toBe(0);

    const refused = git(['commit', '-m', 'add upload']);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('src/upload.js:6:26  error');
    expect(refused.output).toContain('no-legacy-share-endpoint');
    expect(git(['rev-list', '--count', 'HEAD']).output.trim()).toBe('1');

    // The migration, as a user runs it on the staged (so not yet committed) file.
    const migrate = spawnSync(process.execPath, [BIN, '--allow-dirty', 'src/upload.js'], { cwd: repo, encoding: 'utf8' });
    expect(migrate.status).toBe(0);
    const migrated = readFileSync(join(repo, 'src/upload.js'), 'utf8');
    expect(migrated).toContain('https://open.tiktokapis.com/v2/post/publish/inbox/video/init/');
    expect(migrated).not.toContain('open-api.tiktok.com');
    expect(git(['add', 'src/upload.js']).status).toBe(0);

    const accepted = git(['commit', '-q', '-m', 'add upload']);
    expect(accepted.status).toBe(0);
    expect(accepted.output).toContain('No legacy Share Video API usage found in 1 file.');
    expect(git(['rev-list', '--count', 'HEAD']).output.trim()).toBe('2');
  });

  it('checks only staged files: a legacy file left unstaged does not block a commit', () => {
    writeFileSync(join(repo, 'notes.py'), 'URL = "https://open-api.tiktok.com/share/video/upload/"\n');
    writeFileSync(join(repo, 'README.md'), '# App\n\nMore.\n');
    expect(git(['add', 'README.md']).status).toBe(0);
    expect(git(['commit', '-q', '-m', 'docs']).status).toBe(0);
  });

  it('refuses a staged .env file that points at the legacy host', () => {
    writeFileSync(join(repo, '.env.production'), 'TIKTOK_UPLOAD_URL=https://open-api.tiktok.com/share/video/upload/\n');
    expect(git(['add', '.env.production']).status).toBe(0);
    const refused = git(['commit', '-m', 'env']);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('.env.production:1:');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const text = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  /** One hook per `- id:` item; keys are the `key: value` lines indented under it. */
  const hooks = text
    .split(/^- (?=id:)/m)
    .slice(1)
    .map((item) => Object.fromEntries([...item.matchAll(/^ *([a-z_]+): *(.+)$/gm)].map(([, key, value]) => [key, value.trim()])));

  it('declares node hooks running the check on the staged files', () => {
    expect(hooks.map((hook) => hook.id)).toEqual(['migrate-share-video', 'migrate-share-video-env']);
    for (const hook of hooks) {
      expect(hook).toMatchObject({ entry: 'migrate-share-video --check', language: 'node', pass_filenames: 'true' });
      expect(hook.name).toBeTruthy();
      expect(hook.description).toBeTruthy();
      for (const key of Object.keys(hook)) {
        expect([
          'id',
          'name',
          'description',
          'entry',
          'language',
          'types_or',
          'types',
          'files',
          'pass_filenames',
          'require_serial',
        ]).toContain(key);
      }
    }
  });

  it('selects JavaScript, TypeScript and the text-scanned languages, and .env files', () => {
    const types = hooks[0].types_or
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((type: string) => type.trim());
    expect(types).toEqual(
      expect.arrayContaining([
        'javascript',
        'jsx',
        'ts',
        'tsx',
        'python',
        'php',
        'go',
        'ruby',
        'java',
        'c#',
        'shell',
        'yaml',
        'json',
        'markdown',
      ]),
    );
    const files = new RegExp(hooks[1].files.replace(/^'|'$/g, ''));
    for (const name of ['.env', 'app/.env.production', '.env.example']) expect(files.test(name)).toBe(true);
    for (const name of ['env.ts', 'src/.envrc.md/x.js', 'dotenv.json']) expect(files.test(name)).toBe(false);
  });

  it('names a bin that package.json provides', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toContain(hooks[0].entry.split(' ')[0]);
  });
});

describe('SARIF for code scanning, from a subfolder of the repository', () => {
  it('places results relative to the repository root', () => {
    mkdirSync(join(repo, 'packages/app'), { recursive: true });
    writeFileSync(join(repo, 'packages/app/upload.py'), 'URL = "https://open-api.tiktok.com/share/video/upload/"\n');
    const child = spawnSync(process.execPath, [BIN, '--check', '--format', 'sarif', '.'], {
      cwd: join(repo, 'packages/app'),
      encoding: 'utf8',
    });
    expect(child.status).toBe(1);
    const run = JSON.parse(child.stdout).runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/\/msv-hook-[^/]+\/$/);
    expect(run.results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri)).toEqual(['packages/app/upload.py']);
  });
});

/**
 * The README's recipe itself: husky 9 installs the hook, `.husky/pre-commit` runs lint-staged 16,
 * whose config runs the check on the staged files. Both are this project's exact devDependencies,
 * run from its node_modules, offline.
 */
describe('husky + lint-staged, as the README sets them up', () => {
  let project: string;
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    HUSKY: '',
    CI: '1',
  };
  const inProject = (command: string, args: string[]) => {
    const child = spawnSync(command, args, { cwd: project, env, encoding: 'utf8' });
    return { status: child.status, output: `${child.stdout}${child.stderr}` };
  };

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'msv-husky-'));
    expect(inProject('git', ['init', '-q']).status).toBe(0);
    const installed = inProject(process.execPath, [join(ROOT, 'node_modules/husky/bin.js')]);
    expect(installed).toEqual({ status: 0, output: '' });
    writeFileSync(join(project, '.husky/pre-commit'), `${JSON.stringify(join(ROOT, 'node_modules/.bin/lint-staged'))}\n`);
    const check = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --check --no-color`;
    writeFileSync(
      join(project, 'package.json'),
      `${JSON.stringify(
        {
          name: 'app',
          private: true,
          'lint-staged': {
            '*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,py,php,go,rb,java,kt,cs,sh,yml,yaml,json,md,vue,svelte}': check,
            '.env{,.*}': check,
          },
        },
        null,
        2,
      )}\n`,
    );
    expect(inProject('git', ['add', 'package.json', '.husky/pre-commit']).status).toBe(0);
    expect(inProject('git', ['commit', '-q', '-m', 'initial']).status).toBe(0);
  });

  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
  });

  it('refuses a staged legacy upload with its findings, and commits it once migrated', () => {
    writeFileSync(join(project, 'upload.js'), LEGACY);
    writeFileSync(join(project, 'untouched.py'), 'URL = "https://open-api.tiktok.com/share/video/upload/"\n');
    expect(inProject('git', ['add', 'upload.js']).status).toBe(0);
    const refused = inProject('git', ['commit', '-m', 'upload']);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('upload.js:6:26  error');
    expect(refused.output).toContain('no-legacy-share-endpoint');
    expect(refused.output).not.toContain('untouched.py');

    expect(inProject(process.execPath, [BIN, '--allow-dirty', 'upload.js']).status).toBe(0);
    expect(inProject('git', ['add', 'upload.js']).status).toBe(0);
    const accepted = inProject('git', ['commit', '-m', 'upload']);
    expect(accepted.status, accepted.output).toBe(0);
    expect(inProject('git', ['log', '--format=%s']).output.trim().split('\n')).toEqual(['upload', 'initial']);
    expect(inProject('git', ['show', 'HEAD:upload.js']).output).toContain('https://open.tiktokapis.com/v2/post/publish/inbox/video/init/');
  });
});
