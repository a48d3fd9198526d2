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
 * axios and its instances: the instance is passed in, so its interceptors and defaults still apply;
 * the absolute URLs override its `baseURL`. axios rejects on any status outside 2xx.
 */
export const axiosClient: UploadClient = {
  kind: 'axios',
  takesClient: true,
  fileAs: 'blob',
  takesOptions: true,
  typeImports: { source: 'axios', names: ['AxiosInstance', 'AxiosRequestConfig', 'AxiosResponse'] },
  helper: `${HELPER_DOC}
async function NAME(http«: AxiosInstance», accessToken«: string | undefined», video«: Blob | Uint8Array», options«: AxiosRequestConfig» = {}, ${VIDEO_TYPE_PARAM})«: Promise<AxiosResponse>» {
${SOURCE_INFO}
${TYPE_OF_VIDEO}
  const init = await http.post('INIT_URL', { source_info: sourceInfo }, { ...options, headers: ${INIT_HEADERS} });
  if (init.data.error.code !== 'ok') return init;
${chunkLoop(`    await http.put(init.data.data.upload_url, ${CHUNK_BYTES}, { ...options, headers: ${PUT_HEADERS} });`)}
  return init;
}`,
  pullHelper: `${PULL_HELPER_DOC}
async function NAME(http«: AxiosInstance», accessToken«: string | undefined», videoUrl«: string | undefined», options«: AxiosRequestConfig» = {})«: Promise<AxiosResponse>» {
  return http.post('INIT_URL', ${PULL_BODY}, { ...options, headers: ${INIT_HEADERS} });
}`,
};
