import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/check/analyze-files.js';
import plugin from '../../src/eslint-plugin/index.js';

/**
 * An editor keeps one ESLint alive and lints a file again as the person types. When a module the
 * file imports changes on disk, the next lint of the file reports the new truth: the plugin's cache
 * of imported modules is keyed by their modification time and size, not kept for ever.
 */
const folder = mkdtempSync(path.join(tmpdir(), 'msv-editor-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const config = (url: string) => `export const SHARE_ENDPOINT = '${url}';\n`;
const LEGACY = 'https://open-api.tiktok.com/share/video/upload/';
const CURRENT = 'https://open.tiktokapis.com/v2/post/publish/inbox/video/init/';

const UPLOAD = `import { SHARE_ENDPOINT } from './endpoints';

export async function send(token: string, body: FormData) {
  return fetch(SHARE_ENDPOINT + '?access_token=' + token, { method: 'POST', body });
}
`;

/** One ESLint kept alive over the folder, as an editor's server keeps it, with the plugin on. */
function editorEslint(): ESLint {
  return new ESLint({
    cwd: folder,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
      { files: ['**/*.ts'], ...plugin.configs.recommended },
    ],
  });
}

describe('one ESLint instance, an imported module changed between two lints', () => {
  const eslint = editorEslint();
  const upload = path.join(folder, 'upload.ts');
  writeFileSync(upload, UPLOAD);
  const endpoints = path.join(folder, 'endpoints.ts');
  const linted = async () =>
    (await eslint.lintFiles([upload]))[0].messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);
  /** What `--check` says of the upload module now, as the plugin words it. */
  const checked = async () =>
    (await analyzeFiles([upload, endpoints], { cwd: folder })).findings
      .filter((finding) => finding.file === 'upload.ts')
      .map((finding) => `${finding.line}:${finding.column} migrate-share-video/${finding.ruleId}`);

  it('reports the upload while the imported URL is the legacy one, and only the query token once it is the v2 one', async () => {
    writeFileSync(endpoints, config(LEGACY));
    expect(await linted()).toEqual(['4:10 migrate-share-video/no-legacy-share-endpoint', '4:35 migrate-share-video/no-token-in-query']);
    expect(await linted()).toEqual(await checked());

    writeFileSync(endpoints, config(CURRENT));
    // A v2 URL still takes no token in its query: the one finding left is the truth, as --check says.
    expect(await linted()).toEqual(['4:35 migrate-share-video/no-token-in-query']);
    expect(await linted()).toEqual(await checked());

    writeFileSync(endpoints, config(LEGACY));
    expect(await linted()).toHaveLength(2);
  });
});

describe('one ESLint instance, the imported module created between two lints', () => {
  // The plugin lists a folder once and keeps the listing while the folder's time stands: a module
  // created after a first lint must still be found by the next.
  const eslint = editorEslint();
  const upload = path.join(folder, 'late-upload.ts');
  writeFileSync(upload, UPLOAD.replace("'./endpoints'", "'./late-endpoints'"));
  const linted = async () => (await eslint.lintFiles([upload]))[0].messages.map((message) => message.ruleId);

  it('finds the legacy URL of a module that did not exist at the first lint', async () => {
    // Nothing tells the URL is TikTok's while the module is missing, so the query token is no finding either.
    expect(await linted()).toEqual([]);
    writeFileSync(path.join(folder, 'late-endpoints.ts'), config(LEGACY));
    expect(await linted()).toEqual(['migrate-share-video/no-legacy-share-endpoint', 'migrate-share-video/no-token-in-query']);
    rmSync(path.join(folder, 'late-endpoints.ts'));
    expect(await linted()).toEqual([]);
  });
});
