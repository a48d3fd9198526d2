import path from 'node:path';
import { Node, SyntaxKind, type ImportDeclaration, type InterfaceDeclaration, type SourceFile, type TypeAliasDeclaration } from 'ts-morph';
import { LineMap } from '../detect/locate.js';
import { oneLine, TODO_MARKER } from '../codemod/todo.js';
import { flatTokenMembers, TOKEN_TYPE_PLACE, type TypeMember } from '../codemod/token-answer-shape.js';
import { createInMemoryProject } from './in-memory-project.js';
import type { ProjectOutcome, ProjectPassFile, ProjectPassOptions, ProjectPassResult } from './rename-payload-types.js';

const TS_FILE = /\.(c|m)?tsx?$/i;

type TypeDeclaration = InterfaceDeclaration | TypeAliasDeclaration;

interface Plan {
  readonly declaration: TypeDeclaration;
  /** The modules whose rewritten token call reads the answer through this type, with their import of it. */
  readonly importers: Map<ProjectPassFile, ImportDeclaration>;
}

interface Edit {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The names of the token answer types a module handed over: `TokenAnswer` of `flatten-token-answer:TokenAnswer`. */
function tokenTypesOf(file: ProjectPassFile): string[] {
  return [...(file.handedOver ?? [])]
    .filter((place) => place.startsWith(TOKEN_TYPE_PLACE))
    .map((place) => place.slice(TOKEN_TYPE_PLACE.length));
}

/**
 * The project pass's second job. A module whose v1 token call the codemod rewrote reads the answer
 * flat, and when the answer's type is imported from another module of the app (`import type {
 * TokenAnswer } from './types'`), that declaration is made flat where it is: `data`'s fields at the
 * top, the v1 status fields gone, `error?` and `error_description?` added (§2.8). Not when the
 * declaring module is outside what the run may change, when another module uses the type too (it
 * may read the v1 shape), or when the type is not the v1 `{ data: { … } }`: then each importing
 * module gets a TODO above its import saying what to do.
 */
export function flattenTokenTypes(files: readonly ProjectPassFile[], options: ProjectPassOptions = {}): ProjectPassResult {
  const importers = files.filter((file) => TS_FILE.test(file.file) && tokenTypesOf(file).length > 0);
  if (importers.length === 0) return { texts: new Map(), outcomes: [], filesInProject: 0 };
  // Every module that names one of the types comes in: one that is no importer may read the v1 shape.
  const names = [...new Set(importers.flatMap(tokenTypesOf))];
  const roots = files.filter((file) => TS_FILE.test(file.file) && names.some((name) => file.text.includes(name))).map((file) => file.file);
  const { project, sourceFiles, fileOf } = createInMemoryProject(roots, {
    texts: new Map(files.filter((file) => TS_FILE.test(file.file)).map((file) => [file.file, file.text])),
    readFile: options.readFile,
  });
  const byFile = new Map(files.map((file) => [file.file, file]));
  const plans = new Map<TypeDeclaration, Plan>();
  const todos: { file: ProjectPassFile; at: Node; message: string }[] = [];
  for (const importer of importers) {
    const sourceFile = sourceFiles.get(importer.file);
    for (const name of tokenTypesOf(importer)) {
      const found = sourceFile && importedDeclaration(sourceFile, name);
      if (!found) continue;
      if (!found.declaration) {
        todos.push({
          file: importer,
          at: found.importDeclaration,
          message: flattenTodo(name, found.importDeclaration.getModuleSpecifierValue(), 'the module that declares it cannot be read'),
        });
        continue;
      }
      const plan = plans.get(found.declaration) ?? { declaration: found.declaration, importers: new Map() };
      plan.importers.set(importer, found.importDeclaration);
      plans.set(found.declaration, plan);
    }
  }

  const edits: Edit[] = [];
  const outcomes: ProjectOutcome[] = [];
  const inPlace = new Set<string>();
  for (const plan of plans.values()) {
    const declaring = fileOf(plan.declaration.getSourceFile());
    const flat = flatText(plan.declaration);
    if (!flat) {
      for (const [importer, importDeclaration] of plan.importers)
        todos.push({
          file: importer,
          at: importDeclaration,
          message: flattenTodo(
            plan.declaration.getName(),
            importDeclaration.getModuleSpecifierValue(),
            'it is not the v1 `{ data: { … } }` answer',
          ),
        });
      continue;
    }
    const stays =
      (byFile.get(declaring)?.writable !== true ? `${path.basename(declaring)} is outside what this run may change` : undefined) ??
      otherUser(plan, declaring, fileOf);
    if (stays) {
      // The shared type keeps its v1 shape for its other users; each importer types its answer in place.
      for (const [importer, importDeclaration] of plan.importers) {
        const { line, column } = new LineMap(importDeclaration.getSourceFile().getFullText()).position(importDeclaration.getStart());
        typeInPlace(importDeclaration, plan.declaration.getName(), flat.members);
        inPlace.add(importer.file);
        outcomes.push({
          file: importer.path,
          line,
          column,
          ruleId: 'no-v1-oauth-endpoint',
          action: 'rewritten',
          message: `the token answer is typed here with the flat v2 fields, and \`${plan.declaration.getName()}\` stays as it is: ${stays}`,
        });
      }
      continue;
    }
    edits.push({ file: declaring, start: flat.start, end: flat.end, text: flat.text });
    const { line, column } = new LineMap(plan.declaration.getSourceFile().getFullText()).position(
      plan.declaration.getNameNode().getStart(),
    );
    outcomes.push({
      file: byFile.get(declaring)!.path,
      line,
      column,
      ruleId: 'no-v1-oauth-endpoint',
      action: 'rewritten',
      message: `\`${plan.declaration.getName()}\` is the flat v2 token answer now, as the rewritten token calls read it`,
    });
  }

  const texts = new Map<string, string>();
  for (const file of files) {
    const fileEdits = edits.filter((edit) => edit.file === file.file);
    const fileTodos = todos.filter((todo) => todo.file === file);
    if (fileEdits.length === 0 && fileTodos.length === 0 && !inPlace.has(file.file)) continue;
    let text = sourceFiles.get(file.file)!.getFullText();
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const inserts: Edit[] = fileTodos
      .filter((todo) => !text.slice(todo.at.getPos(), todo.at.getStart()).includes(TODO_MARKER))
      .map((todo) => {
        const start = text.lastIndexOf('\n', todo.at.getStart() - 1) + 1;
        return { file: file.file, start, end: start, text: `// ${TODO_MARKER}: ${oneLine(todo.message)}${eol}` };
      });
    for (const edit of [...fileEdits, ...inserts].sort((a, b) => b.start - a.start))
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    const lines = new LineMap(text);
    for (const todo of fileTodos) {
      // The import, on the line below its TODO.
      const { line } = lines.position(Math.max(text.indexOf(oneLine(todo.message)), 0));
      outcomes.push({ file: file.path, line: line + 1, column: 1, ruleId: 'no-v1-oauth-endpoint', action: 'todo', message: todo.message });
    }
    if (text !== file.text) texts.set(file.file, text);
  }
  return { texts, outcomes, filesInProject: project.getSourceFiles().length };
}

/**
 * `as TikTokTokenAnswer` → `as { access_token: string; …; error?: string; … }` in the importing module,
 * and the import of the name goes when nothing else there names it.
 */
function typeInPlace(importDeclaration: ImportDeclaration, name: string, members: readonly string[]): void {
  const sourceFile = importDeclaration.getSourceFile();
  const references = sourceFile
    .getDescendantsOfKind(SyntaxKind.TypeReference)
    .filter((reference) => reference.getTypeName().getText() === name);
  for (const reference of references.reverse()) reference.replaceWithText(`{ ${members.join(' ')} }`);
  const stillNamed = sourceFile
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .some((identifier) => identifier.getText() === name && !identifier.getFirstAncestorByKind(SyntaxKind.ImportDeclaration));
  if (stillNamed) return;
  const specifier = importDeclaration.getNamedImports().find((named) => (named.getAliasNode() ?? named.getNameNode()).getText() === name);
  if (importDeclaration.getNamedImports().length === 1 && !importDeclaration.getDefaultImport() && !importDeclaration.getNamespaceImport())
    importDeclaration.remove();
  else specifier?.remove();
}

function flattenTodo(name: string, from: string, why: string): string {
  return `make \`${name}\` (from '${from}') the flat v2 token answer, as the token call here reads it: the fields of its \`data\` at the top, without \`error_code\` and \`description\`, with \`error?: string\` and \`error_description?: string\`; the codemod did not, because ${why}`;
}

/** The declaration an import names (`import type { TokenAnswer } from './types'`), when the module is read. */
function importedDeclaration(
  sourceFile: SourceFile,
  name: string,
): { importDeclaration: ImportDeclaration; declaration?: TypeDeclaration } | undefined {
  for (const importDeclaration of sourceFile.getImportDeclarations()) {
    const specifier = importDeclaration.getNamedImports().find((named) => (named.getAliasNode() ?? named.getNameNode()).getText() === name);
    if (!specifier) continue;
    const target = importDeclaration.getModuleSpecifierSourceFile();
    const imported = specifier.getNameNode().getText();
    const declaration = target?.getInterface(imported) ?? target?.getTypeAlias(imported);
    return { importDeclaration, declaration };
  }
  return undefined;
}

/** A module other than the importers (or the declaring module) that names the type may read the v1 shape through it. */
function otherUser(plan: Plan, declaring: string, fileOf: (sourceFile: SourceFile) => string): string | undefined {
  const importers = new Set([...plan.importers.keys()].map((file) => file.file));
  for (const reference of plan.declaration.findReferencesAsNodes()) {
    const file = fileOf(reference.getSourceFile());
    if (importers.has(file)) continue;
    if (file === declaring && reference === plan.declaration.getNameNode()) continue;
    return `${path.basename(file)} uses \`${plan.declaration.getName()}\` too, and may read the v1 shape through it`;
  }
  return undefined;
}

/** The new body of the declaration (from `{` to `}`), each member on its line; undefined for another shape than the v1 answer. */
function flatText(declaration: TypeDeclaration): { start: number; end: number; text: string; members: readonly string[] } | undefined {
  const literal = Node.isInterfaceDeclaration(declaration) ? declaration : declaration.getTypeNode();
  if (!literal || !(Node.isInterfaceDeclaration(literal) || Node.isTypeLiteral(literal))) return undefined;
  const members = literal.getMembers();
  const data = members.find((member) => memberName(member) === 'data');
  const inner = data && Node.isPropertySignature(data) ? data.getTypeNode() : undefined;
  if (!inner || !Node.isTypeLiteral(inner)) return undefined;
  const written = (member: Node): TypeMember => ({ name: memberName(member), text: member.getText() });
  const lines = flatTokenMembers(inner.getMembers().map(written), members.map(written));
  const open = literal.getFirstChildByKind(SyntaxKind.OpenBraceToken);
  const close = literal.getLastChildByKind(SyntaxKind.CloseBraceToken);
  if (!open || !close) return undefined;
  const text = declaration.getSourceFile().getFullText();
  const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', data!.getStart()) + 1))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    start: open.getStart(),
    end: close.getEnd(),
    text: `{${eol}${lines.map((line) => `${indent}${line}`).join(eol)}${eol}}`,
    members: lines,
  };
}

function memberName(member: Node): string | undefined {
  return Node.isPropertySignature(member) ? member.getName().replace(/^(['"])(.*)\1$/, '$2') : undefined;
}
