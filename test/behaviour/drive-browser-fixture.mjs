// Runs a browser upload fixture (XMLHttpRequest) as a program of its own, with jsdom's XHR, FormData,
// Blob and File as the program's globals (browser-xhr.mjs: real HTTPS through undici to the mock).
// The fixture is exercised by its scenario in browser-scenarios.mjs, with the video as a File, and
// the program prints
//   RESULT {"outcome":…,"responseText":…,"stateUpdates":[…],"progress":[…],"cors":{…}}
// `stateUpdates`: every React state update (react-stub/), when the fixture imports react;
// `progress`: each upload progress event the fixture's own handlers (`xhr.upload.onprogress` or an
// `upload` 'progress' listener) received, with the request it was about.
//   node drive-browser-fixture.mjs <fixture name> <module>
// Environment: BEHAVIOUR_OPEN_ID, BEHAVIOUR_ACCESS_TOKEN, BEHAVIOUR_VIDEO_PATH, BEHAVIOUR_TIMEOUT_MS.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { scenarios } from './browser-scenarios.mjs';
import { corsLog, installBrowserGlobals } from './browser-xhr.mjs';

const [name, modulePath] = process.argv.slice(2);
const env = process.env;
const timeoutMs = Number(env.BEHAVIOUR_TIMEOUT_MS ?? 15_000);
const scenario = scenarios[name];
if (!scenario) fail(`browser-scenarios.mjs has no scenario for ${name}`);

const window = installBrowserGlobals();

// Fail at once, with the request that failed, when any XHR of the program errors (a fixture without
// onerror would otherwise only show it as a time-out), and record what the fixture's own upload
// progress handlers are told, request by request.
const BrowserXhr = window.XMLHttpRequest;
const { open: nativeOpen, send: nativeSend } = BrowserXhr.prototype;
const labels = new WeakMap();
const uploadsListened = new WeakSet();
const progressSeen = [];
const nativeAddEventListener = window.EventTarget.prototype.addEventListener;
window.EventTarget.prototype.addEventListener = function addEventListener(type, ...rest) {
  if (type === 'progress' && this instanceof window.XMLHttpRequestUpload) uploadsListened.add(this);
  return nativeAddEventListener.call(this, type, ...rest);
};
BrowserXhr.prototype.open = function open(method, url, ...rest) {
  const label = `${method} ${url}`;
  labels.set(this, label);
  for (const type of ['error', 'abort', 'timeout']) {
    nativeAddEventListener.call(this, type, () => fail(`XMLHttpRequest ${type}: ${label}`));
  }
  return nativeOpen.call(this, method, url, ...rest);
};
BrowserXhr.prototype.send = function send(body) {
  if (typeof this.upload.onprogress === 'function' || uploadsListened.has(this.upload)) {
    const request = labels.get(this);
    nativeAddEventListener.call(this.upload, 'progress', (event) => {
      progressSeen.push({ request, loaded: event.loaded, total: event.total });
    });
  }
  return nativeSend.call(this, body);
};

function fail(message) {
  process.stderr.write(`${message}\ncors stand-in: ${JSON.stringify(corsLog)}\n`);
  process.exit(1);
}

const loaded = modulePath.endsWith('.cjs') ? createRequire(import.meta.url)(modulePath) : await import(pathToFileURL(modulePath).href);
// The `react` the fixture imported (the stub its folder resolves), not one resolved from here.
let react;
try {
  react = await import(pathToFileURL(createRequire(modulePath).resolve('react')).href);
} catch {
  react = undefined;
}

const videoPath = env.BEHAVIOUR_VIDEO_PATH;
const file = new window.File([readFileSync(videoPath)], path.basename(videoPath), { type: 'video/mp4' });
const timer = setTimeout(() => fail(`${name}: no outcome within ${timeoutMs} ms`), timeoutMs);
const result = await scenario({
  module: loaded,
  file,
  openId: env.BEHAVIOUR_OPEN_ID,
  accessToken: env.BEHAVIOUR_ACCESS_TOKEN,
  react,
}).catch((error) => fail(`${name}: ${error?.stack ?? error}`));
clearTimeout(timer);
const report = { ...result, stateUpdates: react?.stateUpdates ?? [], progress: progressSeen, cors: corsLog };
process.stdout.write(`RESULT ${JSON.stringify(report)}\n`);
// jsdom keeps the window alive (timers, the dispatcher's sockets): the result is out, so end here.
process.exit(0);
