import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CONTENT_POSTING_ERRORS,
  LEGACY_ERRORS,
  LEGACY_SUCCESS_CODE,
  SUCCESS_ERROR_CODE,
  type ContentPostingErrorCode,
} from '../../../src/contract/index.js';
import type { MockHostRole } from './hosts.js';
import { logId } from './ids.js';
import { sendJson } from './http-util.js';
import type { MockConfig } from './options.js';
import type { SlidingWindowLimiter } from './rate-limit.js';
import type { MockState } from './state.js';
import type { Lifecycle } from './lifecycle.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';

/** What every route handler gets: the request, the reply, and the mock it belongs to. */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly role: MockHostRole;
  readonly url: URL;
  readonly config: MockConfig;
  readonly state: MockState;
  readonly webhooks: WebhookDispatcher;
  readonly limiters: { readonly init: SlidingWindowLimiter; readonly status: SlidingWindowLimiter };
  /** Starts the timers of a state change (inbox delivery after the final chunk); see lifecycle.ts. */
  readonly lifecycle: Lifecycle;
  /** Notes the error code of the answer for `state.requests`. */
  note(errorCode: string | number, message?: string): void;
}

/**
 * A Content Posting answer: `{ data?, error: { code, message, log_id } }` (§3.1). Errors carry no
 * `data`, like the captured 403 (§3.4), so that clients which assume it exists fail here first.
 */
export function replyV2Error(ex: Exchange, code: ContentPostingErrorCode, message?: string): void {
  const known = CONTENT_POSTING_ERRORS[code] as { status: number; message?: string };
  const text = message ?? known.message ?? code;
  ex.note(code, text);
  sendJson(ex.res, known.status, { error: { code, message: text, log_id: logId(ex.config.now()) } });
}

export function replyV2Ok(ex: Exchange, data: Readonly<Record<string, unknown>>): void {
  ex.note(SUCCESS_ERROR_CODE);
  sendJson(ex.res, 200, { data, error: { code: SUCCESS_ERROR_CODE, message: '', log_id: logId(ex.config.now()) } });
}

/**
 * A legacy error answer in the captured shape (§2.4): both `err_code` and `error_code`, the
 * message in `data.error_msg`, the detail and `logid` in `extra`.
 */
export function replyLegacyError(ex: Exchange, kind: keyof typeof LEGACY_ERRORS, detail?: string): void {
  const error = LEGACY_ERRORS[kind];
  const status = kind === 'tokenInvalid' ? LEGACY_ERRORS.tokenInvalid.status : ex.config.legacy.invalidParamsStatus;
  const errorDetail = detail ?? error.detail;
  ex.note(error.code, errorDetail);
  sendJson(ex.res, status, {
    data: { err_code: error.code, error_code: error.code, error_msg: error.message },
    extra: { error_detail: errorDetail, logid: logId(ex.config.now()) },
  });
}

/** The captured success (§2.4): no `error_msg` at all, an empty `error_detail`. */
export function replyLegacyOk(ex: Exchange, shareId: string): void {
  ex.note(LEGACY_SUCCESS_CODE);
  sendJson(ex.res, 200, {
    data: { err_code: LEGACY_SUCCESS_CODE, error_code: LEGACY_SUCCESS_CODE, share_id: shareId },
    extra: { error_detail: '', logid: logId(ex.config.now()) },
  });
}
