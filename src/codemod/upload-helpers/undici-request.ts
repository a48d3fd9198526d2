import * as part from './template.js';
import type { UploadClient } from './upload-client.js';

/**
 * undici's `request`. Its body can be read once, and the helper reads the init body for the upload
 * URL, so the caller gets the init response with a body that reads again (`json()`, `text()`).
 */
export const undiciRequestClient: UploadClient = {
  kind: 'undici-request',
  takesClient: false,
  takesOptions: true,
  fileAs: 'bytes',
  helper: `${part.HELPER_DOC}
async function NAME(accessToken«: string | undefined», video«: Blob | Uint8Array», options«: NonNullable<Parameters<typeof CLIENT>[1]>» = {}, ${part.VIDEO_TYPE_PARAM}) {
${part.SOURCE_INFO}
${part.TYPE_OF_VIDEO}
  const init = await CLIENT('INIT_URL', { ...options, method: 'POST', headers: ${part.INIT_HEADERS}, body: JSON.stringify({ source_info: sourceInfo }) });
  const text = await init.body.text();
  const parsed = JSON.parse(text);
  const response = { ...init, body: { json: async () => parsed, text: async () => text } };
  if (parsed.error.code !== 'ok') return response;
${part.chunkLoop(`    const put = await CLIENT(parsed.data.upload_url, { ...options, method: 'PUT', headers: ${part.PUT_HEADERS}, body: ${part.CHUNK_BYTES} });
    await put.body.dump();
    if (put.statusCode >= 300) throw new Error(\`TikTok refused \${range}: HTTP \${put.statusCode}\`);`)}
  return response;
}`,
  pullHelper: `${part.PULL_HELPER_DOC}
async function NAME(accessToken«: string | undefined», videoUrl«: string | undefined», options«: NonNullable<Parameters<typeof CLIENT>[1]>» = {}) {
  return CLIENT('INIT_URL', { ...options, method: 'POST', headers: ${part.INIT_HEADERS}, body: JSON.stringify(${part.PULL_BODY}) });
}`,
};
