import {
  INIT_RATE_LIMIT,
  INIT_RESPONSE_LIMITS,
  LEGACY_SIZE_LIMITS,
  PENDING_SHARE_LIMIT,
  PUBLISH_STATUS_FETCH,
  UPLOAD_SCOPE,
} from '../../../src/contract/index.js';
import { systemClock, type Clock } from './clock.js';
import type { RateLimit } from './rate-limit.js';
import type { RetryPolicy } from './webhook-sender.js';

/** A user and the access token the mock knows them by. */
export interface MockUser {
  readonly accessToken: string;
  readonly openId: string;
  readonly scopes: readonly string[];
  /**
   * Which OAuth version issued the token. The legacy upload accepts both (a public client sent a v2
   * token to it, §2.9); v2 routes reject v1 tokens unless `v1TokensOnV2: 'accept'` (§2.9 guidance).
   */
  readonly issuedBy: 'v1' | 'v2';
  /** Init answers 403 spam_risk_user_banned_from_posting (§3.4). */
  readonly bannedFromPosting?: boolean;
}

/**
 * Users every mock knows unless `users` replaces them. alice and bob may upload; carol lacks the
 * upload scope; dave holds a v1 token.
 */
export const DEFAULT_USERS = {
  alice: { accessToken: 'act.alice.mock-video-upload', openId: 'alice-open-id', scopes: ['user.info.basic', UPLOAD_SCOPE], issuedBy: 'v2' },
  bob: { accessToken: 'act.bob.mock-video-upload', openId: 'bob-open-id', scopes: ['user.info.basic', UPLOAD_SCOPE], issuedBy: 'v2' },
  carol: { accessToken: 'act.carol.mock-no-upload-scope', openId: 'carol-open-id', scopes: ['user.info.basic'], issuedBy: 'v2' },
  dave: { accessToken: 'act.dave.mock-v1-token', openId: 'dave-open-id', scopes: ['user.info.basic', UPLOAD_SCOPE], issuedBy: 'v1' },
} as const satisfies Record<string, MockUser>;

/** A 5xx answer to a PUT of one chunk, so a test can check that the client sends that chunk again (§4.3). */
export interface UploadFault {
  /** 0-based chunk index; the final chunk is total_chunk_count - 1. */
  readonly chunkIndex: number;
  /** Only for this publish_id; any upload when absent. */
  readonly publishId?: string;
  readonly status?: 500 | 502 | 503 | 504;
  /** How many times to fail that chunk before accepting it. Default 1. */
  readonly times?: number;
}

/** Where the mock sends the webhooks that its own state changes fire (§6). */
export interface WebhookTarget {
  readonly url: string;
  readonly clientKey: string;
  readonly clientSecret: string;
  /** Extra CA to trust when the receiver speaks https with its own certificate. */
  readonly ca?: string;
  readonly retry?: Partial<RetryPolicy>;
}

export interface TikTokMockOptions {
  /** Users and tokens; replaces DEFAULT_USERS. */
  readonly users?: readonly MockUser[];
  /**
   * Loopback address to listen on, port 443. 'auto' (the default) picks a free 127.x.y.z so that
   * test files running in parallel each get their own mock; every 127/8 address is on `lo`.
   */
  readonly address?: string;
  readonly now?: Clock;
  readonly v1TokensOnV2?: 'reject' | 'accept';
  readonly legacy?: {
    /** Default 64 MiB, the migration notice's limit; the Share Video page says 50 MB (§2.3). */
    readonly maxVideoBytes?: number;
    /** Serve `/share/video/upload` without the slash too (unconfirmed real behaviour, §2.1). Default true. */
    readonly acceptWithoutTrailingSlash?: boolean;
    /** Reject a `video` part with no filename, as the `err_with_no_filename` capture suggests (§2.2). Default true. */
    readonly requireFilename?: boolean;
    /** HTTP status of a 10002 answer; unconfirmed (§2.5). Default 400. */
    readonly invalidParamsStatus?: number;
  };
  readonly init?: {
    /** Default 6 per minute per token (§3.2); false turns it off. */
    readonly rateLimit?: RateLimit | false;
    /** Default 5 pending per user in 24 h (§3.4); false turns it off. */
    readonly pendingShareLimit?: { readonly pending: number; readonly windowMs: number } | false;
    /** URL prefixes the app has "verified" for PULL_FROM_URL (§3.2). */
    readonly verifiedUrlPrefixes?: readonly string[];
  };
  readonly upload?: {
    /** Default one hour (§3.3). */
    readonly lifetimeMs?: number;
    readonly faults?: readonly UploadFault[];
    /** Time between the 201 and SEND_TO_USER_INBOX; 0 (default) moves at once (§5 gives no timing). */
    readonly inboxDelayMs?: number;
  };
  readonly status?: {
    /** Default 30 per minute per token (§5); false turns it off. */
    readonly rateLimit?: RateLimit | false;
  };
  readonly webhooks?: WebhookTarget;
  /** The app the OAuth routes know (§2.7, §2.8): its credentials and its registered redirect URIs. */
  readonly oauth?: { readonly clientKey?: string; readonly clientSecret?: string; readonly redirectUris?: readonly string[] };
  /**
   * How long an idle connection stays open after an answer. 0 (the default) closes it with
   * `Connection: close`: the keep-alive habits of TikTok's servers are not part of the contract, and
   * some clients (axios with maxBodyLength: Infinity) keep a kept-alive socket referenced, so a
   * program under test would wait out the server's timeout (plus Node's 1 s buffer) before exiting.
   */
  readonly keepAliveMs?: number;
}

export interface MockConfig {
  readonly users: readonly MockUser[];
  readonly address: string;
  readonly now: Clock;
  readonly v1TokensOnV2: 'reject' | 'accept';
  readonly legacy: Required<NonNullable<TikTokMockOptions['legacy']>>;
  readonly init: Required<NonNullable<TikTokMockOptions['init']>>;
  readonly upload: Required<NonNullable<TikTokMockOptions['upload']>>;
  readonly status: Required<NonNullable<TikTokMockOptions['status']>>;
  readonly webhooks: WebhookTarget | undefined;
  readonly keepAliveMs: number;
  readonly oauth: { readonly clientKey: string; readonly clientSecret: string; readonly redirectUris: readonly string[] };
}

/** The app every mock's OAuth routes know unless `oauth` says otherwise. */
export const DEFAULT_OAUTH = {
  clientKey: 'mock-client-key',
  clientSecret: 'mock-client-secret',
  redirectUris: ['https://app.example.com/tiktok/callback'],
} as const;

/** TikTok's own PULL_FROM_URL example host (§3.2). */
export const DEFAULT_VERIFIED_URL_PREFIXES = ['https://example.verified.domain.com/'];

export function resolveOptions(options: TikTokMockOptions = {}): MockConfig {
  return {
    users: options.users ?? Object.values(DEFAULT_USERS),
    address: options.address ?? 'auto',
    now: options.now ?? systemClock,
    v1TokensOnV2: options.v1TokensOnV2 ?? 'reject',
    legacy: {
      maxVideoBytes: options.legacy?.maxVideoBytes ?? LEGACY_SIZE_LIMITS.noticeMaxBytes,
      acceptWithoutTrailingSlash: options.legacy?.acceptWithoutTrailingSlash ?? true,
      requireFilename: options.legacy?.requireFilename ?? true,
      invalidParamsStatus: options.legacy?.invalidParamsStatus ?? 400,
    },
    init: {
      rateLimit: options.init?.rateLimit ?? INIT_RATE_LIMIT,
      pendingShareLimit: options.init?.pendingShareLimit ?? PENDING_SHARE_LIMIT,
      verifiedUrlPrefixes: options.init?.verifiedUrlPrefixes ?? DEFAULT_VERIFIED_URL_PREFIXES,
    },
    upload: {
      lifetimeMs: options.upload?.lifetimeMs ?? INIT_RESPONSE_LIMITS.uploadUrlLifetimeMs,
      faults: options.upload?.faults ?? [],
      inboxDelayMs: options.upload?.inboxDelayMs ?? 0,
    },
    status: {
      rateLimit: options.status?.rateLimit ?? PUBLISH_STATUS_FETCH.rateLimit,
    },
    webhooks: options.webhooks,
    keepAliveMs: options.keepAliveMs ?? 0,
    oauth: {
      clientKey: options.oauth?.clientKey ?? DEFAULT_OAUTH.clientKey,
      clientSecret: options.oauth?.clientSecret ?? DEFAULT_OAUTH.clientSecret,
      redirectUris: options.oauth?.redirectUris ?? DEFAULT_OAUTH.redirectUris,
    },
  };
}
