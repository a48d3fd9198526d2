import { Node, SyntaxKind, type InterfaceDeclaration, type TypeAliasDeclaration } from 'ts-morph';
import { ERROR_OBJECT_TYPE, TOKEN_FIELDS } from '../contract/index.js';
import { ERROR_CODE_TYPE_PLACE, flatTokenMembers, TOKEN_TYPE_PLACE, type TypeMember } from '../codemod/token-answer-shape.js';

export type TypeDeclaration = InterfaceDeclaration | TypeAliasDeclaration;

/** A text edit of one file: `text` in place of `start`…`end`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** How a v1 answer type a rewritten call hands over becomes its v2 type. */
export interface AnswerTypeKind {
  /** The `project` outcome's place, before the type's name. */
  readonly place: string;
  readonly ruleId: 'no-v1-oauth-endpoint';
  /** The edit of the declaration, or undefined when it is not of the v1 shape. */
  readonly edit: (declaration: TypeDeclaration) => TextEdit | undefined;
  /**
   * The v2 type written where the answer is typed, for a declaration that must stay as it is: made
   * from the declaration where it can be read, else the contract's own (`name` is how the importer calls it).
   */
  readonly inPlace: (declaration: TypeDeclaration | undefined, name: string) => string;
  /** What was done where the type is declared. */
  readonly done: (name: string) => string;
}

/** The v1 token answer `{ data: { access_token, … }, message }` → the flat v2 one (§2.8). */
const FLAT_TOKEN_ANSWER: AnswerTypeKind = {
  place: TOKEN_TYPE_PLACE,
  ruleId: 'no-v1-oauth-endpoint',
  edit: (declaration) => {
    const flat = flatLines(declaration);
    if (!flat) return undefined;
    const { literal, lines, data } = flat;
    const open = literal.getFirstChildByKind(SyntaxKind.OpenBraceToken);
    const close = literal.getLastChildByKind(SyntaxKind.CloseBraceToken);
    if (!open || !close) return undefined;
    const text = declaration.getSourceFile().getFullText();
    const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', data.getStart()) + 1))![0];
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    return { start: open.getStart(), end: close.getEnd(), text: `{${eol}${lines.map((line) => `${indent}${line}`).join(eol)}${eol}}` };
  },
  inPlace: (declaration) => {
    const flat = declaration && flatLines(declaration);
    return flat ? `{ ${flat.lines.join(' ')} }` : V2_TOKEN_ANSWER_TYPE;
  },
  done: (name) => `\`${name}\` is the flat v2 token answer now, as the rewritten token calls read it`,
};

/** The v1 Display API answer's `error: { code: number }` → `code: string` (v2 answers "ok", §2.7). */
const STRING_ERROR_CODE: AnswerTypeKind = {
  place: ERROR_CODE_TYPE_PLACE,
  ruleId: 'no-v1-oauth-endpoint',
  edit: (declaration) => {
    const number = numberCode(declaration);
    return number && { start: number.getStart(), end: number.getEnd(), text: 'string' };
  },
  inPlace: (declaration, name) => {
    const number = declaration && numberCode(declaration);
    const error = number?.getFirstAncestorByKind(SyntaxKind.TypeLiteral);
    if (!number || !error) return `Omit<${name}, 'error'> & { error: ${ERROR_OBJECT_TYPE} }`;
    const text = error.getText();
    const at = number.getStart() - error.getStart();
    return `Omit<${name}, 'error'> & { error: ${text.slice(0, at)}string${text.slice(at + number.getWidth())} }`;
  },
  done: (name) => `\`${name}\`'s \`error.code\` is a string now: v2 answers "ok" on success`,
};

/** The flat v2 token answer, from the contract (§2.8), for a v1 type that cannot be read or is of another shape. */
const V2_TOKEN_ANSWER_TYPE = `{ ${TOKEN_FIELDS.map((field) => `${field}: ${/expires_in$/.test(field) ? 'number' : 'string'};`).join(' ')} token_type: string; error?: string; error_description?: string; }`;

export const ANSWER_TYPE_KINDS: readonly AnswerTypeKind[] = [FLAT_TOKEN_ANSWER, STRING_ERROR_CODE];

/** The members of a declaration written as an interface or a type literal. */
function membersOf(declaration: TypeDeclaration): { literal: Node; members: Node[] } | undefined {
  const literal = Node.isInterfaceDeclaration(declaration) ? declaration : declaration.getTypeNode();
  if (!literal || !(Node.isInterfaceDeclaration(literal) || Node.isTypeLiteral(literal))) return undefined;
  return { literal, members: literal.getMembers() };
}

function flatLines(declaration: TypeDeclaration): { literal: Node; lines: string[]; data: Node } | undefined {
  const own = membersOf(declaration);
  const data = own?.members.find((member) => memberName(member) === 'data');
  const inner = data && Node.isPropertySignature(data) ? data.getTypeNode() : undefined;
  if (!own || !data || !inner || !Node.isTypeLiteral(inner)) return undefined;
  const written = (member: Node): TypeMember => ({ name: memberName(member), text: member.getText() });
  return { literal: own.literal, lines: flatTokenMembers(inner.getMembers().map(written), own.members.map(written)), data };
}

/** The `number` of `error: { code: number }` beside `data`. */
function numberCode(declaration: TypeDeclaration): Node | undefined {
  const own = membersOf(declaration);
  if (!own?.members.some((member) => memberName(member) === 'data')) return undefined;
  const error = own.members.find((member) => memberName(member) === 'error');
  const literal = error && Node.isPropertySignature(error) ? error.getTypeNode() : undefined;
  if (!literal || !Node.isTypeLiteral(literal)) return undefined;
  const code = literal.getMembers().find((member) => memberName(member) === 'code');
  const type = code && Node.isPropertySignature(code) ? code.getTypeNode() : undefined;
  return type?.getKind() === SyntaxKind.NumberKeyword ? type : undefined;
}

function memberName(member: Node): string | undefined {
  return Node.isPropertySignature(member) ? member.getName().replace(/^(['"])(.*)\1$/, '$2') : undefined;
}
