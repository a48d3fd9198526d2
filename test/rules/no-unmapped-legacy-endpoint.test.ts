import { v2Advice } from '../../src/detect/classify-url.js';
import rule from '../../src/eslint-plugin/rules/no-unmapped-legacy-endpoint.js';
import { runRuleTests } from '../support/rule-tester.js';

// Reported, never fixed: these paths have no Content Posting equivalent, a person ports them.
const noFix = { output: null } as const;

runRuleTests('no-unmapped-legacy-endpoint', rule, {
  valid: [
    {
      name: 'the Share Video upload is no-legacy-share-endpoint, not this rule',
      filename: 'src/upload.js',
      code: `export const share = (form, q) => fetch('https://open-api.tiktok.com/share/video/upload/?' + q, { method: 'POST', body: form });\n`,
    },
    {
      name: 'a v1 OAuth endpoint is no-v1-oauth-endpoint, not this rule',
      filename: 'src/oauth.ts',
      code: `export const exchange = (body: URLSearchParams) => fetch('https://open-api.tiktok.com/oauth/access_token/', { method: 'POST', body });\n`,
    },
    {
      name: 'the Content Posting status fetch',
      filename: 'src/tiktok/status.ts',
      code: `
export async function publishStatus(accessToken: string, publishId: string) {
  const res = await fetch('https://open.tiktokapis.com/v2/post/publish/status/fetch/', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${accessToken}\`, 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ publish_id: publishId }),
  });
  return (await res.json()).data.status;
}
`,
    },
    {
      name: "Douyin's share-id endpoint",
      filename: 'src/douyin.js',
      code: `
export async function douyinShareId(clientToken) {
  const res = await fetch('https://open.douyin.com/share-id/?need_callback=true', { headers: { 'access-token': clientToken } });
  return (await res.json()).data.share_id;
}
`,
    },
  ],
  invalid: [
    {
      name: 'the publish step some integrations added after the upload (axios, TS)',
      filename: 'src/tiktok/publish.ts',
      code: `
import axios from 'axios';

export async function publishDraft(shareId: string, caption: string, accessToken: string): Promise<void> {
  await axios.post(
    'https://open-api.tiktok.com/share/video/publish/',
    { share_id: shareId, text: caption },
    { headers: { 'access-token': accessToken } },
  );
}
`,
      ...noFix,
      errors: [{ messageId: 'imaginedStep', line: 5, suggestions: [] }],
    },
    {
      name: 'an init step before the upload, which the legacy host never served either (fetch, JS)',
      filename: 'src/tiktok/init.js',
      code: `
export async function startUpload(token, size) {
  const res = await fetch('https://open-api.tiktok.com/video/init/', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ source_info: { source: 'FILE_UPLOAD', video_size: size } }),
  });
  return (await res.json()).data.upload_url;
}
`,
      ...noFix,
      errors: [{ messageId: 'imaginedStep', line: 3 }],
    },
    {
      name: 'a v2-looking completion step on the legacy host gets the publish step advice',
      filename: 'src/tiktok/complete.ts',
      code: `
export const finish = (token: string, id: string) =>
  fetch('https://open-api.tiktok.com/v2/post/publish/video/complete/', { method: 'POST', headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ publish_id: id }) });
`,
      ...noFix,
      errors: [
        {
          messageId: 'v2PathOnLegacyHost',
          line: 3,
          data: {
            legacy: 'https://open-api.tiktok.com/v2/post/publish/video/complete/',
            advice: v2Advice('/v2/post/publish/video/complete/'),
          },
        },
      ],
    },
    {
      name: 'the sound upload (got, JS)',
      filename: 'src/sound.js',
      code: `
import got from 'got';

export function uploadSound(form, searchParams) {
  return got.post('https://open-api.tiktok.com/share/sound/upload/', { searchParams, body: form }).json();
}
`,
      ...noFix,
      errors: [{ messageId: 'withoutSuccessor', line: 5 }],
    },
    {
      name: 'a status path the legacy host never served names the status fetch as its successor, which the codemod rewrites to',
      filename: 'lib/share-status.cjs',
      code: `
const axios = require('axios');
const TIKTOK = 'https://open-api.tiktok.com';

function shareStatus(shareId) {
  return axios.post(TIKTOK + '/share/video/status/', { share_id: shareId });
}

module.exports = { shareStatus };
`,
      ...noFix,
      errors: [{ messageId: 'statusQuery', line: 6 }],
    },
    {
      name: 'a made-up path on the legacy host, concatenated to a base constant',
      filename: 'lib/status.cjs',
      code: `
const axios = require('axios');
const TIKTOK = 'https://open-api.tiktok.com';

async function getShareStatus(shareId, accessToken) {
  const res = await axios.get(TIKTOK + '/share/video/archive/', {
    params: { share_id: shareId },
    headers: { Authorization: 'Bearer ' + accessToken },
  });
  return res.data.data.status;
}

module.exports = { getShareStatus };
`,
      ...noFix,
      errors: [{ messageId: 'request', line: 6 }],
    },
    {
      name: 'a path that cannot be read statically',
      filename: 'src/tiktok/call.ts',
      code: `
const TIKTOK_API = 'https://open-api.tiktok.com';

export async function callTikTok<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(\`\${TIKTOK_API}\${path}\`, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(\`TikTok \${path} failed: \${res.status}\`);
  return (await res.json()) as T;
}
`,
      ...noFix,
      errors: [{ messageId: 'dynamic', line: 5, suggestions: [] }],
    },
  ],
});
