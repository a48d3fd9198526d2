import { calleeName, isFunction, isIdentifier, isMember, keyName, memberName, rangeOf, unwrap, type Node } from './ast.js';
import type { Binding, ModuleIndex } from './module-index.js';

/** Methods whose result still carries the response they were called on. */
const PASS_THROUGH = new Set(['json', 'text', 'then', 'catch', 'finally', 'clone', 'body']);
const MAX_ROUNDS = 8;

/**
 * Values that flow from a set of source expressions through one module: awaits, `.json()`, member
 * reads, `.then` callbacks, variables, destructuring and functions that return them.
 */
export class Taint {
  private readonly bindings = new Set<Binding>();
  private readonly functions = new Set<Node>();
  private readonly passing = new Map<Node, number[]>();
  /** Object patterns that destructure a tainted value. */
  readonly patterns = new Set<Node>();

  /** `seeds` are patterns tainted from the start: `(err, res, body) =>` callbacks, an XHR object. */
  constructor(
    private readonly index: ModuleIndex,
    private readonly sources: ReadonlySet<Node>,
    seeds: readonly Node[] = [],
  ) {
    for (const seed of seeds) {
      for (const binding of this.bindingsIn(seed)) this.bindings.add(binding);
      if (seed.type === 'ObjectPattern') this.patterns.add(seed);
    }
    for (let round = 0; round < MAX_ROUNDS && this.spread(); round++);
  }

  has(node: Node): boolean {
    return this.check(node, 0);
  }

  /** Whether the node is one of the values the taint starts from (a request's call). */
  isSource(node: Node): boolean {
    return this.sources.has(node);
  }

  /** Whether a function of the module returns what the sources answer (`return res.data`). */
  returnsFrom(fn: Node): boolean {
    return this.functions.has(fn);
  }

  private check(node: Node, depth: number): boolean {
    if (depth > 40) return false;
    const expression = unwrap(node);
    if (this.sources.has(expression)) return true;
    switch (expression.type) {
      case 'AwaitExpression':
        return this.check(expression.argument, depth + 1);
      case 'Identifier': {
        const binding = this.index.resolve(expression);
        return !!binding && this.bindings.has(binding);
      }
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        return this.check(expression.object, depth + 1);
      // `parsed && typeof parsed === 'object' ? parsed : {}`, `res.data || {}`: either side may be the value.
      case 'ConditionalExpression':
        return this.check(expression.consequent, depth + 1) || this.check(expression.alternate, depth + 1);
      case 'LogicalExpression':
        return this.check(expression.left, depth + 1) || this.check(expression.right, depth + 1);
      case 'CallExpression':
      case 'OptionalCallExpression': {
        const callee = unwrap(expression.callee);
        if (isMember(callee) && PASS_THROUGH.has(memberName(callee) ?? '')) {
          // `.then(() => fetch(…))`: a callback that returns the response makes the chain carry it.
          const callback = memberName(callee) === 'then' && expression.arguments[0] ? unwrap(expression.arguments[0]) : undefined;
          return this.check(callee.object, depth + 1) || (!!callback && this.functions.has(callback));
        }
        if (isMember(callee) && isIdentifier(callee.object, 'JSON') && memberName(callee) === 'parse') {
          return !!expression.arguments[0] && this.check(expression.arguments[0], depth + 1);
        }
        const fn = calledFunction(this.index, expression);
        if (fn && this.functions.has(fn)) return true;
        // `asRecord(JSON.parse(content))`: a function of the module that hands back what it is given.
        return !!fn && this.returnedParams(fn).some((at) => !!expression.arguments[at] && this.check(expression.arguments[at], depth + 1));
      }
      default:
        return false;
    }
  }

  /** The positions of the parameters a function returns as they came (`return value as T`), found once. */
  private returnedParams(fn: Node): number[] {
    let found = this.passing.get(fn);
    if (found) return found;
    const params: Node[] = fn.params ?? [];
    const [start, end] = rangeOf(fn);
    const positions = new Set<number>();
    for (const statement of this.index.ofType('ReturnStatement')) {
      const [at] = rangeOf(statement);
      if (at < start || at > end || !statement.argument || this.index.functionOf(statement) !== fn) continue;
      const value = unwrap(statement.argument);
      if (value.type !== 'Identifier') continue;
      const binding = this.index.resolve(value);
      const position = params.findIndex((param) => param.type === 'Identifier' && this.index.resolve(param) === binding);
      if (position >= 0 && binding?.kind === 'param') positions.add(position);
    }
    found = [...positions];
    this.passing.set(fn, found);
    return found;
  }

  /** One round of propagation; true when something new was tainted. */
  private spread(): boolean {
    let changed = false;
    const taintPattern = (pattern: Node) => {
      for (const binding of this.bindingsIn(pattern)) {
        if (!this.bindings.has(binding)) {
          this.bindings.add(binding);
          changed = true;
        }
      }
      if (pattern.type === 'ObjectPattern') this.patterns.add(pattern);
    };
    for (const declarator of this.index.ofType('VariableDeclarator')) {
      if (declarator.init && this.has(declarator.init)) taintPattern(declarator.id);
    }
    for (const assignment of this.index.ofType('AssignmentExpression')) {
      // `body += chunk` gathers a response the same as `body = response` takes it.
      if ((assignment.operator === '=' || assignment.operator === '+=') && this.has(assignment.right)) taintPattern(assignment.left);
    }
    for (const call of [...this.index.ofType('CallExpression'), ...this.index.ofType('OptionalCallExpression')]) {
      const callee = unwrap(call.callee);
      const method = calleeName(call);
      if (!isMember(callee) || (method !== 'then' && method !== 'on' && method !== 'once') || !this.has(callee.object)) continue;
      // `.then(body => …)`, and a response stream's `.on('data', chunk => …)`.
      const callback = call.arguments[method === 'then' ? 0 : 1] && unwrap(call.arguments[method === 'then' ? 0 : 1]);
      if (callback && isFunction(callback) && callback.params[0]) taintPattern(callback.params[0]);
    }
    for (const statement of this.index.ofType('ReturnStatement')) {
      if (statement.argument && this.has(statement.argument)) changed = this.markFunction(statement) || changed;
    }
    for (const arrow of this.index.ofType('ArrowFunctionExpression')) {
      if (arrow.body.type !== 'BlockStatement' && this.has(arrow.body) && !this.functions.has(arrow)) {
        this.functions.add(arrow);
        changed = true;
      }
    }
    for (const fn of this.functions) {
      const profile = profileHandedTo(this.index, fn);
      if (profile?.params[0]) taintPattern(profile.params[0]);
    }
    return changed;
  }

  private markFunction(statement: Node): boolean {
    for (const ancestor of this.index.ancestors(statement)) {
      if (!isFunction(ancestor)) continue;
      if (this.functions.has(ancestor)) return false;
      this.functions.add(ancestor);
      return true;
    }
    return false;
  }

  private bindingsIn(pattern: Node): Binding[] {
    switch (pattern.type) {
      case 'Identifier': {
        const binding = this.index.resolve(pattern);
        return binding ? [binding] : [];
      }
      case 'ObjectPattern':
        return pattern.properties.flatMap((property: Node) =>
          this.bindingsIn(property.type === 'RestElement' ? property.argument : property.value),
        );
      case 'ArrayPattern':
        return pattern.elements.flatMap((element: Node | null) => (element ? this.bindingsIn(element) : []));
      case 'AssignmentPattern':
        return this.bindingsIn(pattern.left);
      default:
        return [];
    }
  }
}

/**
 * An OAuth provider's `profile(profile)` beside the `userinfo.request()` it is given the answer of
 * (next-auth, Auth.js: `{ userinfo: { async request() { return await res.json(); } }, profile(p) { … } }`):
 * the library hands what `request` returns to `profile`, so its parameter holds the answer.
 */
function profileHandedTo(index: ModuleIndex, fn: Node): Node | undefined {
  const holder = fn.type === 'ObjectMethod' ? fn : index.parent(fn);
  if (!holder || keyName(holder) !== 'request') return undefined;
  const entry = index.parent(index.parent(holder) ?? holder);
  if (!entry || (entry.type !== 'ObjectProperty' && entry.type !== 'Property') || keyName(entry) !== 'userinfo') return undefined;
  const provider = index.parent(entry);
  if (provider?.type !== 'ObjectExpression') return undefined;
  const profile = (provider.properties as Node[]).find((property) => keyName(property) === 'profile');
  const value = profile && (profile.type === 'ObjectMethod' ? profile : profile.value && unwrap(profile.value));
  return value && isFunction(value) ? value : undefined;
}

/** The function a call runs, when it is declared in this module: `upload()`, `this.upload()`. */
export function calledFunction(index: ModuleIndex, call: Node): Node | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') {
    const binding = index.resolve(callee);
    if (binding?.kind === 'function') return binding.declaration;
    const init = binding?.init && unwrap(binding.init);
    return init && isFunction(init) ? init : undefined;
  }
  if (isMember(callee) && unwrap(callee.object).type === 'ThisExpression') {
    const name = memberName(callee);
    for (const ancestor of index.ancestors(call)) {
      if (ancestor.type !== 'ClassBody') continue;
      const method = ancestor.body.find((member: Node) => keyName(member) === name);
      if (!method) return undefined;
      return method.type === 'MethodDefinition'
        ? method.value
        : method.value && isFunction(unwrap(method.value))
          ? unwrap(method.value)
          : method;
    }
  }
  return undefined;
}

/** The calls of a function of the module: by its name, or as `this.name(…)` for a method of a class. */
export function callsOf(index: ModuleIndex, fn: Node): Node[] {
  const parent = index.parent(fn);
  const named =
    fn.type === 'FunctionDeclaration' && fn.id
      ? fn.id
      : parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier'
        ? parent.id
        : undefined;
  const method = (fn.type === 'ClassMethod' || fn.type === 'MethodDefinition' || parent?.type === 'MethodDefinition') && !fn.computed;
  const methodName = method ? ((fn.type === 'ClassMethod' ? fn.key : parent?.key)?.name as string | undefined) : undefined;
  // `static refreshTokens = async () => {…}`, `static async refresh() {…}`: called as `TikTokClient.refreshTokens(…)`.
  const member =
    fn.type === 'ClassMethod'
      ? fn
      : (parent?.type === 'ClassProperty' || parent?.type === 'PropertyDefinition') && parent.value === fn
        ? parent
        : undefined;
  const staticName = member?.static && !member.computed && member.key?.type === 'Identifier' ? (member.key.name as string) : undefined;
  const owner = staticName ? [...index.ancestors(fn)].find((node) => node.type === 'ClassDeclaration') : undefined;
  const ownerBinding = owner?.id ? index.resolve(owner.id) : undefined;
  const binding = named && index.resolve(named);
  return [...index.ofType('CallExpression'), ...index.ofType('OptionalCallExpression')].filter((call) => {
    const callee = unwrap(call.callee);
    if (binding && callee.type === 'Identifier') return index.resolve(callee) === binding;
    if (ownerBinding && isMember(callee) && calleeName(call) === staticName) {
      const object = unwrap(callee.object);
      if (object.type === 'Identifier' && index.resolve(object) === ownerBinding) return true;
    }
    return !!methodName && isMember(callee) && unwrap(callee.object).type === 'ThisExpression' && calleeName(call) === methodName;
  });
}
