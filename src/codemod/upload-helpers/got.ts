import {
  CHUNK_BYTES,
  chunkLoop,
  HELPER_DOC,
  INIT_HEADERS,
  PULL_BODY,
  PULL_HELPER_DOC,
  PUT_HEADERS,
  SOURCE_INFO,
  TYPE_OF_VIDEO,
  VIDEO_TYPE_PARAM,
} from './template.js';
import type { UploadClient } from './upload-client.js';

/**
 * got and its instances. `prefixUrl: ''` because got refuses absolute URLs under an instance's
 * prefix; got rejects on any status outside 2xx. Resolves to the init response (`body` is text).
 */
export const gotClient: UploadClient = {
  kind: 'got',
  takesClient: true,
  takesOptions: true,
  fileAs: 'bytes',
  typeImports: { source: 'got', names: ['Got', 'OptionsOfTextResponseBody'] },
  responseReaders: {
    json: (type) => `.then((response) => JSON.parse(response.body)${type ? ` as ${type}` : ''})`,
    text: () => '.then((response) => response.body)',
  },
  helper: `${HELPER_DOC}
async function NAME(http«: Got», accessToken«: string | undefined», video«: Blob | Uint8Array», options«: OptionsOfTextResponseBody» = {}, ${VIDEO_TYPE_PARAM}) {
${SOURCE_INFO}
${TYPE_OF_VIDEO}
  const init = await http.post('INIT_URL', { ...options, prefixUrl: '', headers: ${INIT_HEADERS}, json: { source_info: sourceInfo } });
  // A caller's \`responseType: 'json'\` hands the body over parsed already.
  const { data, error } = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
  if (error.code !== 'ok') return init;
${chunkLoop(`    await http.put(data.upload_url, { ...options, prefixUrl: '', headers: ${PUT_HEADERS}, body: ${CHUNK_BYTES} });`)}
  return init;
}`,
  pullHelper: `${PULL_HELPER_DOC}
async function NAME(http«: Got», accessToken«: string | undefined», videoUrl«: string | undefined», options«: OptionsOfTextResponseBody» = {}) {
  return http.post('INIT_URL', { ...options, prefixUrl: '', headers: ${INIT_HEADERS}, json: ${PULL_BODY} });
}`,
};
