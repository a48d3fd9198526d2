import { TOKEN_FIELDS } from '../../src/contract/index.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { flatTokenMembers } from '../../src/codemod/token-answer-shape.js';
import { keyName, unwrap, type Node } from '../../src/detect/ast.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { answerTypes, declarationOf, importedFromApp } from '../../src/codemod/answer-types.js';

/** The edits, and the names of types declared in other modules that the project pass makes flat. */
export type TypePlan = { readonly edits: (() => void)[]; readonly handedOver: readonly string[] } | { readonly reason: string };

/**
 * The module's own type of the v1 token answer (`axios.post<TokenResponse>`, `.json<TokenResponse>()`,
 * `as TokenResponse`),
 * `{ data: { access_token, …, error_code, description }, message }`, becomes the flat v2 answer:
 * the token fields at the top, `error?` and `error_description?` for a failure; `TokenResponse['data']`
 * becomes `TokenResponse`. A type imported from another module of the app is left to the project pass
 * (with `projectRenamesTypes`); one from elsewhere, or of another shape, declines the site.
 */
export function planTokenType(context: CodemodContext, request: TikTokRequest): TypePlan {
  const { names, literals } = answerTypes(context, request);
  const edits: (() => void)[] = [];
  const handedOver: string[] = [];
  for (const type of literals) {
    // `as { access_token: string }`: the flat v2 answer already (the v1 call never gave it), left as it is.
    if (alreadyFlat(type.members)) continue;
    // `as { data?: { access_token?: string } }` written in place: made flat in place.
    const flat = flatMembers(context, type.members);
    if (!flat) return { reason: 'its answer is typed as something other than the v1 `{ data: { … } }`' };
    edits.push(() => context.pathOf(type).replace(context.j.template.expression([`x as { ${flat.join(' ')} }`]).typeAnnotation));
  }
  for (const name of names) {
    // `Record<string, any>`: TypeScript's own open record, which the flat answer fits as the v1 one did.
    if (name === 'Record' && !declarationOf(context, name)) continue;
    const declaration = declarationOf(context, name);
    if (!declaration) {
      // Imported from a module of the app: the project pass makes it flat there, with every reference.
      if (context.options.projectRenamesTypes && importedFromApp(context, name)) {
        handedOver.push(name);
        continue;
      }
      return { reason: `its answer is typed \`${name}\`, which is declared in another module` };
    }
    const members: Node[] | undefined =
      declaration.type === 'TSInterfaceDeclaration'
        ? declaration.body.body
        : unwrap(declaration.typeAnnotation).type === 'TSTypeLiteral'
          ? declaration.typeAnnotation.members
          : undefined;
    if (members && alreadyFlat(members)) continue;
    const flat = members && flatMembers(context, members);
    const data = members?.find((member) => keyName(member) === 'data');
    if (!flat || !data) return { reason: `its answer type \`${name}\` is not the v1 \`{ data: { … } }\`` };
    const indent = /^[ \t]*/.exec(context.text.slice(context.text.lastIndexOf('\n', data.start ?? data.range[0]) + 1))![0];
    const lines = flat.map((line) => `${indent}${line}`);
    const head = context.text.slice(
      declaration.start ?? declaration.range[0],
      (declaration.type === 'TSInterfaceDeclaration' ? declaration.body : declaration.typeAnnotation).start,
    );
    const text = `${head}{\n${lines.join('\n')}\n}${declaration.type === 'TSTypeAliasDeclaration' ? ';' : ''}`;
    edits.push(() => {
      const flatDeclaration = context.j.template.statement([text]);
      // The comments written above the type (`// The token answer`) stay above it.
      flatDeclaration.comments = declaration.comments;
      context.pathOf(declaration).replace(flatDeclaration);
    });
    for (const access of context.index.ofType('TSIndexedAccessType')) {
      const object = access.objectType;
      const index = access.indexType;
      if (
        object.type === 'TSTypeReference' &&
        object.typeName?.name === name &&
        index.type === 'TSLiteralType' &&
        index.literal.value === 'data'
      )
        edits.push(() => context.pathOf(access).replace(context.j.tsTypeReference(context.j.identifier(name))));
    }
  }
  return { edits, handedOver };
}

/** What the v2 token answer holds at its top (API-CONTRACT §2.8). */
const V2_TOKEN_FIELDS: ReadonlySet<string> = new Set([...TOKEN_FIELDS, 'token_type', 'error', 'error_description', 'log_id']);

/** A type that names only fields of the flat v2 answer: the code was written for it already. */
function alreadyFlat(members: readonly Node[]): boolean {
  return members.length > 0 && members.every((member) => V2_TOKEN_FIELDS.has(keyName(member) ?? ''));
}

/** The members of a flat v2 answer, from the v1 `{ data: { … }, message }` members; undefined for another shape. */
function flatMembers(context: CodemodContext, members: readonly Node[]): string[] | undefined {
  const data = members.find((member) => keyName(member) === 'data');
  const inner = data?.typeAnnotation?.typeAnnotation;
  if (!data || inner?.type !== 'TSTypeLiteral') return undefined;
  const written = (member: Node) => ({ name: keyName(member), text: context.source(member) });
  return flatTokenMembers((inner.members as Node[]).map(written), members.map(written));
}
