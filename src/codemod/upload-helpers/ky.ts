import * as part from './template.js';
import type { UploadClient } from './upload-client.js';

/** ky and its instances: like fetch, with `prefixUrl: ''` for instances; ky rejects outside 2xx. */
export const kyClient: UploadClient = {
  kind: 'ky',
  takesClient: true,
  takesOptions: true,
  fileAs: 'blob',
  typeImports: { source: 'ky', names: ['KyInstance', 'KyResponse', 'Options'] },
  responseReaders: {
    json: (type) => `.then((response) => response.json${type ? `<${type}>` : ''}())`,
    text: () => '.then((response) => response.text())',
  },
  helper: `${part.HELPER_DOC}
async function NAME(http«: KyInstance», accessToken«: string | undefined», video«: Blob | Uint8Array», options«: Options» = {}, ${part.VIDEO_TYPE_PARAM})«: Promise<KyResponse>» {
${part.SOURCE_INFO}
${part.TYPE_OF_VIDEO}
  const init = await http.post('INIT_URL', { ...options, prefixUrl: '', headers: ${part.INIT_HEADERS}, json: { source_info: sourceInfo } });
  const { data, error } = «(»await init.clone().json()«) as { data: { upload_url: string }; error: { code: string } }»;
  if (error.code !== 'ok') return init;
${part.chunkLoop(`    await http.put(data.upload_url, { ...options, prefixUrl: '', headers: ${part.PUT_HEADERS}, body: video.slice(start, end) });`)}
  return init;
}`,
  pullHelper: `${part.PULL_HELPER_DOC}
async function NAME(http«: KyInstance», accessToken«: string | undefined», videoUrl«: string | undefined», options«: Options» = {})«: Promise<KyResponse>» {
  return http.post('INIT_URL', { ...options, prefixUrl: '', headers: ${part.INIT_HEADERS}, json: ${part.PULL_BODY} });
}`,
};
