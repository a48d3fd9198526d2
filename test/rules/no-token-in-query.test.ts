import rule from '../../src/eslint-plugin/rules/no-token-in-query.js';
import { runRuleTests } from '../support/rule-tester.js';

// Reported, never fixed: moving the token to a Bearer header changes the request, the codemod does it.
const noFix = { output: null } as const;

runRuleTests('no-token-in-query', rule, {
  valid: [
    {
      name: "Facebook's Graph API takes access_token in the query",
      filename: 'src/facebook.js',
      code: `fetch('https://graph.facebook.com/me?fields=id,name&access_token=' + token);\n`,
    },
    {
      name: "YouTube's upload with access_token in axios params",
      filename: 'src/youtube.ts',
      code: `
import axios from 'axios';
import { createReadStream } from 'node:fs';

export function uploadToYouTube(file: string, token: string) {
  return axios.post('https://www.googleapis.com/upload/youtube/v3/videos', createReadStream(file), {
    params: { uploadType: 'media', part: 'snippet', access_token: token },
  });
}
`,
    },
    {
      name: "Douyin's identical query on its own host",
      filename: 'src/douyin.ts',
      code: `
export const douyinUpload = (openId: string, accessToken: string, form: FormData) =>
  fetch(\`https://open.douyin.com/video/upload/?open_id=\${openId}&access_token=\${accessToken}\`, { method: 'POST', body: form });
`,
    },
    {
      name: 'the token in a Bearer header and open_id in a JSON body',
      filename: 'src/tiktok/user.ts',
      code: `
export async function tiktokUser(accessToken: string, openId: string) {
  const res = await fetch('https://open.tiktokapis.com/v2/user/info/?fields=open_id,display_name', {
    headers: { Authorization: \`Bearer \${accessToken}\` },
  });
  return { ...(await res.json()).data.user, requested: JSON.stringify({ open_id: openId }) };
}
`,
    },
    {
      name: 'the v2 token endpoint takes its parameters in a form body',
      filename: 'src/tiktok/token.js',
      code: `
export const exchange = (code) =>
  fetch('https://open.tiktokapis.com/v2/oauth/token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_key: process.env.TIKTOK_CLIENT_KEY, code, grant_type: 'authorization_code' }),
  });
`,
    },
  ],
  invalid: [
    {
      name: 'both names in a template literal URL (TS)',
      filename: 'src/tiktok/share.ts',
      code: `
export const share = (openId: string, accessToken: string, form: FormData) =>
  fetch(\`https://open-api.tiktok.com/share/video/upload/?open_id=\${openId}&access_token=\${accessToken}\`, { method: 'POST', body: form });
`,
      ...noFix,
      errors: [
        { messageId: 'openId', line: 3, suggestions: [] },
        { messageId: 'accessToken', line: 3, suggestions: [] },
      ],
    },
    {
      name: 'axios params (JS)',
      filename: 'src/upload.js',
      code: `
import axios from 'axios';

export function postVideo(form, creds) {
  return axios.post('https://open-api.tiktok.com/share/video/upload/', form, {
    headers: form.getHeaders(),
    params: {
      open_id: creds.openId,
      access_token: creds.accessToken,
    },
  });
}
`,
      ...noFix,
      errors: [
        { messageId: 'openId', line: 8 },
        { messageId: 'accessToken', line: 9 },
      ],
    },
    {
      name: 'searchParams.set on the URL object a request is sent to',
      filename: 'src/tiktok/url.ts',
      code: `
export function upload(openId: string, accessToken: string, form: FormData): Promise<Response> {
  const url = new URL('https://open-api.tiktok.com/share/video/upload/');
  url.searchParams.set('open_id', openId);
  url.searchParams.set('access_token', accessToken);
  return fetch(url, { method: 'POST', body: form });
}
`,
      ...noFix,
      errors: [
        { messageId: 'openId', line: 4 },
        { messageId: 'accessToken', line: 5 },
      ],
    },
    {
      name: "superagent's .query()",
      filename: 'src/superagent.mjs',
      code: `
import superagent from 'superagent';

export function send(account, filePath) {
  return superagent
    .post('https://open-api.tiktok.com/share/video/upload/')
    .query({ open_id: account.openId, access_token: account.accessToken })
    .attach('video', filePath);
}
`,
      ...noFix,
      errors: [
        { messageId: 'openId', line: 7 },
        { messageId: 'accessToken', line: 7 },
      ],
    },
    {
      name: "request's qs",
      filename: 'lib/request.cjs',
      code: `
const request = require('request');

module.exports = (token, openId, formData, callback) =>
  request.post({ url: 'https://open-api.tiktok.com/share/video/upload/', qs: { open_id: openId, access_token: token }, formData, json: true }, callback);
`,
      ...noFix,
      errors: [
        { messageId: 'openId', line: 5 },
        { messageId: 'accessToken', line: 5 },
      ],
    },
    {
      name: 'a migrated init that still sends the token in the query',
      filename: 'src/tiktok/init.ts',
      code: `
export const init = (accessToken: string, size: number) =>
  fetch(\`https://open.tiktokapis.com/v2/post/publish/inbox/video/init/?access_token=\${accessToken}\`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ source_info: { source: 'FILE_UPLOAD', video_size: size, chunk_size: size, total_chunk_count: 1 } }),
  });
`,
      ...noFix,
      errors: [{ messageId: 'accessToken', line: 3 }],
    },
    {
      name: 'an authorize link in a TSX component built with URLSearchParams',
      filename: 'src/ConnectTikTok.tsx',
      code: `
const params = new URLSearchParams({ access_token: localStorage.getItem('tiktok_token') ?? '' });

export function MyVideos() {
  return <a href={\`https://open-api.tiktok.com/video/list/?\${params}\`}>My TikTok videos</a>;
}
`,
      ...noFix,
      errors: [{ messageId: 'accessToken', line: 2 }],
    },
  ],
});
