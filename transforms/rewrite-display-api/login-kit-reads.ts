import { LOGIN_KIT_USER_FIELDS, NEAREST_V2_FIELD, V2_USER_FIELDS } from '../../src/contract/index.js';
import { scopeOf } from '../../src/detect/login-kit-answer-reads.js';
import { isBodyTop } from '../../src/codemod/answer-body.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { isTruthinessTest } from '../../src/codemod/rewrite-field-read.js';
import { isMember, keyName, memberName, staticString, unwrap, type Node } from '../../src/detect/ast.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { responseTaint } from '../../src/detect/response-fields.js';
import { isLogCall } from '../../src/detect/log-calls.js';
import type { Taint } from '../../src/detect/taint.js';

/** v1's status, read in `data` too: moved to `error` by the status rewrite, not here. */
const STATUS_FIELDS = new Set(['error_code', 'description']);

/** The v2 names of the fields read, and the edits that move each read under `data.user`; or why not. */
export type LoginKitPlan =
  | { readonly names: readonly string[]; readonly edits: (() => void)[] }
  /**
   * `unknown`: the fields read flat in `data` that neither generation answers, where that is why;
   * `partial`: the plan of the other reads, each read direct off `data` (the unknown ones moved under
   * `data.user` too, where the field a person picks for them will be).
   */
  | {
      readonly reason: string;
      readonly unknown?: readonly string[];
      readonly partial?: { readonly names: readonly string[]; readonly edits: (() => void)[] };
    };

const NO_READS =
  "no read of its answer's `data` says which fields it needs (the answer leaves here whole, or is read elsewhere): name them where it is read";

/** Says where v2 puts what the code read flat in `data`. */
export const LOGIN_KIT_ANSWER =
  'v2 answers the user in data.user, avatar as avatar_url and avatar_larger as avatar_large_url; error.code is "ok" on success';

/**
 * Login Kit's v1 user info answered the user flat in `data` (`body.data.avatar`); v2 answers it in
 * `data.user` with two fields renamed ({@link LOGIN_KIT_USER_FIELDS}), so every read moves with the
 * call: `body.data.avatar` → `body.data.user.avatar_url`, `const { avatar } = body.data` →
 * `const { avatar_url: avatar } = body.data.user`, and so for a name given to `body.data`. The
 * fields asked for are the ones read. `data` handed on whole, or a field v1 never answered, leaves
 * the call for a person. Reads already written for v2 (`body.data.user.avatar_url`) are the v2 user
 * info's: `v2Shaped`, and the caller asks for the fields they read; a test of v1's `message` beside
 * them still moves to `error.code`.
 */
/** Reads written for v2's `data.user` already; `edits` turn v1's status word (`message`) into `error.code`. */
export type V2ShapedReads = { readonly v2Shaped: true; readonly edits: (() => void)[] };

export function planLoginKitReads(context: CodemodContext, request: TikTokRequest, sameNames = false): LoginKitPlan | V2ShapedReads {
  const names = new Set<string>();
  const edits: (() => void)[] = [];
  let v2Shaped = false;
  const taint = responseTaint(context.index, [request]);
  const reads = [
    ...dataLevels(context, taint).map((level) => readOfLevel(context, level, false, sameNames)),
    ...messageReads(context, taint),
    ...topLevelReads(context, taint),
  ];
  // Every field neither generation answers, named in one reason: a person maps them all at once.
  const unknown = [...new Set(reads.flatMap((read) => ('unknown' in read ? read.unknown : [])))];
  if (unknown.length > 0)
    return {
      reason: `it reads ${unknown.map((field) => `\`${field}\``).join(', ')} of the answer's \`data\`, which neither v1 Login Kit user info nor v2 user info answers${nearestNamed(unknown)}`,
      unknown,
      partial: partialPlan(reads),
    };
  for (const read of reads) {
    if ('unknown' in read) continue;
    if ('reason' in read) return read;
    if (read.v2Shaped) v2Shaped = true;
    for (const name of read.names) names.add(name);
    edits.push(...read.edits);
  }
  if (v2Shaped && names.size > 0)
    return { reason: "its answer is read both as v1's (flat in `data`) and as v2's (`data.user`): settle which with the call" };
  // `data.user` read as v2 answers it, and v1's `message` tested beside it: only the test moves.
  if (v2Shaped) return { v2Shaped: true, edits };
  // `return body.data.error_code === 0`: a check that the token still opens the account, as one that
  // never reads the body is, when nothing else of the answer leaves: it asks for `open_id`.
  if (names.size === 0 && reads.some((read) => 'status' in read && read.status) && bodyStaysHere(context, taint))
    return { names: ['open_id'], edits };
  if (names.size === 0) return { reason: NO_READS };
  return { names: [...names], edits };
}

/**
 * `userRes.data.data.display_name` beside `userRes.data.data.unique_id`: the known reads as a plan,
 * when every read is direct off `data` and none is v2's already; the unknown ones move with them.
 */
function partialPlan(reads: readonly LevelRead[]): { names: string[]; edits: (() => void)[] } | undefined {
  const names: string[] = [];
  const edits: (() => void)[] = [];
  for (const read of reads) {
    if ('reason' in read || ('v2Shaped' in read && read.v2Shaped)) return undefined;
    if ('unknown' in read) {
      if (!read.move) return undefined;
      edits.push(read.move);
      continue;
    }
    names.push(...read.names);
    edits.push(...read.edits);
  }
  return names.length > 0 ? { names: [...new Set(names)], edits } : undefined;
}

/**
 * Whether the answer's body is only read here, never handed on: every place that holds it (`body`,
 * axios's `res.data`) is read by member, tested, logged, or given a name that is so read.
 */
function bodyStaysHere(context: CodemodContext, taint: Taint): boolean {
  const tops = [...context.index.ofType('Identifier'), ...context.index.ofType('MemberExpression')].filter(
    (node) => taint.has(node) && isBodyTop(context, node),
  );
  const ENVELOPE = new Set(['data', 'message', 'error']);
  return tops.every((node) => {
    const parent = context.index.parent(node)!;
    // The name's own declaration, in a pattern or not, and a property's key (`{ data }`'s own).
    if (node.type === 'Identifier' && context.index.resolve(node)?.id === node) return true;
    if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === node && !parent.computed) return true;
    // Read by member; and `x.data`'s own property name, which is no place the body is held.
    if (isMember(parent) && (parent.object === node || (parent.property === node && !parent.computed))) return true;
    if (parent.type === 'VariableDeclarator' && parent.init === node) {
      if (parent.id.type === 'Identifier') return true;
      // `const { data, message } = body`: the envelope taken apart, its parts followed as reads above.
      if (parent.id.type === 'ObjectPattern')
        return (parent.id.properties as Node[]).every((property) => ENVELOPE.has(keyName(property) ?? ''));
    }
    return isTruthinessTest(context, node) || isLogged(context, node);
  });
}

/** What one place reads: fields and their edits, a field neither generation answers, or why it cannot move. */
type LevelRead =
  | { names: string[]; edits: (() => void)[]; v2Shaped?: boolean; status?: boolean }
  /** `handedOn`: the value leaves whole (`metadata: info`), read next out of sight. */
  /** `move`: the read put under `data.user`, where it is read direct off `data` (not through a name). */
  | { unknown: readonly string[]; move?: () => void }
  | { reason: string; handedOn?: true };

const handedOn = (context: CodemodContext, node: Node): LevelRead => ({
  reason: `the code hands \`${context.source(node)}\` on whole, and what reads it next reads v1's flat fields: change those reads with the call`,
  handedOn: true,
});

/**
 * The v1 `data` of the answer, where the code reaches it: `body.data` (the body's top: `.json()`'s
 * value or axios's `res.data`), and the references of `const { data } = await res.json()`.
 */
function dataLevels(context: CodemodContext, taint: Taint): Node[] {
  const levels: Node[] = [];
  for (const member of [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')])
    if (memberName(member) === 'data' && taint.has(member.object) && isBodyTop(context, member.object)) levels.push(member);
  for (const declarator of context.index.ofType('VariableDeclarator')) {
    if (declarator.id.type !== 'ObjectPattern' || !declarator.init || !taint.has(declarator.init) || !isBodyTop(context, declarator.init))
      continue;
    for (const property of declarator.id.properties as Node[]) {
      if (keyName(property) !== 'data' || property.value?.type !== 'Identifier') continue;
      const binding = context.index.resolve(property.value);
      // Not the pattern's own `{ data }`: its key is no read.
      const inPattern = (reference: Node) => [...context.index.ancestors(reference)].includes(declarator.id);
      if (binding && binding.assignments.length === 0)
        levels.push(...context.index.referencesOf(binding).filter((reference) => !inPattern(reference)));
    }
  }
  return levels;
}

const EQUALITY = new Set(['===', '!==', '==', '!=']);
const NEGATED: Readonly<Record<string, string>> = { '===': '!==', '!==': '===', '==': '!=', '!=': '==' };

/**
 * v1's top-level `message`, "success" or "error": v2 has none, and says the same with `error.code`.
 * `body.message === 'success'` → `body.error.code === 'ok'`, `body.message === 'error'` →
 * `body.error.code !== 'ok'`; any other read of it leaves the call for a person.
 */
export function messageReads(context: CodemodContext, taint: Taint): LevelRead[] {
  const reads: LevelRead[] = [];
  for (const member of [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')]) {
    if (memberName(member) !== 'message' || !taint.has(member.object) || !isBodyTop(context, member.object)) continue;
    const parent = context.index.parent(member)!;
    const other =
      parent.type === 'BinaryExpression' && EQUALITY.has(parent.operator)
        ? unwrap(parent.left === member ? parent.right : parent.left)
        : undefined;
    const word = other && staticString(other);
    // `data.error?.message || data.message || 'Failed'`: one fallback among others, undefined in v2 and passed over.
    if (parent.type === 'LogicalExpression' && (parent.operator === '||' || parent.operator === '??')) continue;
    if (word !== 'success' && word !== 'error') {
      reads.push({
        reason: `it reads its answer's \`message\` (v1's "success" or "error"), which v2 does not send: test \`error.code\` ("ok" on success) instead`,
      });
      continue;
    }
    const dot = member.optional ? '?.' : '.';
    const code = `${context.source(member.object)}${dot}error${dot}code`;
    const operator = word === 'success' ? parent.operator : NEGATED[parent.operator];
    const [left, right] = parent.left === member ? [code, "'ok'"] : ["'ok'", code];
    reads.push({
      names: [],
      edits: [() => context.pathOf(parent).replace(context.j.template.expression([`${left} ${operator} ${right}`]))],
      status: true,
    });
  }
  return reads;
}

/**
 * What one place that reaches `data` reads of it, and how the read moves. `sameNames`: the call's
 * v1 and v2 answers name the user's fields alike (v1's `/user/info/`, a v2 call that missed `user`),
 * so a name given to `data` and read for those fields flat may also leave whole (`metadata: info`):
 * what reads it next took it for the user as the reads here do, and gets the user under `data.user`.
 */
function readOfLevel(context: CodemodContext, level: Node, aliased = false, sameNames = false): LevelRead {
  const parent = context.index.parent(level)!;
  if (isMember(parent) && parent.object === level) return fieldRead(context, parent, aliased);
  if (isTruthinessTest(context, level) || isLogged(context, level)) return { names: [], edits: [] };
  if (parent.type === 'VariableDeclarator' && parent.init === level && parent.id.type === 'ObjectPattern')
    return destructured(context, level, parent.id, aliased);
  // `let info = {}; … info = res.data.data`: the one value the name is given besides an empty start.
  const assigned = parent.type === 'AssignmentExpression' && parent.operator === '=' && parent.right === level;
  if (!aliased && ((parent.type === 'VariableDeclarator' && parent.init === level) || assigned)) {
    const name = assigned ? parent.left : parent.id;
    if (name.type !== 'Identifier') return handedOn(context, level);
    const binding = context.index.resolve(name);
    if (!binding || binding.assignments.length > (assigned ? 1 : 0) || (assigned && !emptyStart(binding.init)))
      return handedOn(context, level);
    const references = context.index.referencesOf(binding).filter((reference) => reference !== name);
    const all = references.map((reference) => readOfLevel(context, reference, true));
    const readForFields = all.some((read) => 'names' in read && read.names.length > 0);
    const reads = sameNames && readForFields ? all.filter((read) => !('handedOn' in read)) : all;
    const refused = reads.find((read) => 'reason' in read);
    if (refused) return refused;
    // `info.followers` beside `info.nickname`: every field v2 lacks, named together.
    const unknown = reads.flatMap((read) => ('unknown' in read ? read.unknown : []));
    if (unknown.length > 0) return { unknown };
    const taken = reads as { names: string[]; edits: (() => void)[]; v2Shaped?: boolean }[];
    if (taken.some((read) => read.v2Shaped)) return { names: [], edits: [], v2Shaped: true };
    return {
      names: taken.flatMap((read) => read.names),
      edits: [() => underUser(context, level), ...taken.flatMap((read) => read.edits)],
    };
  }
  return handedOn(context, level);
}

/** `let info = {}` or `let info;`: a start that holds no answer. */
function emptyStart(init: Node | undefined): boolean {
  if (!init) return true;
  const value = unwrap(init);
  return (value.type === 'ObjectExpression' && value.properties.length === 0) || value.type === 'NullLiteral';
}

/**
 * A field's v2 name: v1's own (`avatar` is `avatar_url`), or a v2 name read flat in `data` (code
 * written for v2's fields that missed its `user` level: `data.username` is `data.user.username`).
 */
function v2NameOf(field: string): string | undefined {
  return LOGIN_KIT_USER_FIELDS[field] ?? (V2_USER_FIELDS.has(field) ? field : undefined);
}

/** `data.avatar` → `data.user.avatar_url` (read through a name given to `data`: `user.avatar_url`). */
function fieldRead(context: CodemodContext, member: Node, aliased: boolean): LevelRead {
  const field = memberName(member);
  if (field === undefined) return handedOn(context, member.object);
  if (field === 'user') return { names: [], edits: [], v2Shaped: true };
  if (STATUS_FIELDS.has(field))
    return aliased
      ? { reason: `it reads \`${field}\` through a name given to the answer's \`data\`, and v2 answers it in \`error\`` }
      : { names: [], edits: [], status: true };
  const v2 = v2NameOf(field);
  const dot = member.optional ? '?.' : '.';
  if (v2 === undefined)
    return aliased
      ? { unknown: [field] }
      : {
          unknown: [field],
          move: () =>
            context.pathOf(member).replace(context.j.template.expression([`${context.source(member.object)}${dot}user${dot}${field}`])),
        };
  const edit = aliased
    ? () => v2 !== field && context.pathOf(member.property).replace(context.j.identifier(v2))
    : () => context.pathOf(member).replace(context.j.template.expression([`${context.source(member.object)}${dot}user${dot}${v2}`]));
  return { names: [v2], edits: [edit] };
}

/** `const { open_id, avatar } = body.data` → `const { open_id, avatar_url: avatar } = body.data.user`. */
function destructured(context: CodemodContext, level: Node, pattern: Node, aliased: boolean): LevelRead {
  const names: string[] = [];
  const unknown: string[] = [];
  const keys: { property: Node; v2: string }[] = [];
  for (const property of pattern.properties as Node[]) {
    const field = property.type === 'RestElement' ? undefined : keyName(property);
    if (field === undefined) return handedOn(context, level);
    if (STATUS_FIELDS.has(field))
      return { reason: `it takes \`${field}\` out of the answer's \`data\` with the user's fields, and v2 answers it in \`error\`` };
    const v2 = v2NameOf(field);
    // `{ followers, nickname }`: every field v2 lacks is named, not only the first.
    if (v2 === undefined) {
      unknown.push(field);
      continue;
    }
    names.push(v2);
    if (v2 !== field) keys.push({ property, v2 });
  }
  if (unknown.length > 0) return { unknown };
  const { j } = context;
  const edits = keys.map(({ property, v2 }) => () => {
    // `{ avatar }` keeps its local name under the v2 key: `{ avatar_url: avatar }`.
    const renamed = j.objectProperty(j.identifier(v2), property.value);
    context.pathOf(property).replace(renamed);
  });
  return { names, edits: aliased ? edits : [() => underUser(context, level), ...edits] };
}

/**
 * `profile.display_name` of the answer's body: a user field read at its top, where neither v1 Login
 * Kit (`data.display_name`) nor v2 (`data.user.display_name`) answered it, so it was always
 * undefined; what the code meant is plain, and it moves to `data.user` with the call as the others do.
 */
function topLevelReads(context: CodemodContext, taint: Taint): LevelRead[] {
  const reads: LevelRead[] = [];
  for (const member of [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')]) {
    const field = memberName(member);
    const v2 = field && field !== 'data' ? v2NameOf(field) : undefined;
    if (!v2 || !taint.has(member.object) || !isBodyTop(context, member.object)) continue;
    const dot = member.optional ? '?.' : '.';
    const edit = () =>
      context.pathOf(member).replace(context.j.template.expression([`${context.source(member.object)}${dot}data${dot}user${dot}${v2}`]));
    reads.push({ names: [v2], edits: [edit] });
  }
  return reads;
}

/** `console.log('profile', body.data)`: printed, not read; the log shows v2's shape after. */
function isLogged(context: CodemodContext, node: Node): boolean {
  const call = context.index.parent(node);
  return !!call && isLogCall(call) && call.arguments.includes(node);
}

function underUser(context: CodemodContext, level: Node): void {
  const node = unwrap(level);
  context.pathOf(level).replace(context.j.template.expression([`${context.source(node)}${level.optional ? '?.' : '.'}user`]));
}

/** `; v2's nearest: \`display_name\` for \`nickname\``: the v2 field a person likely meant, for each that has one. */
function nearestNamed(fields: readonly string[]): string {
  const named = fields
    .filter((field) => NEAREST_V2_FIELD[field])
    .map((field) => `\`${NEAREST_V2_FIELD[field]}\`${scopeOf(NEAREST_V2_FIELD[field])} for \`${field}\``);
  return named.length > 0 ? ` (v2's nearest: ${named.join(', ')}, under data.user)` : '';
}
