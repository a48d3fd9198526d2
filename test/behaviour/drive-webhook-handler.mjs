// Hands TikTok webhook envelopes to one fixture's handler, as a program of its own, and prints what
// the handler did with each: `RESULT <json>`, one entry per envelope (what it returned or answered,
// and every call it made to the app's own modules, its store and the console). behaviour.json says
// how the handler is reached:
//   { "call": "name", "args": [...] }        an exported function, called once per envelope;
//   { "map": "name", "args": [...] }         an exported object of handlers by event name: the envelope's one, if any;
//   { "express": "default", "path": "/…" }   an exported Express router or app, each envelope POSTed as JSON;
//   { "route": "name" }                      an exported (req, res) handler (Express, Next.js pages), mounted so;
//   { "request": "POST" }                    an exported web handler (Request in, Response out: Next.js app routes).
// Placeholders in `args`: $ENVELOPE (the parsed envelope), $ENVELOPE_TEXT, $EVENT, $CONTENT (parsed),
// $CONTENT_TEXT, $RECORDER (an object whose every method call is recorded). `"stubs": { "./jobs.js":
// ["jobs", "verify=true"] }` names the app's own modules the fixture imports: each is written beside
// the program, its exports recorders too (`=` the value each call returns).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { format } from 'node:util';
import { pathToFileURL } from 'node:url';

const [modulePath, specJson, envelopesJson] = process.argv.slice(2);
const spec = JSON.parse(specJson);
const envelopes = JSON.parse(envelopesJson);

let calls = [];
/**
 * A function and an object at once: each call is recorded under its path (`jobs.settle`) and returns
 * `returns` (nothing, unless a stub says `"verifySignature=true"`).
 */
function recorder(name, returns) {
  return new Proxy(function () {}, {
    // `then` stays undefined: a recorder is no promise, so awaiting one gives it back as it is.
    get: (_target, key) => (typeof key === 'symbol' || key === 'then' || key === 'toJSON' ? undefined : recorder(`${name}.${key}`)),
    apply: (_target, _this, args) => {
      calls.push([name, ...args]);
      return returns;
    },
  });
}
globalThis.__webhookRecorder = recorder;
for (const level of ['log', 'info', 'debug', 'warn', 'error'])
  console[level] = (...args) => calls.push([`console.${level}`, format(...args)]);

for (const [specifier, names] of Object.entries(spec.stubs ?? {})) {
  const file = path.resolve(path.dirname(modulePath), path.extname(specifier) ? specifier : `${specifier}.js`);
  mkdirSync(path.dirname(file), { recursive: true });
  const exports = names.map((entry) => {
    const [name, returns = 'undefined'] = entry.split('=');
    return `export const ${name} = globalThis.__webhookRecorder(${JSON.stringify(name)}, ${returns});\n`;
  });
  writeFileSync(file, exports.join(''));
}

// TypeScript's extensionless imports of those modules (`from './logger'`) as Node's ES modules want them.
const source = readFileSync(modulePath, 'utf8');
const withExtensions = Object.keys(spec.stubs ?? {})
  .filter((specifier) => !path.extname(specifier))
  .reduce((text, specifier) => text.replaceAll(`'${specifier}'`, `'${specifier}.js'`), source);
if (withExtensions !== source) writeFileSync(modulePath, withExtensions);

const loaded = modulePath.endsWith('.cjs') ? createRequire(import.meta.url)(modulePath) : await import(pathToFileURL(modulePath).href);
const exported = (name) => (name === 'default' ? (loaded.default ?? loaded) : (loaded[name] ?? loaded.default?.[name]));

const observations = [];
if (spec.express || spec.route) {
  const express = (await import('express')).default;
  const app = express();
  if (spec.express) app.use(exported(spec.express));
  // `"raw": true`: the handler parses the body itself (to check the signature over its bytes).
  else app.post(spec.path ?? '/webhooks/tiktok', spec.raw ? express.raw({ type: '*/*' }) : express.json(), exported(spec.route));
  const server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${server.address().port}${spec.path ?? '/webhooks/tiktok'}`;
  for (const envelope of envelopes) {
    calls = [];
    const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(envelope) });
    const body = await answer.text();
    // A handler that answers first and works after: its calls come once the request is done.
    await new Promise((resolve) => setTimeout(resolve, 30));
    observations.push({ status: answer.status, body, calls });
  }
  server.close();
} else if (spec.request) {
  for (const envelope of envelopes) {
    calls = [];
    const request = new Request('https://app.example/api/webhooks/tiktok', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(envelope),
    });
    const answer = await exported(spec.request)(request);
    observations.push({ status: answer.status, body: await answer.text(), calls });
  }
} else {
  for (const envelope of envelopes) {
    calls = [];
    const target = spec.map ? exported(spec.map)[envelope.event] : exported(spec.call);
    const placeholders = {
      $ENVELOPE: () => structuredClone(envelope),
      $ENVELOPE_TEXT: () => JSON.stringify(envelope),
      $EVENT: () => envelope.event,
      $CONTENT: () => JSON.parse(envelope.content),
      $CONTENT_TEXT: () => envelope.content,
      $RECORDER: () => recorder('store'),
    };
    const args = spec.args.map((value) => (typeof value === 'string' && value in placeholders ? placeholders[value]() : value));
    const returned = target ? await target(...args) : 'no handler';
    observations.push({ returned: returned ?? null, calls });
  }
}
// The envelope or its content handed on whole (to a signature check, a log, a store) is the
// envelope's, whichever side sent it: written as `<ENVELOPE>`, `<CONTENT>`. `undefined` is written as
// null, so an absent value and a missing key compare alike.
const written = observations.map((observation, at) => {
  const envelope = envelopes[at];
  const whole = new Map([
    [JSON.stringify(envelope), '<ENVELOPE>'],
    [envelope.content, '<CONTENT>'],
  ]);
  const asText = (value) => {
    if (value?.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data).toString('utf8');
    return value && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value;
  };
  return JSON.parse(
    JSON.stringify(observation, (_key, value) => {
      if (value === undefined) return null;
      const text = asText(value);
      return typeof text === 'string' && whole.has(text) ? whole.get(text) : value;
    }),
  );
});
process.stdout.write(`RESULT ${JSON.stringify(written)}\n`);
