/**
 * The Content Posting API, upload-to-inbox flow. Source: ../shared/API-CONTRACT.md §3 and §4
 * (TikTok's Upload Video reference [S3] and Media Transfer Guide [S5]).
 */

export const CONTENT_POSTING_HOSTS = ['open.tiktokapis.com'] as const;

export const INBOX_VIDEO_INIT = {
  method: 'POST',
  url: 'https://open.tiktokapis.com/v2/post/publish/inbox/video/init/',
  contentType: 'application/json; charset=UTF-8',
  sources: ['FILE_UPLOAD', 'PULL_FROM_URL'],
} as const;

export const MEDIA_TRANSFER = {
  method: 'PUT',
  contentTypes: ['video/mp4', 'video/quicktime', 'video/webm'],
  defaultContentType: 'video/mp4',
  /** `bytes {first}-{last}/{total}`, both ends inclusive and 0-based (§4.1). */
  contentRange: (first: number, last: number, total: number) => `bytes ${first}-${last}/${total}`,
  /** 206 for each chunk but the last, 201 when the final byte arrives (§4.3). */
  partialStatus: 206,
  completeStatus: 201,
} as const;

const MiB = 1024 * 1024;

/** §4.2. TikTok's own examples imply binary megabytes. */
export const CHUNK_RULES = {
  minChunkSize: 5 * MiB,
  maxChunkSize: 64 * MiB,
  maxFinalChunkSize: 128 * MiB,
  minChunkCount: 1,
  maxChunkCount: 1000,
  maxVideoSize: 4 * 1024 * MiB,
  /** Below this a video goes whole: chunk_size = video_size, total_chunk_count = 1. */
  wholeUploadBelow: 5 * MiB,
  /** Above this a video needs two or more chunks. */
  multiChunkAbove: 64 * MiB,
} as const;

export const SUCCESS_ERROR_CODE = 'ok';
