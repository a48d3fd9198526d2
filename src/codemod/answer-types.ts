import type { CodemodContext } from './context.js';
import type { Node } from '../detect/ast.js';
import type { TikTokRequest } from '../detect/requests.js';
import { responseTaint } from '../detect/response-fields.js';

/** The types the code gives a request's answer: by name, and type literals written in an `as`. */
export interface AnswerTypes {
  readonly names: ReadonlySet<string>;
  /** `as { data?: { … } }`: the literal itself. */
  readonly literals: readonly Node[];
}

/**
 * `axios.post<T>(…)`, got's and ky's `.json<T>()`, `(await res.json()) as T`, `const answer: T = …`
 * (there only a type the module declares or imports from a module of the app: an `AxiosResponse`
 * from a package describes the response, not the answer).
 */
export function answerTypes(context: CodemodContext, request: TikTokRequest): AnswerTypes {
  const names = new Set<string>();
  const literals: Node[] = [];
  for (const call of [request.call, ...request.chain]) {
    if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression') continue;
    const typeArguments = call.typeParameters ?? call.typeArguments;
    for (const argument of (typeArguments?.params ?? []) as Node[]) collectName(argument, names);
  }
  const taint = responseTaint(context.index, [request]);
  const declared = new Set(
    [...context.index.ofType('TSInterfaceDeclaration'), ...context.index.ofType('TSTypeAliasDeclaration')].map((node) => node.id?.name),
  );
  for (const declarator of context.index.ofType('VariableDeclarator')) {
    const annotation = declarator.id.typeAnnotation?.typeAnnotation;
    if (!annotation || !declarator.init || !taint.has(declarator.init)) continue;
    const local = new Set<string>();
    collectName(annotation, local);
    for (const name of local) if (declared.has(name) || importedFromApp(context, name)) names.add(name);
  }
  for (const assertion of [...context.index.ofType('TSAsExpression'), ...context.index.ofType('TSTypeAssertion')]) {
    if (!taint.has(assertion.expression)) continue;
    const type = assertion.typeAnnotation;
    if (type.type === 'TSTypeLiteral') literals.push(type);
    else collectName(type, names);
  }
  return { names, literals };
}

/** The module's own declaration of a type name, if it has one. */
export function declarationOf(context: CodemodContext, name: string): Node | undefined {
  return [...context.index.ofType('TSInterfaceDeclaration'), ...context.index.ofType('TSTypeAliasDeclaration')].find(
    (node) => node.id?.name === name,
  );
}

/** `import type { TokenAnswer } from './types'`: a name the module imports from a relative path. */
export function importedFromApp(context: CodemodContext, name: string): boolean {
  return context.index
    .ofType('ImportDeclaration')
    .some(
      (declaration) =>
        String(declaration.source.value).startsWith('.') &&
        (declaration.specifiers as Node[]).some((specifier) => specifier.type === 'ImportSpecifier' && specifier.local.name === name),
    );
}

function collectName(node: Node, names: Set<string>): void {
  if (node.type === 'TSTypeReference' && node.typeName?.type === 'Identifier') names.add(node.typeName.name);
}
