import { tiktokRecordValue } from './tiktok-param-record.js';
import {
  rangeOf,
  staticString,
  calleeName,
  findProperty,
  isCall,
  isClassField,
  isFunction,
  isIdentifier,
  isMember,
  isNullish,
  isStringLiteral,
  keyName,
  memberName,
  objectProperties,
  unwrap,
  type Node,
} from './ast.js';
import type { Binding, ModuleIndex } from './module-index.js';
import { narrowedKey } from './narrowed-key.js';
import { concat, foldedText, HOLE, joinUrl, startsUrl, type Folded, type Piece } from './folded.js';

/** The names a base class commonly keeps the object its subclass hands `super(…)` under (`this.config`). */
const HANDED_CONFIG_NAMES = /^(config|configuration|options|opts|settings|platformConfig)$/;
/** A value another module exports, as far as it can be known statically. */
export type ExportedValue = string | { readonly [key: string]: ExportedValue };

/** Looks up what another module exports; supplied by the project pass. */
export type ImportResolver = (source: string, name: string, path: readonly string[]) => ExportedValue | undefined;

const hole = (node: Node, query?: Node): Folded => ({ pieces: [{ node, query }], viaUrlRef: false });

/**
 * `value.replace('{token}', token)`: the placeholder, found whole in one known piece, becomes a hole
 * holding the replacement (every occurrence for `replaceAll`). Undefined when the search is not a
 * string written out or is not in the text.
 */
function replacePlaceholder(value: Folded, call: Node, all: boolean): Folded | undefined {
  const [search, replacement] = call.arguments as Node[];
  // `url.replace(/#/g, '%23')`: an escape of what the written text never holds leaves the URL as it is.
  const pattern = search && regexOf(search);
  if (pattern) return replacement && staticString(replacement) !== undefined && !matchesText(value, pattern) ? value : undefined;
  const text = search && staticString(search);
  if (!text || !replacement || replacement.type === 'FunctionExpression' || replacement.type === 'ArrowFunctionExpression')
    return undefined;
  let found = false;
  const pieces = value.pieces.flatMap((piece) => {
    if (piece.text === undefined || (found && !all) || !piece.text.includes(text)) return [piece];
    const parts = all
      ? piece.text.split(text)
      : [piece.text.slice(0, piece.text.indexOf(text)), piece.text.slice(piece.text.indexOf(text) + text.length)];
    found = true;
    return parts.flatMap((part, at) => [
      ...(at > 0 ? [{ node: replacement }] : []),
      ...(part === '' ? [] : [{ text: part, node: piece.node }]),
    ]);
  });
  return found ? { pieces, viaUrlRef: value.viaUrlRef } : undefined;
}

/** A regular expression literal, in Babel's AST (`RegExpLiteral`) or ESTree's (`Literal` with `regex`). */
function regexOf(node: Node): RegExp | undefined {
  const literal = unwrap(node);
  const source = literal.type === 'RegExpLiteral' ? literal : literal.type === 'Literal' ? literal.regex : undefined;
  if (!source) return undefined;
  try {
    return new RegExp(source.pattern, (source.flags as string).replace('g', ''));
  } catch {
    return undefined;
  }
}

/** Whether a pattern matches any written text of a value (its holes are unknown either way). */
function matchesText(value: Folded, pattern: RegExp): boolean {
  return value.pieces.some((piece) => piece.text !== undefined && pattern.test(piece.text));
}

/** `x.replace(a, b).replace(c, d)` rooted at an identifier `isRoot` accepts: the calls, innermost first. */
function replaceChain(node: Node, isRoot: (identifier: Node) => boolean): Node[] | undefined {
  const calls: Node[] = [];
  let current = unwrap(node);
  while (current.type === 'CallExpression' && isMember(current.callee) && ['replace', 'replaceAll'].includes(calleeName(current) ?? '')) {
    calls.unshift(current);
    current = unwrap(current.callee.object);
  }
  return calls.length > 0 && current.type === 'Identifier' && isRoot(current) ? calls : undefined;
}

/** A URL with a host and at least one path character: what makes a reference "already a URL". */
const URL_WITH_PATH = new RegExp(`//[^/\\s${HOLE}]+/\\S`);

const MAX_DEPTH = 24;

/** Expressions that compute a value with effects: a reference to one stands for the value, not the work. */
const COMPUTED = new Set([
  'CallExpression',
  'OptionalCallExpression',
  'AwaitExpression',
  'NewExpression',
  'AssignmentExpression',
  'YieldExpression',
]);

/**
 * Folds expressions to the strings they hold, through constants, destructuring, object literals,
 * class fields, `new URL`, template literals, concatenation and imports. Unknown parts become holes.
 * Every node folded on the way is added to `trace`, so callers can tell which literals a value came from.
 */
export class ValueFolder {
  /**
   * Where the value asked for is read: a record read by a key (`config = records[platform]`) is one
   * entry only in a branch that tests the key, which holds at the read, not where `config` is declared.
   */
  private site: Node | undefined;
  private writes: Map<Binding, Node[]> | undefined;

  constructor(
    private readonly index: ModuleIndex,
    private readonly resolveImport: ImportResolver = () => undefined,
  ) {}

  fold(node: Node, trace?: Set<Node>, depth = 0): Folded {
    if (depth === 0) this.site = node;
    if (depth > MAX_DEPTH) return hole(node);
    trace?.add(node);
    const expression = unwrap(node);
    if (expression !== node) trace?.add(expression);
    const next = (child: Node) => this.fold(child, trace, depth + 1);

    if (isStringLiteral(expression)) return { pieces: [{ text: expression.value, node: expression }], viaUrlRef: false };
    switch (expression.type) {
      case 'TemplateLiteral': {
        const pieces: Piece[] = [];
        let viaUrlRef = false;
        expression.quasis.forEach((quasi: Node, i: number) => {
          pieces.push({ text: quasi.value.cooked ?? quasi.value.raw, node: quasi });
          const inner = expression.expressions[i];
          if (inner) {
            const folded = next(inner);
            viaUrlRef ||= folded.viaUrlRef && !startsUrl({ pieces, viaUrlRef });
            pieces.push(...folded.pieces);
          }
        });
        return { pieces, viaUrlRef };
      }
      case 'BinaryExpression':
        if (expression.operator !== '+') return hole(expression);
        return concat(next(expression.left), next(expression.right));
      case 'LogicalExpression': {
        // `process.env.URL || 'https://…'`: the literal is the value the code runs with by default.
        const left = next(expression.left);
        if (left.pieces.every((piece) => piece.text !== undefined)) return left;
        const right = next(expression.right);
        return right.pieces.some((piece) => piece.text) ? right : left;
      }
      case 'Identifier': {
        const built = this.builtStepByStep(expression, trace);
        if (built) return built.slice(1).reduce((folded, part) => concat(folded, next(part)), next(built[0]));
        const rebuilt = this.rebuiltByReplace(expression, trace, depth);
        if (rebuilt) return rebuilt;
        const value = this.foldReference(expression, this.bindingValue(expression, trace, depth), trace, depth);
        // `let url = '…?max_count=10'; if (cursor) url += '&cursor=' + cursor;`: appended to on a path
        // the steps cannot follow, its end is unknown, not the initializer alone.
        const appended = this.index.resolve(expression)?.appends.find((append) => rangeOf(append)[0] < rangeOf(expression)[0]);
        return appended && value.pieces.some((piece) => piece.text !== undefined) ? concat(value, hole(appended.right)) : value;
      }
      case 'ThisExpression':
        return hole(expression);
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const name = memberName(expression);
        if (name === 'href' || name === 'url') {
          const target = this.valueNode(expression.object, trace, depth + 1);
          if (target && isNewUrl(target)) return next(expression.object);
        }
        const imported = this.importedMember(expression);
        if (imported !== undefined) return this.foldImported(expression, imported);
        return this.foldReference(expression, this.valueNode(expression, trace, depth + 1), trace, depth);
      }
      case 'NewExpression':
        if (isNewUrl(expression)) {
          const [path, base] = expression.arguments;
          if (!path) return hole(expression);
          return base ? joinUrl(next(base), next(path)) : next(path);
        }
        if (isIdentifier(expression.callee, 'URLSearchParams') && expression.arguments[0]) {
          return hole(expression, this.objectOf(expression.arguments[0], trace, depth + 1) ?? undefined);
        }
        return hole(expression);
      case 'CallExpression':
      case 'OptionalCallExpression': {
        const name = calleeName(expression);
        const callee = unwrap(expression.callee);
        if (name === 'toString' && isMember(callee)) return next(callee.object);
        // `TEMPLATE.replace('{token}', token)`: the placeholder's text becomes the value's hole.
        if ((name === 'replace' || name === 'replaceAll') && isMember(callee)) {
          const replaced = replacePlaceholder(next(callee.object), expression, name === 'replaceAll');
          if (replaced) return replaced;
        }
        if (isIdentifier(callee, 'String') && expression.arguments[0]) return next(expression.arguments[0]);
        if (name === 'concat' && isMember(callee)) {
          return expression.arguments.reduce((acc: Folded, arg: Node) => concat(acc, next(arg)), next(callee.object));
        }
        if (name === 'stringify' && isMember(callee) && expression.arguments[0]) {
          // querystring.stringify / qs.stringify of an object of query parameters.
          return hole(expression, this.objectOf(expression.arguments[0], trace, depth + 1) ?? undefined);
        }
        return hole(expression);
      }
      default:
        return hole(expression);
    }
  }

  /** The object literal an expression stands for, if it can be found. */
  objectOf(node: Node, trace?: Set<Node>, depth = 0): Node | undefined {
    const value = this.valueNode(node, trace, depth);
    if (!value) return undefined;
    if (value.type === 'ObjectExpression') return value;
    if (value.type === 'NewExpression' && isIdentifier(value.callee, 'URLSearchParams') && value.arguments[0]) {
      return this.objectOf(value.arguments[0], trace, depth + 1);
    }
    return undefined;
  }

  /**
   * A `let` given several values (`let apiUrl = ''; switch (p) { case 'a': apiUrl = A; fetch(apiUrl) … }`):
   * the value of the `x = …` statement (or declaration) that comes last before the read in the same
   * list of statements, when nothing in between, and no function, can give it another. Undefined
   * otherwise: which value reaches the read depends on the path taken.
   */
  private reachingValue(read: Node, binding: Binding): Node | undefined {
    if (binding.path.length > 0) return undefined;
    // The statement the read is in, and the list of statements that holds it.
    let statement = read;
    let owner: Node | undefined;
    for (const ancestor of this.index.ancestors(read)) {
      if (isFunction(ancestor)) return undefined;
      if (ancestor.type === 'SwitchCase' || Array.isArray(ancestor.body)) {
        owner = ancestor;
        break;
      }
      statement = ancestor;
    }
    const list: Node[] | undefined = owner && (owner.type === 'SwitchCase' ? owner.consequent : owner.body);
    if (!list || !list.includes(statement)) return undefined;
    const writes = this.writesOf(binding);
    const home = this.index.functionOf(read);
    // A function that assigns it may run anywhere in between.
    if (writes.some((write) => this.index.functionOf(write) !== home)) return undefined;
    // The last write before the read's statement: a statement of its own in the same list, or the declaration.
    const [start] = rangeOf(statement);
    // Nor a write in the read's own statement, before the read (`x = next(), send(x)`).
    if (writes.some((write) => rangeOf(write)[0] >= start && rangeOf(write)[0] < rangeOf(read)[0])) return undefined;
    const last = writes.filter((write) => rangeOf(write)[1] <= start).sort((a, b) => rangeOf(b)[0] - rangeOf(a)[0])[0];
    if (!last) {
      const declaration = this.index.parent(this.index.parent(binding.id) ?? binding.id);
      return declaration && this.index.parent(declaration) === owner && list.includes(declaration) ? binding.init : undefined;
    }
    const holder = this.index.parent(last);
    const direct = last.type === 'AssignmentExpression' && last.operator === '=' && holder?.type === 'ExpressionStatement';
    return direct && this.index.parent(holder) === owner && list.includes(holder) ? last.right : undefined;
  }

  /** Every write of a binding (`=`, `+=`, `??=`, `++`), found in one pass over the module and kept. */
  private writesOf(binding: Binding): Node[] {
    if (!this.writes) {
      this.writes = new Map();
      for (const write of [...this.index.ofType('AssignmentExpression'), ...this.index.ofType('UpdateExpression')]) {
        const target = unwrap(write.left ?? write.argument);
        const owner = target.type === 'Identifier' ? this.index.resolve(target) : undefined;
        if (owner) this.writes.set(owner, [...(this.writes.get(owner) ?? []), write]);
      }
    }
    return this.writes.get(binding) ?? [];
  }

  /**
   * The expression a reference stands for: the initializer of a constant (down its destructuring
   * path), a property of an object literal, a class field. Undefined when it cannot be told.
   */
  valueNode(node: Node, trace?: Set<Node>, depth = 0): Node | undefined {
    if (depth === 0) this.site = node;
    if (depth > MAX_DEPTH) return undefined;
    const expression = unwrap(node);
    trace?.add(expression);
    if (expression.type === 'Identifier') {
      const binding = this.index.resolve(expression);
      if (!binding || binding.kind === 'param' || binding.kind === 'import' || binding.kind === 'catch') return undefined;
      if (binding.kind === 'function' || binding.kind === 'class') return binding.declaration;
      let value = binding.init ?? (binding.assignments.length === 1 ? binding.assignments[0] : undefined);
      if (binding.kind !== 'const' && binding.assignments.length > (binding.init ? 0 : 1)) value = this.reachingValue(expression, binding);
      if (!value) return undefined;
      for (const key of binding.path) {
        if (!value) return undefined;
        const object: Node | undefined = key === '[]' ? undefined : this.objectOf(value, trace, depth + 1);
        const property: Node | undefined = object && findProperty(object, key);
        value = property?.value;
      }
      if (!value) return undefined;
      trace?.add(value);
      const inner = unwrap(value);
      return inner.type === 'Identifier' || isMember(inner) ? (this.valueNode(inner, trace, depth + 1) ?? inner) : inner;
    }
    if (isMember(expression)) {
      const name =
        memberName(expression) ?? (expression.computed && this.site ? narrowedKey(expression.property, this.site, this.index) : undefined);
      if (name === undefined) return undefined;
      const object = unwrap(expression.object);
      if (object.type === 'ThisExpression') {
        const value = this.classMemberValue(expression, name);
        if (value) trace?.add(value);
        return value ? (this.valueNode(value, trace, depth + 1) ?? unwrap(value)) : undefined;
      }
      const owner = this.valueNode(object, trace, depth + 1);
      if (owner && (owner.type === 'ClassDeclaration' || owner.type === 'ClassExpression')) {
        const field = owner.body.body.find((member: Node) => isClassField(member) && member.static && keyName(member) === name);
        return field?.value ? (this.valueNode(field.value, trace, depth + 1) ?? unwrap(field.value)) : undefined;
      }
      const container = this.objectOf(object, trace, depth + 1);
      const property = container && findProperty(container, name);
      if (!property) {
        // A parameter of a function named for TikTok, handed the module's TikTok record out of sight.
        const recorded = tiktokRecordValue(expression, name, this.index);
        return recorded && (this.valueNode(recorded, trace, depth + 1) ?? unwrap(recorded));
      }
      trace?.add(property);
      return this.valueNode(property.value, trace, depth + 1) ?? unwrap(property.value);
    }
    return expression;
  }

  /**
   * `this.name` inside a class: its field initializer, or what the constructor assigns it. Inside a
   * method of an object literal (`{ baseURL: '…', async post() { … this.baseURL … } }`): that
   * object's property.
   */
  classMemberValue(thisMember: Node, name: string): Node | undefined {
    let classBody: Node | undefined;
    for (const ancestor of this.index.ancestors(thisMember)) {
      if (ancestor.type === 'ClassBody') {
        classBody = ancestor;
        break;
      }
      if (ancestor.type === 'ArrowFunctionExpression' || !isFunction(ancestor)) continue;
      const holder = ancestor.type === 'ObjectMethod' ? ancestor : this.index.parent(ancestor);
      // A class's method: its class body, further up, says.
      if (ancestor.type === 'ClassMethod' || ancestor.type === 'ClassPrivateMethod' || holder?.type === 'MethodDefinition') continue;
      // The first other function that binds `this`: a method of an object literal, or nothing known.
      const object = holder && (holder.type === 'ObjectMethod' || holder.type === 'Property') ? this.index.parent(holder) : undefined;
      if (object?.type !== 'ObjectExpression') return undefined;
      const property = findProperty(object, name);
      return property && !isFunction(unwrap(property.value ?? property)) ? property.value : undefined;
    }
    if (!classBody) return undefined;
    for (const member of classBody.body) {
      if (isClassField(member) && keyName(member) === name && member.value && !isNullish(member.value)) return member.value;
    }
    for (const member of classBody.body) {
      const isConstructor = (member.type === 'ClassMethod' || member.type === 'MethodDefinition') && member.kind === 'constructor';
      if (!isConstructor) continue;
      const body = member.type === 'MethodDefinition' ? member.value.body : member.body;
      for (const statement of body.body) {
        const expression = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
        if (
          expression?.type === 'AssignmentExpression' &&
          isMember(expression.left) &&
          unwrap(expression.left.object).type === 'ThisExpression' &&
          memberName(expression.left) === name
        ) {
          return expression.right;
        }
      }
      // `const config = { tokenUrl: '…' }; super(config);`: the base class, in another module, keeps
      // what it is handed under the name it is handed as (`this.config`).
      for (const statement of body.body) {
        const call = statement.type === 'ExpressionStatement' ? unwrap(statement.expression) : undefined;
        if (call?.type !== 'CallExpression' || call.callee.type !== 'Super') continue;
        const handed = (call.arguments as Node[]).find((argument) => isIdentifier(argument, name));
        if (handed) return handed;
        // `super({ name: 'TikTok', apiBaseUrl: '…' })`: handed written out, kept by the base as its config.
        const [only] = call.arguments as Node[];
        if (call.arguments.length === 1 && unwrap(only).type === 'ObjectExpression' && HANDED_CONFIG_NAMES.test(name)) return only;
      }
      // A constructor parameter property (`constructor(private baseUrl = '…')`).
      for (const param of member.type === 'MethodDefinition' ? member.value.params : member.params) {
        if (
          param.type === 'TSParameterProperty' &&
          param.parameter.type === 'AssignmentPattern' &&
          isIdentifier(param.parameter.left, name)
        ) {
          return param.parameter.right;
        }
      }
    }
    return this.setOnceByMethod(classBody, name);
  }

  /**
   * `private config: Config | null = null;` set by one method (`configure(config) { this.config = { … } }`):
   * a field set in one place holds that value once the class is in use.
   */
  private setOnceByMethod(classBody: Node, name: string): Node | undefined {
    const values: Node[] = [];
    for (const expression of this.index.ofType('AssignmentExpression')) {
      if (expression.operator !== '=' || !isMember(expression.left) || memberName(expression.left) !== name) continue;
      if (unwrap(expression.left.object).type !== 'ThisExpression') continue;
      if (![...this.index.ancestors(expression)].includes(classBody) || isNullish(expression.right)) continue;
      values.push(expression.right);
    }
    return values.length === 1 ? values[0] : undefined;
  }

  private bindingValue(identifier: Node, trace: Set<Node> | undefined, depth: number): Node | undefined {
    const binding = this.index.resolve(identifier);
    if (binding?.kind === 'import') return undefined;
    return this.valueNode(identifier, trace, depth + 1);
  }

  private foldReference(reference: Node, value: Node | undefined, trace: Set<Node> | undefined, depth: number): Folded {
    if (reference.type === 'Identifier') {
      const binding = this.index.resolve(reference);
      if (binding?.kind === 'import' && binding.importSource) {
        const imported = this.resolveImport(binding.importSource, binding.importName ?? 'default', binding.path);
        return this.foldImported(reference, imported);
      }
    }
    if (!value || value === unwrap(reference)) return hole(reference);
    if (value.type === 'ObjectExpression' || value.type === 'ClassDeclaration' || value.type === 'FunctionDeclaration')
      return hole(reference);
    const folded = this.fold(value, trace, depth + 1);
    // `this.clientKey`, given `clientKey || process.env.KEY` in the constructor: nothing static, and
    // the constructor's names mean nothing where the field is read. The field is the value there.
    const [only] = folded.pieces;
    if (folded.pieces.length === 1 && only.text === undefined && this.index.functionOf(only.node) !== this.index.functionOf(reference))
      return hole(reference, only.query);
    // `const token = await getToken(userId)`: a value computed once by a call is the binding's, and a
    // rewrite that moves the hole writes the name, never the call again.
    if (folded.pieces.length === 1 && only.text === undefined && COMPUTED.has(unwrap(only.node).type)) return hole(reference, only.query);
    // `const token = process.env.TIKTOK_TOKEN`: nothing static either, and the name is what the code
    // wrote where the URL takes it; a rewrite moving the hole writes `token`, not the value again.
    if (folded.pieces.length === 1 && only.text === undefined && reference.type === 'Identifier' && isMember(unwrap(only.node)))
      return hole(reference, only.query);
    return { pieces: folded.pieces, viaUrlRef: folded.viaUrlRef || URL_WITH_PATH.test(foldedText(folded)) };
  }

  private foldImported(reference: Node, value: ExportedValue | undefined): Folded {
    if (typeof value !== 'string') return hole(reference);
    const pieces: Piece[] = value
      .split(HOLE)
      .flatMap((text, i) => (i === 0 ? [{ text, node: reference }] : [{ node: reference }, { text, node: reference }]));
    return { pieces, viaUrlRef: URL_WITH_PATH.test(value) };
  }

  /** `config.tiktok.uploadUrl` where `config` is imported: ask the project for that path. */
  private importedMember(member: Node): ExportedValue | undefined {
    const path: string[] = [];
    let current = unwrap(member);
    while (isMember(current)) {
      const name = memberName(current);
      if (name === undefined) return undefined;
      path.unshift(name);
      current = unwrap(current.object);
    }
    if (current.type !== 'Identifier') return undefined;
    const binding = this.index.resolve(current);
    if (binding?.kind !== 'import' || !binding.importSource) return undefined;
    if (binding.importName === '*') {
      const [name, ...rest] = path;
      return name === undefined ? undefined : this.resolveImport(binding.importSource, name, rest);
    }
    return this.resolveImport(binding.importSource, binding.importName ?? 'default', [...binding.path, ...path]);
  }

  /**
   * `let url = '…'; url += '?client_key=' + key; url += '&code=' + code; send(url)`: the parts the
   * value is built from at `use`, in order, when every append is a statement of the declaration's
   * own block before the use (not in a branch or a loop). Undefined for anything else.
   */
  private builtStepByStep(use: Node, trace: Set<Node> | undefined): Node[] | undefined {
    const found = this.stepByStep(use);
    if (!found || found.binding.appends.length === 0) return undefined;
    const start = this.startOfSteps(found.binding, found.block);
    if (!start) return undefined;
    const [useStart] = rangeOf(use);
    const parts: Node[] = [start];
    for (const append of found.binding.appends) {
      if (!this.isOwnStatement(append, found.block) || rangeOf(append)[0] < rangeOf(start)[0]) return undefined;
      if (rangeOf(append)[0] > useStart) continue;
      parts.push(append.right);
      trace?.add(append);
    }
    return parts;
  }

  /**
   * What a value built step by step starts from: its initializer, or `let url = ''; url = BASE + '/path';`
   * the one assignment, a statement of the same block, that gives the empty start its value.
   */
  private startOfSteps(binding: Binding, block: Node): Node | undefined {
    if (binding.assignments.length === 0) return binding.init;
    if (binding.assignments.length > 1 || staticString(binding.init) !== '') return undefined;
    const [value] = binding.assignments;
    const assignment = this.index.parent(value);
    return assignment?.type === 'AssignmentExpression' && this.isOwnStatement(assignment, block) ? value : undefined;
  }

  /** The `let` binding `use` reads, declared in a block: where a value is built statement by statement. */
  private stepByStep(use: Node): { readonly binding: Binding; readonly block: Node } | undefined {
    const binding = this.index.resolve(use);
    if (!binding?.init || binding.kind === 'const') return undefined;
    const declaration = this.index.parent(this.index.parent(binding.id)!);
    const block = declaration && this.index.parent(declaration);
    if (!block || declaration?.type !== 'VariableDeclaration') return undefined;
    return { binding, block };
  }

  /** An expression that is a statement of `block` itself (not in a branch or a loop). */
  private isOwnStatement(expression: Node, block: Node): boolean {
    const statement = this.index.parent(expression);
    return statement?.type === 'ExpressionStatement' && this.index.parent(statement) === block;
  }

  /**
   * `let url = TEMPLATE; url = url.replace('{open_id}', id).replace('{token}', token); send(url)`: the
   * value at `use`, when every assignment is a statement of the declaration's own block that only
   * fills placeholders of the value itself. Undefined for anything else.
   */
  private rebuiltByReplace(use: Node, trace: Set<Node> | undefined, depth: number): Folded | undefined {
    const found = this.stepByStep(use);
    if (!found || found.binding.assignments.length === 0 || found.binding.appends.length > 0) return undefined;
    const { binding, block } = found;
    const [useStart] = rangeOf(use);
    let folded = this.fold(binding.init!, trace, depth + 1);
    // The binding's own `x = …` assignments, in source order (not every assignment of the module:
    // an emscripten bundle has tens of thousands, and this runs for each name folded).
    for (const right of binding.assignments) {
      const assignment = this.index.parent(right)!;
      if (!this.isOwnStatement(assignment, block)) return undefined;
      if (rangeOf(assignment)[0] > useStart) continue;
      const calls = replaceChain(assignment.right, (root) => this.index.resolve(root) === binding);
      if (!calls) return undefined;
      for (const call of calls) {
        const next = replacePlaceholder(folded, call, calleeName(call) === 'replaceAll');
        if (!next) return undefined;
        folded = next;
      }
      trace?.add(assignment);
    }
    return folded;
  }

  /** What a module-level value exports: a string, or an object of them (for config objects), or a list of strings. */
  exportedValue(node: Node, depth = 0): ExportedValue | undefined {
    // Deep enough for a record of environments, each with its record of URLs, under two calls.
    if (depth > 6) return undefined;
    const value = this.valueNode(node) ?? unwrap(node);
    const composed = this.composedExport(value, depth);
    if (composed) return composed;
    if (value.type === 'ObjectExpression') {
      const result: Record<string, ExportedValue> = {};
      for (const property of objectProperties(value)) {
        const key = keyName(property);
        const inner = key === undefined ? undefined : this.exportedValue(property.value, depth + 1);
        if (key !== undefined && inner !== undefined) result[key] = inner;
      }
      return Object.keys(result).length > 0 ? result : undefined;
    }
    // A list of strings (the scopes an authorize URL asks for), by position.
    if (
      value.type === 'ArrayExpression' &&
      value.elements.length > 0 &&
      value.elements.every((element: Node | null) => staticString(element) !== undefined)
    )
      return Object.fromEntries((value.elements as Node[]).map((element, at) => [String(at), staticString(element)!]));
    const base = value.type === 'CallExpression' || value.type === 'NewExpression' ? instanceConfigBase(value, this) : undefined;
    if (base) return { [INSTANCE_BASE_KEY]: foldedText(this.fold(base)), [INSTANCE_LIBRARY_KEY]: this.libraryOf(value) ?? '' };
    const folded = this.fold(value);
    return folded.pieces.some((piece) => piece.text) ? foldedText(folded) : undefined;
  }

  /**
   * A config module's export built at run time from records written out: `Object.freeze(x)` is x,
   * `Object.assign(a, b)` their keys together, and `BY_ENV[env]` (a record of records picked by a key
   * only known at run time) the keys of every branch, a TikTok value winning over another: the URL is
   * legacy in some environment, which is what a reader of the importer needs to know.
   */
  private composedExport(value: Node, depth: number): ExportedValue | undefined {
    if (value.type === 'CallExpression' && isMember(value.callee) && isIdentifier(unwrap(value.callee.object), 'Object')) {
      const method = memberName(value.callee);
      const args = value.arguments as Node[];
      if (method === 'freeze' && args.length === 1) return this.exportedValue(args[0], depth + 1);
      if (method === 'assign' && args.length > 1)
        return mergeExports(
          args.map((arg) => this.exportedValue(arg, depth + 1)),
          false,
        );
      return undefined;
    }
    if (isMember(value) && value.computed && staticString(value.property) === undefined) {
      const record = this.objectOf(value.object);
      const branches = record ? objectProperties(record).map((property) => this.exportedValue(property.value, depth + 1)) : [];
      return branches.length > 1 && branches.every((branch) => typeof branch === 'object') ? mergeExports(branches, true) : undefined;
    }
    return undefined;
  }

  /** The package a call's root identifier was imported from: `axios` for `axios.create(…)`. */
  libraryOf(call: Node): string | undefined {
    let root = unwrap(call.callee);
    while (isMember(root) || isCall(root)) root = unwrap(isMember(root) ? root.object : root.callee);
    if (root.type !== 'Identifier') return undefined;
    const binding = this.index.resolve(root);
    return binding?.kind === 'import' ? binding.importSource : undefined;
  }

  /** What an imported name stands for (`tiktokClient` from `./http/tiktok-client.js`). */
  importedValue(node: Node): ExportedValue | undefined {
    const expression = unwrap(node);
    if (isMember(expression)) return this.importedMember(expression);
    if (expression.type !== 'Identifier') return undefined;
    const binding = this.index.resolve(expression);
    if (binding?.kind !== 'import' || !binding.importSource) return undefined;
    return this.resolveImport(binding.importSource, binding.importName ?? 'default', binding.path);
  }
}

/** Where an exported HTTP client instance keeps its base URL, in an {@link ExportedValue}. */
export const INSTANCE_BASE_KEY = '@baseURL';
/** …and the package it was created from (`axios`, `got`, `ky`). */
export const INSTANCE_LIBRARY_KEY = '@library';

/** Options that hold the base URL of a client instance: axios, got, ky. */
export const BASE_OPTIONS = ['baseURL', 'baseUrl', 'prefixUrl', 'prefixURL'];

/** The base-URL expression of `axios.create({ baseURL })`, `got.extend({ prefixUrl })`, `ky.create(…)`. */
export function instanceConfigBase(call: Node, folder: ValueFolder, trace?: Set<Node>): Node | undefined {
  const factory = calleeName(call);
  // `new HttpClient({ baseURL })`: the app's own client class, configured as axios's instances are.
  if (factory !== 'create' && factory !== 'extend' && call.type !== 'NewExpression') return undefined;
  const config = call.arguments[0] && folder.objectOf(call.arguments[0], trace);
  const property = config && BASE_OPTIONS.map((name) => findProperty(config, name)).find(Boolean);
  return property?.value;
}

function isNewUrl(node: Node): boolean {
  return node.type === 'NewExpression' && isIdentifier(node.callee, 'URL');
}

/**
 * Objects' keys together, recursively. A later object's key wins (`Object.assign`), or, for the
 * branches of a record picked at run time (`preferTikTok`), the first value that mentions TikTok.
 */
function mergeExports(values: readonly (ExportedValue | undefined)[], preferTikTok: boolean): ExportedValue | undefined {
  const objects = values.filter((value): value is { readonly [key: string]: ExportedValue } => typeof value === 'object');
  if (objects.length === 0) return undefined;
  const result: Record<string, ExportedValue> = {};
  for (const object of objects) {
    for (const [key, inner] of Object.entries(object)) {
      const held = result[key];
      if (held === undefined) result[key] = inner;
      else if (typeof held === 'object' && typeof inner === 'object') result[key] = mergeExports([held, inner], preferTikTok)!;
      else if (!preferTikTok || (!/tiktok/i.test(JSON.stringify(held)) && /tiktok/i.test(JSON.stringify(inner)))) result[key] = inner;
    }
  }
  return result;
}
