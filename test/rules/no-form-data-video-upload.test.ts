import rule from '../../src/eslint-plugin/rules/no-form-data-video-upload.js';
import { runRuleTests } from '../support/rule-tester.js';

// Reported, never fixed: the body becomes a JSON init plus PUTs of the bytes, which only the codemod writes.
const noFix = { output: null } as const;

runRuleTests('no-form-data-video-upload', rule, {
  valid: [
    {
      name: 'a form posted to our own backend, which relays it (TSX)',
      filename: 'src/ShareToTikTokForm.tsx',
      code: `
import { useState, type ChangeEvent } from 'react';

export function ShareToTikTokForm({ projectId }: { projectId: string }) {
  const [status, setStatus] = useState<'idle' | 'uploading' | 'done'>('idle');
  async function onChange(e: ChangeEvent<HTMLInputElement>) {
    const form = new FormData();
    form.append('video', e.target.files![0]);
    setStatus('uploading');
    await fetch(\`/api/projects/\${projectId}/tiktok/share\`, { method: 'POST', body: form });
    setStatus('done');
  }
  return <input type="file" accept="video/mp4" onChange={onChange} disabled={status === 'uploading'} />;
}
`,
    },
    {
      name: "Douyin's multipart upload on its own host",
      filename: 'src/douyin.js',
      code: `
import FormData from 'form-data';
import axios from 'axios';

export function uploadToDouyin(stream, query) {
  const form = new FormData();
  form.append('video', stream);
  return axios.post('https://open.douyin.com/video/upload/?' + query, form, { headers: form.getHeaders() });
}
`,
    },
    {
      name: 'another field to the unmapped sound upload',
      filename: 'src/sound.ts',
      code: `
import got from 'got';
import FormData from 'form-data';
import { createReadStream } from 'node:fs';

export function uploadSound(path: string, searchParams: Record<string, string>) {
  const form = new FormData();
  form.append('sound', createReadStream(path));
  return got.post('https://open-api.tiktok.com/share/sound/upload/', { searchParams, body: form });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a browser FormData posted with fetch (TS)',
      filename: 'src/tiktok/share.ts',
      code: `
export async function shareToTikTok(query: string, bytes: Uint8Array): Promise<Response> {
  const form = new FormData();
  form.append('video', new Blob([bytes], { type: 'video/mp4' }), 'clip.mp4');
  return fetch('https://open-api.tiktok.com/share/video/upload/?' + query, { method: 'POST', body: form });
}
`,
      ...noFix,
      errors: [{ messageId: 'formField', line: 4, suggestions: [] }],
    },
    {
      name: 'the form-data package with axios (CommonJS)',
      filename: 'lib/upload.js',
      code: `
const axios = require('axios');
const FormData = require('form-data');
const fs = require('fs');

async function upload(videoPath, params) {
  const form = new FormData();
  form.append('video', fs.createReadStream(videoPath), { filename: 'video.mp4', contentType: 'video/mp4' });
  return axios.post('https://open-api.tiktok.com/share/video/upload/', form, { params, headers: form.getHeaders() });
}

module.exports = { upload };
`,
      ...noFix,
      errors: [{ messageId: 'formField', line: 8 }],
    },
    {
      name: "superagent's .attach",
      filename: 'src/superagent.mjs',
      code: `
import superagent from 'superagent';

export const send = (filePath, query) =>
  superagent.post('https://open-api.tiktok.com/share/video/upload/').query(query).attach('video', filePath, 'upload.mp4');
`,
      ...noFix,
      errors: [{ messageId: 'formField', line: 5 }],
    },
    {
      name: "request's formData",
      filename: 'lib/request.cjs',
      code: `
const fs = require('fs');
const request = require('request');

module.exports = (videoPath, qs, callback) =>
  request.post(
    {
      url: 'https://open-api.tiktok.com/share/video/upload/',
      qs,
      formData: { video: { value: fs.createReadStream(videoPath), options: { filename: 'video.mp4' } } },
    },
    callback,
  );
`,
      ...noFix,
      errors: [{ messageId: 'formField', line: 10 }],
    },
    {
      name: 'an input file sent by XMLHttpRequest (JSX)',
      filename: 'src/UploadButton.jsx',
      code: `
const UPLOAD_URL = 'https://open-api.tiktok.com/share/video/upload/';

export function UploadButton({ query }) {
  function onChange(event) {
    const form = new FormData();
    form.append('video', event.target.files[0]);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_URL + '?' + query);
    xhr.send(form);
  }
  return <input type="file" onChange={onChange} />;
}
`,
      ...noFix,
      errors: [{ messageId: 'formField', line: 7 }],
    },
  ],
});
