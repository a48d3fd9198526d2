import { ERROR_OBJECT_TYPE, RESPONSE_FIELD_MOVES, type LegacyResponseField } from '../../src/contract/index.js';
import { keyName, type Node } from '../../src/detect/ast.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { typeFieldPath } from '../../src/detect/type-field-path.js';

const ERROR_MEMBER = `error: ${ERROR_OBJECT_TYPE}`;

/**
 * A legacy field declared on a type of the legacy response. `share_id` is renamed `publish_id`; the
 * status fields leave `data` (or `extra`): they are removed from it, `extra` goes once empty, and the
 * enclosing type gains the Content Posting `error` object, once. Returns why it cannot (a shape
 * other than `{ data: { … } }`).
 */
export function rewriteTypeField(context: CodemodContext, signature: Node, field: LegacyResponseField, dryRun = false): string | undefined {
  if (handedToProjectPass(context, signature, field, dryRun)) return undefined;
  const { j } = context;
  const move = RESPONSE_FIELD_MOVES[field];
  if (move.to.startsWith(`${move.from}.`)) {
    if (dryRun) return undefined;
    context.pathOf(signature.key).replace(j.identifier(move.to.slice(move.from.length + 1)));
    return undefined;
  }
  const literal = context.index.parent(signature);
  const annotation = literal && context.index.parent(literal);
  const owner = annotation?.type === 'TSTypeAnnotation' ? context.index.parent(annotation) : undefined;
  const outer = owner && keyName(owner) === move.from ? context.index.parent(owner) : undefined;
  if (!literal || !outer || !(outer.type === 'TSTypeLiteral' || outer.type === 'TSInterfaceBody')) {
    return `\`${field}\` is not in \`${move.from}\` of the Content Posting response: declare \`${ERROR_MEMBER}\` beside \`data\` instead`;
  }
  // `{ share_id?: string, err_code: number, }`: Babel counts each member's `,` as its own, and recast,
  // reprinting the type without one, writes `share_id?: string,;`, which does not parse.
  const members: Node[] = outer.type === 'TSTypeLiteral' ? outer.members : outer.body;
  if ([...literal.members, ...members].some((member: Node) => context.source(member).trimEnd().endsWith(',')))
    return `\`${field}\` is declared in a type whose members are separated by commas, which the codemod does not edit: move it to \`${move.to}\` (\`${ERROR_MEMBER}\` beside \`data\`) by hand`;
  if (dryRun) return undefined;
  context.pathOf(signature).prune();
  if (move.from === 'extra' && literal.members.length === 0) context.pathOf(owner!).prune();
  if (!members.some((member) => keyName(member) === 'error')) {
    // The `;` inside: recast reuses the new member's own text, so its separator must be part of it.
    const declared = context.j(`type T = { ${ERROR_MEMBER}; };`).get().node as Node;
    const alias = (declared.program ?? declared).body[0];
    members.push(alias.typeAnnotation.members[0]);
  }
  return undefined;
}

/**
 * With `projectRenamesTypes` (the rewrite CLI), `share_id` declared on a named interface or type
 * alias (nested type literals inside one too) is the project pass's: it renames it with every
 * reference in every file through the language service. The status fields of that same type go
 * with it (the pass moves them to `error` when it renames, and leaves the whole type when it
 * cannot): a type half legacy would describe no response at all. Recorded as `project`, with the
 * field's place in its type (`UploadResponse.data.share_id`) as the message.
 */
function handedToProjectPass(context: CodemodContext, signature: Node, field: LegacyResponseField, dryRun: boolean): boolean {
  if (!context.options.projectRenamesTypes) return false;
  const place = typeFieldPath(context.index, signature);
  if (!place) return false;
  // A module's own type follows its own requests, here; an exported one may type other modules' too.
  if (field !== 'share_id' && !(isExportedType(context, signature) && declaresShareId(context, place.split('.')[0]))) return false;
  const finding = context.findings.find((candidate) => candidate.node === signature.key && candidate.messageId === 'typeField');
  if (finding && !dryRun) context.record(finding, 'project', place);
  return true;
}

function isExportedType(context: CodemodContext, signature: Node): boolean {
  const declaration = [...context.index.ancestors(signature)].find(
    (node) => node.type === 'TSInterfaceDeclaration' || node.type === 'TSTypeAliasDeclaration',
  );
  if (!declaration) return false;
  if (context.index.parent(declaration)?.type.startsWith('Export')) return true;
  const name = declaration.id?.name;
  return context.index.ofType('ExportSpecifier').some((specifier) => (specifier.local.name ?? specifier.local.value) === name);
}

function declaresShareId(context: CodemodContext, typeName: string): boolean {
  return context.findings.some(
    (finding) =>
      finding.messageId === 'typeField' &&
      finding.data.legacy === 'share_id' &&
      typeFieldPath(context.index, context.index.parent(finding.node!)!)?.split('.')[0] === typeName,
  );
}
