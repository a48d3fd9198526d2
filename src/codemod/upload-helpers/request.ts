import * as part from './template.js';
import type { UploadClient } from './upload-client.js';

/**
 * The callback API of `request`: the helper takes the caller's `(error, response, body)` callback
 * and calls it once, with the init response, after the last chunk (or at the first failure).
 */
export const requestClient: UploadClient = {
  kind: 'request',
  takesClient: true,
  takesOptions: true,
  takesCallback: true,
  fileAs: 'bytes',
  helper: `${part.HELPER_DOC}
function NAME(http«: typeof CLIENT», accessToken«: string | undefined», video«: Uint8Array», options«: { headers?: Record<string, string>; [option: string]: unknown }», callback«: (error: any, response: any, body: any) => void») {
${part.BYTES_SOURCE_INFO}
  http.post({ ...options, url: 'INIT_URL', headers: ${part.INIT_HEADERS}, json: { source_info: sourceInfo } }, (error«: any», response«: any», body«: any») => {
    if (error || body.error.code !== 'ok') return callback(error, response, body);
    let index = 0;
    const next = (putError«: any», put«?: any») => {
      if (putError || (put && put.statusCode >= 300)) return callback(putError || new Error(\`TikTok refused a chunk: HTTP \${put.statusCode}\`), response, body);
      if (index === chunkCount) return callback(null, response, body);
      const start = index * chunkSize;
      const end = index === chunkCount - 1 ? size : start + chunkSize;
      const range = \`bytes \${start}-\${end - 1}/\${size}\`;
      index++;
      http.put({ ...options, url: body.data.upload_url, headers: ${part.MP4_PUT_HEADERS}, body: Buffer.from(video.slice(start, end)) }, next);
    };
    next(null);
  });
}`,
  pullHelper: `${part.PULL_HELPER_DOC}
function NAME(http«: typeof CLIENT», accessToken«: string | undefined», videoUrl«: string | undefined», options«: { headers?: Record<string, string>; [option: string]: unknown }», callback«: (error: any, response: any, body: any) => void») {
  http.post({ ...options, url: 'INIT_URL', headers: ${part.INIT_HEADERS}, json: ${part.PULL_BODY} }, callback);
}`,
};

/** request-promise: resolves to the parsed init body, as `json: true` made the legacy call do. */
export const requestPromiseClient: UploadClient = {
  kind: 'request-promise',
  takesClient: true,
  takesOptions: true,
  fileAs: 'bytes',
  helper: `${part.HELPER_DOC}
async function NAME(http«: typeof CLIENT», accessToken«: string | undefined», video«: Uint8Array», options«: { headers?: Record<string, string>; [option: string]: unknown }» = {}, ${part.VIDEO_TYPE_PARAM}) {
${part.BYTES_SOURCE_INFO}
${part.TYPE_OF_BYTES}
  const body = await http.post({ ...options, uri: 'INIT_URL', headers: ${part.INIT_HEADERS}, json: { source_info: sourceInfo } });
  if (body.error.code !== 'ok') return body;
${part.chunkLoop(`    await http.put({ ...options, uri: body.data.upload_url, headers: ${part.PUT_HEADERS}, body: Buffer.from(video.slice(start, end)) });`)}
  return body;
}`,
  pullHelper: `${part.PULL_HELPER_DOC}
async function NAME(http«: typeof CLIENT», accessToken«: string | undefined», videoUrl«: string | undefined», options«: { headers?: Record<string, string>; [option: string]: unknown }» = {}) {
  return http.post({ ...options, uri: 'INIT_URL', headers: ${part.INIT_HEADERS}, json: ${part.PULL_BODY} });
}`,
};
