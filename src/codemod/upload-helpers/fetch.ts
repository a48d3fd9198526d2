import * as part from './template.js';
import type { UploadClient } from './upload-client.js';

/**
 * The options the caller's own fetch takes, whichever fetch it is (the global one, node-fetch's,
 * undici's); its headers are taken as a plain object, the only form the legacy calls passed.
 */
const OPTIONS = '«: NonNullable<Parameters<typeof CLIENT>[1]>» = {}';
// The parentheses and the cast are TypeScript's only: JavaScript gets a plain `...options.headers`.
const HEADERS = '...«(»options.headers« as Record<string, string> | undefined)»';

/** The fetch flow; `chunk` is how a slice of the video goes into a body this fetch takes. */
function fetchHelpers(chunk: string): Pick<UploadClient, 'helper' | 'pullHelper'> {
  return {
    helper: `${part.HELPER_DOC}
async function NAME(accessToken«: string | undefined», video«: Blob | Uint8Array», options${OPTIONS}, ${part.VIDEO_TYPE_PARAM}) {
${part.SOURCE_INFO}
${part.TYPE_OF_VIDEO}
  const init = await CLIENT('INIT_URL', {
    ...options,
    method: 'POST',
    headers: { ${HEADERS}, Authorization: \`Bearer \${accessToken}\`, 'Content-Type': 'INIT_CONTENT_TYPE' },
    body: JSON.stringify({ source_info: sourceInfo }),
  });
  const { data, error } = «(»await init.clone().json()«) as { data: { upload_url: string }; error: { code: string } }»;
  if (error.code !== 'ok') return init;
${part.chunkLoop(`    const put = await CLIENT(data.upload_url, { ...options, method: 'PUT', headers: { ${HEADERS}, 'Content-Type': type, 'Content-Range': range }, body: ${chunk} });
    if (!put.ok) throw new Error(\`TikTok refused \${range}: HTTP \${put.status}\`);`)}
  return init;
}`,
    pullHelper: `${part.PULL_HELPER_DOC}
async function NAME(accessToken«: string | undefined», videoUrl«: string | undefined», options${OPTIONS}) {
  return CLIENT('INIT_URL', {
    ...options,
    method: 'POST',
    headers: { ${HEADERS}, Authorization: \`Bearer \${accessToken}\`, 'Content-Type': 'INIT_CONTENT_TYPE' },
    body: JSON.stringify(${part.PULL_BODY}),
  });
}`,
  };
}

/** The global fetch, in Node and in browsers: the init Response comes back, its body unread. */
export const fetchClient: UploadClient = {
  kind: 'fetch',
  takesClient: false,
  fileAs: 'blob',
  takesOptions: true,
  ...fetchHelpers('video.slice(start, end)'),
};

/** undici's own fetch: its body takes bytes, not the global Blob. */
export const undiciFetchClient: UploadClient = { ...fetchClient, kind: 'undici-fetch', ...fetchHelpers(part.CHUNK_BYTES) };

/** node-fetch: its body takes Buffers. */
export const nodeFetchClient: UploadClient = { ...fetchClient, kind: 'node-fetch', ...fetchHelpers(`Buffer.from(${part.CHUNK_BYTES})`) };
