import { LEGACY_RESPONSE_FIELDS, type LegacyResponseField } from '../../src/contract/index.js';
import rule from '../../src/eslint-plugin/rules/no-legacy-response-field.js';
import { runRuleTests } from '../support/rule-tester.js';

const webhookShareId = { legacy: 'share_id', replacement: 'publish_id' };
/** The message names the Content Posting field the contract maps the legacy one to. */
const responseField = (legacy: LegacyResponseField) => ({ legacy, replacement: LEGACY_RESPONSE_FIELDS[legacy] });

const legacyUpload = (reads: string) => `
const UPLOAD_URL = 'https://open-api.tiktok.com/share/video/upload/';

export async function shareToTikTok(form: FormData, query: string) {
  const res = await fetch(\`\${UPLOAD_URL}?\${query}\`, { method: 'POST', body: form });
  const json = await res.json();
${reads}
}
`;

runRuleTests('no-legacy-response-field', rule, {
  valid: [
    {
      name: "a getter taking the content's share_id beside its publish_id: either generation's id (TS)",
      filename: 'src/webhooks/tiktok.ts',
      code: `
const field = (record: Record<string, unknown>, key: string) => (typeof record[key] === 'string' ? record[key] : undefined);

export function jobOf(body: { event: string; content: string }) {
  const content = JSON.parse(body.content);
  const publishId = field(content, 'publish_id');
  const shareId = field(content, 'share_id');
  return body.event === 'post.publish.complete' ? publishId ?? shareId : undefined;
}
`,
    },
    {
      name: 'a share_id database column (TS)',
      filename: 'src/db/videos.ts',
      code: `
import type { Knex } from 'knex';

export interface VideoRow {
  id: number;
  share_id: string | null;
}

export async function findByShareId(db: Knex, shareId: string): Promise<VideoRow | undefined> {
  const row = await db<VideoRow>('videos').where({ share_id: shareId }).first();
  return row && row.share_id ? row : undefined;
}
`,
    },
    {
      name: 'a share_id Prisma field',
      filename: 'src/shares.js',
      code: `
export async function recentShares(prisma, userId) {
  const videos = await prisma.video.findMany({ where: { userId, share_id: { not: null } }, select: { id: true, share_id: true } });
  return videos.map((v) => v.share_id);
}
`,
    },
    {
      name: "Douyin's share_id",
      filename: 'src/douyin.ts',
      code: `
export async function douyinShareId(clientToken: string): Promise<string> {
  const res = await fetch('https://open.douyin.com/share-id/?need_callback=true', { headers: { 'access-token': clientToken } });
  const json = await res.json();
  return json.data.share_id;
}
`,
    },
    {
      name: "another service's share link response",
      filename: 'src/cliplib.ts',
      code: `
interface ShareLinkResponse {
  share_id: string;
  url: string;
}

export async function createShareLink(assetId: string): Promise<string> {
  const res = await fetch(\`https://api.cliplib.example.com/v1/assets/\${assetId}/shares\`, { method: 'POST' });
  const { share_id, url } = (await res.json()) as ShareLinkResponse;
  return \`\${url}#\${share_id}\`;
}
`,
    },
    {
      name: "WeChat Pay's err_code",
      filename: 'src/wechat.js',
      code: `
export async function queryOrder(client, outTradeNo) {
  const result = await client.post('https://api.mch.weixin.qq.com/pay/orderquery', { out_trade_no: outTradeNo });
  if (result.result_code !== 'SUCCESS') throw new Error(result.err_code + ': ' + result.err_code_des);
  return result.trade_state;
}
`,
    },
    {
      name: 'content.share_id in a Vimeo webhook',
      filename: 'src/webhooks.js',
      code: `
app.post('/webhooks/vimeo', (req, res) => {
  const { share_id } = JSON.parse(req.body.content);
  res.json({ share_id });
});
`,
    },
    {
      name: 'a team still on Video Kit (settings keepLegacyEvents): the legacy content field read after the new one',
      filename: 'src/webhooks/tiktok.js',
      settings: { 'migrate-share-video': { keepLegacyEvents: true } },
      code: `
export async function onTikTokEvent(body, jobs) {
  const content = JSON.parse(body.content);
  if (body.event === 'post.publish.failed' || body.event === 'video.upload.failed') {
    await jobs.add('share-failed', { id: content.publish_id ?? content.share_id });
  }
}
`,
    },
    {
      name: 'the Content Posting init response',
      filename: 'src/tiktok/init.ts',
      code: `
export async function initInboxUpload(accessToken: string, size: number): Promise<string> {
  const res = await fetch('https://open.tiktokapis.com/v2/post/publish/inbox/video/init/', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${accessToken}\`, 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ source_info: { source: 'FILE_UPLOAD', video_size: size, chunk_size: size, total_chunk_count: 1 } }),
  });
  const json = await res.json();
  if (json.error.code !== 'ok') throw new Error(json.error.message);
  return json.data.publish_id;
}
`,
    },
  ],
  invalid: [
    {
      name: "fail_reason of a TikTok webhook's content: the status fetch's name, never sent (JS)",
      filename: 'src/routes/webhooks.js',
      code: `
router.post('/webhooks/tiktok', express.json(), async (req, res) => {
  res.sendStatus(200);
  const { event, content } = req.body;
  const parsed = JSON.parse(content);
  if (event === 'post.publish.failed') await markFailed(parsed.publish_id, parsed.fail_reason);
});
`,
      errors: [{ messageId: 'webhookFailReason', line: 6 }],
    },
    {
      name: 'share_id of the parsed content in a TikTok route: autofix (JS)',
      filename: 'src/routes/webhooks.js',
      code: `
router.post('/webhooks/tiktok', express.json(), async (req, res) => {
  res.sendStatus(200);
  const { event, content } = req.body;
  if (event === 'post.publish.complete') await markPublished(JSON.parse(content).share_id);
});
`,
      output: `
router.post('/webhooks/tiktok', express.json(), async (req, res) => {
  res.sendStatus(200);
  const { event, content } = req.body;
  if (event === 'post.publish.complete') await markPublished(JSON.parse(content).publish_id);
});
`,
      errors: [{ messageId: 'webhookField', data: webhookShareId, line: 5, suggestions: [] }],
    },
    {
      name: 'destructured from the content of a typed TikTok envelope: the local name stays (TS)',
      filename: 'src/handlers/envelope.ts',
      code: `
interface WebhookEnvelope {
  client_key: string;
  event: string;
  create_time: number;
  user_openid: string;
  content: string;
}

export async function handleEnvelope(payload: WebhookEnvelope, store: Map<string, string>): Promise<void> {
  const { share_id } = JSON.parse(payload.content);
  const { share_id: shareId = 'unknown' } = JSON.parse(payload.content);
  store.set(share_id, shareId);
}
`,
      output: `
interface WebhookEnvelope {
  client_key: string;
  event: string;
  create_time: number;
  user_openid: string;
  content: string;
}

export async function handleEnvelope(payload: WebhookEnvelope, store: Map<string, string>): Promise<void> {
  const { publish_id: share_id } = JSON.parse(payload.content);
  const { publish_id: shareId = 'unknown' } = JSON.parse(payload.content);
  store.set(share_id, shareId);
}
`,
      errors: [
        { messageId: 'webhookField', data: webhookShareId, line: 11 },
        { messageId: 'webhookField', data: webhookShareId, line: 12 },
      ],
    },
    {
      name: 'a computed, optional read of the content in a Next.js TikTok route (TS)',
      filename: 'app/api/tiktok/webhook/route.ts',
      code: `
export async function POST(request: Request): Promise<Response> {
  const body = await request.json();
  const content = JSON.parse(body.content);
  await recordShare(content?.['share_id']);
  return new Response(null, { status: 200 });
}
`,
      output: `
export async function POST(request: Request): Promise<Response> {
  const body = await request.json();
  const content = JSON.parse(body.content);
  await recordShare(content?.['publish_id']);
  return new Response(null, { status: 200 });
}
`,
      errors: [{ messageId: 'webhookField', data: webhookShareId, line: 5 }],
    },
    {
      name: 'share_id of the content of a webhook whose sender cannot be told: a suggestion, no autofix (JS)',
      filename: 'src/events/sink.js',
      code: `
// Generic event sink: every delivery, whoever sends it.
export async function handleDelivery(body, repo) {
  const { share_id } = JSON.parse(body.content);
  await repo.uploads.markDone(share_id);
}
`,
      output: null,
      errors: [
        {
          messageId: 'ambiguousWebhookField',
          data: webhookShareId,
          line: 4,
          suggestions: [
            {
              messageId: 'renameField',
              output: `
// Generic event sink: every delivery, whoever sends it.
export async function handleDelivery(body, repo) {
  const { publish_id: share_id } = JSON.parse(body.content);
  await repo.uploads.markDone(share_id);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'share_id declared on a TikTok webhook content type: autofix (TS)',
      filename: 'src/types.ts',
      code: `
export interface TikTokShareContent {
  share_id: string;
}
`,
      output: `
export interface TikTokShareContent {
  publish_id: string;
}
`,
      errors: [{ messageId: 'typeField', line: 3, suggestions: [] }],
    },
    {
      name: 'a TikTok Share Video response type: share_id autofixed, the status fields left to the codemod (TS)',
      filename: 'src/types.ts',
      code: `
/** Response of POST /share/video/upload/ (TikTok Share Video API). */
export interface TikTokShareResponse {
  data: {
    share_id?: string;
    err_code: number;
    error_code: number;
    error_msg?: string;
  };
}
`,
      output: `
/** Response of POST /share/video/upload/ (TikTok Share Video API). */
export interface TikTokShareResponse {
  data: {
    publish_id?: string;
    err_code: number;
    error_code: number;
    error_msg?: string;
  };
}
`,
      errors: [
        { messageId: 'typeField', line: 5 },
        { messageId: 'typeField', line: 6, suggestions: [] },
        { messageId: 'typeField', line: 7, suggestions: [] },
        { messageId: 'typeField', line: 8, suggestions: [] },
      ],
    },
    {
      name: 'share_id of a legacy upload response: a suggestion, no autofix (TS)',
      filename: 'src/tiktok/share.ts',
      code: legacyUpload('  return json.data.share_id;'),
      output: null,
      errors: [
        {
          messageId: 'responseField',
          line: 7,
          suggestions: [{ messageId: 'renameField', output: legacyUpload('  return json.data.publish_id;') }],
        },
      ],
    },
    {
      name: 'share_id destructured from a .then chain of a legacy upload: the suggestion keeps the name (JS)',
      filename: 'src/share.js',
      code: `
export const share = (form, query) =>
  fetch('https://open-api.tiktok.com/share/video/upload/?' + query, { method: 'POST', body: form })
    .then((response) => response.json())
    .then(({ data: { share_id } }) => share_id);
`,
      output: null,
      errors: [
        {
          messageId: 'responseField',
          line: 5,
          suggestions: [
            {
              messageId: 'renameField',
              output: `
export const share = (form, query) =>
  fetch('https://open-api.tiktok.com/share/video/upload/?' + query, { method: 'POST', body: form })
    .then((response) => response.json())
    .then(({ data: { publish_id: share_id } }) => share_id);
`,
            },
          ],
        },
      ],
    },
    {
      name: 'err_code, error_code, error_msg, logid and error_detail: no fix, the codemod rewrites the error handling (TS)',
      filename: 'src/tiktok/share.ts',
      code: legacyUpload(`  if (json.data.err_code !== 0 || json.data.error_code !== 0) {
    throw new Error(\`\${json.data.error_msg} (\${json.extra.logid}: \${json.extra.error_detail})\`);
  }`),
      output: null,
      errors: [
        { messageId: 'responseField', data: responseField('err_code'), line: 7, suggestions: [] },
        { messageId: 'responseField', data: responseField('error_code'), line: 7, suggestions: [] },
        { messageId: 'responseField', data: responseField('error_msg'), line: 8, suggestions: [] },
        { messageId: 'responseField', data: responseField('logid'), line: 8, suggestions: [] },
        { messageId: 'responseField', data: responseField('error_detail'), line: 8, suggestions: [] },
      ],
    },
    {
      name: "request's callback body (CommonJS)",
      filename: 'lib/upload.cjs',
      code: `
const request = require('request');

module.exports = (formData, qs, callback) =>
  request.post({ url: 'https://open-api.tiktok.com/share/video/upload/', qs, formData, json: true }, (err, response, body) => {
    if (err) return callback(err);
    if (body.data.error_code !== 0) return callback(new Error(body.data.error_msg));
    callback(null, body.data.share_id);
  });
`,
      output: null,
      errors: [
        { messageId: 'responseField', line: 7, suggestions: [] },
        { messageId: 'responseField', line: 7, suggestions: [] },
        {
          messageId: 'responseField',
          line: 8,
          suggestions: [
            {
              messageId: 'renameField',
              output: `
const request = require('request');

module.exports = (formData, qs, callback) =>
  request.post({ url: 'https://open-api.tiktok.com/share/video/upload/', qs, formData, json: true }, (err, response, body) => {
    if (err) return callback(err);
    if (body.data.error_code !== 0) return callback(new Error(body.data.error_msg));
    callback(null, body.data.publish_id);
  });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a TikTok upload hook in TSX',
      filename: 'src/useTikTokShare.tsx',
      code: `
export function ShareResult({ json }: { json: { data: { share_id: string } } }) {
  return <code>{json.data.share_id}</code>;
}

export async function share(form: FormData, query: string): Promise<string> {
  const res = await fetch('https://open-api.tiktok.com/share/video/upload/?' + query, { method: 'POST', body: form });
  const { data } = await res.json();
  return data.share_id;
}
`,
      output: null,
      errors: [
        {
          messageId: 'responseField',
          line: 9,
          suggestions: [
            {
              messageId: 'renameField',
              output: `
export function ShareResult({ json }: { json: { data: { share_id: string } } }) {
  return <code>{json.data.share_id}</code>;
}

export async function share(form: FormData, query: string): Promise<string> {
  const res = await fetch('https://open-api.tiktok.com/share/video/upload/?' + query, { method: 'POST', body: form });
  const { data } = await res.json();
  return data.publish_id;
}
`,
            },
          ],
        },
      ],
    },
  ],
});
