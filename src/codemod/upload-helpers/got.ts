import * as part from './template.js';
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
  helper: `${part.HELPER_DOC}
async function NAME(http«: Got», accessToken«: string | undefined», video«: Blob | Uint8Array», options«: OptionsOfTextResponseBody» = {}, ${part.VIDEO_TYPE_PARAM}) {
${part.SOURCE_INFO}
${part.TYPE_OF_VIDEO}
  const init = await http.post('INIT_URL', { ...options, prefixUrl: '', headers: ${part.INIT_HEADERS}, json: { source_info: sourceInfo } });
  // A caller's \`responseType: 'json'\` hands the body over parsed already.
  const { data, error } = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
  if (error.code !== 'ok') return init;
${part.chunkLoop(`    await http.put(data.upload_url, { ...options, prefixUrl: '', headers: ${part.PUT_HEADERS}, body: ${part.CHUNK_BYTES} });`)}
  return init;
}`,
  pullHelper: `${part.PULL_HELPER_DOC}
async function NAME(http«: Got», accessToken«: string | undefined», videoUrl«: string | undefined», options«: OptionsOfTextResponseBody» = {}) {
  return http.post('INIT_URL', { ...options, prefixUrl: '', headers: ${part.INIT_HEADERS}, json: ${part.PULL_BODY} });
}`,
};
