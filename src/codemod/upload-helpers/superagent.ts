import * as part from './template.js';
import type { UploadClient } from './upload-client.js';

/** superagent: `.set()` and `.send()` chains; the response body arrives parsed, as before. */
export const superagentClient: UploadClient = {
  kind: 'superagent',
  takesClient: true,
  takesOptions: false,
  fileAs: 'bytes',
  helper: `${part.HELPER_DOC}
async function NAME(http«: typeof CLIENT», accessToken«: string | undefined», video«: Blob | Uint8Array», ${part.VIDEO_TYPE_PARAM}) {
${part.SOURCE_INFO}
${part.TYPE_OF_VIDEO}
  const init = await http
    .post('INIT_URL')
    .set({ Authorization: \`Bearer \${accessToken}\`, 'Content-Type': 'INIT_CONTENT_TYPE' })
    .send({ source_info: sourceInfo });
  if (init.body.error.code !== 'ok') return init;
${part.chunkLoop(`    await http.put(init.body.data.upload_url).set({ 'Content-Type': type, 'Content-Range': range }).send(${part.CHUNK_BYTES});`)}
  return init;
}`,
  pullHelper: `${part.PULL_HELPER_DOC}
async function NAME(http«: typeof CLIENT», accessToken«: string | undefined», videoUrl«: string | undefined») {
  return http
    .post('INIT_URL')
    .set({ Authorization: \`Bearer \${accessToken}\`, 'Content-Type': 'INIT_CONTENT_TYPE' })
    .send(${part.PULL_BODY});
}`,
};
