import { childNodes, isFunction, isMember, keyName, rangeOf, type Node } from './ast.js';

export type BindingKind = 'const' | 'let' | 'var' | 'param' | 'function' | 'class' | 'import' | 'catch';

export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  readonly id: Node;
  /** The declarator's initializer, for variables. */
  readonly init?: Node;
  /** Property keys from the initializer down to this name when it was destructured. */
  readonly path: readonly string[];
  /** For imports and `require`: the module specifier and the imported name ('default', '*'). */
  readonly importSource?: string;
  readonly importName?: string;
  /** Values assigned later (`x = value`). */
  readonly assignments: Node[];
  /** Appends made later (`url += '&code=' + code`): the assignment expressions, in source order. */
  readonly appends: Node[];
  readonly declaration?: Node;
}

const SCOPE_TYPES = new Set([
  'Program',
  'BlockStatement',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'CatchClause',
  'SwitchStatement',
  'StaticBlock',
]);

function isScope(node: Node): boolean {
  return SCOPE_TYPES.has(node.type) || isFunction(node) || node.type === 'ClassExpression';
}

/** Indexes built by the loader's export pass, each taken once by the analysis of the same tree. */
const builtBefore = new WeakMap<Node, ModuleIndex>();

/**
 * One walk over a module that answers what the detectors keep asking: the parent of a node, the
 * nodes of a type, and which declaration an identifier refers to. Parser-neutral (see ast.ts).
 */
export class ModuleIndex {
  /**
   * The index of a tree, built once for the loader's export pass and the analysis that follows it
   * (a hook's `--check` walked each file twice). `keep` leaves it for the analysis, which takes it
   * once: a tree analysed again (after a rewrite changed it) gets an index of its own.
   */
  static of(root: Node, text: string, keep = false): ModuleIndex {
    const taken = builtBefore.get(root);
    if (taken && taken.text === text) {
      if (!keep) builtBefore.delete(root);
      return taken;
    }
    const index = new ModuleIndex(root, text);
    if (keep) builtBefore.set(root, index);
    return index;
  }

  readonly program: Node;
  readonly text: string;
  /** The module's comments: Babel keeps them on the File, ESTree on the Program. */
  readonly comments: readonly Node[];
  private readonly parents = new Map<Node, Node>();
  private readonly byType = new Map<string, Node[]>();
  private readonly scopes = new Map<Node, Map<string, Binding>>();

  constructor(root: Node, text: string) {
    this.program = root.type === 'File' ? root.program : root;
    this.text = text;
    this.comments = root.comments ?? this.program.comments ?? [];
    this.walk(this.program);
    for (const declarator of this.ofType('VariableDeclarator')) this.declareVariable(declarator);
    for (const type of ['FunctionDeclaration', 'ClassDeclaration']) {
      for (const node of this.ofType(type))
        if (node.id)
          this.declare(this.scopeFor(node), node.id.name, {
            kind: type === 'ClassDeclaration' ? 'class' : 'function',
            id: node.id,
            declaration: node,
          });
    }
    for (const fn of this.allFunctions()) this.declareParams(fn);
    for (const clause of this.ofType('CatchClause')) {
      if (clause.param) this.declarePattern(clause, clause.param, 'catch', undefined, [], clause);
    }
    for (const specifier of ['ImportSpecifier', 'ImportDefaultSpecifier', 'ImportNamespaceSpecifier'].flatMap((t) => this.ofType(t))) {
      const declaration = this.parent(specifier)!;
      const importName =
        specifier.type === 'ImportDefaultSpecifier'
          ? 'default'
          : specifier.type === 'ImportNamespaceSpecifier'
            ? '*'
            : (specifier.imported.name ?? specifier.imported.value);
      this.declare(this.program, specifier.local.name, {
        kind: 'import',
        id: specifier.local,
        importSource: declaration.source.value,
        importName,
        declaration,
      });
    }
    for (const assignment of this.ofType('AssignmentExpression')) {
      if (assignment.operator === '=' && assignment.left.type === 'Identifier') {
        this.resolve(assignment.left)?.assignments.push(assignment.right);
      }
      if (assignment.operator === '+=' && assignment.left.type === 'Identifier') this.resolve(assignment.left)?.appends.push(assignment);
    }
  }

  parent(node: Node): Node | undefined {
    return node.parent ?? this.parents.get(node);
  }

  *ancestors(node: Node): Generator<Node> {
    for (let current = this.parent(node); current; current = this.parent(current)) yield current;
  }

  /** The function a node is written in, or undefined at the top of the module. */
  functionOf(node: Node): Node | undefined {
    for (const ancestor of this.ancestors(node)) if (isFunction(ancestor)) return ancestor;
    return undefined;
  }

  /** `this.<name>` members written in the class around `node` (its own body, not a nested class's); none outside a class. */
  thisMembers(node: Node): Node[] {
    const classOf = (inner: Node) => [...this.ancestors(inner)].find((ancestor) => ancestor.type === 'ClassBody');
    const body = classOf(node);
    if (!body) return [];
    return [...this.ofType('MemberExpression'), ...this.ofType('OptionalMemberExpression')].filter(
      (member) => member.object.type === 'ThisExpression' && !member.computed && classOf(member) === body,
    );
  }

  /** Whether a node was in the module when it was indexed (not added since by a rewrite). */
  has(node: Node): boolean {
    return (
      node === this.program || this.parents.has(node) || (node.parent !== undefined && this.byType.get(node.type)?.includes(node) === true)
    );
  }

  ofType(type: string): readonly Node[] {
    return this.byType.get(type) ?? [];
  }

  source(node: Node): string {
    const [start, end] = rangeOf(node);
    return this.text.slice(start, end);
  }

  /** The declaration an identifier refers to, walking out through the scopes that enclose it. */
  resolve(identifier: Node): Binding | undefined {
    const name = identifier.name;
    for (let current: Node | undefined = identifier; current; current = this.parent(current)) {
      const binding = this.scopes.get(current)?.get(name);
      if (binding) return binding;
    }
    return undefined;
  }

  /** Where a binding is used: its name read as a value, not the property of `a.name` nor the key of `{ name: … }`. */
  referencesOf(binding: Binding): Node[] {
    return this.ofType('Identifier').filter((identifier) => {
      if (identifier === binding.id || identifier.name !== binding.name) return false;
      const parent = this.parent(identifier);
      if (parent && isMember(parent) && parent.property === identifier && !parent.computed) return false;
      if (
        (parent?.type === 'ObjectProperty' || parent?.type === 'Property') &&
        parent.key === identifier &&
        !parent.shorthand &&
        !parent.computed
      )
        return false;
      // `profile(profile) {…}`: a method's name is no reference to the parameter it shares it with.
      if (
        (parent?.type === 'ObjectMethod' || parent?.type === 'ClassMethod' || parent?.type === 'MethodDefinition') &&
        parent.key === identifier &&
        !parent.computed
      )
        return false;
      return this.resolve(identifier) === binding;
    });
  }

  /** Whether a name is declared in a scope that encloses `node` (so a new declaration would shadow it). */
  isBound(name: string, node: Node): boolean {
    for (let current: Node | undefined = node; current; current = this.parent(current)) {
      if (this.scopes.get(current)?.has(name)) return true;
    }
    return false;
  }

  /** The statement directly in the module body that holds a node. */
  topLevelStatement(node: Node): Node | undefined {
    let current = node;
    for (let parent = this.parent(current); parent; parent = this.parent(current)) {
      if (parent === this.program) return current;
      current = parent;
    }
    return undefined;
  }

  private allFunctions(): Node[] {
    return [
      'FunctionDeclaration',
      'FunctionExpression',
      'ArrowFunctionExpression',
      'ObjectMethod',
      'ClassMethod',
      'ClassPrivateMethod',
    ].flatMap((t) => [...this.ofType(t)]);
  }

  private walk(root: Node): void {
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      let list = this.byType.get(node.type);
      if (!list) this.byType.set(node.type, (list = []));
      list.push(node);
      const children = [...childNodes(node)];
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (!child.parent) this.parents.set(child, node);
        stack.push(child);
      }
    }
    // Source order inside each type list, so findings come out in reading order.
    for (const list of this.byType.values()) list.sort((a, b) => rangeOf(a)[0] - rangeOf(b)[0]);
  }

  private scopeFor(node: Node, functionScoped = false): Node {
    for (let current = this.parent(node); current; current = this.parent(current)) {
      if (functionScoped ? isFunction(current) || current.type === 'Program' : isScope(current)) return current;
    }
    return this.program;
  }

  private declare(
    scope: Node,
    name: string,
    binding: Omit<Binding, 'name' | 'assignments' | 'appends' | 'path'> & { path?: string[] },
  ): void {
    let names = this.scopes.get(scope);
    if (!names) this.scopes.set(scope, (names = new Map()));
    if (!names.has(name)) names.set(name, { name, assignments: [], appends: [], path: [], ...binding });
  }

  private declareVariable(declarator: Node): void {
    const declaration = this.parent(declarator)!;
    const kind = declaration.kind === 'var' ? 'var' : declaration.kind === 'let' ? 'let' : 'const';
    const scope = this.scopeFor(declarator, kind === 'var');
    const init = declarator.init ?? undefined;
    const required = init && requiredModule(init);
    if (required && declarator.id.type === 'Identifier') {
      this.declare(scope, declarator.id.name, {
        kind: 'import',
        id: declarator.id,
        importSource: required,
        importName: '*',
        declaration: declarator,
      });
      return;
    }
    if (required && declarator.id.type === 'ObjectPattern') {
      for (const property of declarator.id.properties) {
        const name = keyName(property);
        if (name && property.value?.type === 'Identifier') {
          this.declare(scope, property.value.name, {
            kind: 'import',
            id: property.value,
            importSource: required,
            importName: name,
            declaration: declarator,
          });
        }
      }
      return;
    }
    this.declarePattern(scope, declarator.id, kind, init, [], declarator);
  }

  private declareParams(fn: Node): void {
    if (fn.type === 'FunctionExpression' && fn.id) this.declare(fn, fn.id.name, { kind: 'function', id: fn.id, declaration: fn });
    for (const param of fn.params ?? []) this.declarePattern(fn, param, 'param', undefined, [], fn);
  }

  private declarePattern(scope: Node, pattern: Node, kind: BindingKind, init: Node | undefined, path: string[], declaration: Node): void {
    switch (pattern.type) {
      case 'Identifier':
        this.declare(scope, pattern.name, { kind, id: pattern, init, path, declaration });
        return;
      case 'AssignmentPattern':
        this.declarePattern(scope, pattern.left, kind, init, path, declaration);
        return;
      case 'RestElement':
        this.declarePattern(scope, pattern.argument, kind, undefined, path, declaration);
        return;
      case 'TSParameterProperty':
        this.declarePattern(scope, pattern.parameter, kind, init, path, declaration);
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) this.declarePattern(scope, element, kind, init, [...path, '[]'], declaration);
        return;
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          if (property.type === 'RestElement') this.declarePattern(scope, property.argument, kind, undefined, path, declaration);
          else this.declarePattern(scope, property.value, kind, init, [...path, keyName(property) ?? '?'], declaration);
        }
        return;
    }
  }
}

/** `require('x')` (possibly `require('x').default`) → 'x'. */
export function requiredModule(node: Node): string | undefined {
  let current = node;
  if (current.type === 'MemberExpression' && current.object) current = current.object;
  if (current.type === 'CallExpression' && current.callee.type === 'Identifier' && current.callee.name === 'require') {
    const arg = current.arguments[0];
    if (arg && (arg.type === 'StringLiteral' || (arg.type === 'Literal' && typeof arg.value === 'string'))) return arg.value;
  }
  return undefined;
}
