import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { transformBeforeProjectPass } from '../../src/migrate/transform-before-project-pass.js';
import type { TransformFn } from '../../src/migrate/transform-task.js';
import { commitAll, fakeTransform, INIT, rewriteIn, tempTree, UPLOAD } from './helpers.js';

const LEGACY = `import fetch from 'node-fetch';\n\nexport async function upload(form) {\n  return fetch('${UPLOAD}', { method: 'POST', body: form });\n}\n`;
const CLEAN = `export const answer = 42;\n`;
/** Passes the prefilter (a `share/video/` path) but holds nothing the stand-in codemod changes. */
const LOOKALIKE = `export const DOUYIN = 'https://open.douyin.com/share/video/upload/';\n`;

const roots: string[] = [];
function tree(files: Record<string, string | Buffer>): string {
  const root = tempTree(files);
  roots.push(root);
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Every file of a tree, recursively, by relative path: to tell what a run left behind. */
function listing(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((name) => !name.startsWith('.git')).sort();
}

describe('rewrite: --dry-run', () => {
  it('prints a unified diff with a/ and b/ paths and the summary, and writes nothing', async () => {
    const root = tree({ 'src/upload.js': LEGACY, 'src/clean.js': CLEAN });
    const before = statSync(join(root, 'src/upload.js')).mtimeMs;
    const { status, stdout, stderr } = await rewriteIn(root, { dryRun: true });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('--- a/src/upload.js\n+++ b/src/upload.js\n@@ -1,5 +1,5 @@\n');
    expect(stdout).toContain(`-  return fetch('${UPLOAD}', { method: 'POST', body: form });\n+  return fetch('${INIT}',`);
    expect(stdout).not.toContain('clean.js');
    expect(stdout).toMatch(
      /^2 files scanned, 1 would change \(dry run: nothing written\), 1 site rewritten, 0 TODOs left, 0 errors, in \d+\.\d\d s\.$/m,
    );
    expect(readFileSync(join(root, 'src/upload.js'), 'utf8')).toBe(LEGACY);
    expect(statSync(join(root, 'src/upload.js')).mtimeMs).toBe(before);
    expect(listing(root)).toEqual(['src', 'src/clean.js', 'src/upload.js']);
  });

  it('prints a diff that git apply takes', async () => {
    const root = tree({ 'a.js': LEGACY, 'b.js': `const a = 1;\nconst url = '${UPLOAD}';` });
    commitAll(root);
    const { stdout } = await rewriteIn(root, { dryRun: true });
    // The summary after the last hunk is prose to git apply, as in a mail with a patch.
    execFileSync('git', ['apply', '-'], { cwd: root, input: stdout });
    expect(readFileSync(join(root, 'a.js'), 'utf8')).toBe(LEGACY.replace(UPLOAD, INIT));
    expect(readFileSync(join(root, 'b.js'), 'utf8')).toBe(`const a = 1;\nconst url = '${INIT}';`);
  });

  it('does not need a clean git tree', async () => {
    const root = tree({ 'upload.js': LEGACY });
    commitAll(root);
    writeFileSync(join(root, 'upload.js'), `${LEGACY}// edited\n`);
    expect((await rewriteIn(root, { dryRun: true })).status).toBe(0);
  });

  it('masks access tokens and secrets in the diff', async () => {
    const token = 'act.1234abcd5678efgh9012ijkl3456mnop!4321.va';
    const secret = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';
    const root = tree({
      'upload.js': `const token = '${token}';\nconst client_secret = '${secret}';\nfetch('${UPLOAD}?access_token=${token}');\n`,
    });
    const { stdout } = await rewriteIn(root, { dryRun: true });
    expect(stdout).toContain(`+fetch('${INIT}?access_token=act.****');`);
    expect(stdout).toContain(` const token = 'act.****';`);
    expect(stdout).toContain(` const client_secret = '****';`);
    expect(stdout).not.toContain('1234abcd');
    expect(stdout).not.toContain(secret);
    const json = (await rewriteIn(root, { dryRun: true, format: 'json' })).stdout;
    expect(json).not.toContain('1234abcd');
    expect(JSON.parse(json).changes[0].diff).toContain('access_token=act.****');
  });
});

describe('rewrite: a real run', () => {
  it('writes changed files whole, keeps their mode, and leaves no temporary file', async () => {
    const root = tree({ 'bin/upload.js': `#!/usr/bin/env node\n${LEGACY}`, 'lib/other.js': LEGACY });
    chmodSync(join(root, 'bin/upload.js'), 0o755);
    chmodSync(join(root, 'lib/other.js'), 0o640);
    const { status, stdout } = await rewriteIn(root);
    expect(status).toBe(0);
    expect(readFileSync(join(root, 'bin/upload.js'), 'utf8')).toBe(`#!/usr/bin/env node\n${LEGACY.replace(UPLOAD, INIT)}`);
    expect(statSync(join(root, 'bin/upload.js')).mode & 0o7777).toBe(0o755);
    expect(statSync(join(root, 'lib/other.js')).mode & 0o7777).toBe(0o640);
    expect(listing(root)).toEqual(['bin', 'bin/upload.js', 'lib', 'lib/other.js']);
    expect(stdout).toContain('Changed (2 files):');
    expect(stdout).toMatch(/^2 files scanned, 2 changed, 2 sites rewritten, 0 TODOs left, 0 errors, in /m);
  });

  it('never touches a file with nothing legacy in it, nor one the codemod leaves as it is', async () => {
    const root = tree({ 'clean.js': CLEAN, 'lookalike.js': LOOKALIKE, 'upload.js': LEGACY, 'README.md': '# App\n' });
    const old = new Date('2020-01-02T03:04:05Z');
    for (const name of ['clean.js', 'lookalike.js', 'README.md']) utimesSync(join(root, name), old, old);
    const stamps = () =>
      ['clean.js', 'lookalike.js', 'README.md'].map((name) => [readFileSync(join(root, name)), statSync(join(root, name)).mtimeMs]);
    const before = stamps();
    const { status } = await rewriteIn(root);
    expect(status).toBe(0);
    expect(stamps()).toEqual(before);
    expect(statSync(join(root, 'clean.js')).mtimeMs).toBe(old.getTime());
  });

  it('refuses a git working tree with uncommitted changes in the target, naming --allow-dirty', async () => {
    const root = tree({ 'src/upload.js': LEGACY, 'src/other.js': CLEAN, 'docs/notes.md': '# Notes\n' });
    commitAll(root);
    writeFileSync(join(root, 'src/other.js'), `${CLEAN}// work in progress\n`);
    const refused = await rewriteIn(root, { paths: ['src'] });
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('uncommitted changes');
    expect(refused.stderr).toContain(' M src/other.js');
    expect(refused.stderr).toContain('--allow-dirty');
    expect(readFileSync(join(root, 'src/upload.js'), 'utf8')).toBe(LEGACY);

    const allowed = await rewriteIn(root, { paths: ['src'], allowDirty: true });
    expect(allowed.status).toBe(0);
    expect(readFileSync(join(root, 'src/upload.js'), 'utf8')).toContain(INIT);
  });

  it('counts untracked files as uncommitted, and looks only at the target', async () => {
    const root = tree({ 'src/upload.js': LEGACY, 'docs/notes.md': '# Notes\n' });
    commitAll(root);
    writeFileSync(join(root, 'docs/notes.md'), '# Notes, edited\n');
    expect((await rewriteIn(root, { paths: ['src'] })).status).toBe(0);
    writeFileSync(join(root, 'src/new.js'), CLEAN);
    const { status, stderr } = await rewriteIn(root, { paths: ['src/upload.js', 'src'] });
    expect(status).toBe(2);
    expect(stderr).toContain('?? src/new.js');
  });

  it('runs outside a git repository', async () => {
    const root = tree({ 'upload.js': LEGACY });
    expect((await rewriteIn(root)).status).toBe(0);
  });

  it('does not overwrite a file changed on disk between the read and the write, and reports it', async () => {
    const root = tree({ 'a.js': LEGACY, 'b.js': LEGACY });
    const edited = `${LEGACY}// saved by an editor during the run\n`;
    const racing: TransformFn = (text, file, options) => {
      if (file === 'a.js') writeFileSync(join(root, 'a.js'), edited);
      return fakeTransform(text, file, options);
    };
    const { status, stdout } = await rewriteIn(root, { transform: racing });
    expect(status).toBe(2);
    expect(readFileSync(join(root, 'a.js'), 'utf8')).toBe(edited);
    expect(readFileSync(join(root, 'b.js'), 'utf8')).toContain(INIT);
    expect(stdout).toMatch(/^ {2}a\.js: changed on disk while the run was under way: left as it is, not overwritten/m);
    expect(stdout).toMatch(/1 changed, 1 site rewritten, 0 TODOs left, 1 error/);
    expect(listing(root)).toEqual(['a.js', 'b.js']);
  });

  it('does not recreate a file removed during the run', async () => {
    const root = tree({ 'a.js': LEGACY });
    const removing: TransformFn = (text, file, options) => {
      rmSync(join(root, file));
      return fakeTransform(text, file, options);
    };
    const { status, stdout } = await rewriteIn(root, { transform: removing });
    expect(status).toBe(2);
    expect(listing(root)).toEqual([]);
    expect(stdout).toContain('a.js: was removed during the run: not written');
  });

  it('rewrites the target of a symbolic link named on the command line, and keeps the link', async () => {
    const root = tree({ 'real/upload.js': LEGACY });
    symlinkSync(join(root, 'real/upload.js'), join(root, 'link.js'));
    const { status } = await rewriteIn(root, { paths: ['link.js'] });
    expect(status).toBe(0);
    expect(lstatSync(join(root, 'link.js')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'real/upload.js'), 'utf8')).toContain(INIT);
  });

  it('leaves a file that is not valid UTF-8 as it is, and reports it', async () => {
    const latin1 = Buffer.concat([Buffer.from(`// caf`), Buffer.from([0xe9]), Buffer.from(`\nfetch('${UPLOAD}');\n`)]);
    const root = tree({ 'legacy.js': latin1 });
    const { status, stdout } = await rewriteIn(root);
    expect(status).toBe(2);
    expect(readFileSync(join(root, 'legacy.js')).equals(latin1)).toBe(true);
    expect(stdout).toContain('legacy.js: is not valid UTF-8');
  });
});

describe('rewrite: the report and the exit status', () => {
  it('exits 1 with TODOs left, listed as file:line:column  message', async () => {
    const root = tree({ 'webhook.js': `export function handle(body) {\n  return body.share_id;\n}\n` });
    const { status, stdout } = await rewriteIn(root);
    expect(status).toBe(1);
    expect(stdout).toContain(
      'TODOs left in the code (1):\n  webhook.js:2:15  read publish_id instead of share_id  no-legacy-response-field\n',
    );
    expect(stdout).toContain('Notes:\n  - The Content Posting API adds post.publish.* webhook events.\n');
    expect(stdout).toMatch(/1 changed, 0 sites rewritten, 1 TODO left, 0 errors/);
  });

  it('lists legacy usage in non-JavaScript files as to port by hand, counts it as a TODO, and never rewrites it', async () => {
    const python = `import requests\n\nrequests.post("${UPLOAD}", files={"video": f})\n`;
    const root = tree({ 'upload.py': python, '.env': `TIKTOK_UPLOAD_URL=${UPLOAD}\n` });
    const { status, stdout } = await rewriteIn(root);
    expect(status).toBe(1);
    expect(stdout).toContain('To port by hand (not JavaScript, minified, or not parsable: never rewritten) (3):');
    expect(stdout).toMatch(/^ {2}upload\.py:3:16 {2}Retired Share Video upload endpoint .* {2}text\/legacy-share-endpoint$/m);
    expect(stdout).toMatch(/^ {2}upload\.py:3:74 {2}Multipart `video` field .* {2}text\/legacy-request-part$/m);
    expect(stdout).toMatch(/0 changed, 0 sites rewritten, 3 TODOs left/);
    expect(readFileSync(join(root, 'upload.py'), 'utf8')).toBe(python);
  });

  it('reports a minified bundle (a line no person writes) as to port by hand, scanned and never rewritten', async () => {
    const filler = Array.from({ length: 400 }, (_, i) => `var a${i}=function(t){return t+${i}};`).join('');
    const bundle = `!function(){${filler}fetch("${UPLOAD}?open_id="+o+"&access_token="+t,{method:"POST",body:f})}();\n`;
    const root = tree({ 'public/app.min.js': bundle });
    const { status, stdout } = await rewriteIn(root);
    expect(status).toBe(1);
    expect(stdout).toContain('To port by hand (not JavaScript, minified, or not parsable: never rewritten) (1):');
    expect(stdout).toMatch(/^ {2}public\/app\.min\.js:1:\d+ {2}Retired Share Video upload endpoint .* text\/legacy-share-endpoint$/m);
    expect(readFileSync(join(root, 'public/app.min.js'), 'utf8')).toBe(bundle);
  });

  it('exits 2 on a file that cannot be parsed, and still rewrites the others', async () => {
    const root = tree({ 'broken.js': `fetch('${UPLOAD}'\nconst = ;\n`, 'ok.js': LEGACY });
    const { status, stdout } = await rewriteIn(root);
    expect(status).toBe(2);
    expect(stdout).toMatch(/^ {2}broken\.js: cannot be parsed: /m);
    expect(readFileSync(join(root, 'ok.js'), 'utf8')).toContain(INIT);
  });

  it('exits 2 when the codemod throws on a file, with the reason', async () => {
    const root = tree({ 'a.js': LEGACY });
    const { status, stdout } = await rewriteIn(root, {
      transform: () => {
        throw new Error('unexpected node');
      },
    });
    expect(status).toBe(2);
    expect(stdout).toContain('a.js: the codemod failed: unexpected node');
    expect(readFileSync(join(root, 'a.js'), 'utf8')).toBe(LEGACY);
  });

  it('exits 2 when a target does not exist, and writes nothing', async () => {
    const root = tree({ 'a.js': LEGACY });
    const { status, stderr } = await rewriteIn(root, { paths: ['a.js', 'missing'] });
    expect(status).toBe(2);
    expect(stderr).toContain('no such file or folder, nor a glob that matches: missing');
    expect(readFileSync(join(root, 'a.js'), 'utf8')).toBe(LEGACY);
  });

  it('--format json prints changes, todos, errors and summary', async () => {
    const root = tree({ 'a.js': LEGACY, 'b.js': `const id = res.share_id;\n`, 'c.py': `URL = "${UPLOAD}"\n`, 'clean.js': CLEAN });
    const { status, stdout } = await rewriteIn(root, { format: 'json' });
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.changes).toEqual([
      { file: 'a.js', sitesRewritten: 1, todos: 0 },
      { file: 'b.js', sitesRewritten: 0, todos: 1 },
    ]);
    expect(report.todos).toMatchObject([
      { kind: 'port-by-hand', file: 'c.py', line: 1, column: 8, ruleId: 'text/legacy-share-endpoint' },
      {
        kind: 'todo',
        file: 'b.js',
        line: 1,
        column: 16,
        ruleId: 'no-legacy-response-field',
        message: 'read publish_id instead of share_id',
      },
    ]);
    expect(report.errors).toEqual([]);
    expect(report.summary).toMatchObject({
      dryRun: false,
      filesScanned: 4,
      // a.js exports `upload`, which hands on the legacy answer: a module naming it or a.js (clean.js
      // does, by its letters) is read a second time, for reads of that answer.
      filesAnalyzed: 4,
      filesChanged: 2,
      sitesRewritten: 1,
      todosLeft: 2,
      errors: 0,
    });
    expect(report.version).toBe('0.0.0-test');
  });

  it('says so when there is nothing to do', async () => {
    const root = tree({ 'clean.js': CLEAN });
    const { status, stdout } = await rewriteIn(root);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^1 file scanned, 0 changed, 0 sites rewritten, 0 TODOs left, 0 errors, in \d+\.\d\d s\.\n$/);
  });
});

describe('rewrite: progress', () => {
  const many = {
    ...Object.fromEntries(Array.from({ length: 28 }, (_, i) => [`f${i}.js`, i % 3 === 0 ? LEGACY : CLEAN])),
    // Read twice: first without a marker, then again for the name config.js exports.
    'config.js': `export const UPLOAD_URL = '${UPLOAD}';\n`,
    'importer.js': `import { UPLOAD_URL } from './config.js';\nfetch(UPLOAD_URL);\n`,
  };
  const slow: TransformFn = (text, file, options) => {
    const until = Date.now() + 40;
    while (Date.now() < until) {
      /* a slow codemod */
    }
    return fakeTransform(text, file, options);
  };

  it('prints nothing on stderr when stderr is not a terminal', async () => {
    const root = tree(many);
    const { stderr } = await rewriteIn(root, { transform: slow }, { isTTY: false });
    expect(stderr).toBe('');
  });

  it('prints nothing in CI, even on a terminal', async () => {
    const root = tree(many);
    const { stderr } = await rewriteIn(root, { transform: slow }, { isTTY: true, env: { CI: 'true' } });
    expect(stderr).toBe('');
  });

  it('shows one updating line on a terminal when the run lasts, and clears it', async () => {
    const root = tree(many);
    const { stderr } = await rewriteIn(root, { transform: slow, dryRun: true }, { isTTY: true });
    expect(stderr).toMatch(/^\r\x1b\[2Kmigrate-share-video: \d+\/30 files/);
    expect(stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect(stderr).not.toContain('\n');
    // Each file counted once: the count only grows, and never past the total.
    const counts = [...stderr.matchAll(/(\d+)\/30 files/g)].map((match) => Number(match[1]));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(Math.max(...counts)).toBeLessThanOrEqual(30);
  });
});

describe('rewrite: the Node a package declares', () => {
  const AXIOS_FILE_UPLOAD = [
    "import axios from 'axios';",
    "import FormData from 'form-data';",
    "import { createReadStream } from 'node:fs';",
    '',
    'export async function share(openId, accessToken, clipPath) {',
    '  const form = new FormData();',
    "  form.append('video', createReadStream(clipPath));",
    `  const res = await axios.post('${UPLOAD}', form, { params: { open_id: openId, access_token: accessToken }, headers: form.getHeaders() });`,
    '  return res.data.data.share_id;',
    '}',
    '',
  ].join('\n');
  const withEngines = (node: string) => JSON.stringify({ name: 'clips', engines: { node } });

  it.for([
    ['18', 'readFile(clipPath)'],
    ['>=20', 'openAsBlob(clipPath)'],
  ] as const)('engines.node %s: the video file is read with %s', async ([node, reader]) => {
    const root = tree({ 'functions/package.json': withEngines(node), 'functions/src/share.js': AXIOS_FILE_UPLOAD });
    const { stdout } = await rewriteIn(root, { dryRun: true, transform: transformBeforeProjectPass });
    expect(stdout).toContain(`await ${reader}`);
  });
});
