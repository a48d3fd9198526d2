import { LOGIN_KIT_USER_FIELDS, NEAREST_V2_FIELD, USER_INFO_FIELD_SCOPES, V2_USER_FIELDS } from '../contract/index.js';
import { isMember, memberName, rangeOf, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import type { TikTokRequest } from './requests.js';
import type { Taint } from './taint.js';
import { isBody } from './v2-token-answer-reads.js';

/** v1's status, in `data` too: reported as status reads, with `error.code` and `error.message` for them. */
const STATUS_FIELDS = new Set(['error_code', 'description', 'captcha', 'desc_url', 'user']);

/**
 * `body.data.display_name` of v1 Login Kit user info (`/oauth/userinfo/`), which answered the user
 * flat in `data`: v2 user info answers it in `data.user`, with the avatar renamed, so each such read
 * is undefined once the call moves. Each read is a site, named with its request as the status reads
 * are (`data.request`): the Login Kit rewrite moves it with the call, and the call's TODO covers it
 * when the call is left for a person.
 */
export function loginKitReadsInData(index: ModuleIndex, answer: Taint, request: TikTokRequest, members: readonly Node[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const member of members) {
    const field = memberName(member);
    const holder = unwrap(member.object);
    if (!field || STATUS_FIELDS.has(field) || !isMember(holder) || memberName(holder) !== 'data') continue;
    const body = unwrap(holder.object);
    if (!answer.has(body) || !isBody(index, body)) continue;
    findings.push({
      ruleId: 'no-v1-oauth-endpoint',
      messageId: 'answerField',
      node: member.property as Node,
      data: {
        field: `data.${field}`,
        purpose: request.match.v1!.purpose,
        replacement: v2Place(field),
        request: String(rangeOf(request.call)[0]),
      },
    });
  }
  return findings;
}

/** Where v2 user info answers what v1 Login Kit answered as `data.<field>`. */
function v2Place(field: string): string {
  const v2 = LOGIN_KIT_USER_FIELDS[field] ?? (V2_USER_FIELDS.has(field) ? field : undefined);
  if (v2) return `\`data.user.${v2}\`${scopeOf(v2)}`;
  const nearest = NEAREST_V2_FIELD[field];
  if (nearest && V2_USER_FIELDS.has(nearest))
    return `no \`${field}\`; its nearest is \`data.user.${nearest}\`${scopeOf(nearest)}, asked for in \`fields\``;
  return `no \`${field}\` (its user fields, in \`data.user\`, are ${[...V2_USER_FIELDS].join(', ')})`;
}

/** ` (scope user.info.stats)`: the scope a v2 user field needs beyond user.info.basic, for a sentence; '' for none. */
export function scopeOf(field: string): string {
  const scope = USER_INFO_FIELD_SCOPES[field];
  return scope ? ` (scope ${scope})` : '';
}
