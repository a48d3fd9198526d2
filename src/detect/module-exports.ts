import { keyName, memberName, objectProperties, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { ExportedValue, ValueFolder } from './static-value.js';
import { answerExporter } from './imported-answers.js';

/**
 * What a module exports that can be known statically: ES `export`s and CommonJS `module.exports` /
 * `exports.x`. Used by the project pass so that `import { UPLOAD_URL } from './config'` resolves.
 */
export function moduleExports(index: ModuleIndex, folder: ValueFolder): Map<string, ExportedValue> {
  const exports = new Map<string, ExportedValue>();
  // A function or class handing on a legacy answer (imported-answers.ts).
  const answers = answerExporter(index, folder);
  for (const [name, node] of exportedNodes(index, folder)) {
    const value = folder.exportedValue(node) ?? answers(node);
    if (value !== undefined) exports.set(name, value);
  }
  return exports;
}

/**
 * What a module exports, by name, as the nodes written for it (a declaration, a value, a local name),
 * in the order written (a later one of a name wins): ES `export`s and CommonJS `module.exports` /
 * `exports.x`, the properties of an exported object each under its own name.
 */
export function exportedNodes(index: ModuleIndex, folder: ValueFolder): [name: string, node: Node][] {
  const exports: [string, Node][] = [];
  const add = (name: string, node: Node | undefined) => {
    if (node) exports.push([name, node]);
  };
  for (const statement of index.program.body as Node[]) {
    if (statement.type === 'ExportNamedDeclaration' && !statement.source) {
      const declaration = statement.declaration;
      if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') && declaration.id)
        add(declaration.id.name, declaration);
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations)
          if (declarator.id.type === 'Identifier') add(declarator.id.name, declarator.init);
      }
      for (const specifier of statement.specifiers ?? []) {
        const exported = specifier.exported.name ?? specifier.exported.value;
        add(exported, specifier.local);
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      add('default', statement.declaration);
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const { left, right } = statement.expression;
      const target = commonJsTarget(left);
      if (target === 'module.exports') {
        add('default', right);
        const object = folder.objectOf(right);
        for (const property of object ? objectProperties(object) : []) {
          const name = keyName(property);
          if (name) add(name, property.value);
        }
      } else if (target) {
        add(target, right);
      }
    }
  }
  return exports;
}

/** `module.exports` → 'module.exports'; `exports.x` or `module.exports.x` → 'x'. */
function commonJsTarget(left: Node): string | undefined {
  if (left.type !== 'MemberExpression') return undefined;
  const object = left.object;
  const name = memberName(left);
  if (object.type === 'Identifier' && object.name === 'module' && name === 'exports') return 'module.exports';
  if (object.type === 'Identifier' && object.name === 'exports') return name;
  if (object.type === 'MemberExpression' && commonJsTarget(object) === 'module.exports') return name;
  return undefined;
}
