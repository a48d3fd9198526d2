import type { PublishFailReason, PublishStatus } from '../../../src/contract/index.js';
import type { AuthCode, IssuedToken } from './oauth.js';
import type { MockUser, UploadFault } from './options.js';
import type { WebhookDelivery } from './webhook-sender.js';

/** One request as the mock answered it, for a test's diagnostics. */
export interface RequestRecord {
  readonly at: number;
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly status: number;
  /** `error.code` (v2) or `err_code` (legacy) when the answer carried one. */
  readonly errorCode?: string | number;
  readonly message?: string;
}

/** A legacy upload the mock accepted (§2): exactly the bytes of the `video` part. */
export interface LegacyUploadRecord {
  readonly shareId: string;
  readonly accessToken: string;
  readonly openId: string;
  readonly filename: string | undefined;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly bytes: Buffer;
  /** Other non-file parts, by name. */
  readonly fields: Readonly<Record<string, string>>;
  readonly receivedAt: number;
}

/** One chunk the mock accepted (§4). */
export interface ChunkRecord {
  readonly index: number;
  readonly first: number;
  readonly last: number;
  readonly length: number;
  readonly contentType: string;
  readonly sha256: string;
}

/** A publish_id from init: its upload, if any, and its status (§3, §4, §5). */
export interface PublishTask {
  readonly publishId: string;
  readonly openId: string;
  readonly accessToken: string;
  readonly source: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  readonly createdAt: number;
  readonly videoSize?: number;
  readonly chunkSize?: number;
  readonly totalChunkCount?: number;
  readonly videoUrl?: string;
  readonly uploadId?: string;
  readonly uploadToken?: string;
  readonly uploadUrl?: string;
  status: PublishStatus;
  failReason?: PublishFailReason;
  publiclyAvailablePostIds: number[];
  receivedBytes: number;
  readonly chunks: ChunkRecord[];
  /** The reassembled video, once the final chunk arrived (201). */
  bytes?: Buffer;
  sha256?: string;
  completedAt?: number;
}

export interface InjectedFault {
  readonly publishId: string;
  readonly chunkIndex: number;
  readonly status: number;
}

/** Everything the mock saw and holds. Tests read it to check what arrived. */
export class MockState {
  readonly users = new Map<string, MockUser>();
  readonly requests: RequestRecord[] = [];
  readonly legacyUploads: LegacyUploadRecord[] = [];
  readonly publishes = new Map<string, PublishTask>();
  readonly webhookDeliveries: WebhookDelivery[] = [];
  readonly faultsInjected: InjectedFault[] = [];
  /** Faults still to fire; each entry's `times` counts down. */
  readonly pendingFaults: (UploadFault & { remaining: number })[] = [];
  /** Legacy share_id → the open_id that uploaded it, for legacy webhooks. */
  readonly legacyShares = new Map<string, string>();
  /** Authorization codes not yet exchanged (see `TikTokMock.issueCode`). */
  readonly authCodes = new Map<string, AuthCode>();
  /** Refresh tokens still good, with what they grant. */
  readonly refreshTokens = new Map<string, AuthCode>();
  /** Access tokens revoked, in order. */
  readonly revoked: string[] = [];
  /** Every token the OAuth routes issued, in order. */
  readonly tokensIssued: IssuedToken[] = [];

  constructor(users: readonly MockUser[], faults: readonly UploadFault[]) {
    for (const user of users) this.users.set(user.accessToken, user);
    for (const fault of faults) this.addFault(fault);
  }

  addFault(fault: UploadFault): void {
    this.pendingFaults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  taskByUploadId(uploadId: string): PublishTask | undefined {
    for (const task of this.publishes.values()) if (task.uploadId === uploadId) return task;
    return undefined;
  }

  /** FILE_UPLOAD tasks whose final chunk arrived, oldest first. */
  completedUploads(): PublishTask[] {
    return [...this.publishes.values()].filter((task) => task.bytes !== undefined);
  }

  publish(publishId: string): PublishTask {
    const task = this.publishes.get(publishId);
    if (!task) throw new Error(`the mock issued no publish_id ${publishId}`);
    return task;
  }
}
