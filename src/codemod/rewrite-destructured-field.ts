import { LEGACY_ERROR_CODE_MAP, RESPONSE_FIELD_MOVES, SUCCESS_ERROR_CODE, type MovedResponseField } from '../contract/index.js';
import { findProperty, isMember, keyName, memberName, unwrap, type Node, isNumberLiteral } from '../detect/ast.js';
import { isBodyTop } from './answer-body.js';
import type { CodemodContext } from './context.js';

const restructured = new WeakSet<Node>();

/**
 * A legacy field taken apart by destructuring. `share_id` keeps its local name under the new key
 * (`{ publish_id: share_id }`). The status fields left `data`, so a `const { … } = body.data` that
 * takes any of them is rebuilt from the body as a whole:
 * `const { data: { publish_id: share_id }, error: { code: err_code } } = body`, and the checks of
 * `err_code` against 0 check it against "ok". Returns why it cannot.
 */
export function rewriteDestructuredField(context: CodemodContext, key: Node, field: string, dryRun = false): string | undefined {
  const property = context.index.parent(key)!;
  const pattern = context.index.parent(property)!;
  if (restructured.has(pattern)) return undefined;
  const legacyKeys = pattern.properties
    .map((p: Node) => keyName(p))
    .filter((name: string | undefined) => name && name in RESPONSE_FIELD_MOVES) as MovedResponseField[];
  const { j } = context;
  const declarator = context.index.parent(pattern);
  const from = declarator?.type === 'VariableDeclarator' && declarator.init ? unwrap(declarator.init) : undefined;
  // `const { share_id } = res.data` of an axios response takes the fields from the body's top: rebuilt below.
  const fromBodyTop = from !== undefined && isBodyTop(context, from);
  if (!fromBodyTop && legacyKeys.every((name) => RESPONSE_FIELD_MOVES[name].to.startsWith('data.')) && field in RESPONSE_FIELD_MOVES) {
    // `{ share_id }` and `{ share_id = '' }` keep their local name under the new key.
    const move = RESPONSE_FIELD_MOVES[field as MovedResponseField];
    if (dryRun) return undefined;
    context.pathOf(property).replace(j.objectProperty(j.identifier(move.to.slice('data.'.length)), property.value));
    return undefined;
  }
  // `{ data: { share_id, err_code } } = body`: the nested pattern takes `data`, the outer one gains `error`.
  const nestedIn =
    declarator && (declarator.type === 'ObjectProperty' || declarator.type === 'Property') && keyName(declarator) === 'data'
      ? context.index.parent(declarator)
      : undefined;
  const takesData = fromBodyTop || (from && isMember(from) && memberName(from) === 'data') || nestedIn?.type === 'ObjectPattern';
  if (
    !takesData ||
    legacyKeys.some((name) => RESPONSE_FIELD_MOVES[name].from !== 'data') ||
    (nestedIn && findProperty(nestedIn, 'error'))
  ) {
    return `\`${field}\` moved out of \`data\` in the Content Posting response: take it from the response's \`error\` object (\`error.code\` is the string "${SUCCESS_ERROR_CODE}" on success, \`error.message\` the text)`;
  }
  const data: string[] = [];
  const error: string[] = [];
  // The locals the status code is taken into, with the legacy field each names.
  const codes: { local: Node; name: string }[] = [];
  for (const item of pattern.properties as Node[]) {
    if (item.type === 'RestElement')
      return `\`${field}\` moved out of \`data\`: this destructuring also collects the rest of \`data\`; split it by hand`;
    const name = keyName(item)!;
    const value = context.source(item.value);
    const move = RESPONSE_FIELD_MOVES[name as MovedResponseField];
    if (!move) data.push(context.source(item));
    else if (move.to.startsWith('data.')) data.push(`${move.to.slice('data.'.length)}: ${value}`);
    else {
      error.push(`${move.to.slice('error.'.length)}: ${value}`);
      if (move.to === 'error.code' && item.value.type === 'Identifier') codes.push({ local: item.value, name });
    }
  }
  const checks = codes.flatMap(({ local, name }) => codeChecks(context, local).map((check) => ({ ...check, name })));
  const unmapped = checks.find((check) => check.kind === 'other');
  // Every field of the pattern waits with the code: the message names the code, whichever field asks.
  if (unmapped)
    return `\`${unmapped.name}\` is now the string \`error.code\`: map the legacy code ${String(unmapped.value)} to its Content Posting error code`;
  if (dryRun) return undefined;

  if (nestedIn) {
    const parsed = (
      j.template.statement([`const { data: { ${data.join(', ')} }, error: { ${error.join(', ')} } } = body;`]) as unknown as Node
    ).declarations[0].id;
    context.pathOf(pattern).replace(parsed.properties[0].value);
    context.pathOf(nestedIn).node.properties.push(parsed.properties[1]);
  } else {
    const groups = [data.length > 0 ? `data: { ${data.join(', ')} }` : '', error.length > 0 ? `error: { ${error.join(', ')} }` : ''].filter(
      Boolean,
    );
    const body = fromBodyTop ? context.source(from) : context.source(from!.object);
    const declaration = j.template.statement([`const { ${groups.join(', ')} } = ${body};`]) as unknown as Node;
    const rebuilt = declaration.declarations[0];
    context.pathOf(declarator!).replace(j.variableDeclarator(rebuilt.id, rebuilt.init));
  }
  restructured.add(pattern);
  for (const check of checks) {
    if (check.kind === 'code') context.pathOf(check.literal).replace(j.stringLiteral(LEGACY_ERROR_CODE_MAP[check.literal.value]));
    if (check.kind !== 'truthy') continue;
    // A non-zero code was the failure; a code other than "ok" is now. `!code` was the success.
    const target = check.negated ? context.index.parent(check.use)! : check.use;
    context
      .pathOf(target)
      .replace(j.binaryExpression(check.negated ? '===' : '!==', j.identifier(check.use.name), j.stringLiteral(SUCCESS_ERROR_CODE)));
  }
  return undefined;
}

type CodeCheck =
  | { readonly kind: 'code'; readonly literal: Node }
  | { readonly kind: 'other'; readonly value: unknown }
  | { readonly kind: 'truthy'; readonly use: Node; readonly negated: boolean };

/** How the code a destructuring took is tested: `!== 0`, `=== 20000`, `if (code)`, `!code`. */
function codeChecks(context: CodemodContext, local: Node): CodeCheck[] {
  const binding = context.index.resolve(local);
  const checks: CodeCheck[] = [];
  for (const use of context.index.ofType('Identifier')) {
    if (use === local || use.name !== local.name || context.index.resolve(use) !== binding) continue;
    const parent = context.index.parent(use)!;
    if (parent.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator)) {
      const other = parent.left === use ? parent.right : parent.left;
      const isNumber = isNumberLiteral(other);
      if (isNumber)
        checks.push(
          LEGACY_ERROR_CODE_MAP[other.value] !== undefined ? { kind: 'code', literal: other } : { kind: 'other', value: other.value },
        );
    } else if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.test === use) {
      checks.push({ kind: 'truthy', use, negated: false });
    } else if (parent.type === 'UnaryExpression' && parent.operator === '!') {
      checks.push({ kind: 'truthy', use, negated: true });
    }
  }
  return checks;
}
