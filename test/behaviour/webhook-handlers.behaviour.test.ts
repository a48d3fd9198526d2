import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { legacyShareId, publishId } from '../support/tiktok-mock/ids.js';
import { buildEnvelope, EXAMPLE_SENDER, webhookEvents, type WebhookEvent } from '../support/tiktok-mock/index.js';
import { fixtureProgram, programResult, ROOT } from './fixture-program.js';

/**
 * Every webhook fixture with a `behaviour.json` runs as a program twice (drive-webhook-handler.mjs):
 * its input is handed the legacy events (`video.upload.failed`, `video.publish.completed`, content
 * `{"share_id"}`), its output the Content Posting ones (`post.publish.failed`,
 * `post.publish.complete`, content `{"publish_id", "reason"}`), and each must do the same with them:
 * return or answer the same, make the same calls to the app's own modules, with each side's own ids.
 * The input handed the Content Posting events must do otherwise: the migration was needed. A
 * handler written for names TikTok never sent (`"imagined"` in behaviour.json) is handed, before, the
 * Content Posting events under those names: what its author thought would arrive.
 */
const FIXTURES = path.join(ROOT, 'fixtures/rename-webhook-events');
const WORK = path.join(ROOT, 'node_modules/.cache/migrate-share-video-webhook-handlers');
const DRIVER = path.join(import.meta.dirname, 'drive-webhook-handler.mjs');
const REASON = 'file_format_check_failed';

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const cases = readdirSync(FIXTURES)
  .filter((name) => existsSync(path.join(FIXTURES, name, 'behaviour.json')))
  .sort();

interface Side {
  readonly failed: string;
  readonly done: string;
  readonly events: readonly WebhookEvent[];
  /** The envelopes' `content` handed over decoded, as an object, where TikTok sends a JSON string. */
  readonly decoded?: boolean;
}

function legacySide(): Side {
  const [failed, done] = [legacyShareId(), legacyShareId()];
  return { failed, done, events: [webhookEvents.videoUploadFailed(failed), webhookEvents.videoPublishCompleted(done)] };
}

function contentPostingSide(): Side {
  const [failed, done] = [publishId('FILE_UPLOAD'), publishId('FILE_UPLOAD')];
  return { failed, done, events: [webhookEvents.postPublishFailed(failed, REASON), webhookEvents.postPublishComplete(done)] };
}

interface Spec {
  /** Names TikTok never sent that the input waits for (`video.publish.failed`): what its author thought would arrive. */
  readonly imagined?: { readonly failed: string; readonly done: string };
  /** The input took the Content Posting events already (half migrated). */
  readonly handledBothBefore?: boolean;
  /**
   * The input read `content` as an object, never parsing the string TikTok sends (it never worked):
   * it is handed, before, the content decoded, what its author thought would arrive.
   */
  readonly contentDecodedBefore?: boolean;
}

const specOf = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name, 'behaviour.json'), 'utf8')) as Spec;

/**
 * What the input was written for: the legacy events, or, for a handler waiting for names TikTok never
 * sent, the Content Posting events under those names (the renamed handler must do with the real
 * events what its author meant it to do with the imagined ones).
 */
function beforeSide(name: string): Side {
  const { imagined, contentDecodedBefore } = specOf(name);
  if (contentDecodedBefore) return { ...legacySide(), decoded: true };
  if (!imagined) return legacySide();
  const side = contentPostingSide();
  const [failed, done] = side.events;
  return {
    ...side,
    events: [
      { ...failed, event: imagined.failed },
      { ...done, event: imagined.done },
    ],
  };
}

/** An event of neither side, which both programs must treat alike. */
const UNRELATED: WebhookEvent = { event: 'authorization.removed', content: { reason: 1 } };

/** What the program did with each envelope, its side's ids and event names written as placeholders. */
function observe(name: string, which: 'input' | 'output', side: Side): string {
  const spec = readFileSync(path.join(FIXTURES, name, 'behaviour.json'), 'utf8');
  const program = fixtureProgram(path.join(WORK, which), name, which, FIXTURES);
  const envelopes = [...side.events, UNRELATED]
    .map((event) => buildEnvelope({ ...EXAMPLE_SENDER, createTime: 1_700_000_000, ...event }))
    .map((envelope) => (side.decoded ? { ...envelope, content: JSON.parse(envelope.content) as unknown } : envelope));
  const run = spawnSync(process.execPath, [DRIVER, program, spec, JSON.stringify(envelopes)], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
  });
  const result = programResult(`${name} ${which}`, {
    code: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    timedOut: run.error !== undefined,
  });
  return (
    JSON.stringify(result)
      .replaceAll(side.failed, '<FAILED_ID>')
      .replaceAll(side.done, '<DONE_ID>')
      .replaceAll(side.events[0].event, '<FAILED_EVENT>')
      .replaceAll(side.events[1].event, '<DONE_EVENT>')
      // The legacy failure carried no reason: one the migrated handler passes on counts as absent.
      .replaceAll(`"${REASON}"`, 'null')
      // A handler that stamps what it records with the time of day.
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<TIME>')
  );
}

describe.each(cases)('%s', (name) => {
  it('does with the Content Posting events after migration what it did with the legacy ones before', () => {
    const before = observe(name, 'input', beforeSide(name));
    const after = observe(name, 'output', contentPostingSide());
    expect(after).toBe(before);
    // The program told the events from an unrelated one (two runs that ignore everything prove nothing).
    const [failed, done, unrelated] = (JSON.parse(before) as unknown[]).map((observation) => JSON.stringify(observation));
    expect([failed, done].some((observation) => observation !== unrelated)).toBe(true);
  }, 30_000);

  // A handler that already took both kinds (half migrated) must keep handling the new ones alike.
  if (specOf(name).handledBothBefore) {
    it('handled the Content Posting events before migration already, and still does the same with them', () => {
      const side = contentPostingSide();
      expect(observe(name, 'output', side)).toBe(observe(name, 'input', side));
    }, 30_000);
  } else {
    it('needed the migration: before it, the Content Posting events are not handled that way', () => {
      expect(observe(name, 'input', contentPostingSide())).not.toBe(observe(name, 'input', beforeSide(name)));
    }, 30_000);
  }
});
