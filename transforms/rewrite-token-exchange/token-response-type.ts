import type { CodemodContext } from '../../src/codemod/context.js';
import { flatTokenMembers } from '../../src/codemod/token-answer-shape.js';
import { keyName, unwrap, type Node } from '../../src/detect/ast.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { responseTaint } from '../../src/detect/response-fields.js';

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
  const names = new Set<string>();
  // `axios.post<T>(…)`, or got's and ky's `.json<T>()` on the request's chain.
  for (const call of [request.call, ...request.chain]) {
    if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression') continue;
    const typeArguments = call.typeParameters ?? call.typeArguments;
    for (const argument of (typeArguments?.params ?? []) as Node[]) collectNames(argument, names);
  }
  const taint = responseTaint(context.index, [request]);
  // `const answer: TokenResponse = res.data`: the variable's declared type is the answer's too, when
  // the module declares it (an `AxiosResponse` from a package describes the response, not the answer).
  const declared = new Set(
    [...context.index.ofType('TSInterfaceDeclaration'), ...context.index.ofType('TSTypeAliasDeclaration')].map((node) => node.id?.name),
  );
  for (const declarator of context.index.ofType('VariableDeclarator')) {
    const annotation = declarator.id.typeAnnotation?.typeAnnotation;
    if (!annotation || !declarator.init || !taint.has(declarator.init)) continue;
    const local = new Set<string>();
    collectNames(annotation, local);
    for (const name of local) if (declared.has(name)) names.add(name);
  }
  const edits: (() => void)[] = [];
  const handedOver: string[] = [];
  for (const assertion of [...context.index.ofType('TSAsExpression'), ...context.index.ofType('TSTypeAssertion')]) {
    if (!taint.has(assertion.expression)) continue;
    const type = assertion.typeAnnotation;
    if (type.type !== 'TSTypeLiteral') {
      collectNames(type, names);
      continue;
    }
    // `as { data?: { access_token?: string } }` written in place: made flat in place.
    const flat = flatMembers(context, type.members);
    if (!flat) return { reason: 'its answer is typed as something other than the v1 `{ data: { … } }`' };
    edits.push(() => context.pathOf(type).replace(context.j.template.expression([`x as { ${flat.join(' ')} }`]).typeAnnotation));
  }
  for (const name of names) {
    const declaration = [...context.index.ofType('TSInterfaceDeclaration'), ...context.index.ofType('TSTypeAliasDeclaration')].find(
      (node) => node.id?.name === name,
    );
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
    edits.push(() => context.pathOf(declaration).replace(context.j.template.statement([text])));
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

/** The members of a flat v2 answer, from the v1 `{ data: { … }, message }` members; undefined for another shape. */
function flatMembers(context: CodemodContext, members: readonly Node[]): string[] | undefined {
  const data = members.find((member) => keyName(member) === 'data');
  const inner = data?.typeAnnotation?.typeAnnotation;
  if (!data || inner?.type !== 'TSTypeLiteral') return undefined;
  const written = (member: Node) => ({ name: keyName(member), text: context.source(member) });
  return flatTokenMembers((inner.members as Node[]).map(written), members.map(written));
}

/** `import type { TokenAnswer } from './types'`: a name the module imports from a relative path. */
function importedFromApp(context: CodemodContext, name: string): boolean {
  return context.index
    .ofType('ImportDeclaration')
    .some(
      (declaration) =>
        String(declaration.source.value).startsWith('.') &&
        (declaration.specifiers as Node[]).some((specifier) => specifier.type === 'ImportSpecifier' && specifier.local.name === name),
    );
}

function collectNames(node: Node, names: Set<string>): void {
  if (node.type === 'TSTypeReference' && node.typeName?.type === 'Identifier') names.add(node.typeName.name);
}
