import path from 'node:path';
import { SyntaxKind, type ImportDeclaration, type SourceFile } from 'ts-morph';
import { LineMap } from '../detect/locate.js';
import { ANSWER_TYPE_KINDS, type AnswerTypeKind, type TextEdit, type TypeDeclaration } from './answer-type-kinds.js';
import { createInMemoryProject } from './in-memory-project.js';
import type { ProjectOutcome, ProjectPassFile, ProjectPassOptions, ProjectPassResult } from './rename-payload-types.js';

const TS_FILE = /\.(c|m)?tsx?$/i;

interface Plan {
  readonly kind: AnswerTypeKind;
  /** The type as the importers name it. */
  readonly name: string;
  /** Undefined when the module that declares it cannot be read. */
  readonly declaration: TypeDeclaration | undefined;
  /** The modules whose rewritten call reads the answer through this type, with their import of it. */
  readonly importers: Map<ProjectPassFile, ImportDeclaration>;
}

/** The types a module handed over, with what becomes of each: `TokenAnswer` of `flatten-token-answer:TokenAnswer`. */
function handedTypes(file: ProjectPassFile): { kind: AnswerTypeKind; name: string }[] {
  return [...(file.handedOver ?? [])].flatMap((place) => {
    const kind = ANSWER_TYPE_KINDS.find((candidate) => place.startsWith(candidate.place));
    return kind ? [{ kind, name: place.slice(kind.place.length) }] : [];
  });
}

/**
 * The project pass's second job: the answer types of rewritten v1 OAuth and Display API calls that a
 * module imports from another module of the app (`import type { TokenAnswer } from './types'`). The
 * codemod already reads the answer the v2 way there; the declaration follows where it is: the token
 * answer made flat, the Display API's `error.code` a string (`answer-type-kinds.ts`). Where the
 * declaration must stay (its module is outside what the run may change or cannot be read, another
 * module uses the type and may read the v1 shape through it, or it is of a shape the codemod does not
 * know), each importing module types its answer in place instead, so that it compiles as it reads.
 */
export function rewriteAnswerTypes(files: readonly ProjectPassFile[], options: ProjectPassOptions = {}): ProjectPassResult {
  const importers = files.filter((file) => TS_FILE.test(file.file) && handedTypes(file).length > 0);
  if (importers.length === 0) return { texts: new Map(), outcomes: [], filesInProject: 0 };
  // Every module that names one of the types comes in: one that is no importer may read the v1 shape.
  const names = [...new Set(importers.flatMap((file) => handedTypes(file).map(({ name }) => name)))];
  const roots = files.filter((file) => TS_FILE.test(file.file) && names.some((name) => file.text.includes(name))).map((file) => file.file);
  const { project, sourceFiles, fileOf } = createInMemoryProject(roots, {
    texts: new Map(files.filter((file) => TS_FILE.test(file.file)).map((file) => [file.file, file.text])),
    readFile: options.readFile,
  });
  const byFile = new Map(files.map((file) => [file.file, file]));
  // One plan per declaration and kind; a module that cannot be read plans alone (its importer types in place).
  const plans: Plan[] = [];
  for (const importer of importers) {
    const sourceFile = sourceFiles.get(importer.file);
    for (const { kind, name } of handedTypes(importer)) {
      const found = sourceFile && importedDeclaration(sourceFile, name);
      if (!found) continue;
      let plan = found.declaration && plans.find((other) => other.kind === kind && other.declaration === found.declaration);
      if (!plan) plans.push((plan = { kind, name, declaration: found.declaration, importers: new Map() }));
      plan.importers.set(importer, found.importDeclaration);
    }
  }

  // Planned on the program as read: the edits of the declarations, and which importers type in place.
  const edits = new Map<string, TextEdit[]>();
  const inPlace: { plan: Plan; text: string }[] = [];
  const outcomes: ProjectOutcome[] = [];
  for (const plan of plans) {
    const { kind, declaration, name } = plan;
    const declaring = declaration && fileOf(declaration.getSourceFile());
    const edit = declaration && kind.edit(declaration);
    const stays =
      !declaration || !declaring
        ? 'the module that declares it cannot be read'
        : ((byFile.get(declaring)?.writable !== true ? `${path.basename(declaring)} is outside what this run may change` : undefined) ??
          otherUser(plan, declaration, declaring, fileOf) ??
          (edit ? undefined : 'it is not of the v1 shape the codemod knows'));
    if (stays || !edit || !declaration || !declaring) {
      inPlace.push({ plan, text: kind.inPlace(declaration, name) });
      for (const [importer, importDeclaration] of plan.importers)
        outcomes.push({
          file: importer.path,
          ...new LineMap(importDeclaration.getSourceFile().getFullText()).position(importDeclaration.getStart()),
          ruleId: kind.ruleId,
          action: 'rewritten',
          message: `the answer is typed here the v2 way, and \`${name}\` stays as it is: ${stays}`,
        });
      continue;
    }
    edits.set(declaring, [...(edits.get(declaring) ?? []), edit]);
    outcomes.push({
      file: byFile.get(declaring)!.path,
      ...new LineMap(declaration.getSourceFile().getFullText()).position(declaration.getNameNode().getStart()),
      ruleId: kind.ruleId,
      action: 'rewritten',
      message: kind.done(declaration.getName()),
    });
  }
  // Then made: types in place through the tree (the importers), text edits of the declarations.
  for (const { plan, text } of inPlace)
    for (const importDeclaration of plan.importers.values()) typeInPlace(importDeclaration, plan.name, text);
  const touched = new Set(inPlace.flatMap(({ plan }) => [...plan.importers.keys()].map((file) => file.file)));

  const texts = new Map<string, string>();
  for (const file of files) {
    const fileEdits = edits.get(file.file) ?? [];
    if (fileEdits.length === 0 && !touched.has(file.file)) continue;
    let text = sourceFiles.get(file.file)!.getFullText();
    for (const edit of [...fileEdits].sort((a, b) => b.start - a.start))
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    if (text !== file.text) texts.set(file.file, text);
  }
  return { texts, outcomes, filesInProject: project.getSourceFiles().length };
}

/**
 * `as TikTokTokenAnswer` → `as { access_token: string; … }` (or `Omit<ProfileAnswer, 'error'> & …`)
 * in the importing module; the import of the name goes when nothing there names it any more.
 */
function typeInPlace(importDeclaration: ImportDeclaration, name: string, text: string): void {
  const sourceFile = importDeclaration.getSourceFile();
  const references = sourceFile
    .getDescendantsOfKind(SyntaxKind.TypeReference)
    .filter((reference) => reference.getTypeName().getText() === name);
  for (const reference of references.reverse()) reference.replaceWithText(text);
  const stillNamed = sourceFile
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .some((identifier) => identifier.getText() === name && !identifier.getFirstAncestorByKind(SyntaxKind.ImportDeclaration));
  if (stillNamed) return;
  const specifier = importDeclaration.getNamedImports().find((named) => (named.getAliasNode() ?? named.getNameNode()).getText() === name);
  if (importDeclaration.getNamedImports().length === 1 && !importDeclaration.getDefaultImport() && !importDeclaration.getNamespaceImport())
    importDeclaration.remove();
  else specifier?.remove();
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

/** A module other than the importers (or the declaration itself) that names the type may read the v1 shape through it. */
function otherUser(
  plan: Plan,
  declaration: TypeDeclaration,
  declaring: string,
  fileOf: (sourceFile: SourceFile) => string,
): string | undefined {
  const importers = new Set([...plan.importers.keys()].map((file) => file.file));
  for (const reference of declaration.findReferencesAsNodes()) {
    const file = fileOf(reference.getSourceFile());
    if (importers.has(file)) continue;
    if (file === declaring && reference === declaration.getNameNode()) continue;
    return `${path.basename(file)} uses \`${declaration.getName()}\` too, and may read the v1 shape through it`;
  }
  return undefined;
}
