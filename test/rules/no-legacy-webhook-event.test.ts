import rule from '../../src/eslint-plugin/rules/no-legacy-webhook-event.js';
import { runRuleTests } from '../support/rule-tester.js';

const failed = { legacy: 'video.upload.failed', replacement: 'post.publish.failed' };
const complete = { legacy: 'video.publish.complete', replacement: 'post.publish.complete' };
const completed = { legacy: 'video.publish.completed', replacement: 'post.publish.complete' };
const keepLegacyEvents = [{ keepLegacyEvents: true }];

const halfMigratedSwitch = `
import type { Request, Response } from 'express';

export async function tiktokWebhook(req: Request, res: Response): Promise<void> {
  res.status(200).end();
  switch (req.body.event) {
    case 'post.publish.failed':
    case 'video.upload.failed':
      await markFailed(req.body);
      break;
    case 'post.publish.complete':
      await markPublished(req.body);
      break;
  }
}
`;

const subscribedEvents = `
// Events the TikTok integration subscribes to in the developer portal.
export const TIKTOK_SUBSCRIBED_EVENTS = ['authorization.removed', 'video.upload.failed', 'post.publish.failed'];
`;

runRuleTests('no-legacy-webhook-event', rule, {
  valid: [
    {
      name: 'a TikTok label map with both names: it labels stored rows of either (TSX)',
      filename: 'src/TikTokEventBadge.tsx',
      code: `
const TIKTOK_EVENT_LABELS: Record<string, string> = {
  'video.publish.completed': 'Posted',
  'post.publish.complete': 'Posted',
};

export const TikTokEventBadge = ({ event }: { event: string }) => <span>{TIKTOK_EVENT_LABELS[event] ?? event}</span>;
`,
    },
    {
      name: 'Bunny Stream owns its video.upload.failed (TS)',
      filename: 'src/webhooks/bunny.ts',
      code: `
import type { Request, Response } from 'express';

// Bunny Stream calls this for every library event (https://video.bunnycdn.com).
interface BunnyWebhookPayload {
  VideoGuid: string;
  event: 'video.upload.failed' | 'video.encoded';
}

export async function bunnyStreamWebhook(req: Request, res: Response): Promise<void> {
  const payload = req.body as BunnyWebhookPayload;
  if (payload.event === 'video.upload.failed') await markFailed(payload.VideoGuid);
  res.sendStatus(200);
}
`,
    },
    {
      name: 'a Vimeo handler (JS)',
      filename: 'src/webhooks.js',
      code: `
const express = require('express');
const app = express();

app.post('/webhooks/vimeo', express.json(), (req, res) => {
  switch (req.body.type) {
    case 'video.upload.failed':
      console.warn('vimeo upload failed', req.body.clip.uri);
      break;
    case 'video.publish.completed':
      console.info('vimeo clip live', req.body.clip.uri);
      break;
  }
  res.sendStatus(204);
});
`,
    },
    {
      name: 'a Mux handler beside a TikTok one: each owns its own events',
      filename: 'src/webhooks/index.js',
      code: `
export function muxWebhook(event) {
  // Mux: https://docs.mux.com/webhook-reference
  if (event.type === 'video.upload.failed') return retryMuxUpload(event.data.id);
}
`,
    },
    {
      name: 'the Content Posting names themselves',
      filename: 'src/webhooks/tiktok.ts',
      code: `
export function onTikTokEvent(event: string): boolean {
  return event === 'post.publish.failed' || event === 'post.publish.complete';
}
`,
    },
    {
      name: 'keepLegacyEvents: the half-migrated switch that still takes Video Kit events',
      filename: 'src/webhooks/tiktok.ts',
      code: halfMigratedSwitch,
      options: keepLegacyEvents,
    },
    {
      name: "keepLegacyEvents from the team-wide settings instead of the rule's option",
      filename: 'src/webhooks/tiktok.ts',
      code: halfMigratedSwitch,
      settings: { 'migrate-share-video': { keepLegacyEvents: true } },
    },
    {
      name: 'keepLegacyEvents: a legacy entry beside its new twin in an array (JS)',
      filename: 'src/tiktok-events.js',
      code: subscribedEvents,
      options: keepLegacyEvents,
    },
    {
      name: 'keepLegacyEvents: object keys beside their new twins (TSX)',
      filename: 'src/TikTokEventBadge.tsx',
      code: `
const TIKTOK_EVENT_LABELS: Record<string, string> = {
  'video.upload.failed': 'Upload failed',
  'post.publish.failed': 'Upload failed',
};

export const TikTokEventBadge = ({ event }: { event: string }) => <span>{TIKTOK_EVENT_LABELS[event] ?? event}</span>;
`,
      options: keepLegacyEvents,
    },
  ],
  invalid: [
    {
      name: 'a name TikTok never sent that names its event, in a TikTok route: no autofix, a suggestion to rename (JS)',
      filename: 'src/routes/tiktok-hooks.js',
      code: `
app.post('/webhooks/tiktok', (req, res) => {
  if (req.body.event === 'video.publish.failed') retry(req.body);
  track('video.play.started');
  res.sendStatus(200);
});
`,
      output: null,
      errors: [
        {
          messageId: 'neverSent',
          line: 3,
          suggestions: [
            {
              messageId: 'renameToNamedEvent',
              output: `
app.post('/webhooks/tiktok', (req, res) => {
  if (req.body.event === 'post.publish.failed') retry(req.body);
  track('video.play.started');
  res.sendStatus(200);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "a legacy name labelling a record the code returns: the app's own label, a suggestion, no autofix (TS)",
      filename: 'src/webhooks/tiktok-activity.ts',
      code: `
export function toActivity(envelope: { event: string; create_time: number }) {
  if (envelope.event !== 'post.publish.failed') return undefined;
  return { source: 'tiktok', kind: 'video.upload.failed', at: new Date(envelope.create_time * 1000) };
}
`,
      output: null,
      errors: [
        {
          messageId: 'rename',
          line: 4,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `
export function toActivity(envelope: { event: string; create_time: number }) {
  if (envelope.event !== 'post.publish.failed') return undefined;
  return { source: 'tiktok', kind: 'post.publish.failed', at: new Date(envelope.create_time * 1000) };
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'never-sent names that name no event, or whose event is handled beside them: reported, nothing offered (TS)',
      filename: 'src/webhooks/tiktok.ts',
      code: `
export function onTikTokEvent(event: string): string {
  switch (event) {
    case 'video.moderation.update':
      return 'review';
    case 'post.publish.failed':
      return 'failed';
    case 'video.upload.error':
      return 'error';
    default:
      return 'other';
  }
}
`,
      output: null,
      errors: [
        { messageId: 'neverSent', line: 4, suggestions: [] },
        { messageId: 'neverSent', line: 8, suggestions: [] },
      ],
    },
    {
      name: 'an Express route for TikTok: case labels renamed by the autofix (JS)',
      filename: 'src/routes/webhooks.js',
      code: `
router.post('/webhooks/tiktok', express.json(), async (req, res) => {
  res.sendStatus(200);
  switch (req.body.event) {
    case 'video.upload.failed':
      await markShareFailed(req.body);
      break;
    case "video.publish.completed":
      await markSharePublished(req.body);
      break;
  }
});
`,
      output: `
router.post('/webhooks/tiktok', express.json(), async (req, res) => {
  res.sendStatus(200);
  switch (req.body.event) {
    case 'post.publish.failed':
      await markShareFailed(req.body);
      break;
    case "post.publish.complete":
      await markSharePublished(req.body);
      break;
  }
});
`,
      errors: [
        { messageId: 'rename', data: failed, line: 5, suggestions: [] },
        { messageId: 'rename', data: completed, line: 8, suggestions: [] },
      ],
    },
    {
      name: 'a comparison in a handler that checks the TikTok-Signature header (TS)',
      filename: 'src/handlers/events.ts',
      code: `
import type { Request } from 'express';

export function isShareFailure(req: Request): boolean {
  if (!verify(req.get('TikTok-Signature'), req.body)) return false;
  return req.body.event === 'video.upload.failed';
}
`,
      output: `
import type { Request } from 'express';

export function isShareFailure(req: Request): boolean {
  if (!verify(req.get('TikTok-Signature'), req.body)) return false;
  return req.body.event === 'post.publish.failed';
}
`,
      errors: [{ messageId: 'rename', data: failed, line: 6 }],
    },
    {
      name: "a union type and a template literal, the file's path says TikTok (TS)",
      filename: 'src/tiktok/events.ts',
      code: `
export type ShareEvent =
  | 'video.upload.failed'
  | 'video.publish.complete';

export const isComplete = (event: ShareEvent) => event === \`video.publish.complete\`;
`,
      output: `
export type ShareEvent =
  | 'post.publish.failed'
  | 'post.publish.complete';

export const isComplete = (event: ShareEvent) => event === \`post.publish.complete\`;
`,
      errors: [
        { messageId: 'rename', data: failed, line: 3 },
        { messageId: 'rename', data: complete, line: 4 },
        { messageId: 'rename', data: complete, line: 6 },
      ],
    },
    {
      name: 'a key of a TikTok label map gets the new key beside it; a JSX attribute is renamed (TSX)',
      filename: 'src/TikTokEventBadge.tsx',
      code: `
const TIKTOK_EVENT_LABELS: Record<string, string> = {
  "video.upload.failed": 'Upload failed',
  'authorization.removed': 'Disconnected',
};

export const LastTikTokFailure = () => <TikTokEventBadge event="video.upload.failed" labels={TIKTOK_EVENT_LABELS} />;
`,
      output: `
const TIKTOK_EVENT_LABELS: Record<string, string> = {
  "post.publish.failed": 'Upload failed',
  "video.upload.failed": 'Upload failed',
  'authorization.removed': 'Disconnected',
};

export const LastTikTokFailure = () => <TikTokEventBadge event="post.publish.failed" labels={TIKTOK_EVENT_LABELS} />;
`,
      errors: [
        { messageId: 'rename', data: failed, line: 3 },
        { messageId: 'rename', data: failed, line: 7 },
      ],
    },
    {
      name: 'a Set of TikTok events (JSX)',
      filename: 'src/TikTokStatus.jsx',
      code: `
const TIKTOK_TERMINAL_EVENTS = new Set(['video.upload.failed', 'video.publish.completed']);

export const TikTokStatus = ({ event }) => <span>{TIKTOK_TERMINAL_EVENTS.has(event) ? 'done' : 'pending'}</span>;
`,
      output: `
const TIKTOK_TERMINAL_EVENTS = new Set(['post.publish.failed', 'post.publish.complete']);

export const TikTokStatus = ({ event }) => <span>{TIKTOK_TERMINAL_EVENTS.has(event) ? 'done' : 'pending'}</span>;
`,
      errors: [
        { messageId: 'rename', data: failed, line: 2 },
        { messageId: 'rename', data: completed, line: 2 },
      ],
    },
    {
      name: 'the new name already labels the same case: no autofix, a suggestion removes the legacy label (TS)',
      filename: 'src/webhooks/tiktok.ts',
      code: halfMigratedSwitch,
      output: null,
      errors: [
        {
          messageId: 'rename',
          data: failed,
          line: 8,
          suggestions: [
            { messageId: 'removeLegacy', data: failed, output: halfMigratedSwitch.replace("    case 'video.upload.failed':\n", '') },
          ],
        },
      ],
    },
    {
      name: 'the new name already in the array: a suggestion removes the legacy entry (JS)',
      filename: 'src/tiktok-events.js',
      code: subscribedEvents,
      output: null,
      errors: [
        {
          messageId: 'rename',
          data: failed,
          line: 3,
          suggestions: [{ messageId: 'removeLegacy', output: subscribedEvents.replace("'video.upload.failed', ", '') }],
        },
      ],
    },
    {
      name: 'the new member already in the union: a suggestion removes the legacy member (TS)',
      filename: 'src/tiktok/types.ts',
      code: `export type TikTokFailure = 'post.publish.failed' | 'video.upload.failed';\n`,
      output: null,
      errors: [
        {
          messageId: 'rename',
          data: failed,
          line: 1,
          suggestions: [{ messageId: 'removeLegacy', output: `export type TikTokFailure = 'post.publish.failed';\n` }],
        },
      ],
    },
    {
      name: 'legacy and new labels with their own bodies: neither fixed nor suggested, a person merges them (JS)',
      filename: 'src/webhooks/tiktok.js',
      code: `
export async function onTikTokEvent(event, content) {
  switch (event) {
    case 'video.upload.failed':
      await legacyFailures.add(content);
      break;
    case 'post.publish.failed':
      await failures.add(content);
      break;
  }
}
`,
      output: null,
      errors: [{ messageId: 'rename', data: failed, line: 4, suggestions: [] }],
    },
    {
      name: 'keepLegacyEvents still reports a legacy name with no new twin beside it',
      filename: 'src/webhooks/tiktok.js',
      code: `export const isTikTokFailure = (event) => event === 'video.upload.failed';\n`,
      options: keepLegacyEvents,
      output: `export const isTikTokFailure = (event) => event === 'post.publish.failed';\n`,
      errors: [{ messageId: 'rename', data: failed, line: 1 }],
    },
    {
      name: 'nothing says whose the event is: no autofix, a suggestion renames it (JS)',
      filename: 'src/events/sink.js',
      code: `
// Generic event sink: logs every delivery and marks failed uploads.
export async function handleEvent(event, payload, repo) {
  if (event === 'video.upload.failed') await repo.uploads.markFailed(payload.id);
}
`,
      output: null,
      errors: [
        {
          messageId: 'ambiguous',
          data: failed,
          line: 4,
          suggestions: [
            {
              messageId: 'renameEvent',
              data: failed,
              output: `
// Generic event sink: logs every delivery and marks failed uploads.
export async function handleEvent(event, payload, repo) {
  if (event === 'post.publish.failed') await repo.uploads.markFailed(payload.id);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a queue consumer with a typed event whose owner cannot be told (TS)',
      filename: 'src/queue/consumer.ts',
      code: `
type UploadEvent = 'video.publish.completed' | 'upload.retry_requested';

export const isDone = (event: UploadEvent): boolean => event === "video.publish.completed";
`,
      output: null,
      errors: [
        {
          messageId: 'ambiguous',
          data: completed,
          line: 2,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `
type UploadEvent = 'post.publish.complete' | 'upload.retry_requested';

export const isDone = (event: UploadEvent): boolean => event === "video.publish.completed";
`,
            },
          ],
        },
        {
          messageId: 'ambiguous',
          data: completed,
          line: 4,
          suggestions: [
            {
              messageId: 'renameEvent',
              output: `
type UploadEvent = 'video.publish.completed' | 'upload.retry_requested';

export const isDone = (event: UploadEvent): boolean => event === "post.publish.complete";
`,
            },
          ],
        },
      ],
    },
  ],
});
