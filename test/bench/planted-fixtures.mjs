/**
 * The fixture inputs the bench plants into the clean corpus: single files that import nothing
 * relative, need no options.json, and get at least one `--check` finding on their own (lookalike
 * `not-*` cases, multi-module cases and `keep-legacy-*` cases are left out). The bench checks
 * that last property itself before timing anything, so a fixture that stops being flagged is
 * reported, not silently counted. Paths are relative to fixtures/.
 */
export const PLANTED_FIXTURES = [
  'rewrite-upload-call/axios-bearer-header-multipart-hybrid/input.ts',
  'rewrite-upload-call/axios-config-call/input.js',
  'rewrite-upload-call/axios-instance-baseurl-then-chain/input.cjs',
  'rewrite-upload-call/axios-post-params-path/input.ts',
  'rewrite-upload-call/base-constant-shared-with-oauth/input.js',
  'rewrite-upload-call/fetch-browser-input-files-then-chain/input.js',
  'rewrite-upload-call/fetch-formdata-template-query-tokens/input.ts',
  'rewrite-upload-call/fetch-new-url-relative-to-base/input.mjs',
  'rewrite-upload-call/form-data-submit-callback/input.cjs',
  'rewrite-upload-call/got-extend-prefixurl-then-json/input.mjs',
  'rewrite-upload-call/got-searchparams-form-data-json/input.mts',
  'rewrite-upload-call/ky-instance-prefixurl-input-files/input.js',
  'rewrite-upload-call/node-fetch-buffer-then-chain/input.ts',
  'rewrite-upload-call/request-callback-formdata-qs/input.cjs',
  'rewrite-upload-call/request-promise-options/input.js',
  'rewrite-upload-call/superagent-then-chain-buffer-attach/input.ts',
  'rewrite-upload-call/todo-err-code-compared-with-20000/input.ts',
  'rewrite-upload-call/undici-request-formdata/input.mts',
  'rewrite-upload-call/xhr-react-component/input.jsx',
  'rewrite-upload-call/xhr-tsx-upload-hook/input.tsx',
  'rename-webhook-events/ambiguous-owner-string-enum/input.ts',
  'rename-webhook-events/as-const-event-object/input.ts',
  'rename-webhook-events/enum-events/input.ts',
  'rename-webhook-events/event-labels-tsx/input.tsx',
  'rename-webhook-events/event-set-and-array/input.mjs',
  'rename-webhook-events/fastify-content-destructuring/input.js',
  'rename-webhook-events/nextjs-app-route-content-fallback/input.ts',
  'rename-webhook-events/or-chain-with-both-names/input.js',
  'rename-webhook-events/tiktok-events-constants-module/input.ts',
  'rename-webhook-events/union-type-literals/input.ts',
  'detect/query-token-pasted-secret/input.js',
  'detect/response-fields-then-chain/input.js',
  'detect/share-video-type-alias-and-generic-interface/input.ts',
  'detect/tiktok-share-response-interface/input.ts',
  'detect/unmapped-share-sound-upload/input.mts',
  'detect/v1-oauth-revoke-query-tokens/input.mjs',
  'detect/v1-user-info-json-body/input.cts',
  'detect/v1-www-auth-authorize-jsx/input.jsx',
  'detect/webhook-envelope-typed-payload/input.mts',
  'detect/webhook-signature-header-generic-name/input.cjs',
];
