import { axiosClient } from './axios.js';
import { fetchClient } from './fetch.js';
import type { ClientKind, UploadClient } from './upload-client.js';

/** The clients the upload rewrite knows, by kind. */
export const UPLOAD_CLIENTS: Partial<Record<ClientKind, UploadClient>> = {
  fetch: fetchClient,
  axios: axiosClient,
};

export type { ClientKind, UploadClient } from './upload-client.js';
