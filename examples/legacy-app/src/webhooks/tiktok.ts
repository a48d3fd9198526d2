import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { tiktok } from '../config.js';
import { markPublished, markUploadFailed } from '../db/videos.js';

export const tiktokWebhooks = express.Router();

function signatureIsValid(header: string | undefined, rawBody: string): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const expected = createHmac('sha256', tiktok.clientSecret).update(`${parts.t}.${rawBody}`).digest('hex');
  return expected.length === parts.s?.length && timingSafeEqual(Buffer.from(expected), Buffer.from(parts.s));
}

tiktokWebhooks.post('/webhooks/tiktok', express.text({ type: '*/*' }), async (req: Request, res: Response) => {
  if (!signatureIsValid(req.get('TikTok-Signature'), req.body)) {
    res.sendStatus(401);
    return;
  }
  res.sendStatus(200); // TikTok retries anything that is not an immediate 200

  const { event, content } = JSON.parse(req.body);
  switch (event) {
    // Content Posting events, added during the (unfinished) migration
    case 'post.publish.failed':
    case 'video.upload.failed':
      await markUploadFailed(JSON.parse(content).share_id);
      break;
    case 'post.publish.complete':
    case 'video.publish.completed':
      await markPublished(JSON.parse(content).share_id);
      break;
    case 'authorization.removed':
      break;
  }
});
