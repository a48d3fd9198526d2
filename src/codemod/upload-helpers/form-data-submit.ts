import * as part from './template.js';
import type { UploadClient } from './upload-client.js';

/** One HTTPS exchange with Node's own client, the body gathered: what form-data's `submit` used. */
const SEND = `  const send = (url«: string», method«: string», headers«: Record<string, string>», body«: string | Uint8Array», done«: (error: Error | null, response?: IncomingMessage, raw?: Buffer) => void») => {
    const outgoing = HTTPS_REQUEST(url, { method, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (response) => {
      const parts«: Buffer[]» = [];
      response.on('data', (part) => parts.push(part));
      response.on('end', () => done(null, response, Buffer.concat(parts)));
    });
    outgoing.on('error', done);
    outgoing.end(body);
  };
  // The caller reads the init response as it read the legacy one: a stream of its body.
  const replay = (response«: IncomingMessage», raw«: Buffer») => Object.assign(READABLE.from([raw]), { statusCode: response.statusCode, headers: response.headers })« as unknown as IncomingMessage»;
  const initHeaders = { Authorization: \`Bearer \${accessToken}\`, 'Content-Type': 'INIT_CONTENT_TYPE' };`;

/**
 * The form-data package's `form.submit(url, callback)`: Node's https client sends the init and the
 * chunks, and the caller's `(error, response)` callback gets the init response once the bytes are in.
 */
export const formDataSubmitClient: UploadClient = {
  kind: 'form-data-submit',
  takesClient: false,
  takesOptions: false,
  takesCallback: true,
  fileAs: 'bytes',
  imports: [
    { source: 'node:https', name: 'request', placeholder: 'HTTPS_REQUEST' },
    { source: 'node:stream', name: 'Readable', placeholder: 'READABLE' },
  ],
  typeImports: { source: 'node:http', names: ['IncomingMessage'] },
  helper: `${part.HELPER_DOC}
function NAME(accessToken«: string | undefined», video«: Uint8Array», callback«: (error: Error | null, response?: IncomingMessage) => void») {
${part.BYTES_SOURCE_INFO}
${SEND}
  send('INIT_URL', 'POST', initHeaders, JSON.stringify({ source_info: sourceInfo }), (failure, init, raw) => {
    if (failure || !init || !raw) return callback(failure);
    const { data, error } = JSON.parse(raw.toString('utf8'));
    if (error.code !== 'ok') return callback(null, replay(init, raw));
    let index = 0;
    const next = (putFailure«: Error | null», put«?: IncomingMessage»)«: void» => {
      if (putFailure) return callback(putFailure);
      if (put && (put.statusCode ?? 500) >= 300) return callback(new Error(\`TikTok refused a chunk: HTTP \${put.statusCode}\`));
      if (index === chunkCount) return callback(null, replay(init, raw));
      const start = index * chunkSize;
      const end = index === chunkCount - 1 ? size : start + chunkSize;
      index++;
      send(data.upload_url, 'PUT', { 'Content-Type': 'VIDEO_TYPE', 'Content-Range': \`bytes \${start}-\${end - 1}/\${size}\` }, video.slice(start, end), next);
    };
    next(null);
  });
}`,
  pullHelper: `${part.PULL_HELPER_DOC}
function NAME(accessToken«: string | undefined», videoUrl«: string | undefined», callback«: (error: Error | null, response?: IncomingMessage) => void») {
${SEND}
  send('INIT_URL', 'POST', initHeaders, JSON.stringify(${part.PULL_BODY}), (failure, init, raw) => (failure || !init || !raw ? callback(failure) : callback(null, replay(init, raw))));
}`,
};
