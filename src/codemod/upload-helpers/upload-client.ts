export type ClientKind = 'fetch' | 'axios' | 'got' | 'ky' | 'superagent' | 'request' | 'request-promise' | 'undici-request';

/** How one HTTP client performs the two-step upload, as a helper generated into the user's module. */
export interface UploadClient {
  readonly kind: ClientKind;
  /** The helper's source: TypeScript, type-only parts between « », `NAME` for its name. */
  readonly helper: string;
  /** The PULL_FROM_URL helper: the init alone, for a video TikTok downloads from a URL. */
  readonly pullHelper: string;
  /** Whether the helper's first parameter is the HTTP client (an axios instance, got, ky…). */
  readonly takesClient: boolean;
  /** How a video read from a file path is passed: a file-backed Blob, or the bytes. */
  readonly fileAs: 'blob' | 'bytes';
  /** Types the TypeScript helper names, imported with `import type`. */
  readonly typeImports?: { readonly source: string; readonly names: readonly string[] };
}
