import { CHUNK_RULES, INBOX_VIDEO_INIT, MEDIA_TRANSFER } from '../../contract/index.js';

/**
 * The generated helpers are written once, in TypeScript, with their type-only parts between « and »:
 * kept (without the marks) in a TypeScript file, dropped in a JavaScript one.
 */
export function render(template: string, typescript: boolean, name: string, client = ''): string {
  return (
    template
      .replace(/«([^«»]*)»/g, typescript ? '$1' : '')
      // `typeof superagent` types the client parameter when the client is the imported module.
      .replaceAll('typeof CLIENT', /^[\w$]+$/.test(client) ? `typeof ${client}` : 'any')
      .replaceAll('CLIENT', client)
      .replaceAll('NAME', name)
      .replaceAll('INIT_URL', INBOX_VIDEO_INIT.url)
      .replaceAll('INIT_CONTENT_TYPE', INBOX_VIDEO_INIT.contentType)
      .replaceAll('VIDEO_TYPE', MEDIA_TRANSFER.defaultContentType)
      .replaceAll('MAX_CHUNK', String(CHUNK_RULES.maxChunkSize))
  );
}

/** The doc comment every helper starts with: what it does, why it is here, where the rules are. */
export const HELPER_DOC = `/**
 * Sends a video to the creator's TikTok inbox with the Content Posting API: an init request, then the
 * bytes PUT to \`data.upload_url\` in chunks. Added by migrate-share-video in place of the retired Share
 * Video upload (https://developers.tiktok.com/doc/content-posting-api-reference-upload-video).
 * Resolves to the init response: \`data.publish_id\`, and \`error.code\` ("ok" on success).
 */`;

/** The doc comment of the PULL_FROM_URL helpers. */
export const PULL_HELPER_DOC = `/**
 * Asks TikTok to pull a video from a public URL into the creator's inbox with the Content Posting API
 * (PULL_FROM_URL: no bytes to send). Added by migrate-share-video in place of the retired Share Video
 * upload (https://developers.tiktok.com/doc/content-posting-api-reference-upload-video). TikTok only
 * pulls from a domain or URL prefix verified for the app; others get \`url_ownership_unverified\`.
 */`;

export const PULL_BODY = `{ source_info: { source: 'PULL_FROM_URL', video_url: videoUrl } }`;

/**
 * The sizes of the init body (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide):
 * whole up to 64 MiB, else chunks of at most 64 MiB and at least two of them, the remainder merged
 * into the last chunk.
 */
export const SOURCE_INFO = `  const size = video instanceof Uint8Array ? video.byteLength : video.size;
  const chunkSize = size <= MAX_CHUNK ? size : Math.min(MAX_CHUNK, Math.floor(size / 2));
  const chunkCount = Math.floor(size / chunkSize);
  const sourceInfo = { source: 'FILE_UPLOAD', video_size: size, chunk_size: chunkSize, total_chunk_count: chunkCount };`;

/** The PUT loop around a client-specific `put` statement that sends `video.slice(start, end)`. */
export function chunkLoop(put: string): string {
  return `  for (let index = 0; index < chunkCount; index++) {
    const start = index * chunkSize;
    const end = index === chunkCount - 1 ? size : start + chunkSize;
    const range = \`bytes \${start}-\${end - 1}/\${size}\`;
${put}
  }`;
}

/** The caller's own options (a timeout, a User-Agent) go into every request of the upload. */
/**
 * A chunk as bytes, for clients that send Uint8Arrays but not Blobs the way TikTok wants them (axios
 * labels a Blob with its own type, got and undici take no Blob at all). Browser-safe: no Buffer.
 */
export const CHUNK_BYTES =
  'video instanceof Uint8Array ? video.slice(start, end) : new Uint8Array(await video.slice(start, end).arrayBuffer())';

/** For clients that take bytes only (the callback API of request): no Blob to measure. */
export const BYTES_SOURCE_INFO = SOURCE_INFO.replace('video instanceof Uint8Array ? video.byteLength : video.size', 'video.byteLength');

export const INIT_HEADERS = `{ ...options.headers, Authorization: \`Bearer \${accessToken}\`, 'Content-Type': 'INIT_CONTENT_TYPE' }`;
const putHeaders = (type: string) => `{ ...options.headers, 'Content-Type': ${type}, 'Content-Range': range }`;
export const PUT_HEADERS = putHeaders('type');
/** For the callback helpers, whose last parameter is the callback: no type to pass, MP4. */
export const MP4_PUT_HEADERS = putHeaders("'VIDEO_TYPE'");

/**
 * The type the legacy form gave the video's part (\`contentType\`, a \`.mov\` file name), passed by the
 * rewritten call after the options: without it a Blob's own type when it is one TikTok takes (MP4,
 * QuickTime, WebM; §4.1: any other is refused), else MP4. A download's Blob often says
 * \`application/octet-stream\` (object storage), which the PUT must not carry.
 */
export const VIDEO_TYPE_PARAM = `videoType = ''`;
export const TYPE_OF_VIDEO = `  const type = videoType || (video instanceof Uint8Array || !/^video\\/(?:mp4|quicktime|webm)$/.test(video.type) ? '' : video.type) || 'VIDEO_TYPE';`;
/** For helpers that take bytes only. */
export const TYPE_OF_BYTES = `  const type = videoType || 'VIDEO_TYPE';`;
