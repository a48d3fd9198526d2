import { WEBHOOK_SIGNATURE_HEADER } from '../contract/index.js';
import { isCall, isMember, memberName, staticString, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { OwnershipResolver } from './ownership.js';
import type { RawFinding } from './raw-finding.js';

/**
 * Header names a TikTok webhook handler reads its signature from that TikTok never sends: it signs in
 * `TikTok-Signature` (§6.5), legacy and post events alike. `x-tiktok-signature`, `x-tt-signature`,
 * `x-tiktok-sign`, `tiktok-sign`: a header of another shape (another platform's habit, or a guess).
 */
const MADE_UP_SIGNATURE_HEADER = /^(?:x-(?:tiktok|tt)-sign(?:ature)?|(?:tiktok|tt)-sign|x-tiktok-webhook-signature)$/i;

/**
 * A module that reads a signature header named for TikTok (`x-tiktok-signature`) handles TikTok's
 * webhooks, whatever event names it spells (none, or only in comments): the header's own finding and
 * the envelope's are its.
 */
export function readsTikTokSignatureHeader(index: ModuleIndex): boolean {
  if (!/(?:tiktok|tt)-sign/i.test(index.text)) return false;
  return [...index.ofType('StringLiteral'), ...index.ofType('Literal')].some(
    (literal) => MADE_UP_SIGNATURE_HEADER.test(staticString(literal) ?? '') && readsHeader(index, literal),
  );
}

/** `headers.get(…)`, Express's `req.get(…)` / `req.header(…)`, Koa's `ctx.get(…)`. */
const HEADER_GETTERS = new Set(['get', 'header', 'getHeader']);

/**
 * `req.headers['x-tiktok-signature']`, `request.headers.get('x-tt-signature')` in TikTok's code of a
 * module that handles its webhooks: the header never arrives, so a check that requires it rejects
 * every event, legacy or new, and one that skips when it is missing lets anyone's request through.
 * Reported at the name, once per name; the scheme is TikTok's (`t=…,s=…`, HMAC-SHA256 of `t.` and the
 * raw body, keyed with the client secret), which no rename gives.
 */
export function findMadeUpSignatureHeaders(index: ModuleIndex, owners: OwnershipResolver): RawFinding[] {
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  for (const literal of [...index.ofType('StringLiteral'), ...index.ofType('Literal')]) {
    const name = staticString(literal);
    if (!name || !MADE_UP_SIGNATURE_HEADER.test(name) || seen.has(name.toLowerCase())) continue;
    if (!readsHeader(index, literal) || owners.ownerOf(literal) !== 'tiktok') continue;
    seen.add(name.toLowerCase());
    findings.push({
      ruleId: 'no-legacy-webhook-event',
      messageId: 'signatureHeader',
      node: literal,
      severity: 'warning',
      data: { header: name, signature: WEBHOOK_SIGNATURE_HEADER },
    });
  }
  return findings;
}

/** The literal names a header read: an argument of a getter, or the key of `headers[…]`. */
function readsHeader(index: ModuleIndex, literal: Node): boolean {
  const parent = index.parent(literal);
  if (!parent) return false;
  if (isCall(parent) && parent.arguments[0] === literal) {
    const callee = unwrap(parent.callee);
    // NestJS's `@Headers('x-tt-signature') signature` parameter decorator.
    if (callee.type === 'Identifier') return callee.name === 'Headers';
    return isMember(callee) && HEADER_GETTERS.has(memberName(callee) ?? '');
  }
  return (
    isMember(parent) &&
    parent.computed === true &&
    parent.property === literal &&
    /headers$/i.test(memberName(parent.object) ?? index.source(parent.object))
  );
}
