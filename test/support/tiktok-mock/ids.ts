import { randomBytes, randomInt } from 'node:crypto';

/**
 * Identifiers in the shapes TikTok's captured answers use. All are opaque to clients; only the
 * shapes are copied so that code which logs or stores them sees realistic values.
 */

function digits(count: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < count) out += String(randomInt(0, 10));
  return out;
}

/** `20230227024817AA418E06A83757A98666`: UTC yyyyMMddHHmmss and 20 upper-case hex digits (§2.4, §3.3). */
export function logId(nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return stamp + randomBytes(10).toString('hex').toUpperCase();
}

/** `v_inbox.7204562242124318762`, the captured legacy share_id (§2.4). */
export function legacyShareId(): string {
  return `v_inbox.${digits(19)}`;
}

/**
 * `v_inbox_file~v2.123456789` for an inbox file upload (§3.3). The inbox-by-URL prefix is
 * unconfirmed; `v_inbox_url~v2.` follows the pattern of the others.
 */
export function publishId(source: 'FILE_UPLOAD' | 'PULL_FROM_URL'): string {
  return `${source === 'FILE_UPLOAD' ? 'v_inbox_file' : 'v_inbox_url'}~v2.${digits(19)}`;
}

export function uploadId(): string {
  return digits(19);
}

export function uploadToken(): string {
  return randomBytes(24).toString('base64url');
}
