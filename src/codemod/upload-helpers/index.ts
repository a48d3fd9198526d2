import { axiosClient } from './axios.js';
import { fetchClient, nodeFetchClient, undiciFetchClient } from './fetch.js';
import { formDataSubmitClient } from './form-data-submit.js';
import { gotClient } from './got.js';
import { kyClient } from './ky.js';
import { requestClient, requestPromiseClient } from './request.js';
import { superagentClient } from './superagent.js';
import { undiciRequestClient } from './undici-request.js';
import type { ClientKind, UploadClient } from './upload-client.js';
import { xhrClient } from './xhr.js';

/** The clients the upload rewrite knows, by kind. */
export const UPLOAD_CLIENTS: Partial<Record<ClientKind, UploadClient>> = {
  fetch: fetchClient,
  'node-fetch': nodeFetchClient,
  'undici-fetch': undiciFetchClient,
  axios: axiosClient,
  got: gotClient,
  ky: kyClient,
  superagent: superagentClient,
  request: requestClient,
  'request-promise': requestPromiseClient,
  'undici-request': undiciRequestClient,
  xhr: xhrClient,
  'form-data-submit': formDataSubmitClient,
};

export type { ClientKind, UploadClient } from './upload-client.js';
