import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/ensure-built.js';

/**
 * Item 5 of the reliability issue: an access token and a client secret pasted into legacy code
 * never come out of the tool: not in --check's text, JSON or SARIF, not in the rewrite's report
 * (text or JSON), not in the --dry-run diff, not on stderr, not in a parse error.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/migrate-share-video.cjs');
const UPLOAD = 'https://open-api.tiktok.com/share/video/upload/';
const TOKEN = 'act.1a2b3c4d5e6f7g8h9i0jKLMNOPqrstuvWXYZ0123456789abcd!5678.va';
const REFRESH = 'rft.9z8y7x6w5v4u3t2s1r0qPONMLKjihgfedcba98765';
const SECRET = 'Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lm';
/** Each secret's distinctive middle: masking that kept a prefix or tail would still be caught. */
const NEEDLES = [TOKEN, TOKEN.slice(4, 30), REFRESH, REFRESH.slice(4, 30), SECRET, SECRET.slice(2, 20)];

const FILES: Record<string, string> = {
  'src/upload.js': [
    "import { readFile } from 'node:fs/promises';",
    '',
    `const client_secret = '${SECRET}';`,
    `const REFRESH_TOKEN = "${REFRESH}";`,
    '',
    'export async function up(path) {',
    '  const bytes = await readFile(path);',
    '  const form = new FormData();',
    "  form.append('video', new Blob([bytes], { type: 'video/mp4' }), 'clip.mp4');",
    `  const res = await fetch('${UPLOAD}?access_token=${TOKEN}', { method: 'POST', body: form });`,
    '  return res.json();',
    '}',
    '',
  ].join('\n'),
  'src/todo.js': [
    `// pasted from the dashboard: ${TOKEN}`,
    `export const tiktok = { clientSecret: '${SECRET}', accessToken: '${TOKEN}' };`,
    `export const send = (body) => fetch('${UPLOAD}?access_token=${TOKEN}', { method: 'POST', body });`,
    '',
  ].join('\n'),
  'src/broken.js': `const token = '${TOKEN}';\nfetch('${UPLOAD}?access_token=${TOKEN}' +;\n`,
  'scripts/upload.py': `import requests\nrequests.post("${UPLOAD}?access_token=${TOKEN}", files={"video": f})\nCLIENT_SECRET = "${SECRET}"\n`,
  '.env': `TIKTOK_CLIENT_SECRET=${SECRET}\nTIKTOK_ACCESS_TOKEN=${TOKEN}\nTIKTOK_UPLOAD_URL=${UPLOAD}\n`,
};

let base: string;
const outputs: { name: string; text: string }[] = [];

function freshTree(name: string): string {
  const tree = join(base, name);
  mkdirSync(tree);
  cpSync(join(base, 'template'), tree, { recursive: true });
  return tree;
}

function run(name: string, cwd: string, args: string[]): number | null {
  const child = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  outputs.push({ name: `${name} stdout`, text: child.stdout }, { name: `${name} stderr`, text: child.stderr });
  return child.status;
}

beforeAll(() => {
  ensureBuilt();
  base = mkdtempSync(join(tmpdir(), 'msv-secrets-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(base, 'template', path)), { recursive: true });
    writeFileSync(join(base, 'template', path), text);
  }
  const checked = freshTree('check');
  run('--check text', checked, ['--check', '.']);
  run('--check json', checked, ['--check', '.', '--format', 'json']);
  run('--check sarif', checked, ['--check', '.', '--format', 'sarif']);
  run('--check sarif -o', checked, ['--check', '.', '--format', 'sarif', '-o', join(base, 'results.sarif')]);
  outputs.push({ name: 'results.sarif', text: readFileSync(join(base, 'results.sarif'), 'utf8') });
  run('--dry-run text', freshTree('dry'), ['.', '--dry-run']);
  run('--dry-run json', freshTree('dry-json'), ['.', '--dry-run', '--format', 'json']);
  run('--dry-run -o', freshTree('dry-o'), ['.', '--dry-run', '-o', join(base, 'dry-run.txt')]);
  outputs.push({ name: 'dry-run.txt', text: readFileSync(join(base, 'dry-run.txt'), 'utf8') });
  run('rewrite text', freshTree('rewrite'), ['.', '--allow-dirty']);
  run('rewrite json', freshTree('rewrite-json'), ['.', '--allow-dirty', '--format', 'json']);
  run('--check after rewrite', join(base, 'rewrite'), ['--check', '.', '--format', 'json']);
}, 240_000);

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('secrets pasted into legacy code are never printed', () => {
  it('every run produced a report that covers the files holding them', () => {
    const byName = new Map(outputs.map(({ name, text }) => [name, text]));
    expect(byName.get('--check text stdout')).toMatch(/src\/upload\.js:10:/);
    expect(byName.get('--check text stdout')).toContain('src/broken.js: cannot be parsed');
    expect(byName.get('--check text stdout')).toContain('scripts/upload.py');
    expect(byName.get('--check sarif stdout')).toContain('"version": "2.1.0"');
    expect(byName.get('--dry-run text stdout')).toContain('+++ b/src/upload.js');
    expect(byName.get('--dry-run text stdout')).toContain('Authorization');
    expect(byName.get('dry-run.txt')).toContain('+++ b/src/upload.js');
    expect(byName.get('rewrite json stdout')).toContain('"src/upload.js"');
  });

  it('no output holds a token or secret, nor a telling part of one', () => {
    const leaks = outputs.flatMap(({ name, text }) =>
      NEEDLES.filter((needle) => text.includes(needle)).map((needle) => `${name}: ${needle}`),
    );
    expect(leaks).toEqual([]);
  });

  it('the masks are there instead (act.****)', () => {
    const dry = outputs.find(({ name }) => name === '--dry-run text stdout')!.text;
    expect(dry).toContain('act.****');
    expect(dry).toMatch(/clientSecret: '\*\*\*\*'|client_secret = '\*\*\*\*'/);
  });

  it('the files themselves keep them: masking is for what is printed, never for the code', () => {
    expect(readFileSync(join(base, 'rewrite/src/todo.js'), 'utf8')).toContain(SECRET);
    expect(readFileSync(join(base, 'rewrite/src/upload.js'), 'utf8')).toContain(TOKEN);
  });
});
