import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The plugin as a user installs it: a project with `migrate-share-video` in its node_modules, an
 * `eslint.config.js` that imports `migrate-share-video/eslint-plugin` (through package.json
 * "exports", so the built dist/) and typescript-eslint's parser, linted by the real `eslint` binary.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const ESLINT = join(ROOT, 'node_modules/eslint/bin/eslint.js');

const CONFIG = `import tsParser from '@typescript-eslint/parser';
import migrateShareVideo from 'migrate-share-video/eslint-plugin';

export default [
  { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser } },
  migrateShareVideo.configs.recommended,
];
`;

const UPLOAD = `const UPLOAD_URL = 'https://open-api.tiktok.com/share/video/upload/';

export async function shareToTikTok(openId: string, accessToken: string, video: Blob): Promise<string> {
  const form = new FormData();
  form.append('video', video, 'clip.mp4');
  const res = await fetch(\`\${UPLOAD_URL}?open_id=\${openId}&access_token=\${accessToken}\`, {
    method: 'POST',
    body: form,
  });
  const json = await res.json();
  if (json.data.err_code !== 0) throw new Error(json.data.error_msg);
  return json.data.share_id;
}
`;

const WEBHOOK = `import express from 'express';

export const router = express.Router();

router.post('/webhooks/tiktok', express.json(), async (req, res) => {
  res.sendStatus(200);
  const { event, content } = req.body;
  switch (event) {
    case 'video.upload.failed':
      await markFailed(JSON.parse(content).share_id);
      break;
    case 'video.publish.completed': {
      const { share_id } = JSON.parse(content);
      await markPublished(share_id);
      break;
    }
  }
});
`;

const OAUTH = `export const exchangeCode = (code: string) =>
  fetch('https://open-api.tiktok.com/oauth/access_token/', { method: 'POST', body: new URLSearchParams({ code }) });
`;

const CLEAN = `export async function initInboxUpload(accessToken: string, size: number): Promise<string> {
  const res = await fetch('https://open.tiktokapis.com/v2/post/publish/inbox/video/init/', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${accessToken}\`, 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ source_info: { source: 'FILE_UPLOAD', video_size: size, chunk_size: size, total_chunk_count: 1 } }),
  });
  return (await res.json()).data.publish_id;
}
`;

const CLEAN_TSX = `export const TikTokStatus = ({ event }: { event: string }) => <span>{event === 'post.publish.complete' ? 'Posted' : 'Pending'}</span>;
`;

const LOOKALIKE = `import type { Request, Response } from 'express';

// Bunny Stream calls this for every library event (https://video.bunnycdn.com).
export async function bunnyStreamWebhook(req: Request, res: Response): Promise<void> {
  if (req.body.event === 'video.upload.failed') await markFailed(req.body.VideoGuid);
  res.sendStatus(200);
}

const DOUYIN_UPLOAD_URL = 'https://open.douyin.com/video/upload/';

export const uploadToDouyin = (openId: string, accessToken: string, form: FormData) =>
  fetch(\`\${DOUYIN_UPLOAD_URL}?open_id=\${openId}&access_token=\${accessToken}\`, { method: 'POST', body: form });
`;

interface EslintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; severity: 1 | 2; fatal?: boolean; message: string }[];
}

let project: string;

function write(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(project, file)), { recursive: true });
    writeFileSync(join(project, file), text);
  }
}

function eslint(args: string[]) {
  const child = spawnSync(process.execPath, [ESLINT, ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** `file: line ruleId severity`, per file relative to the project, for everything ESLint reported. */
function findings(stdout: string): Record<string, string[]> {
  const results = JSON.parse(stdout) as EslintResult[];
  return Object.fromEntries(
    results.map((result) => [
      result.filePath.slice(project.length + 1),
      result.messages.map((m) => `${m.line} ${m.ruleId ?? `fatal: ${m.message}`} ${m.severity === 2 ? 'error' : 'warn'}`),
    ]),
  );
}

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` on a fresh clone builds here.
  if (!existsSync(join(ROOT, 'dist/src/eslint-plugin/index.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')]);
  }
  project = mkdtempSync(join(tmpdir(), 'msv-eslint-e2e-'));
  mkdirSync(join(project, 'node_modules/@typescript-eslint'), { recursive: true });
  symlinkSync(ROOT, join(project, 'node_modules/migrate-share-video'), 'dir');
  symlinkSync(join(ROOT, 'node_modules/@typescript-eslint/parser'), join(project, 'node_modules/@typescript-eslint/parser'), 'dir');
  write({
    'package.json': JSON.stringify({ name: 'legacy-app', private: true, type: 'module' }, null, 2),
    'eslint.config.js': CONFIG,
    'src/upload.ts': UPLOAD,
    'src/webhooks/router.js': WEBHOOK,
    'src/auth/oauth.ts': OAUTH,
    'src/clean/init.ts': CLEAN,
    'src/clean/TikTokStatus.tsx': CLEAN_TSX,
    'src/lookalike.ts': LOOKALIKE,
  });
}, 120_000);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('eslint with the recommended config', () => {
  it('reports every legacy use by rule and line, and exits 1', () => {
    const { status, stdout, stderr } = eslint(['--format', 'json', 'src']);
    expect(stderr).toBe('');
    expect(findings(stdout)).toEqual({
      'src/auth/oauth.ts': ['2 migrate-share-video/no-v1-oauth-endpoint warn'],
      'src/clean/TikTokStatus.tsx': [],
      'src/clean/init.ts': [],
      'src/lookalike.ts': [],
      'src/upload.ts': [
        '5 migrate-share-video/no-form-data-video-upload error',
        '6 migrate-share-video/no-legacy-share-endpoint error',
        '6 migrate-share-video/no-token-in-query error',
        '6 migrate-share-video/no-token-in-query error',
        '11 migrate-share-video/no-legacy-response-field error',
        '11 migrate-share-video/no-legacy-response-field error',
        '12 migrate-share-video/no-legacy-response-field error',
      ],
      'src/webhooks/router.js': [
        '9 migrate-share-video/no-legacy-webhook-event error',
        '10 migrate-share-video/no-legacy-response-field error',
        '12 migrate-share-video/no-legacy-webhook-event error',
        '13 migrate-share-video/no-legacy-response-field error',
      ],
    });
    expect(status).toBe(1);
  });

  it('exits 0 on the clean files and the lookalikes alone', () => {
    const { status, stdout } = eslint(['--format', 'json', 'src/clean', 'src/lookalike.ts']);
    expect(Object.values(findings(stdout)).flat()).toEqual([]);
    expect(status).toBe(0);
  });

  it('exits 0 when the only findings are warnings (v1 OAuth)', () => {
    const { status, stdout } = eslint(['--format', 'json', 'src/auth']);
    expect(findings(stdout)).toEqual({ 'src/auth/oauth.ts': ['2 migrate-share-video/no-v1-oauth-endpoint warn'] });
    expect(status).toBe(0);
  });

  it('--fix renames the webhook events and the content share_id, then finds nothing left', () => {
    write({ 'fix/webhooks/router.js': WEBHOOK });
    const fixed = eslint(['--fix', 'fix']);
    expect(fixed.stdout + fixed.stderr).toBe('');
    expect(fixed.status).toBe(0);
    expect(readFileSync(join(project, 'fix/webhooks/router.js'), 'utf8')).toBe(
      WEBHOOK.replace("'video.upload.failed'", "'post.publish.failed'")
        .replace("'video.publish.completed'", "'post.publish.complete'")
        .replace('JSON.parse(content).share_id', 'JSON.parse(content).publish_id')
        .replace('const { share_id } =', 'const { publish_id: share_id } ='),
    );
    const again = eslint(['--format', 'json', 'fix']);
    expect(findings(again.stdout)).toEqual({ 'fix/webhooks/router.js': [] });
    expect(again.status).toBe(0);
  });
});
