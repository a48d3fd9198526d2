// Runs one exported function of a fixture module, as a program of its own, with the arguments a
// behaviour.json names, and prints what it returned: `RESULT <json>`. Placeholders in the arguments:
// $OPEN_ID $ACCESS_TOKEN $VIDEO_PATH $VIDEO_BUFFER $VIDEO_BASE64 $VIDEO_BLOB $VIDEO_STREAM $VIDEO_URL $CODE $REFRESH_TOKEN,
// $CLIENT_KEY $CLIENT_SECRET $REDIRECT_URI $CLIP_URL $PUBLISH_ID $VIDEO_ID.
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [modulePath, specJson] = process.argv.slice(2);
const spec = JSON.parse(specJson);
const env = process.env;
const placeholders = {
  $OPEN_ID: () => env.BEHAVIOUR_OPEN_ID,
  $ACCESS_TOKEN: () => env.BEHAVIOUR_ACCESS_TOKEN,
  $VIDEO_PATH: () => env.BEHAVIOUR_VIDEO_PATH,
  $VIDEO_URL: () => env.BEHAVIOUR_VIDEO_URL,
  // A plain HTTP server of the test's own serving the clip's bytes: where a fixture downloads it from.
  $CLIP_URL: () => env.BEHAVIOUR_CLIP_URL,
  $CODE: () => env.BEHAVIOUR_CODE,
  // An upload the test started on the Content Posting API: what a status request asks about.
  $PUBLISH_ID: () => env.BEHAVIOUR_PUBLISH_ID,
  $REFRESH_TOKEN: () => env.BEHAVIOUR_REFRESH_TOKEN,
  // One of the creator's own videos on the mock: what a video query names.
  $VIDEO_ID: () => env.BEHAVIOUR_VIDEO_ID,
  // The app's credentials and redirect URI, for a class constructed with them: a spec's `env` sets these.
  $CLIENT_KEY: () => env.BEHAVIOUR_CLIENT_KEY,
  $CLIENT_SECRET: () => env.BEHAVIOUR_CLIENT_SECRET,
  $REDIRECT_URI: () => env.BEHAVIOUR_REDIRECT_URI,
  $VIDEO_BUFFER: () => readFileSync(env.BEHAVIOUR_VIDEO_PATH),
  $VIDEO_BASE64: () => readFileSync(env.BEHAVIOUR_VIDEO_PATH).toString('base64'),
  $VIDEO_BLOB: () => new File([readFileSync(env.BEHAVIOUR_VIDEO_PATH)], 'video.mp4', { type: 'video/mp4' }),
  $VIDEO_STREAM: () => createReadStream(env.BEHAVIOUR_VIDEO_PATH),
};
const resolve = (value) => {
  if (typeof value === 'string' && value in placeholders) return placeholders[value]();
  if (Array.isArray(value)) return value.map(resolve);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  return value;
};

// Browser code (`"browser": true`): jsdom's XMLHttpRequest, FormData and Blob, as a page would have them.
if (spec.browser) (await import('./browser-xhr.mjs')).installBrowserGlobals();
// A page's script that uses the axios a <script> tag loaded (`"globals": ["axios"]`): the package, as that global.
if (spec.globals?.includes('axios')) globalThis.axios = (await import('axios')).default;
const loaded = modulePath.endsWith('.cjs') ? createRequire(import.meta.url)(modulePath) : await import(pathToFileURL(modulePath).href);
const [exportName, method] = spec.call.split('#');
let target = exportName === 'default' ? (loaded.default ?? loaded) : (loaded[exportName] ?? loaded.default?.[exportName]);
let receiver;
if (method) {
  receiver = new target(...resolve(spec.construct ?? []));
  target = receiver[method];
}
const args = resolve(spec.args);
let value = spec.callback
  ? await new Promise((done, fail) => target.call(receiver, ...args, (error, result) => (error ? fail(error) : done(result))))
  : await target.call(receiver, ...args);
if (value && typeof value === 'object' && 'data' in value && 'status' in value) value = value.data; // an axios response
process.stdout.write(`RESULT ${JSON.stringify(value ?? null)}\n`);
