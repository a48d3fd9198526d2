import { chunkLoop, HELPER_DOC, INIT_HEADERS, PULL_BODY, PULL_HELPER_DOC, PUT_HEADERS, SOURCE_INFO } from './template.js';
import type { UploadClient } from './upload-client.js';

/** Global fetch, node-fetch and undici's fetch: the init Response comes back, its body unread. */
export const fetchClient: UploadClient = {
  kind: 'fetch',
  takesClient: false,
  fileAs: 'blob',
  takesOptions: true,
  helper: `${HELPER_DOC}
async function NAME(accessToken«: string», video«: Blob | Uint8Array», options«: RequestInit & { headers?: Record<string, string> }» = {})«: Promise<Response>» {
${SOURCE_INFO}
  const init = await fetch('INIT_URL', {
    ...options,
    method: 'POST',
    headers: ${INIT_HEADERS},
    body: JSON.stringify({ source_info: sourceInfo }),
  });
  const { data, error } = (await init.clone().json())« as { data: { upload_url: string }; error: { code: string } }»;
  if (error.code !== 'ok') return init;
${chunkLoop(`    const put = await fetch(data.upload_url, { ...options, method: 'PUT', headers: ${PUT_HEADERS}, body: video.slice(start, end) });
    if (!put.ok) throw new Error(\`TikTok refused \${range}: HTTP \${put.status}\`);`)}
  return init;
}`,
  pullHelper: `${PULL_HELPER_DOC}
async function NAME(accessToken«: string», videoUrl«: string», options«: RequestInit & { headers?: Record<string, string> }» = {})«: Promise<Response>» {
  return fetch('INIT_URL', { ...options, method: 'POST', headers: ${INIT_HEADERS}, body: JSON.stringify(${PULL_BODY}) });
}`,
};
