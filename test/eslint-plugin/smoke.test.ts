import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin/index.js';

describe('eslint plugin recommended config', () => {
  it('reports a legacy upload in TypeScript through the shared detectors', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = [
      "const UPLOAD = 'https://open-api.tiktok.com/share/video/upload/';",
      'export async function share(token: string, video: Blob) {',
      '  const form = new FormData();',
      "  form.append('video', video);",
      '  const res = await fetch(`${UPLOAD}?access_token=${token}`, { method: "POST", body: form });',
      '  return (await res.json()).data.share_id;',
      '}',
    ].join('\n');
    const messages = linter.verify(
      code,
      [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
        { ...plugin.configs.recommended, files: ['**/*.ts'] },
      ],
      'upload.ts',
    );
    expect(messages.map((m) => `${m.line}:${m.ruleId}`)).toEqual([
      '4:migrate-share-video/no-form-data-video-upload',
      '5:migrate-share-video/no-legacy-share-endpoint',
      '5:migrate-share-video/no-token-in-query',
      '6:migrate-share-video/no-legacy-response-field',
    ]);
  });

  it('says nothing about a file without any marker', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify("fetch('https://graph.facebook.com/me?access_token=' + t);", [plugin.configs.recommended], 'a.js');
    expect(messages).toEqual([]);
  });
});
