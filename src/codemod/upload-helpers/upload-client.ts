export type ClientKind =
  | 'fetch'
  | 'node-fetch'
  | 'undici-fetch'
  | 'axios'
  | 'got'
  | 'ky'
  | 'superagent'
  | 'request'
  | 'request-promise'
  | 'undici-request'
  | 'xhr'
  | 'form-data-submit';

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
  /** Values the helper uses from Node's modules; each placeholder becomes the local name. */
  readonly imports?: readonly { readonly source: string; readonly name: string; readonly placeholder: string }[];
  /** Types the TypeScript helper names, imported with `import type`. */
  readonly typeImports?: { readonly source: string; readonly names: readonly string[] };
  /** The last argument of the legacy call is its callback, handed on to the helper (request). */
  readonly takesCallback?: boolean;
  /** Whether the helper takes the caller's options (a timeout, a User-Agent header). */
  readonly takesOptions: boolean;
  /**
   * Methods chained on the legacy call that read its response (`got(…).json()`), and what replaces
   * them on the helper's promise; a chained method not listed here cannot be carried over.
   */
  readonly responseReaders?: Readonly<Record<string, (typeArguments: string) => string>>;
}
