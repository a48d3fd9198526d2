import axios from 'axios';
import FormData from 'form-data';
import { createReadStream } from 'node:fs';
import { TIKTOK_API_BASE } from '../config.js';
import { saveShareId } from '../db/videos.js';

const api = axios.create({
  baseURL: TIKTOK_API_BASE,
  timeout: 120_000,
  maxBodyLength: Infinity,
});

export interface RenderJob {
  videoId: number;
  path: string;
  openId: string;
  accessToken: string;
}

/** Render queue worker: uploads each finished render and stores the share id for the webhook. */
export class TikTokUploadWorker {
  constructor(private readonly concurrency = 2) {}

  async process(job: RenderJob): Promise<void> {
    const form = new FormData();
    form.append('video', createReadStream(job.path), { filename: `${job.videoId}.mp4`, contentType: 'video/mp4' });

    const { data } = await api.post('/share/video/upload/', form, {
      headers: form.getHeaders(),
      params: {
        open_id: job.openId,
        access_token: job.accessToken,
      },
    });

    if (data.data.error_code !== 0) {
      throw new Error(`upload of video ${job.videoId} failed: ${data.data.error_msg}`);
    }
    await saveShareId(job.videoId, data.data.share_id);
  }
}
