import { describe, expect, it } from 'vitest';
import type { CodemodContext } from '../../src/codemod/context.js';
import { transformKeepingLayout, transformSource } from '../../src/migrate/transform-source.js';

const UPLOAD = "await fetch('https://open-api.tiktok.com/share/video/upload/?open_id=1', { method: 'POST', body: form });\n";

describe('an output that does not parse is never returned', () => {
  it('throws, naming the parser error, where a step leaves broken code', () => {
    const breaksTheFile = (context: CodemodContext) => void context.appendix.push('function (');
    expect(() => transformKeepingLayout(UPLOAD, 'upload.js', {}, [breaksTheFile])).toThrow(
      /^the rewrite would not parse \(.*\), so the file is left as it was/,
    );
  });

  it('a TODO quoting source that spans lines stays one comment line', () => {
    const multiLine = (context: CodemodContext) => {
      for (const finding of context.findings) context.defer(finding, 'the call\n  spans\n  lines: port it by hand');
    };
    const { output } = transformKeepingLayout(UPLOAD, 'upload.js', {}, [multiLine]);
    // One line, whatever the TODO step adds to it (the query token's move), then the call.
    expect(output).toMatch(/\/\/ TODO\(migrate-share-video\): the call spans lines: port it by hand[^\n]*\nawait fetch/);
  });

  it('a file without a final line break keeps none, a helper appended or not', () => {
    const upload =
      "export async function up(token: string, video: Blob) {\n  const form = new FormData();\n  form.append('video', video);\n  return fetch('https://open-api.tiktok.com/share/video/upload/?access_token=' + token, { method: 'POST', body: form });\n}";
    const { output, outcomes } = transformSource(upload, 'upload.ts');
    expect(outcomes.some((outcome) => outcome.action === 'rewritten')).toBe(true);
    expect(output).toContain('uploadToTikTokInbox');
    expect(output.endsWith('\n')).toBe(false);
    expect(transformSource(`${upload}\n`, 'upload.ts').output.endsWith('}\n')).toBe(true);
  });
});

describe('lines recast reprints around an edit keep their own whitespace', () => {
  it('keeps the spaces of blank lines and trailing spaces of lines it did not change', () => {
    const upload = [
      "import { readFile } from 'node:fs/promises';",
      '',
      'export async function up(token: string, path: string) {',
      '    const bytes = await readFile(path);   ',
      '    ',
      '    const form = new FormData();',
      "    form.append('video', new Blob([bytes]));",
      "    return fetch('https://open-api.tiktok.com/share/video/upload/?access_token=' + token, { method: 'POST', body: form });",
      '}',
      '',
    ].join('\n');
    const { output } = transformSource(upload, 'upload.ts');
    expect(output).toContain('uploadToTikTokInbox(token');
    expect(output).toContain('    const bytes = await readFile(path);   \n    \n');
  });
});
