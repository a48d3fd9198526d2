import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import fetch, { FormData, fileFrom } from 'node-fetch';
import { TIKTOK_UPLOAD_URL, tiktok } from '../config.js';

/** What Share Video answers; real responses carry both err_code and error_code. */
export interface ShareVideoResponse {
  data: {
    share_id?: string;
    err_code: number;
    error_code: number;
    error_msg?: string;
  };
  extra: { error_detail: string; logid: string };
}

export interface TikTokCredentials {
  openId: string;
  accessToken: string;
}

/** Used by the web editor's "Share to TikTok" button: sends the rendered MP4 to the creator's inbox. */
export async function shareRenderedVideo(creds: TikTokCredentials, filePath: string): Promise<string> {
  const { size } = await stat(filePath);
  if (size > tiktok.maxUploadBytes) {
    throw new RangeError(`${basename(filePath)} is ${size} bytes; TikTok takes at most 50 MB`);
  }

  const form = new FormData();
  form.append('video', await fileFrom(filePath, 'video/mp4'), `${Date.now()}.mp4`);

  const res = await fetch(`${TIKTOK_UPLOAD_URL}?open_id=${creds.openId}&access_token=${creds.accessToken}`, {
    method: 'POST',
    body: form,
  });
  const json = (await res.json()) as ShareVideoResponse;
  if (json.data.err_code !== 0) {
    throw new Error(`TikTok share failed (${json.data.err_code}): ${json.data.error_msg ?? json.extra.error_detail}`);
  }
  return json.data.share_id!;
}
