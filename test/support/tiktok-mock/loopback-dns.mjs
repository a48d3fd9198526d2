// Makes TikTok's hostnames resolve to the mock's loopback address, and no other name.
//
// Programs under test call the real absolute URLs (https://open-api.tiktok.com/share/video/upload/,
// https://open.tiktokapis.com/v2/post/publish/inbox/video/init/ …). Every Node HTTP client in use
// (node:http/https, axios, got, node-fetch, request, superagent, undici and the global fetch built on
// it) reaches a host through net.connect, which resolves it with `dns.lookup` read at call time. So
// patching `dns.lookup` (and `dns.promises.lookup`, for code that resolves names itself) sends those
// clients to the mock through their real network code, TLS included.
//
// Plain JavaScript on purpose: a child process loads it with `node --import <this file>` (the mock
// puts that in NODE_OPTIONS), before any TypeScript tooling exists in that process.
//
// The mapping comes from the environment variable named by HOSTS_ENV, written by the mock:
//   TIKTOK_MOCK_HOSTS=open-api.tiktok.com=127.31.7.9,open.tiktokapis.com=127.31.7.9,…
// The port cannot be mapped by a resolver; the mock listens on 443, the port the URLs imply.

import dns from 'node:dns';
import { isIP } from 'node:net';
import { syncBuiltinESMExports } from 'node:module';
import { promisify } from 'node:util';

export const HOSTS_ENV = 'TIKTOK_MOCK_HOSTS';

const original = { lookup: dns.lookup, promisesLookup: dns.promises.lookup };
let installed;

function normalise(hostname) {
  return String(hostname).toLowerCase().replace(/\.$/, '');
}

/** Parses `host=address,host=address` into a Map (hostname → loopback address). */
export function parseHostMap(text) {
  const map = new Map();
  for (const entry of String(text ?? '').split(',')) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    const at = trimmed.indexOf('=');
    const host = at > 0 ? normalise(trimmed.slice(0, at)) : '';
    const address = at > 0 ? trimmed.slice(at + 1).trim() : '';
    if (!host || !isIP(address)) throw new Error(`${HOSTS_ENV}: expected host=ip, got "${trimmed}"`);
    map.set(host, address);
  }
  return map;
}

/** The inverse of parseHostMap, for building a child's environment. */
export function formatHostMap(map) {
  return [...toMap(map)].map(([host, address]) => `${host}=${address}`).join(',');
}

function toMap(hosts) {
  if (hosts instanceof Map) return new Map([...hosts].map(([host, address]) => [normalise(host), address]));
  return new Map(Object.entries(hosts).map(([host, address]) => [normalise(host), address]));
}

function wantedFamily(options) {
  const family = options.family;
  if (family === 'IPv4') return 4;
  if (family === 'IPv6') return 6;
  return Number(family ?? 0) || 0;
}

function notFound(hostname) {
  // The shape getaddrinfo gives a name with no address of the asked family.
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    errno: -3008,
    syscall: 'getaddrinfo',
    hostname,
  });
}

/**
 * Answers a lookup of a mapped name, or undefined for a name this module leaves alone.
 * Returns { error } or { address, family }.
 */
function answer(map, hostname, options) {
  const address = map.get(normalise(hostname));
  if (address === undefined) return undefined;
  const family = isIP(address);
  const wanted = wantedFamily(options);
  if (wanted !== 0 && wanted !== family) return { error: notFound(hostname) };
  return { address, family };
}

function normaliseOptions(options) {
  if (typeof options === 'number') return { family: options };
  if (typeof options === 'string') return { family: options };
  return options ?? {};
}

/**
 * A `dns.lookup`-compatible function: mapped names resolve to their loopback address, every other
 * name goes to the real resolver. Usable without patching anything, as the `lookup` option of
 * net.connect, tls.connect, an https.Agent or an undici Agent.
 */
export function createLookup(hosts) {
  const map = toMap(hosts);
  function lookup(hostname, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    const opts = normaliseOptions(options);
    const found = answer(map, hostname, opts);
    if (found === undefined) return original.lookup.call(dns, hostname, options, callback);
    if (found.error) return process.nextTick(callback, found.error);
    if (opts.all) return process.nextTick(callback, null, [{ address: found.address, family: found.family }]);
    return process.nextTick(callback, null, found.address, found.family);
  }
  // util.promisify(dns.lookup) resolves to { address, family } through this hook, as Node's own does.
  Object.defineProperty(lookup, promisify.custom, {
    value: (hostname, options) => createPromisesLookup(map)(hostname, options),
  });
  return lookup;
}

function createPromisesLookup(map) {
  return async function lookup(hostname, options) {
    const opts = normaliseOptions(options);
    const found = answer(map, hostname, opts);
    if (found === undefined) return original.promisesLookup.call(dns.promises, hostname, options);
    if (found.error) throw found.error;
    if (opts.all) return [{ address: found.address, family: found.family }];
    return { address: found.address, family: found.family };
  };
}

/**
 * Patches dns.lookup and dns.promises.lookup for the given names. Returns a function that puts the
 * originals back. syncBuiltinESMExports makes `import { lookup } from 'node:dns'` see the patch too.
 */
export function installLoopbackDns(hosts) {
  uninstallLoopbackDns();
  const map = toMap(hosts);
  dns.lookup = createLookup(map);
  dns.promises.lookup = createPromisesLookup(map);
  syncBuiltinESMExports();
  installed = map;
  return uninstallLoopbackDns;
}

export function uninstallLoopbackDns() {
  if (!installed) return;
  dns.lookup = original.lookup;
  dns.promises.lookup = original.promisesLookup;
  syncBuiltinESMExports();
  installed = undefined;
}

/** The names currently patched, for diagnostics. */
export function installedHosts() {
  return installed ? new Map(installed) : new Map();
}

// As a preload (`node --import loopback-dns.mjs`): patch at once from the environment.
if (process.env[HOSTS_ENV]) installLoopbackDns(parseHostMap(process.env[HOSTS_ENV]));
