import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/ensure-built.js';

/**
 * Item 1 of the reliability issue: one tree holding every kind of bad input, each beside a legacy
 * call where that means something, run through the built CLI in `--check` and rewrite modes. Each
 * bad file gets its own message (or is handled as the README's "Bad inputs" table says) while the
 * others are still processed. (A file changed or removed between the read and the write is
 * test/rewrite/run-rewrite.test.ts's; a symlink loop met by the walk is test/cli/discover.test.ts's,
 * and here too.)
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/migrate-share-video.cjs');
const UPLOAD = 'https://open-api.tiktok.com/share/video/upload/';
const IS_ROOT = process.getuid?.() === 0;

/** A call the codemod rewrites whole (the video's bytes are known). */
const REWRITABLE = [
  "import { readFile } from 'node:fs/promises';",
  '',
  'export async function up(token, path) {',
  '  const bytes = await readFile(path);',
  '  const form = new FormData();',
  "  form.append('video', new Blob([bytes], { type: 'video/mp4' }), 'clip.mp4');",
  `  const res = await fetch(\`${UPLOAD}?access_token=\${token}\`, { method: 'POST', body: form });`,
  // A field read, not the answer handed on whole (which would leave a TODO for callers out of sight).
  '  const body = await res.json();',
  '  return body.data.share_id;',
  '}',
  '',
].join('\n');

/** The bundle: several MB on one line, the legacy call at its very end. */
function minifiedBundle(): string {
  const parts: string[] = ['!function(){"use strict";'];
  for (let i = 0; parts.length < 45_000; i++) parts.push(`var a${i}=function(b,c){return b+c*${i}||"x${i}"};`);
  parts.push(`fetch("${UPLOAD}",{method:"POST"})}();`);
  return parts.join('');
}

let tree: string;
let outside: string;
const original = new Map<string, Buffer>();

function run(args: string[]) {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tree,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function put(path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(tree, path)), { recursive: true });
  writeFileSync(join(tree, path), content);
  original.set(path, readFileSync(join(tree, path)));
}

const bytesOf = (path: string) => readFileSync(join(tree, path));

interface JsonError {
  file: string;
  reason: string;
}
interface CheckJson {
  findings: { file: string; ruleId: string; line: number }[];
  summary: { filesScanned: number; errors: JsonError[] };
}
interface RewriteJson {
  changes: { file: string; sitesRewritten: number; todos: number }[];
  todos: { file: string; kind: string }[];
  errors: JsonError[];
  summary: Record<string, unknown>;
}

let check: ReturnType<typeof run>;
let checkJson: CheckJson;
let rewrite: ReturnType<typeof run>;
let rewriteJson: RewriteJson;

beforeAll(() => {
  ensureBuilt();
  tree = mkdtempSync(join(tmpdir(), 'msv-bad-'));
  outside = mkdtempSync(join(tmpdir(), 'msv-outside-'));
  put('good.js', REWRITABLE);
  put('syntax-error.js', `${REWRITABLE}\nconst broken = fetch('${UPLOAD}' +;\n`);
  // A comment wrapped onto a line of its own: Babel reads past it, the file does not run.
  put(
    'wrapped-comment.js',
    REWRITABLE.replace('  const body = await res.json();', '  // read the answer, then\n keep its id\n  const body = await res.json();'),
  );
  put(
    'flow.js',
    [
      '// @flow',
      "import type { Readable } from 'stream';",
      '',
      'export async function up(token: ?string, video: Buffer): Promise<mixed> {',
      `  const res = await fetch('${UPLOAD}?access_token=' + String(token), { method: 'POST', body: video });`,
      '  return res.json();',
      '}',
      '',
    ].join('\n'),
  );
  put(
    'binary.js',
    Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 0, 0xff, 0xfe]), Buffer.alloc(2000, 0x90), Buffer.from(UPLOAD)]),
  );
  put('bundle.min.js', minifiedBundle());
  put('empty.js', '');
  put('crlf-bom.js', `\uFEFF${REWRITABLE.replaceAll('\n', '\r\n')}`);
  // Latin-1 bytes in a comment and a string: parses, but rewriting would alter those bytes.
  put(
    'latin1.js',
    Buffer.concat([
      Buffer.from('// r'),
      Buffer.from([0xe9]),
      Buffer.from('sum'),
      Buffer.from([0xe9]),
      Buffer.from(`\n${REWRITABLE}const label = "caf`),
      Buffer.from([0xe9]),
      Buffer.from('";\n'),
    ]),
  );
  put(
    'latin1-identifier.js',
    Buffer.concat([Buffer.from('const caf'), Buffer.from([0xe9]), Buffer.from(` = 1;\nfetch('${UPLOAD}', { method: 'POST' });\n`)]),
  );
  mkdirSync(join(tree, 'loop'));
  symlinkSync('..', join(tree, 'loop/parent'));
  symlinkSync('.', join(tree, 'loop/self'));
  writeFileSync(join(outside, 'legacy.js'), REWRITABLE);
  symlinkSync(join(outside, 'legacy.js'), join(tree, 'outside-file.js'));
  symlinkSync(outside, join(tree, 'outside-folder'));
  put('no-read.js', REWRITABLE);
  chmodSync(join(tree, 'no-read.js'), 0o000);

  check = run(['--check', '.']);
  checkJson = JSON.parse(run(['--check', '.', '--format', 'json']).stdout) as CheckJson;
  rewrite = run(['.', '--allow-dirty', '--workers', '2', '--format', 'json']);
  rewriteJson = JSON.parse(rewrite.stdout) as RewriteJson;
}, 240_000);

afterAll(() => {
  for (const folder of [tree, outside]) if (folder) rmSync(folder, { recursive: true, force: true });
});

const reasonOf = (errors: readonly JsonError[], file: string) => errors.find((error) => error.file === file)?.reason;

describe('bad inputs, each with its own message while the run goes on', () => {
  it('the good file is checked and rewritten all the same', () => {
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^good\.js:7:\d+ +error +Request to the retired Share Video endpoint/m);
    expect(rewriteJson.changes).toContainEqual({ file: 'good.js', sitesRewritten: 4, todos: 0 });
    expect(bytesOf('good.js').toString()).toContain('uploadToTikTokInbox(token, new Blob([bytes]');
  });

  it('a syntax error: "cannot be parsed" with the line and column, in both modes', () => {
    expect(check.stdout).toMatch(/^ {2}syntax-error\.js: cannot be parsed: .* at line 12, column \d+$/m);
    expect(reasonOf(checkJson.summary.errors, 'syntax-error.js')).toMatch(/^cannot be parsed: .* at line 12, column \d+$/);
    expect(reasonOf(rewriteJson.errors, 'syntax-error.js')).toMatch(/^cannot be parsed: .* at line 12, column \d+$/);
    expect(bytesOf('syntax-error.js').equals(original.get('syntax-error.js')!)).toBe(true);
    expect(rewrite.status).toBe(2);
  });

  it('a syntax error: its legacy lines are still listed, read as text, for the person who mends it', () => {
    const lines = checkJson.findings.filter((finding) => finding.file === 'syntax-error.js').map((finding) => finding.line);
    expect(lines).toContain(12);
    expect(check.stdout).toMatch(/^syntax-error\.js:12:\d+ .*\(this file is reported, not rewritten\)/m);
  });

  it('an error Babel reads past (a comment wrapped onto its own line): checked, but never rewritten, with the line', () => {
    expect(check.stdout).toMatch(/^wrapped-comment\.js:7:\d+ +error +Request to the retired Share Video endpoint/m);
    expect(reasonOf(rewriteJson.errors, 'wrapped-comment.js')).toMatch(
      /the file does not parse \(Missing semicolon\. \(9:\d+\)\), so it is left as it was/,
    );
    expect(bytesOf('wrapped-comment.js').equals(original.get('wrapped-comment.js')!)).toBe(true);
  });

  it('Flow annotations: parsed with the Flow plugin, reported and left with TODOs where the video is unknown', () => {
    expect(
      checkJson.findings
        .filter((finding) => finding.file === 'flow.js')
        .map((finding) => finding.ruleId)
        .sort(),
    ).toEqual(['no-legacy-share-endpoint', 'no-token-in-query']);
    expect(reasonOf(rewriteJson.errors, 'flow.js')).toBeUndefined();
    const flow = bytesOf('flow.js').toString();
    expect(flow).toContain('token: ?string');
    expect(flow).toContain('TODO(migrate-share-video)');
  });

  it('a binary file with a .js name: "binary content", never parsed nor written', () => {
    expect(reasonOf(checkJson.summary.errors, 'binary.js')).toBe('binary content (a NUL byte), not analyzed');
    expect(reasonOf(rewriteJson.errors, 'binary.js')).toBe('binary content (a NUL byte), not analyzed');
    expect(bytesOf('binary.js').equals(original.get('binary.js')!)).toBe(true);
  });

  it('a minified bundle of several MB on one line: the call at its end is found, and the file is to port by hand, never rewritten', () => {
    expect(original.get('bundle.min.js')!.length).toBeGreaterThan(2_000_000);
    // Scanned as text, as a file of another language is: recast would take seconds, and the next build would undo it.
    expect(checkJson.findings.filter((finding) => finding.file === 'bundle.min.js').map((finding) => finding.ruleId)).toEqual([
      'text/legacy-share-endpoint',
    ]);
    expect(reasonOf(rewriteJson.errors, 'bundle.min.js')).toBeUndefined();
    expect(rewriteJson.todos).toContainEqual(expect.objectContaining({ file: 'bundle.min.js', kind: 'port-by-hand' }));
    expect(bytesOf('bundle.min.js').equals(original.get('bundle.min.js')!)).toBe(true);
  });

  it('an empty file: scanned, nothing to say, not written', () => {
    expect(checkJson.findings.some((finding) => finding.file === 'empty.js')).toBe(false);
    expect(reasonOf(checkJson.summary.errors, 'empty.js')).toBeUndefined();
    expect(bytesOf('empty.js').length).toBe(0);
  });

  it('CRLF line ends and a UTF-8 BOM: rewritten like the LF file, CRLF and the BOM kept', () => {
    expect(rewriteJson.changes).toContainEqual({ file: 'crlf-bom.js', sitesRewritten: 4, todos: 0 });
    const after = bytesOf('crlf-bom.js');
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = after.toString('utf8').slice(1);
    expect(text).not.toMatch(/(?<!\r)\n/);
    expect(text.replaceAll('\r\n', '\n')).toBe(bytesOf('good.js').toString());
  });

  it('bytes that are not UTF-8: checked, but never rewritten ("is not valid UTF-8")', () => {
    expect(checkJson.findings.some((finding) => finding.file === 'latin1.js')).toBe(true);
    expect(reasonOf(rewriteJson.errors, 'latin1.js')).toBe('is not valid UTF-8: not rewritten, so that no byte of it is altered');
    expect(bytesOf('latin1.js').equals(original.get('latin1.js')!)).toBe(true);
  });

  it('bytes that are not UTF-8 where the parser meets them: "is not valid UTF-8 and cannot be parsed"', () => {
    expect(reasonOf(checkJson.summary.errors, 'latin1-identifier.js')).toMatch(
      /^is not valid UTF-8 and cannot be parsed: .* at line 1, column 10$/,
    );
    expect(reasonOf(rewriteJson.errors, 'latin1-identifier.js')).toMatch(/^is not valid UTF-8 and cannot be parsed: /);
    expect(bytesOf('latin1-identifier.js').equals(original.get('latin1-identifier.js')!)).toBe(true);
  });

  it('a symlink loop: the walk does not follow it and ends', () => {
    for (const report of [check.stdout, rewrite.stdout]) expect(report).not.toContain('loop/');
  });

  it('symlinks pointing outside the target: not followed, the file outside untouched', () => {
    for (const report of [check.stdout, rewrite.stdout]) {
      expect(report).not.toContain('outside-file.js');
      expect(report).not.toContain('outside-folder');
    }
    expect(readFileSync(join(outside, 'legacy.js'), 'utf8')).toBe(REWRITABLE);
  });

  it.skipIf(IS_ROOT)('a file without read permission: "cannot be read: permission denied"', () => {
    expect(reasonOf(checkJson.summary.errors, 'no-read.js')).toBe('cannot be read: permission denied');
    expect(reasonOf(rewriteJson.errors, 'no-read.js')).toBe('cannot be read: permission denied');
  });

  it('every file is accounted for: the run went on past each bad one', () => {
    // good, syntax-error, wrapped-comment, flow, binary, bundle, empty, crlf-bom, latin1, latin1-identifier, no-read (symlinks skipped).
    expect(checkJson.summary.filesScanned).toBe(11);
    expect(rewriteJson.changes.map((change) => change.file).sort()).toEqual(
      ['crlf-bom.js', 'flow.js', 'good.js', ...(IS_ROOT ? ['no-read.js'] : [])].sort(),
    );
  });

  it('a target that does not exist: exit 2 and says so, in both modes', () => {
    for (const args of [
      ['--check', 'no-such-folder'],
      ['no-such-folder', '--dry-run'],
    ]) {
      const result = run(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('no such file or folder, nor a glob that matches: no-such-folder');
    }
  });
});
