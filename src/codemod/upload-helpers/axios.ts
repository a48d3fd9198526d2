import * as part from './template.js';
import type { UploadClient } from './upload-client.js';

/**
 * axios and its instances: the instance is passed in, so its interceptors and defaults still apply;
 * the absolute URLs override its `baseURL`. axios rejects on any status outside 2xx. Before 1.0, axios
 * left follow-redirects its 10 MB cap on a request's body, which a chunk (up to 64 MB) passes: the PUT
 * lifts it, unless the caller's options set their own.
 */
export const axiosClient: UploadClient = {
  kind: 'axios',
  takesClient: true,
  fileAs: 'blob',
  takesOptions: true,
  typeImports: { source: 'axios', names: ['AxiosInstance', 'AxiosRequestConfig', 'AxiosResponse'] },
  helper: `${part.HELPER_DOC}
async function NAME(http«: AxiosInstance», accessToken«: string | undefined», video«: Blob | Uint8Array», options«: AxiosRequestConfig» = {}, ${part.VIDEO_TYPE_PARAM})«: Promise<AxiosResponse>» {
${part.SOURCE_INFO}
${part.TYPE_OF_VIDEO}
  const init = await http.post('INIT_URL', { source_info: sourceInfo }, { ...options, headers: ${part.INIT_HEADERS} });
  if (init.data.error.code !== 'ok') return init;
${part.chunkLoop(`    await http.put(init.data.data.upload_url, ${part.CHUNK_BYTES}, { maxBodyLength: Infinity, ...options, headers: ${part.PUT_HEADERS} });`)}
  return init;
}`,
  pullHelper: `${part.PULL_HELPER_DOC}
async function NAME(http«: AxiosInstance», accessToken«: string | undefined», videoUrl«: string | undefined», options«: AxiosRequestConfig» = {})«: Promise<AxiosResponse>» {
  return http.post('INIT_URL', ${part.PULL_BODY}, { ...options, headers: ${part.INIT_HEADERS} });
}`,
};
