import express, { type Request, type Response } from 'express';
import { bunny } from '../config.js';
import { setPreviewStatus } from '../db/videos.js';

/**
 * Bunny Stream (video.bunnycdn.com) hosts the in-app previews. Its webhook posts the library id,
 * the video guid and one of Bunny's own event names.
 */
interface BunnyStreamEvent {
  VideoLibraryId: number;
  VideoGuid: string;
  event: 'video.upload.failed' | 'video.encoded' | 'video.deleted';
}

export const bunnyWebhooks = express.Router();

bunnyWebhooks.post('/webhooks/bunny', express.json(), async (req: Request, res: Response) => {
  const payload = req.body as BunnyStreamEvent;
  if (String(payload.VideoLibraryId) !== bunny.libraryId) {
    res.sendStatus(404);
    return;
  }
  if (payload.event === 'video.upload.failed') {
    await setPreviewStatus(payload.VideoGuid, 'failed');
  } else if (payload.event === 'video.encoded') {
    await setPreviewStatus(payload.VideoGuid, 'ready');
  }
  res.sendStatus(200);
});
