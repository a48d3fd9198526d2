import { CONTENT_POSTING_EVENTS, WEBHOOK_CONTENT_KEYS, WEBHOOK_FAILURE_REASON } from '../contract/index.js';
import { calleeName, firstChoice, isIdentifier, isMember, memberName, staticString, unwrap, type Node } from './ast.js';
import type { Binding, ModuleIndex } from './module-index.js';
import { envelopeBinding } from './content-field-off-envelope.js';
import type { OwnershipResolver } from './ownership.js';
import type { RawFinding } from './raw-finding.js';

/** What a handler reads of a post event's decoded content: its fields, and the failure's misnamed reason. */
const CONTENT_FIELDS = new Set<string>([...WEBHOOK_CONTENT_KEYS, WEBHOOK_FAILURE_REASON.misnamed]);

/**
 * `const content = event?.content ?? event?.data ?? {}` (or `const { content } = req.body`), then
 * `content.publish_id`: TikTok sends a webhook's `content` as a JSON string (§6.2), so every field read
 * of it as it came is undefined, and a handler that matches its upload on `publish_id` never does.
 * Reported where the name is given, once, naming the fields; not where the module parses content
 * anywhere (`JSON.parse(…content…)`), tests it for being a string, or gives the name another value,
 * nor for a handler's `content` parameter, which a library may hand over decoded.
 */
export function findUnparsedWebhookContent(index: ModuleIndex, owners: OwnershipResolver): RawFinding[] {
  if (parsesContent(index)) return [];
  const findings: RawFinding[] = [];
  for (const declarator of index.ofType('VariableDeclarator')) {
    const name = contentName(declarator);
    const binding = name && index.resolve(name);
    if (!binding || binding.assignments.length > 0 || owners.ownerOf(declarator) !== 'tiktok') continue;
    if (builtHere(index, declarator)) continue;
    if (!readsFields(index, binding) || testedForString(index, binding)) continue;
    findings.push({
      ruleId: 'no-legacy-response-field',
      messageId: 'unparsedWebhookContent',
      node: declarator,
      severity: 'warning',
      data: { name: name.name as string },
    });
  }
  return [...findings, ...fieldsOffRawContent(index, owners)];
}

/**
 * `(payload.content as any)?.video_id` with no name given to the content: a field read straight off
 * the envelope's `content`, which is still the JSON string TikTok sent. Once per envelope, at the read.
 */
function fieldsOffRawContent(index: ModuleIndex, owners: OwnershipResolver): RawFinding[] {
  const findings: RawFinding[] = [];
  const seen = new Set<Binding>();
  for (const type of ['MemberExpression', 'OptionalMemberExpression']) {
    for (const read of index.ofType(type)) {
      const field = read.computed ? undefined : memberName(read);
      const content = unwrap(read.object);
      if (!field || STRING_MEMBERS.has(field) || !isMember(content) || content.computed || memberName(content) !== 'content') continue;
      const envelope = envelopeBinding(index, content.object);
      if (!envelope || seen.has(envelope) || owners.ownerOf(read) !== 'tiktok') continue;
      seen.add(envelope);
      findings.push({
        ruleId: 'no-legacy-response-field',
        messageId: 'unparsedWebhookContent',
        node: read,
        severity: 'warning',
        data: { name: index.source(content).replaceAll('?.', '.') },
      });
    }
  }
  return findings;
}

/** What a string answers itself: `content.length`, `content.trim()`, never a field of the event. */
const STRING_MEMBERS = new Set(['length', 'trim', 'startsWith', 'includes', 'slice', 'toString', 'split', 'replace', 'match', 'indexOf']);

/** The name a declarator gives the envelope's `content`: its first choice (`event?.content ?? …`), or `{ content }` taken apart. */
function contentName(declarator: Node): Node | undefined {
  if (declarator.id.type === 'ObjectPattern') {
    const property = (declarator.id.properties as Node[]).find(
      (entry) => entry.type !== 'RestElement' && !entry.computed && isIdentifier(entry.key, 'content'),
    );
    const value = property && unwrap(property.value);
    return value?.type === 'Identifier' ? value : undefined;
  }
  const value = declarator.init && firstChoice(declarator.init);
  return declarator.id.type === 'Identifier' && value && isMember(value) && memberName(value) === 'content' ? declarator.id : undefined;
}

/** Whether a content field is read of the name: `content.publish_id`, `content?.reason`. */
function readsFields(index: ModuleIndex, binding: Binding): boolean {
  return index.referencesOf(binding).some((reference) => {
    const member = index.parent(reference);
    const field = member && isMember(member) && member.object === reference ? memberName(member) : undefined;
    return field !== undefined && CONTENT_FIELDS.has(field);
  });
}

/** `JSON.parse(body.content)`, `JSON.parse(content)`: the module decodes content somewhere. */
function parsesContent(index: ModuleIndex): boolean {
  return index.ofType('CallExpression').some((call) => {
    const callee = unwrap(call.callee);
    return (
      isMember(callee) &&
      isIdentifier(unwrap(callee.object), 'JSON') &&
      calleeName(call) === 'parse' &&
      call.arguments[0] !== undefined &&
      /content/i.test(index.source(call.arguments[0]))
    );
  });
}

/** `typeof content === 'string'`: the code tells the string from the object itself. */
function testedForString(index: ModuleIndex, binding: Binding): boolean {
  return index.referencesOf(binding).some((reference) => index.parent(reference)?.type === 'UnaryExpression');
}

/**
 * `const delivery = { content: decoded }`, then `delivery?.content`: a record this module builds, not
 * the envelope TikTok sent, whatever its content holds.
 */
function builtHere(index: ModuleIndex, declarator: Node): boolean {
  const value = firstChoice(declarator.init);
  const record = isMember(value) && declarator.id.type !== 'ObjectPattern' ? unwrap(value.object) : value;
  if (record?.type !== 'Identifier') return false;
  const binding = index.resolve(record);
  return binding?.init !== undefined && binding.path.length === 0 && unwrap(binding.init).type === 'ObjectExpression';
}

/** `case 'post.publish.complete':`: the module names a Content Posting event in a string of its own. */
export function handlesPostEvents(index: ModuleIndex): boolean {
  // Most modules name none: the text says so before any node is looked at.
  if (!index.text.includes('post.publish.')) return false;
  const names = new Set<string>(CONTENT_POSTING_EVENTS);
  return [...index.ofType('StringLiteral'), ...index.ofType('Literal')].some((node) => names.has(staticString(node) ?? ''));
}
