// Runs the whole TikTok flow of examples/legacy-app (transpiled, before or after the codemod) as the
// app would: the authorize URL, the code exchange, the render queue's upload, then the webhook route
// listening for TikTok's events. A line protocol with the test, which plays the user and TikTok:
//   out AUTHORIZE <url>        in CODE <code>        (the user consented on that page)
//   out UPLOADED <json>        out LISTENING <port>  in DONE (TikTok sent its events)
//   out RESULT <json>: the token the app got and the videos table.
// `pg` is the in-memory stand-in of examples' database (node_modules/pg under the work folder).
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [src, videoPath] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(path.join(src, file)).href);
const { authorizeUrl, exchangeCode } = await load('tiktok/oauth.js');
const { TikTokUploadWorker } = await load('tiktok/upload-axios.js');
const { tiktokWebhooks } = await load('webhooks/tiktok.js');
// As the app resolves them: `pg` is the work folder's stand-in, the same module instance the app holds.
const fromApp = createRequire(path.join(src, 'server.js'));
const express = fromApp('express');
const pg = fromApp('pg');

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const expect = async (word) => {
  const { value, done } = await lines.next();
  if (done || !value.startsWith(`${word}`)) throw new Error(`expected ${word} on stdin, got ${done ? 'the end' : value}`);
  return value.slice(word.length).trim();
};

process.stdout.write(`AUTHORIZE ${authorizeUrl('clipper-state-42')}\n`);
const token = await exchangeCode(await expect('CODE'));

const job = { videoId: 1, path: videoPath, openId: token.open_id, accessToken: token.access_token };
await new TikTokUploadWorker().process(job);
process.stdout.write(`UPLOADED ${JSON.stringify(pg.table)}\n`);

const app = express();
app.use(tiktokWebhooks);
const server = await new Promise((resolve) => {
  const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
});
process.stdout.write(`LISTENING ${server.address().port}\n`);
await expect('DONE');
server.close();
process.stdout.write(`RESULT ${JSON.stringify({ token, videos: pg.table })}\n`);
process.exit(0);
