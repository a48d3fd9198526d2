import { MEDIA_TRANSFER } from '../../src/contract/index.js';
import { DEFAULT_USERS, mockRequest, type MockResponse, type TikTokMock } from '../support/tiktok-mock/index.js';

export const MiB = 1024 * 1024;

export interface JsonPostOptions {
  readonly token?: string | null;
  readonly contentType?: string | null;
  /** Sent instead of JSON.stringify(body). */
  readonly raw?: string;
}

/** POST a JSON body to a v2 URL with a Bearer token (alice's unless told). */
export function postJson(mock: TikTokMock, url: string, body: unknown, options: JsonPostOptions = {}): Promise<MockResponse> {
  const token = options.token === undefined ? DEFAULT_USERS.alice.accessToken : options.token;
  const contentType = options.contentType === undefined ? 'application/json; charset=UTF-8' : options.contentType;
  return mockRequest(mock, url, {
    method: 'POST',
    headers: {
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...(contentType === null ? {} : { 'Content-Type': contentType }),
    },
    body: options.raw ?? JSON.stringify(body),
  });
}

export function fileUpload(videoSize: number, chunkSize: number, totalChunkCount = Math.floor(videoSize / chunkSize)) {
  return { source_info: { source: 'FILE_UPLOAD', video_size: videoSize, chunk_size: chunkSize, total_chunk_count: totalChunkCount } };
}

export interface PutChunkOptions {
  readonly contentType?: string | null;
  readonly contentLength?: string | null;
  readonly contentRange?: string | null;
}

/** PUT bytes[first..last] of `video` to upload_url with the headers of §4.1, each overridable. */
export function putChunk(mock: TikTokMock, uploadUrl: string, video: Buffer, first: number, last: number, options: PutChunkOptions = {}) {
  const body = video.subarray(first, last + 1);
  const headers: Record<string, string> = {};
  const contentType = options.contentType === undefined ? MEDIA_TRANSFER.defaultContentType : options.contentType;
  const contentLength = options.contentLength === undefined ? String(body.length) : options.contentLength;
  const contentRange = options.contentRange === undefined ? MEDIA_TRANSFER.contentRange(first, last, video.length) : options.contentRange;
  if (contentType !== null) headers['Content-Type'] = contentType;
  if (contentLength !== null) headers['Content-Length'] = contentLength;
  else headers['Transfer-Encoding'] = 'chunked';
  if (contentRange !== null) headers['Content-Range'] = contentRange;
  return mockRequest(mock, uploadUrl, { method: 'PUT', headers, body });
}
