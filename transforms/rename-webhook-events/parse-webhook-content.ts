import type { CodemodContext } from '../../src/codemod/context.js';
import { firstChoice, isIdentifier, isMember, unwrap, type Node } from '../../src/detect/ast.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';

/**
 * `const content = event?.content ?? {}` read for `publish_id`: TikTok sends `content` as a JSON
 * string (§6.2), so the reads found nothing, before the migration and after. The envelope's field is
 * parsed where the name takes it, when it is a string, and kept as it is otherwise (a test, or a relay
 * that decoded it already): `(typeof event?.content === 'string' ? JSON.parse(event.content) : event?.content) ?? {}`.
 * Only a field read off a plain name (`body.content`, `req.body.content`) is read again; one behind a
 * call (`(await req.json()).content`) keeps its TODO. Taken apart (`const { event, content } = body`),
 * the content is taken under another name and parsed into its own on the next line.
 */
export function parseWebhookContent(context: CodemodContext): void {
  for (const finding of context.unhandled((f) => f.ruleId === 'no-legacy-response-field' && f.messageId === 'unparsedWebhookContent')) {
    const declarator = finding.node!;
    // A field read straight off the envelope's content (`(payload.content as any)?.video_id`): for a person.
    if (declarator.type !== 'VariableDeclarator') continue;
    if (declarator.id.type === 'ObjectPattern') {
      parseTakenApart(context, finding, declarator);
      continue;
    }
    if (declarator.id.type !== 'Identifier') continue;
    const value = firstChoice(declarator.init);
    if (!isMember(value) || !isPlainRead(value.object)) continue;
    const field = context.source(value);
    const quote = context.quote === 'double' ? '"' : "'";
    const parsed = `typeof ${field} === ${quote}string${quote} ? JSON.parse(${field}) : ${field}`;
    // Alone it is the whole value; in a fallback chain it goes in parentheses, which `??` needs beside `?:`.
    const whole = value === unwrap(declarator.init);
    context.pathOf(value).replace(context.j.template.expression([whole ? parsed : `(${parsed})`]));
    context.record(finding, 'rewritten', `\`${declarator.id.name}\` is the parsed content now (JSON.parse of the string TikTok sends)`);
  }
}

/**
 * `const { event, content } = body` becomes `const { event, content: rawContent } = body` and
 * `const content = typeof rawContent === 'string' ? JSON.parse(rawContent) : rawContent`, the same
 * kind of declaration right below. Only where the declaration is a statement of its own, giving
 * nothing but this pattern (another declarator there may read `content` before the new line).
 */
function parseTakenApart(context: CodemodContext, finding: RawFinding, declarator: Node): void {
  const declaration = context.index.parent(declarator);
  const holder = declaration && context.index.parent(declaration);
  if (declaration?.type !== 'VariableDeclaration' || declaration.declarations.length !== 1) return;
  if (!holder || !STATEMENT_LISTS.has(holder.type)) return;
  const property = (declarator.id.properties as Node[]).find(
    (entry) => entry.type !== 'RestElement' && !entry.computed && isIdentifier(entry.key, 'content'),
  )!;
  const name = unwrap(property.value).name as string;
  const raw = context.freshName('rawContent');
  const quote = context.quote === 'double' ? '"' : "'";
  property.shorthand = false;
  property.value = context.j.identifier(raw);
  const parsed = `typeof ${raw} === ${quote}string${quote} ? JSON.parse(${raw}) : ${raw}`;
  const { j } = context;
  const id = j.identifier(context.joinedAbove(name));
  const statement = j.variableDeclaration(declaration.kind, [j.variableDeclarator(id, j.template.expression([parsed]))]);
  context.pathOf(declaration).insertAfter(statement);
  context.record(finding, 'rewritten', `\`${name}\` is the parsed content now (JSON.parse of the string TikTok sends)`);
}

/** Where a declaration is a statement a new one can follow. */
const STATEMENT_LISTS = new Set(['BlockStatement', 'Program', 'StaticBlock', 'SwitchCase']);

/** `body`, `req.body`, `event?.payload`: names and fields, read again with no effect. */
function isPlainRead(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === 'Identifier' || value.type === 'ThisExpression') return true;
  return isMember(value) && !value.computed && isPlainRead(value.object);
}
