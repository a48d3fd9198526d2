import { LEGACY_RESPONSE_FIELDS, TIKTOK_MARKER, WEBHOOK_ENVELOPE_KEYS, type LegacyResponseField } from '../contract/index.js';
import { descendants, keyName, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import type { FieldFlows } from './response-fields.js';
import { typeFieldPath } from './type-field-path.js';
import { legacyEventOfTypeName } from './imagined-content-types.js';

const FIELDS = Object.keys(LEGACY_RESPONSE_FIELDS) as LegacyResponseField[];
const NAMES_SHARE_VIDEO = new RegExp(`${TIKTOK_MARKER.source}|share_?video`, 'i');
/** The two keys of the legacy response that no other field set here has: they make a shape TikTok's. */
const SIGNATURE_KEYS = ['share_id', 'err_code'];

/**
 * Legacy fields declared on TypeScript types that describe a legacy TikTok payload: types named for
 * TikTok or Share Video, types used for a legacy response, or shapes with the legacy signature.
 */
export function findLegacyTypeFields(index: ModuleIndex, flows: FieldFlows): RawFinding[] {
  const responseTypes = typesOfTaintedValues(index, (node) => flows.response.has(node) || flows.webhook.has(node));
  // `interface PublishResponse { data: { share_id: string } }` cast on a Content Posting answer.
  const posting = flows.posting;
  const postingTypes = posting && typesOfTaintedValues(index, (node) => posting.has(node));
  const inResponseType = (node: Node) => [...index.ancestors(node)].some((ancestor) => responseTypes.annotations.has(ancestor));
  const findings: RawFinding[] = [];
  // `class UploadAnswerDto { @IsString() share_id: string }` (class-validator, a Nest DTO): a class's
  // fields declare a payload's shape as an interface's signatures do.
  const fields = [...index.ofType('ClassProperty'), ...index.ofType('PropertyDefinition')].filter(
    (field) => !field.static && !field.computed && field.value == null,
  );
  for (const signature of [...index.ofType('TSPropertySignature'), ...fields]) {
    const field = keyName(signature) as LegacyResponseField | undefined;
    if (!field || !FIELDS.includes(field)) continue;
    const container = index.parent(signature);
    const siblings = new Set<string>((container?.body ?? container?.members ?? []).map((member: Node) => keyName(member)).filter(Boolean));
    const hasSignature = SIGNATURE_KEYS.some((key) => siblings.has(key));
    const declaration = [...index.ancestors(signature)].find(
      (a) => a.type === 'TSInterfaceDeclaration' || a.type === 'TSTypeAliasDeclaration' || a.type === 'ClassDeclaration',
    );
    const name: string = declaration?.id?.name ?? '';
    const envelope = WEBHOOK_ENVELOPE_KEYS.every((key) => index.source(declaration ?? signature).includes(key));
    const isLegacy =
      responseTypes.names.has(name) ||
      inResponseType(signature) ||
      (siblings.has('share_id') && [...siblings].some((key) => key !== 'share_id' && FIELDS.includes(key as LegacyResponseField))) ||
      ((NAMES_SHARE_VIDEO.test(name) || envelope) && (field === 'share_id' || hasSignature)) ||
      // `interface VideoPublishCompletedContent { share_id }`: the content of a legacy event, by its name.
      (field === 'share_id' && legacyEventOfTypeName(name) !== undefined);
    if (!isLegacy) {
      const typesPostingAnswer =
        field === 'share_id' &&
        !!postingTypes &&
        (postingTypes.names.has(name) || [...index.ancestors(signature)].some((ancestor) => postingTypes.annotations.has(ancestor)));
      if (typesPostingAnswer)
        findings.push({
          ruleId: 'no-legacy-response-field',
          messageId: 'contentPostingShareIdType',
          node: signature.key,
          severity: 'warning',
          data: { legacy: typeFieldPath(index, signature) ?? field },
        });
      continue;
    }
    findings.push({
      ruleId: 'no-legacy-response-field',
      messageId: 'typeField',
      node: signature.key,
      data: { legacy: field, replacement: field === 'share_id' ? '`publish_id`' : LEGACY_RESPONSE_FIELDS[field] },
    });
  }
  return findings;
}

/**
 * The type annotations on values that flow from legacy requests (inline type literals included), and
 * the names of the types they use, followed into the types those contain.
 */
export function typesOfTaintedValues(
  index: ModuleIndex,
  flowsHere: (node: Node) => boolean,
  returnsIt?: (fn: Node) => boolean,
): { names: Set<string>; annotations: Set<Node> } {
  const names = new Set<string>();
  const annotations = new Set<Node>();
  const tainted = (node: Node | undefined) => !!node && flowsHere(node);
  const addReferences = (typeNode: Node | undefined) => {
    if (!typeNode) return;
    annotations.add(typeNode);
    for (const reference of collect(typeNode, 'TSTypeReference')) {
      const name = reference.typeName?.name;
      if (name) names.add(name);
    }
  };
  for (const declarator of index.ofType('VariableDeclarator')) {
    if (tainted(declarator.init)) addReferences(declarator.id.typeAnnotation);
  }
  for (const type of ['TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion']) {
    for (const node of index.ofType(type)) if (tainted(node.expression)) addReferences(node.typeAnnotation);
  }
  for (const call of index.ofType('CallExpression')) {
    const typeArguments = call.typeArguments ?? call.typeParameters;
    if (typeArguments && tainted(call)) addReferences(typeArguments);
  }
  // `async getToken(): Promise<TokenAnswer> { … return res.data }`: the declared result of a function that hands the answer on.
  if (returnsIt)
    for (const type of FUNCTION_TYPES)
      for (const fn of index.ofType(type)) if (fn.returnType && returnsIt(fn)) addReferences(fn.returnType);
  // Follow `interface UploadResponse { data: UploadData }` down to the types it uses.
  const declarations = new Map<string, Node>();
  for (const type of ['TSInterfaceDeclaration', 'TSTypeAliasDeclaration'])
    for (const node of index.ofType(type)) declarations.set(node.id.name, node);
  const queue = [...names];
  while (queue.length > 0) {
    const declaration = declarations.get(queue.pop()!);
    if (!declaration) continue;
    for (const reference of collect(declaration, 'TSTypeReference')) {
      const name = reference.typeName?.name;
      if (name && !names.has(name)) {
        names.add(name);
        queue.push(name);
      }
    }
  }
  return { names, annotations };
}

const FUNCTION_TYPES = ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassMethod', 'ObjectMethod'];

function collect(root: Node, type: string): Node[] {
  return [...descendants(root)].filter((node) => node.type === type);
}
