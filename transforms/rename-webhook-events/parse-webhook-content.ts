import type { CodemodContext } from '../../src/codemod/context.js';
import { firstChoice, isMember, unwrap, type Node } from '../../src/detect/ast.js';

/**
 * `const content = event?.content ?? {}` read for `publish_id`: TikTok sends `content` as a JSON
 * string (§6.2), so the reads found nothing, before the migration and after. The envelope's field is
 * parsed where the name takes it, when it is a string, and kept as it is otherwise (a test, or a relay
 * that decoded it already): `(typeof event?.content === 'string' ? JSON.parse(event.content) : event?.content) ?? {}`.
 * Only a field read off a plain name (`body.content`, `req.body.content`) is read again; one behind a
 * call (`(await req.json()).content`), or taken apart (`const { content } = body`), keeps its TODO.
 */
export function parseWebhookContent(context: CodemodContext): void {
  for (const finding of context.unhandled((f) => f.ruleId === 'no-legacy-response-field' && f.messageId === 'unparsedWebhookContent')) {
    const declarator = finding.node!;
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

/** `body`, `req.body`, `event?.payload`: names and fields, read again with no effect. */
function isPlainRead(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === 'Identifier' || value.type === 'ThisExpression') return true;
  return isMember(value) && !value.computed && isPlainRead(value.object);
}
