import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USERS, runNodeProgram, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';
import { MiB } from './helpers.js';

const programs = fileURLToPath(new URL('./programs/', import.meta.url));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const CLIENTS = ['fetch', 'https', 'axios', 'got', 'node-fetch', 'undici', 'superagent', 'request-promise', 'ky'] as const;

/**
 * Real programs in child processes, each HTTP client through its own network code: the only things
 * between them and the mock are the DNS preload and NODE_EXTRA_CA_CERTS (API-CONTRACT §2, §3, §4).
 */
describe('real HTTP clients in a child process reach the mock at the real URLs', () => {
  let mock: TikTokMock;
  let dir: string;
  // 12 MiB in 5 MiB chunks: two PUTs, 5 MiB then 7 MiB (§4.2 floor rule).
  const video = randomBytes(12 * MiB);
  let videoPath: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    // One init per client with one token: the per-token rate limit and pending cap are tested elsewhere.
    mock = await startTikTokMock({ init: { rateLimit: false, pendingShareLimit: false } });
    dir = mkdtempSync(join(tmpdir(), 'tiktok-mock-clients-'));
    videoPath = join(dir, '1677466097.mp4');
    writeFileSync(videoPath, video);
    env = {
      LEGACY_URL: mock.urls.legacyUpload,
      INIT_URL: mock.urls.inboxInit,
      STATUS_URL: mock.urls.statusFetch,
      TOKEN: DEFAULT_USERS.alice.accessToken,
      OPEN_ID: DEFAULT_USERS.alice.openId,
    };
  });
  afterAll(async () => {
    await mock?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.concurrent.each(CLIENTS)(
    '%s: legacy upload, then init + two chunks + status, same bytes',
    async (client) => {
      const run = await runNodeProgram(mock, {
        args: [join(programs, 'upload-flows.mjs'), client, videoPath, String(5 * MiB)],
        env,
        timeoutMs: 30_000,
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout);

      expect(out.legacy.status).toBe(200);
      expect(out.legacy.body.data).toMatchObject({ err_code: 0, error_code: 0 });
      const legacy = mock.state.legacyUploads.find((u) => u.shareId === out.legacy.body.data.share_id)!;
      expect(legacy.sha256).toBe(sha256(video));
      expect(legacy.filename).toBe('1677466097.mp4');

      expect(out.init.status).toBe(200);
      expect(out.puts).toEqual([
        { status: 206, contentRange: `bytes 0-${5 * MiB - 1}/${12 * MiB}` },
        { status: 201, contentRange: `bytes 0-${12 * MiB - 1}/${12 * MiB}` },
      ]);
      expect(out.status.body.data).toMatchObject({ status: 'SEND_TO_USER_INBOX', uploaded_bytes: 12 * MiB });
      const task = mock.state.publish(out.init.body.data.publish_id);
      expect(task.sha256).toBe(sha256(video));
      expect(task.chunks.map((c) => c.length)).toEqual([5 * MiB, 7 * MiB]);
    },
    40_000,
  );

  it('works with `node --import <loopback-dns.mjs>` given on the command line instead of NODE_OPTIONS', async () => {
    const run = await runNodeProgram(mock, {
      args: ['--import', mock.loopbackDnsPath, join(programs, 'fetch-legacy.mjs')],
      env: { ...env, NODE_OPTIONS: '' },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 200, body: { data: { err_code: 0 } } });
  }, 20_000);

  it('is real TLS: without the CA the same program fails certificate verification', async () => {
    const run = await runNodeProgram(mock, { args: [join(programs, 'fetch-legacy.mjs')], env: { ...env, NODE_EXTRA_CA_CERTS: '' } });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify the first certificate/);
  }, 20_000);
});
