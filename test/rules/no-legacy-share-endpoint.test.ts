import rule from '../../src/eslint-plugin/rules/no-legacy-share-endpoint.js';
import { runRuleTests } from '../support/rule-tester.js';

// Reported, never fixed: the upload becomes an init call plus PUTs, which only the codemod writes.
const noFix = { output: null } as const;

runRuleTests('no-legacy-share-endpoint', rule, {
  valid: [
    {
      name: "Douyin's identical upload on its own host",
      filename: 'src/douyin/upload.ts',
      code: `
import axios from 'axios';
import FormData from 'form-data';
import { createReadStream } from 'node:fs';

const DOUYIN_UPLOAD_URL = 'https://open.douyin.com/video/upload/';

export async function uploadToDouyin(openId: string, accessToken: string, file: string) {
  const form = new FormData();
  form.append('video', createReadStream(file));
  const { data } = await axios.post(\`\${DOUYIN_UPLOAD_URL}?open_id=\${openId}&access_token=\${accessToken}\`, form, {
    headers: form.getHeaders(),
  });
  return data.data.video?.video_id;
}
`,
    },
    {
      name: 'the Content Posting init that replaces it',
      filename: 'src/tiktok/init.ts',
      code: `
export async function initInboxUpload(accessToken: string, size: number) {
  const res = await fetch('https://open.tiktokapis.com/v2/post/publish/inbox/video/init/', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${accessToken}\`, 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ source_info: { source: 'FILE_UPLOAD', video_size: size, chunk_size: size, total_chunk_count: 1 } }),
  });
  return (await res.json()).data.upload_url;
}
`,
    },
    {
      name: 'a bare base URL of the legacy host, used by nothing',
      filename: 'src/config.js',
      code: `const TIKTOK_API_BASE = 'https://open-api.tiktok.com';\nconsole.log(TIKTOK_API_BASE.length);\n`,
    },
    {
      name: 'the URL in a comment is no request',
      filename: 'src/share.js',
      code: `
// Until 2023-09-10 this posted to https://open-api.tiktok.com/share/video/upload/ directly.
export async function share(form) {
  return fetch('/api/tiktok/share', { method: 'POST', body: form });
}
`,
    },
    {
      name: 'a Vimeo upload',
      filename: 'src/vimeo.js',
      code: `
export async function createUpload(token, size) {
  const res = await fetch('https://api.vimeo.com/me/videos', {
    method: 'POST',
    headers: { Authorization: 'bearer ' + token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ upload: { approach: 'tus', size } }),
  });
  return res.json();
}
`,
    },
  ],
  invalid: [
    {
      name: 'fetch with a template literal URL (TS)',
      filename: 'src/tiktok/share.ts',
      code: `
export async function shareToTikTok(openId: string, accessToken: string, video: Blob): Promise<string> {
  const form = new FormData();
  form.append('video', video, 'clip.mp4');
  const res = await fetch(\`https://open-api.tiktok.com/share/video/upload/?open_id=\${openId}&access_token=\${accessToken}\`, {
    method: 'POST',
    body: form,
  });
  return (await res.json()).data.share_id;
}
`,
      ...noFix,
      errors: [{ messageId: 'request', line: 5, suggestions: [] }],
    },
    {
      name: 'an axios instance whose baseURL is the legacy host (CommonJS)',
      filename: 'lib/tiktok-client.js',
      code: `
const axios = require('axios');

const tiktok = axios.create({ baseURL: 'https://open-api.tiktok.com' });

async function upload(form, params) {
  const { data } = await tiktok.post('/share/video/upload/', form, { params, headers: form.getHeaders() });
  return data;
}

module.exports = { upload };
`,
      ...noFix,
      errors: [{ messageId: 'request', line: 7, suggestions: [] }],
    },
    {
      name: 'a constant without the trailing slash, built by concatenation',
      filename: 'src/upload.mjs',
      code: `
const HOST = 'https://open-api.tiktok.com';
const SHARE_PATH = '/share/video/upload';

export function upload(form, openId, token) {
  return fetch(HOST + SHARE_PATH + '?open_id=' + openId + '&access_token=' + token, { method: 'POST', body: form });
}
`,
      ...noFix,
      errors: [{ messageId: 'request', line: 6 }],
    },
    {
      name: 'an exported URL constant reaches no request in its module',
      filename: 'src/tiktok/endpoints.ts',
      code: `
export const TIKTOK_SHARE_VIDEO_URL = 'https://open-api.tiktok.com/share/video/upload/';
export const TIKTOK_SCOPES = ['user.info.basic', 'video.upload'] as const;
`,
      ...noFix,
      errors: [{ messageId: 'url', line: 2 }],
    },
    {
      name: 'XMLHttpRequest in a React component (JSX)',
      filename: 'src/components/TikTokUploadButton.jsx',
      code: `
import { useState } from 'react';

const UPLOAD_URL = 'https://open-api.tiktok.com/share/video/upload/';

export function TikTokUploadButton({ openId, accessToken, onDone }) {
  const [progress, setProgress] = useState(0);

  function handleFile(event) {
    const form = new FormData();
    form.append('video', event.target.files[0]);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', \`\${UPLOAD_URL}?open_id=\${openId}&access_token=\${accessToken}\`);
    xhr.upload.onprogress = (e) => setProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => onDone(xhr.status, xhr.responseText);
    xhr.send(form);
  }

  return <input type="file" accept="video/mp4" onChange={handleFile} />;
}
`,
      ...noFix,
      errors: [{ messageId: 'request', line: 13 }],
    },
    {
      name: 'a class field URL posted with got (TSX)',
      filename: 'src/ShareService.tsx',
      code: `
import got from 'got';

export class ShareService {
  static readonly UPLOAD = 'https://open-api.tiktok.com/share/video/upload/';

  async share(body: FormData, searchParams: Record<string, string>) {
    return got.post(ShareService.UPLOAD, { body, searchParams }).json<{ data: { share_id: string } }>();
  }
}

export const Shared = ({ id }: { id: string }) => <p>Shared as {id}</p>;
`,
      ...noFix,
      errors: [{ messageId: 'request', line: 8 }],
    },
  ],
});
