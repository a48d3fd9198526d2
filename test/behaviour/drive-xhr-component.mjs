// Runs a browser component fixture that uploads with XMLHttpRequest, as a program of its own, with
// jsdom's XHR (browser-xhr.mjs) as the program's XMLHttpRequest: the component function is called
// once with the props a spec names (no renderer: `react` is the stub in react-stub/), the element
// carrying the spec's event handler is found in what it returns, and the handler is called with a
// file input's change event holding the video as a File. The program prints what the component
// handed its result callback: `RESULT {"callback":[…],"stateUpdates":[…],"progress":[…],"cors":{…}}`
// (`progress`: each upload progress event the component's own `xhr.upload.onprogress` received.)
//   node drive-xhr-component.mjs <module> '{"component":"…","props":{…},"event":"onChange","callback":"onDone"}'
// Prop placeholders: $OPEN_ID $ACCESS_TOKEN. The video is BEHAVIOUR_VIDEO_PATH.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corsLog, installBrowserGlobals } from './browser-xhr.mjs';

const [modulePath, specJson] = process.argv.slice(2);
const spec = JSON.parse(specJson);
const env = process.env;
const timeoutMs = Number(env.BEHAVIOUR_TIMEOUT_MS ?? 15_000);

const window = installBrowserGlobals();

// Fail at once, with the request that failed, when any XHR of the program errors: the component
// itself has no onerror, so a network or CORS failure would otherwise only show as a time-out.
// And record what the component's own upload progress handler is told, request by request.
const BrowserXhr = window.XMLHttpRequest;
const { open: nativeOpen, send: nativeSend } = BrowserXhr.prototype;
const labels = new WeakMap();
const progressSeen = [];
BrowserXhr.prototype.open = function open(method, url, ...rest) {
  const label = `${method} ${url}`;
  labels.set(this, label);
  for (const type of ['error', 'abort', 'timeout']) {
    this.addEventListener(type, () => fail(`XMLHttpRequest ${type}: ${label}`));
  }
  return nativeOpen.call(this, method, url, ...rest);
};
BrowserXhr.prototype.send = function send(body) {
  const own = this.upload.onprogress;
  if (typeof own === 'function') {
    const request = labels.get(this);
    this.upload.onprogress = function onprogress(event) {
      progressSeen.push({ request, loaded: event.loaded, total: event.total });
      return own.call(this, event);
    };
  }
  return nativeSend.call(this, body);
};

function fail(message) {
  process.stderr.write(`${message}\ncors stand-in: ${JSON.stringify(corsLog)}\n`);
  process.exit(1);
}

const placeholders = { $OPEN_ID: env.BEHAVIOUR_OPEN_ID, $ACCESS_TOKEN: env.BEHAVIOUR_ACCESS_TOKEN };
const props = Object.fromEntries(Object.entries(spec.props).map(([key, value]) => [key, placeholders[value] ?? value]));

const done = new Promise((resolve) => {
  props[spec.callback] = (...args) => resolve(args);
});

const loaded = modulePath.endsWith('.cjs') ? createRequire(import.meta.url)(modulePath) : await import(pathToFileURL(modulePath).href);
const Component = loaded[spec.component] ?? loaded.default;
if (typeof Component !== 'function') fail(`${modulePath} exports no component ${spec.component}`);

/** Depth-first: the first element whose props hold a function named `event`. */
function findHandler(node) {
  if (node == null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findHandler(child);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node.props?.[spec.event] === 'function') return node.props[spec.event];
  return findHandler(node.props?.children);
}

const tree = Component(props);
const handler = findHandler(tree);
if (!handler) fail(`no element of ${spec.component} has an ${spec.event} handler`);

const videoPath = env.BEHAVIOUR_VIDEO_PATH;
const file = new window.File([readFileSync(videoPath)], path.basename(videoPath), { type: 'video/mp4' });
const input = { files: [file], value: `C:\\fakepath\\${file.name}` };
handler({ type: 'change', target: input, currentTarget: input, preventDefault() {}, stopPropagation() {} });

const timer = setTimeout(() => fail(`${spec.callback} was not called within ${timeoutMs} ms`), timeoutMs);
const callbackArgs = await done;
clearTimeout(timer);
// The `react` the fixture imported (the stub its folder resolves), not one resolved from here.
const { stateUpdates } = await import(pathToFileURL(createRequire(modulePath).resolve('react')).href);
process.stdout.write(`RESULT ${JSON.stringify({ callback: callbackArgs, stateUpdates, progress: progressSeen, cors: corsLog })}\n`);
// jsdom keeps the window alive (timers, the dispatcher's sockets): the result is out, so end here.
process.exit(0);
