import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { transformSource } from '../../src/migrate/transform-source.js';
import { legacyShareId, publishId } from '../support/tiktok-mock/ids.js';
import { EXAMPLE_SENDER, sendWebhook, webhookEvents, type WebhookEvent } from '../support/tiktok-mock/index.js';

/**
 * A TikTok webhook handler fixture (a plain node:http server that checks TikTok-Signature and
 * records each share once in a store) runs as a real program twice: its input receives the legacy
 * events (`video.upload.failed`, `video.publish.completed`, content `{"share_id": …}`) and its
 * output the Content Posting ones (`post.publish.failed` with a `reason`, `post.publish.complete`,
 * content `{"publish_id": …}`), each sent by the mock's signed webhook sender over real HTTP. Both
 * runs must end in the same state, each with its own side's ids.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const CASE = path.join(ROOT, 'fixtures/rename-webhook-events/node-http-handler-with-store');
// Inside the repository, so a program resolves as the others do.
const WORK = path.join(ROOT, 'node_modules/.cache/migrate-share-video-webhook-behaviour');
const DRIVER = path.join(import.meta.dirname, 'drive-webhook-server.mjs');
const CLIENT_SECRET = 'test_client_secret';

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** TypeScript source as an ES module Node runs without a loader. */
function program(name: string, source: string): string {
  const target = path.join(WORK, `${name}.mjs`);
  mkdirSync(WORK, { recursive: true });
  writeFileSync(
    target,
    ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText,
  );
  return target;
}

interface Store {
  failed: string[];
  completed: string[];
}

interface Delivery {
  readonly event: WebhookEvent;
  /** Sent this many more times after it succeeded (at-least-once delivery). */
  readonly duplicates?: number;
  /** Signed with another secret: the handler must refuse it (401) and record nothing. */
  readonly forged?: boolean;
}

/** Starts the program, delivers the events in order, ends it, and returns its store and the answers. */
async function run(modulePath: string, deliveries: readonly Delivery[]): Promise<{ store: Store; statuses: number[][] }> {
  const child = spawn(process.execPath, [DRIVER, modulePath, CLIENT_SECRET], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const poll = setInterval(() => {
        const match = /^LISTENING (\d+)$/m.exec(stdout);
        if (match) {
          clearInterval(poll);
          resolve(Number(match[1]));
        }
      }, 10);
      void exited.then((code) => {
        clearInterval(poll);
        reject(new Error(`${modulePath} exited (${code}) before listening:\n${stderr}`));
      });
    });
    const url = `http://127.0.0.1:${port}/webhooks/tiktok`;
    const statuses: number[][] = [];
    for (const { event, duplicates, forged } of deliveries) {
      const delivery = await sendWebhook(url, {
        ...event,
        clientKey: EXAMPLE_SENDER.clientKey,
        clientSecret: forged ? 'not_the_client_secret' : CLIENT_SECRET,
        userOpenId: EXAMPLE_SENDER.userOpenId,
        ...(duplicates ? { duplicates } : {}),
        ...(forged ? { retry: { attempts: 1 } } : {}),
      });
      statuses.push(delivery.attempts.map((attempt) => attempt.status ?? 0));
    }
    child.stdin.end();
    const code = await exited;
    const line = stdout.split('\n').find((text) => text.startsWith('RESULT '));
    if (code !== 0 || !line) throw new Error(`${modulePath} failed (${code}):\n${stderr || stdout}`);
    return { store: JSON.parse(line.slice('RESULT '.length)) as Store, statuses };
  } finally {
    clearTimeout(timer);
    child.kill();
  }
}

const input = readFileSync(path.join(CASE, 'input.ts'), 'utf8');
const output = readFileSync(path.join(CASE, 'output.ts'), 'utf8');

/** The legacy events of §2.6, then the Content Posting ones of §6.3, for one failed and one published share. */
function legacyDeliveries(failedId: string, publishedId: string): Delivery[] {
  return [
    { event: webhookEvents.videoUploadFailed(failedId), duplicates: 1 },
    { event: webhookEvents.videoPublishCompleted(publishedId), duplicates: 1 },
    { event: webhookEvents.videoUploadFailed(legacyShareId()), forged: true },
  ];
}

function contentPostingDeliveries(failedId: string, publishedId: string): Delivery[] {
  return [
    { event: webhookEvents.postPublishInboxDelivered(failedId) },
    { event: webhookEvents.postPublishFailed(failedId, 'file_format_check_failed'), duplicates: 1 },
    { event: webhookEvents.postPublishInboxDelivered(publishedId) },
    { event: webhookEvents.postPublishComplete(publishedId), duplicates: 1 },
    { event: webhookEvents.postPublishFailed(publishId('FILE_UPLOAD'), 'internal'), forged: true },
  ];
}

describe('a TikTok webhook handler on node:http, before and after migration', () => {
  it('is the fixture the codemod migrates: legacy events and share_id in, Content Posting ones and publish_id out', () => {
    expect(transformSource(input, path.join(CASE, 'input.ts')).output).toBe(output);
    expect(input).toMatch(/'video\.upload\.failed'[\s\S]*'video\.publish\.completed'[\s\S]*share_id/);
    expect(output).not.toMatch(/'video\.|\.share_id|\{ share_id \}/);
  });

  it('ends in the same state: legacy payloads before, Content Posting payloads after', async () => {
    const [legacyFailed, legacyPublished] = [legacyShareId(), legacyShareId()];
    const [newFailed, newPublished] = [publishId('FILE_UPLOAD'), publishId('FILE_UPLOAD')];

    const before = await run(program('before', input), legacyDeliveries(legacyFailed, legacyPublished));
    const after = await run(program('after', output), contentPostingDeliveries(newFailed, newPublished));

    expect(before.store).toEqual({ failed: [legacyFailed], completed: [legacyPublished] });
    expect(after.store).toEqual({ failed: [newFailed], completed: [newPublished] });
    // Every genuine delivery (duplicates too) answered 200 at once; the forged one 401, once.
    expect(before.statuses).toEqual([[200, 200], [200, 200], [401]]);
    expect(after.statuses).toEqual([[200], [200, 200], [200], [200, 200], [401]]);
  }, 30_000);

  it('needed the migration: before it, the handler records nothing of the Content Posting payloads', async () => {
    const { store } = await run(
      program('before-new-payloads', input),
      contentPostingDeliveries(publishId('FILE_UPLOAD'), publishId('FILE_UPLOAD')),
    );
    expect(store).toEqual({ failed: [], completed: [] });
  }, 30_000);

  // Codemod bug (it.fails): in keep mode the `post.publish.complete` label is added beside
  // `video.publish.completed`, but the body's `const { share_id } = JSON.parse(body.content)` is only
  // given a TODO ("read both here"), so a Content Posting delivery now reaches a body that reads
  // `share_id` from content that has none, and `null` is recorded as a completed share; before the
  // codemod that event was ignored. The `content.share_id` member read of the other body becomes
  // `content.publish_id ?? content.share_id` and works.
  it.fails(
    'with --keep-legacy-events, the output records both kinds of payload',
    async () => {
      const kept = transformSource(input, path.join(CASE, 'input.ts'), { keepLegacyEvents: true }).output;
      expect(kept).toContain("'video.upload.failed'");
      expect(kept).toContain("'post.publish.failed'");
      expect(kept).toContain('TODO(migrate-share-video): kept legacy events send `share_id`');
      const [legacyFailed, legacyPublished] = [legacyShareId(), legacyShareId()];
      const [newFailed, newPublished] = [publishId('FILE_UPLOAD'), publishId('FILE_UPLOAD')];
      const { store } = await run(program('kept', kept), [
        ...legacyDeliveries(legacyFailed, legacyPublished),
        ...contentPostingDeliveries(newFailed, newPublished),
      ]);
      expect(store).toEqual({ failed: [legacyFailed, newFailed], completed: [legacyPublished, newPublished] });
    },
    30_000,
  );
});
