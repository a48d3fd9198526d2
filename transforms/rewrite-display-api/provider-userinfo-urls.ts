import { V2_USER_FIELDS, V2_USER_INFO_URL } from '../../src/contract/index.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { replaceLiteral } from '../../src/codemod/replace-literal.js';
import { contains, isFunction, isMember, keyName, memberName, staticString, unwrap, type Node } from '../../src/detect/ast.js';
import { classifyUrl } from '../../src/detect/classify-url.js';
import { lackingFieldsLeft, USER_INFO_PATHS } from './shared-sender-urls.js';
import { profileParameter } from './requested-fields.js';

/**
 * `userinfo: 'https://open-api.tiktok.com/user/info/'` (or `userinfo: { url }`) in an OAuth library's
 * provider (next-auth's), beside the `profile(profile)` that reads the answer: the library sends the
 * user info itself, a GET with the token as Bearer, as v2 wants, and hands `profile` the whole body,
 * where v2 (as v1) answers the user in `data.user`. The URL asks v2 for the fields `profile` reads
 * there; a read flat off the body (`profile.open_id`, undefined in either version) moves under
 * `data.user`. A `profile` that hands the body on, or whose parameter is typed, is left to a person.
 * A `url` beside the provider's own `request`, which the library then never sends, follows the
 * request to v2. Returns the fields asked for, for the scope notes.
 */
export function repointProviderUserInfo(context: CodemodContext): { fields: string[]; at: Node }[] {
  const asked: { fields: string[]; at: Node }[] = [];
  const findings = context.unhandled((finding) => finding.ruleId === 'no-v1-oauth-endpoint' && !!finding.node);
  for (const finding of findings) {
    const literal = finding.node!;
    const text = staticString(literal);
    const match = text === undefined ? undefined : classifyUrl(text);
    if (!text || text.includes('?') || !match?.v1 || !USER_INFO_PATHS.has(match.v1.path)) continue;
    const place = providerOf(context, literal);
    if (!place) continue;
    if (place.request) {
      // next-auth calls the provider's `request` and never this URL: once that request is v2's, so is this.
      if (!isFunction(place.request) || context.unhandled((other) => !!other.node && contains(place.request!, other.node)).length > 0)
        continue;
      replaceLiteral(context, literal, V2_USER_INFO_URL);
      context.record(
        finding,
        'rewritten',
        `now ${V2_USER_INFO_URL}, as the provider's own request beside it, which is what the library sends`,
      );
      continue;
    }
    const reads = profileReads(context, place.provider);
    if (!reads) continue;
    const fields = [...new Set(reads.map((read) => read.field))];
    const answered = fields.filter((field) => V2_USER_FIELDS.has(field));
    const lacking = fields.filter((field) => !V2_USER_FIELDS.has(field));
    if (answered.length === 0) continue;
    for (const read of reads) read.move?.();
    replaceLiteral(context, literal, `${V2_USER_INFO_URL}?fields=${answered.join(',')}`);
    context.record(
      finding,
      'rewritten',
      `now ${V2_USER_INFO_URL}?fields=…, the fields the provider's profile reads, sent by the library as a GET with Authorization: Bearer`,
    );
    if (lacking.length > 0) context.todoAt(context.index.parent(literal)!, lackingFieldsLeft(lacking), literal);
    asked.push({ fields: answered, at: literal });
  }
  return asked;
}

/** The provider record a user info URL is the `userinfo` of, and the `request` beside a `userinfo.url`. */
function providerOf(context: CodemodContext, literal: Node): { provider: Node; request?: Node } | undefined {
  const property = context.index.parent(literal);
  if (!property || (property.type !== 'ObjectProperty' && property.type !== 'Property') || property.value !== literal) return undefined;
  const holder = context.index.parent(property);
  if (keyName(property) === 'userinfo') return holder?.type === 'ObjectExpression' ? { provider: holder } : undefined;
  if (keyName(property) !== 'url' || holder?.type !== 'ObjectExpression') return undefined;
  const userinfo = context.index.parent(holder);
  const provider = userinfo && context.index.parent(userinfo);
  if (!userinfo || keyName(userinfo) !== 'userinfo' || provider?.type !== 'ObjectExpression') return undefined;
  const request = (holder.properties as Node[]).find((each) => keyName(each) === 'request');
  return { provider, request: request && (request.type === 'ObjectMethod' ? request : unwrap(request.value)) };
}

interface ProfileRead {
  readonly field: string;
  /** Puts a read made flat off the body under `data.user`. */
  readonly move?: () => void;
}

/**
 * What the provider's `profile(profile)` reads of the user: `profile.data.user.open_id` as v2 answers
 * it, or `profile.open_id` flat. Undefined when `profile` is missing, typed (the moved reads would not
 * fit its type), or uses its parameter otherwise (handed on whole, stored).
 */
function profileReads(context: CodemodContext, provider: Node): ProfileRead[] | undefined {
  const param = profileParameter(provider);
  if (param?.type !== 'Identifier') return undefined;
  const annotation = param.typeAnnotation?.typeAnnotation as Node | undefined;
  if (annotation && annotation.type !== 'TSAnyKeyword') return undefined;
  const binding = context.index.resolve(param);
  if (!binding || binding.assignments.length > 0) return undefined;
  const reads: ProfileRead[] = [];
  for (const reference of context.index.referencesOf(binding)) {
    if (reference === param) continue;
    const first = context.index.parent(reference);
    if (!first || !isMember(first) || first.object !== reference || memberName(first) === undefined) return undefined;
    if (memberName(first) === 'data') {
      const user = context.index.parent(first);
      const field = user && context.index.parent(user);
      if (!user || !isMember(user) || memberName(user) !== 'user' || !field || !isMember(field) || field.object !== user) return undefined;
      const name = memberName(field);
      if (!name) return undefined;
      reads.push({ field: name });
      continue;
    }
    const name = memberName(first)!;
    const dot = first.optional ? '?.' : '.';
    reads.push({
      field: name,
      move: () =>
        context.pathOf(first).replace(context.j.template.expression([`${context.source(reference)}${dot}data${dot}user${dot}${name}`])),
    });
  }
  return reads.length > 0 ? reads : undefined;
}
