import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { randomInt } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { INBOX_VIDEO_INIT, LEGACY_UPLOAD, PUBLISH_STATUS_FETCH } from '../../../src/contract/index.js';
import type { Exchange } from './exchange.js';
import { MOCK_HOSTNAMES, MOCK_HOSTS, roleOfHost } from './hosts.js';
import { drain, requestUrl, sendJson } from './http-util.js';
import { logId } from './ids.js';
import { INBOX_INIT_PATH, handleInboxInit } from './inbox-init.js';
import { isLegacyUploadPath, handleLegacyUpload } from './legacy-upload.js';
import { Lifecycle } from './lifecycle.js';
import { HOSTS_ENV, createLookup, formatHostMap } from './loopback-dns.mjs';
import { UPLOAD_PATH, handleMediaTransfer } from './media-transfer.js';
import { resolveOptions, type MockUser, type TikTokMockOptions, type UploadFault, type WebhookTarget } from './options.js';
import { SlidingWindowLimiter } from './rate-limit.js';
import { MockState } from './state.js';
import {
  V1_REFRESH_PATH,
  V1_REVOKE_PATH,
  V1_TOKEN_PATH,
  V2_REVOKE_PATH,
  V2_TOKEN_PATH,
  handleV1Refresh,
  handleV1Revoke,
  handleV1Token,
  handleV2Revoke,
  handleV2Token,
  newAuthCode,
} from './oauth.js';
import {
  handleV1LoginKitUserInfo,
  handleV1UserInfo,
  handleV2UserInfo,
  V1_LOGIN_KIT_USER_INFO_PATH,
  V1_USER_INFO_PATH,
  V2_USER_INFO_PATH,
} from './user-info.js';
import { handleV1VideoList, handleV2VideoList, V1_VIDEO_LIST_PATH, V2_VIDEO_LIST_PATH } from './video-list.js';
import { handleV1VideoQuery, handleV2VideoQuery, V1_VIDEO_QUERY_PATH, V2_VIDEO_QUERY_PATH } from './video-query.js';
import { STATUS_FETCH_PATH, handleStatusFetch } from './status.js';
import { createMockCertificates } from './tls.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/** The preload a child process needs (see loopback-dns.mjs). */
export const LOOPBACK_DNS_PATH = fileURLToPath(new URL('./loopback-dns.mjs', import.meta.url));

/** Port 443: the programs under test call URLs without a port, and a resolver cannot change ports. */
const HTTPS_PORT = 443;

export interface TikTokMock {
  /** The loopback address the server listens on, port 443. */
  readonly address: string;
  readonly hosts: typeof MOCK_HOSTS;
  /** The real URLs, which reach this mock in any process that runs with `env`. */
  readonly urls: { readonly legacyUpload: string; readonly inboxInit: string; readonly statusFetch: string };
  readonly caCertPath: string;
  readonly caCert: string;
  /**
   * What a child process needs in its environment to reach the mock through its own network code:
   * NODE_EXTRA_CA_CERTS (trust the test CA), NODE_OPTIONS (`--import` the DNS preload),
   * TIKTOK_MOCK_HOSTS (names → address) and NO_PROXY (a proxy in the environment must not catch them).
   * Spread it over process.env; it replaces any NODE_OPTIONS there.
   */
  readonly env: Readonly<Record<string, string>>;
  readonly loopbackDnsPath: string;
  readonly users: readonly MockUser[];
  readonly state: MockState;
  /** dns.lookup-compatible, for in-process clients (net/tls/https `lookup` option). */
  readonly lookup: LookupFunction;
  /** An https.Agent that trusts the mock's CA and resolves its names, for in-process requests. */
  readonly agent: https.Agent;
  /** The user's and TikTok's side of the flow: inbox delivery, posting, failures, legacy events. */
  readonly lifecycle: Lifecycle;
  injectFault(fault: UploadFault): void;
  /** An authorization code for `openId`, as the v1 or v2 authorize page would hand the app: exchangeable once, on that generation's route. */
  issueCode(openId: string, scopes: readonly string[], generation: 'v1' | 'v2'): string;
  setWebhookTarget(target: WebhookTarget | undefined): void;
  /** Resolves when every webhook the mock started sending has been delivered or given up. */
  webhooksIdle(): Promise<void>;
  close(): Promise<void>;
}

/** Random 127.x.y.z, away from 127.0.0.1 and Debian's 127.0.1.1 hostname address. */
function randomLoopback(): string {
  return `127.${randomInt(16, 250)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

function listenOnce(server: https.Server, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(HTTPS_PORT, address);
  });
}

async function listen(server: https.Server, requested: string): Promise<string> {
  const auto = requested === 'auto';
  const candidates = auto ? Array.from({ length: 20 }, randomLoopback) : [requested];
  for (const address of candidates) {
    try {
      await listenOnce(server, address);
      return address;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES') {
        throw new Error(
          `TikTok mock: binding ${address}:${HTTPS_PORT} was refused (EACCES). Port 443 needs root, CAP_NET_BIND_SERVICE ` +
            `or sysctl net.ipv4.ip_unprivileged_port_start=443; the programs under test call URLs without a port.`,
        );
      }
      if (code === 'EADDRINUSE' && auto) continue;
      if (code === 'EADDRINUSE') {
        throw new Error(
          `TikTok mock: ${address}:${HTTPS_PORT} is already in use (another mock or server?). Free it, or pass address: 'auto'.`,
        );
      }
      // Only Linux puts all of 127/8 on lo; elsewhere (macOS) an automatic pick falls back to 127.0.0.1.
      if (code === 'EADDRNOTAVAIL' && auto && address !== '127.0.0.1') return listen(server, '127.0.0.1');
      if (code === 'EADDRNOTAVAIL') throw new Error(`TikTok mock: ${address} is not a local address; use a 127.x.y.z address or 'auto'.`);
      throw error;
    }
  }
  throw new Error(`TikTok mock: port ${HTTPS_PORT} is taken on ${candidates.length} random loopback addresses`);
}

/**
 * Starts one HTTPS server on <loopback>:443 that answers for the three TikTok hostnames, routing by
 * Host (one certificate names all three). See README.md beside this file for a behaviour test's use.
 */
export async function startTikTokMock(options: TikTokMockOptions = {}): Promise<TikTokMock> {
  const config = resolveOptions(options);
  const state = new MockState(config.users, config.upload.faults);
  const webhooks = new WebhookDispatcher(config.webhooks, state);
  const lifecycle = new Lifecycle(config, state, webhooks);
  const limiters = {
    init: new SlidingWindowLimiter(config.init.rateLimit, config.now),
    status: new SlidingWindowLimiter(config.status.rateLimit, config.now),
  };
  const certificates = createMockCertificates(MOCK_HOSTNAMES);

  const server = https.createServer({ key: certificates.key, cert: certificates.cert }, (req, res) => {
    if (config.keepAliveMs <= 0) res.shouldKeepAlive = false;
    const role = roleOfHost(req.headers.host);
    const url = requestUrl(req);
    let noted: { errorCode?: string | number; message?: string } = {};
    res.on('finish', () => {
      state.requests.push({
        at: config.now(),
        method: req.method ?? '',
        host: req.headers.host ?? '',
        path: url.pathname + url.search,
        status: res.statusCode,
        ...noted,
      });
    });
    if (!role) {
      void drain(req).then(() =>
        sendJson(res, 421, { error: `the TikTok mock serves ${MOCK_HOSTNAMES.join(', ')}, not ${req.headers.host ?? '(no Host)'}` }),
      );
      return;
    }
    const ex: Exchange = {
      req,
      res,
      role,
      url,
      config,
      state,
      webhooks,
      limiters,
      lifecycle,
      note: (errorCode, message) => {
        noted = { errorCode, ...(message === undefined ? {} : { message }) };
      },
    };
    route(ex).catch((error: Error) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: 'internal_error', message: `mock failure: ${error.message}`, log_id: logId(config.now()) } });
      else res.destroy(error);
    });
  });
  // Every exchange is bounded: a stuck client cannot hold a test past these.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  if (config.keepAliveMs > 0) server.keepAliveTimeout = config.keepAliveMs;

  let address: string;
  try {
    address = await listen(server, config.address);
  } catch (error) {
    certificates.remove();
    throw error;
  }

  const hostMap = Object.fromEntries(MOCK_HOSTNAMES.map((name) => [name, address]));
  const lookup = createLookup(hostMap);
  const agent = new https.Agent({ ca: certificates.caCert, lookup, keepAlive: false });
  let closed: Promise<void> | undefined;

  return {
    address,
    hosts: MOCK_HOSTS,
    urls: { legacyUpload: LEGACY_UPLOAD.url, inboxInit: INBOX_VIDEO_INIT.url, statusFetch: PUBLISH_STATUS_FETCH.url },
    caCertPath: certificates.caCertPath,
    caCert: certificates.caCert,
    env: {
      NODE_EXTRA_CA_CERTS: certificates.caCertPath,
      NODE_OPTIONS: `--import=${pathToFileURL(LOOPBACK_DNS_PATH).href}`,
      [HOSTS_ENV]: formatHostMap(hostMap),
      NO_PROXY: MOCK_HOSTNAMES.join(','),
      no_proxy: MOCK_HOSTNAMES.join(','),
    },
    loopbackDnsPath: LOOPBACK_DNS_PATH,
    users: config.users,
    state,
    lookup,
    agent,
    lifecycle,
    injectFault: (fault) => state.addFault(fault),
    issueCode: (openId, scopes, generation) => {
      const code = newAuthCode();
      state.authCodes.set(code, { openId, scopes, issuedBy: generation });
      return code;
    },
    setWebhookTarget: (target) => webhooks.setTarget(target),
    webhooksIdle: () => webhooks.idle(),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        lifecycle.close();
        webhooks.close();
        agent.destroy();
        server.close(() => {
          certificates.remove();
          resolve();
        });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

async function route(ex: Exchange): Promise<void> {
  const path = ex.url.pathname;
  if (ex.role === 'legacy' && isLegacyUploadPath(path, ex.config.legacy.acceptWithoutTrailingSlash)) return handleLegacyUpload(ex);
  if (ex.role === 'contentPosting' && path === INBOX_INIT_PATH) return handleInboxInit(ex);
  if (ex.role === 'contentPosting' && path === STATUS_FETCH_PATH) return handleStatusFetch(ex);
  if (ex.role === 'upload' && path === UPLOAD_PATH) return handleMediaTransfer(ex);
  if (ex.role === 'legacy' && path === V1_TOKEN_PATH) return handleV1Token(ex);
  if (ex.role === 'legacy' && path === V1_REFRESH_PATH) return handleV1Refresh(ex);
  if (ex.role === 'legacy' && path === V1_REVOKE_PATH) return handleV1Revoke(ex);
  if (ex.role === 'contentPosting' && path === V2_REVOKE_PATH) return handleV2Revoke(ex);
  if (ex.role === 'contentPosting' && path === V2_TOKEN_PATH) return handleV2Token(ex);
  if (ex.role === 'legacy' && path === V1_USER_INFO_PATH) return handleV1UserInfo(ex);
  if (ex.role === 'legacy' && path === V1_LOGIN_KIT_USER_INFO_PATH) return handleV1LoginKitUserInfo(ex);
  if (ex.role === 'contentPosting' && path === V2_USER_INFO_PATH) return handleV2UserInfo(ex);
  if (ex.role === 'legacy' && path === V1_VIDEO_LIST_PATH) return handleV1VideoList(ex);
  if (ex.role === 'contentPosting' && path === V2_VIDEO_LIST_PATH) return handleV2VideoList(ex);
  if (ex.role === 'legacy' && path === V1_VIDEO_QUERY_PATH) return handleV1VideoQuery(ex);
  if (ex.role === 'contentPosting' && path === V2_VIDEO_QUERY_PATH) return handleV2VideoQuery(ex);
  await drain(ex.req);
  const message = `the TikTok mock has no route ${ex.req.method ?? '?'} ${path} on ${MOCK_HOSTS[ex.role]}`;
  ex.note(404, message);
  sendJson(ex.res, 404, { error: { code: 'not_found', message, log_id: logId(ex.config.now()) } });
}
