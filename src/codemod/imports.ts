import { keyName, memberName, type Node } from '../detect/ast.js';
import { requiredModule } from '../detect/module-index.js';
import type { CodemodContext } from './context.js';

/**
 * Makes a named export of a Node built-in or a package available in the module and returns how to
 * name it there: an existing import or `require` of it is reused (`readFile`, or `fs.readFile`
 * through the module's own `fs`); otherwise one is added in the module's own style (`import` in ES
 * modules, `require` in CommonJS).
 */
export function ensureNamedImport(context: CodemodContext, source: string, name: string): string {
  const { j, root } = context;
  const sources = new Set([source, source.replace(/^node:/, ''), `node:${source.replace(/^node:/, '')}`]);
  let local: string | undefined;
  // The module as the file spells it already (`'fs'` or `'node:fs'`), for a new import of it.
  let spelled = source;
  root.find(j.ImportDeclaration).forEach((path) => {
    if (!sources.has(path.node.source.value as string)) return;
    spelled = path.node.source.value as string;
    for (const specifier of path.node.specifiers ?? []) {
      if (specifier.type === 'ImportSpecifier' && specifier.imported.name === name)
        local = (specifier.local?.name as string | undefined) ?? name;
      else if (specifier.type !== 'ImportSpecifier' && !local) local = `${specifier.local?.name as string}.${name}`;
    }
  });
  root.find(j.VariableDeclarator).forEach((path) => {
    const init = path.node.init as Node | null | undefined;
    const required = init && requiredModule(init);
    if (local || !required || !sources.has(required)) return;
    spelled = required;
    // `require('fs').promises` is another module's API (fs/promises has no `openAsBlob`): only the
    // module itself, or its `default`, holds the name.
    if (init.type === 'MemberExpression' && memberName(init) !== 'default') return;
    const id = path.node.id as unknown as Node;
    if (id.type === 'Identifier') local = `${id.name}.${name}`;
    const property = id.type === 'ObjectPattern' ? id.properties.find((p: Node) => keyName(p) === name) : undefined;
    if (property?.value?.type === 'Identifier') local = property.value.name;
  });
  if (local) return local;
  const program = root.get().node as Node;
  const body: Node[] = program.program ? program.program.body : program.body;
  const isCommonJs =
    !body.some((statement) => statement.type === 'ImportDeclaration' || statement.type.startsWith('Export')) &&
    context.text.includes('require(');
  local = context.freshName(name);
  const statement = isCommonJs
    ? j.template.statement([`const { ${local === name ? name : `${name}: ${local}`} } = require('${spelled}');\n`])
    : j.importDeclaration([j.importSpecifier(j.identifier(name), j.identifier(local))], j.literal(spelled));
  insertAfterImports(body, statement);
  return local;
}

/** `import type { A, B } from 'source'`, for the TypeScript helpers; nothing when already imported. */
export function ensureTypeImport(context: CodemodContext, source: string, names: readonly string[]): void {
  const { j, root } = context;
  const present = new Set<string>();
  root.find(j.ImportDeclaration, { source: { value: source } }).forEach((path) => {
    for (const specifier of path.node.specifiers ?? [])
      if (specifier.type === 'ImportSpecifier') present.add(specifier.imported.name as string);
  });
  const missing = names.filter((name) => !present.has(name));
  if (missing.length === 0) return;
  const declaration = j.importDeclaration(
    missing.map((name) => j.importSpecifier(j.identifier(name))),
    j.literal(source),
  );
  (declaration as unknown as Node).importKind = 'type';
  const program = root.get().node as Node;
  insertAfterImports(program.program ? program.program.body : program.body, declaration);
}

function insertAfterImports(body: Node[], statement: Node): void {
  let at = 0;
  for (const [i, node] of body.entries()) {
    const isRequire = node.type === 'VariableDeclaration' && node.declarations.some((d: Node) => d.init && requiredModule(d.init));
    if (node.type === 'ImportDeclaration' || isRequire || (node.type === 'ExpressionStatement' && node.directive)) at = i + 1;
  }
  body.splice(at, 0, statement);
}
