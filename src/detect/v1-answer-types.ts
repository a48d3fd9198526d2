import { keyName, rangeOf, type Node } from './ast.js';
import { typesOfTaintedValues } from './legacy-types.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import type { TikTokRequest } from './requests.js';
import { responseTaint } from './response-fields.js';
import { TOKEN_ANSWER, v2StatusOf } from './v1-answer-fields.js';

/**
 * The module's own types of a v1 token, user info or video list answer, declared as what a function
 * hands on (`async getToken(): Promise<TokenAnswer> { … return res.data }`): their `error_code` and
 * `description`, which v2 does not send, and for a token answer the `data` that wraps its fields,
 * which v2 sends flat, and an `error.code` declared a number, which v2 names instead. Types given to the answer where it arrives (`axios.post<T>`, `as T`,
 * `const a: T`) are the token rewrite's, which makes them flat with the call; these it does not see.
 */
export function findV1AnswerTypes(index: ModuleIndex, requests: readonly TikTokRequest[]): RawFinding[] {
  const findings: RawFinding[] = [];
  const reported = new Set<Node>();
  for (const request of requests) {
    const v2 = v2StatusOf(request.match);
    if (!v2) continue;
    const answer = responseTaint(index, [request]);
    const atArrival = typesOfTaintedValues(index, (node) => answer.has(node));
    const handedOn = typesOfTaintedValues(
      index,
      (node) => answer.has(node),
      (fn) => answer.returnsFrom(fn),
    );
    const token = v2 === TOKEN_ANSWER;
    for (const signature of index.ofType('TSPropertySignature')) {
      const field = keyName(signature);
      if (!field) continue;
      const errorOwner = !token && field === 'code' ? numberCodeOfError(index, signature) : undefined;
      const numberCode = errorOwner !== undefined;
      if (reported.has(signature) || (field !== 'error_code' && field !== 'description' && !(token && field === 'data') && !numberCode))
        continue;
      const declaration = declarationOf(index, signature);
      const name: string | undefined = declaration?.id?.name;
      const inHandedOn =
        (name !== undefined && handedOn.names.has(name)) || [...index.ancestors(signature)].some((a) => handedOn.annotations.has(a));
      if (!inHandedOn || (name !== undefined && atArrival.names.has(name))) continue;
      // `data` at the top of the type only: v1's envelope, not a field of that name inside it.
      if (field === 'data' && !atTopOf(index, signature, declaration)) continue;
      // `error: { code: number }` at the top only, as v1's user info and video list answered it.
      if (errorOwner && !atTopOf(index, errorOwner, declaration)) continue;
      reported.add(signature);
      findings.push({
        ruleId: 'no-v1-oauth-endpoint',
        messageId: field === 'data' ? 'answerTypeEnvelope' : numberCode ? 'answerTypeNumberCode' : 'answerTypeField',
        node: signature.key,
        data: { field, purpose: request.match.v1!.purpose, replacement: v2[field] ?? '', request: String(rangeOf(request.call)[0]) },
      });
    }
  }
  return findings;
}

function declarationOf(index: ModuleIndex, signature: Node): Node | undefined {
  return [...index.ancestors(signature)].find((a) => a.type === 'TSInterfaceDeclaration' || a.type === 'TSTypeAliasDeclaration');
}

/** A member of the declaration's own body, not of a type literal nested in it. */
function atTopOf(index: ModuleIndex, signature: Node, declaration: Node | undefined): boolean {
  const holder = index.parent(signature);
  const above = holder && index.parent(holder);
  return !!declaration && (above === declaration || holder === declaration);
}

/** `code: number` inside the `error` of an answer type (v1 numbered its codes, v2 names them): that `error`. */
function numberCodeOfError(index: ModuleIndex, signature: Node): Node | undefined {
  if (signature.typeAnnotation?.typeAnnotation?.type !== 'TSNumberKeyword') return undefined;
  const literal = index.parent(signature);
  const holder = literal?.type === 'TSTypeLiteral' ? index.parent(literal) : undefined;
  const owner = holder?.type === 'TSTypeAnnotation' ? index.parent(holder) : undefined;
  return owner?.type === 'TSPropertySignature' && keyName(owner) === 'error' ? owner : undefined;
}
