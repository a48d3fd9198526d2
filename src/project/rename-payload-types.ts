import path from 'node:path';
import {
  IndentationText,
  Node,
  SyntaxKind,
  type InterfaceDeclaration,
  type PropertyAccessExpression,
  type PropertySignature,
  type SourceFile,
  type TypeAliasDeclaration,
} from 'ts-morph';
import type { AnalysisOptions } from '../detect/analyze-module.js';
import { LineMap } from '../detect/locate.js';
import { oneLine, TODO_MARKER } from '../codemod/todo.js';
import { ERROR_OBJECT_TYPE, RESPONSE_FIELD_MOVES, type LegacyResponseField } from '../contract/index.js';
import { createInMemoryProject } from './in-memory-project.js';
import { findModuleSites, type ModuleSites } from './payload-type-sites.js';

/** One TypeScript file of the run, as the per-file codemod left it. */
export interface ProjectPassFile {
  /** Absolute. */
  readonly file: string;
  /** Relative to the working folder, forward slashes: what outcomes carry. */
  readonly path: string;
  readonly text: string;
  /** False for a file the pass may read but must not change (the codemod failed on it, it is not valid UTF-8). */
  readonly writable: boolean;
  /**
   * The `share_id` fields the per-file codemod left to this pass (its `project` outcomes), by their
   * place in their type: `UploadResponse.data.share_id`. Undefined: every one the detectors find in
   * this text (the pass run on its own, on code the codemod has not seen).
   */
  readonly handedOver?: ReadonlySet<string>;
}

export interface ProjectPassOptions {
  /** Reads a module the run does not hold (imported by one it does), for its types; never changed. */
  readonly readFile?: (file: string) => string | undefined;
  /** What the detectors are told about a file (imports of other modules' URL constants). */
  readonly analysisOptions?: (file: string) => AnalysisOptions;
}

export interface ProjectOutcome {
  /** The `path` of the file. */
  readonly file: string;
  /**
   * 1-based. A rename: where the name was, in the text the pass was given. A TODO: where the field
   * is in the text the pass returns (below the comment it added).
   */
  readonly line: number;
  readonly column: number;
  readonly ruleId: 'no-legacy-response-field' | 'no-v1-oauth-endpoint';
  readonly action: 'rewritten' | 'todo';
  /** For TODOs: what the person must do (type and file names, never other source text). */
  readonly message: string;
}

export interface ProjectPassResult {
  /** The new text of each file the pass changed, by absolute path. */
  readonly texts: ReadonlyMap<string, string>;
  readonly outcomes: readonly ProjectOutcome[];
  /** Modules in the ts-morph project (0 when there was nothing to rename). */
  readonly filesInProject: number;
}

const NEW_NAME = 'publish_id';
const LEGACY_NAME = 'share_id';
const TS_FILE = /\.(c|m)?tsx?$/i;

interface Candidate {
  readonly file: ProjectPassFile;
  /** `UploadResponse.data.share_id`. */
  readonly place: string;
  readonly signature?: PropertySignature;
  /** Where the property's name was in the program the renames were planned on. */
  nameRange?: readonly [number, number];
  locations: Location[];
  blocked?: string;
  /** Candidates that share a reference with this one rename together or not at all. */
  group: Candidate;
}

interface Location {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The project pass: `share_id` declared on the user's own interfaces and type aliases for a TikTok
 * payload becomes `publish_id`, with every reference in every file, through the TypeScript
 * language service (ts-morph's `rename`, with prefix and suffix text so that `const { share_id } = c`
 * becomes `const { publish_id: share_id } = c` and local names stay).
 *
 * Which declarations: the detectors' `typeField` findings for `share_id` that sit in a named type
 * (and, in the rewrite, that the per-file codemod handed over, by their place in their type). The
 * program: the run's TypeScript files that mention `share_id` (every reference does) or the name of
 * one of those types, with the modules they import (`in-memory-project.ts`). A rename is not made,
 * and the declaration gets a TODO comment instead, when a reference is in a file the run may not
 * change or in one that still sends a legacy request, when a reference is a read the codemod left
 * with a TODO, when a module that names the type still sends a legacy request, or when a module
 * names the type through an import the pass cannot follow. Renames that share a reference (a union
 * of two such types) are made together or not at all.
 */
export function renamePayloadTypes(files: readonly ProjectPassFile[], options: ProjectPassOptions = {}): ProjectPassResult {
  const byFile = new Map(files.map((file) => [file.file, file]));
  const sitesCache = new Map<string, ModuleSites>();
  const sitesOf = (file: ProjectPassFile): ModuleSites => {
    let sites = sitesCache.get(file.file);
    if (!sites) sitesCache.set(file.file, (sites = findModuleSites(file.text, file.path, options.analysisOptions?.(file.file))));
    return sites;
  };

  const candidates: Candidate[] = [];
  const newCandidate = (file: ProjectPassFile, place: string, signature?: PropertySignature) => {
    const candidate = { file, place, signature, locations: [] } as unknown as Candidate;
    candidate.group = candidate;
    candidates.push(candidate);
    return candidate;
  };
  /** What this pass renames in a file: what was handed over, or else what the detectors find there. */
  const placesIn = (file: ProjectPassFile): ReadonlySet<string> =>
    file.handedOver ?? new Set(file.text.includes(LEGACY_NAME) ? sitesOf(file).typeFields.map((field) => field.place) : []);
  const declaring = files.filter((file) => file.writable && TS_FILE.test(file.file) && placesIn(file).size > 0);
  if (declaring.length === 0) return { texts: new Map(), outcomes: [], filesInProject: 0 };

  // Every reference to rename holds `share_id`; a module that sends a legacy request typed with one
  // of these types names the type. Their imports come along for the types that flow between them.
  const typeNames = [...new Set(declaring.flatMap((file) => [...placesIn(file)].map((place) => place.split('.')[0])))];
  const roots = files
    .filter((file) => TS_FILE.test(file.file) && (file.text.includes(LEGACY_NAME) || typeNames.some((name) => file.text.includes(name))))
    .map((file) => file.file);
  const { project, sourceFiles, fileOf } = createInMemoryProject(roots, {
    texts: new Map(files.filter((file) => TS_FILE.test(file.file)).map((file) => [file.file, file.text])),
    readFile: options.readFile,
  });
  const languageService = project.getLanguageService();

  // Plan every rename on the program as it is, then decide, then rename.
  for (const file of declaring) {
    for (const place of placesIn(file)) {
      const signatures = signaturesAt(sourceFiles.get(file.file), place);
      if (signatures.length === 0) {
        newCandidate(file, place).blocked = 'it is no longer where the codemod found it';
        continue;
      }
      for (const signature of signatures) {
        const candidate = newCandidate(file, place, signature);
        candidate.nameRange = [signature.getNameNode().getStart(), signature.getNameNode().getEnd()];
        if (isStatusPlace(place)) {
          // Moved, not renamed: only where nothing else in the program reads it through the type.
          candidate.blocked =
            blockedByTypeUsers(signature, file.file) ??
            (signature.findReferencesAsNodes().some((node) => node.getSourceFile() !== signature.getSourceFile())
              ? `\`${place.split('.').at(-1)}\` is read through \`${place.split('.')[0]}\` in another module`
              : undefined);
          continue;
        }
        const locations = languageService.findRenameLocations(signature.getNameNode(), { usePrefixAndSuffixText: true });
        candidate.locations = locations.map((location) => {
          const span = location.getTextSpan();
          return { file: fileOf(location.getSourceFile()), start: span.getStart(), end: span.getEnd() };
        });
        if (candidate.locations.length === 0) candidate.blocked = 'the TypeScript language service cannot rename it';
        else
          candidate.blocked =
            candidate.locations.map((location) => blockedAt(location, file.file)).find((reason) => reason !== undefined) ??
            blockedByTypeUsers(signature, file.file);
      }
    }
  }

  /**
   * The modules that name the type. One that still sends a legacy request may be typing that
   * request's response with it (`as TikTokShareResult`), even where it reads no field; one that
   * names it and holds `share_id` but whose import of it the pass cannot follow (a tsconfig path
   * alias, a package) may read the field unseen. Either way the type stays as it is.
   */
  function blockedByTypeUsers(signature: PropertySignature, from: string): string | undefined {
    const declaration = declarationOf(signature);
    if (!declaration) return undefined;
    const name = declaration.getName();
    const users = new Set(declaration.findReferencesAsNodes().map((node) => fileOf(node.getSourceFile())));
    for (const user of users) {
      const file = byFile.get(user);
      if (file && sitesOf(file).uploadsLeft) {
        return `${relativeName(from, user)} uses \`${name}\` and still sends a legacy request, whose response has \`share_id\``;
      }
    }
    const mentions = new RegExp(`(?<![\\w$])${name.replaceAll('$', '\\$')}(?![\\w$])`);
    const unseen = files.find(
      (file) =>
        file.file !== from &&
        TS_FILE.test(file.file) &&
        !users.has(file.file) &&
        file.text.includes(LEGACY_NAME) &&
        mentions.test(file.text),
    );
    if (unseen) return `${relativeName(from, unseen.file)} names \`${name}\` through an import this pass cannot follow (a path alias?)`;
    return undefined;
  }

  /** Why a rename may not touch a place; other files are named from the declaring file's folder, like an import. */
  function blockedAt(location: Location, from: string): string | undefined {
    // `./publishService.ts still has it`, said in publishService.ts itself, reads as another file.
    const name = location.file === from ? 'this module' : relativeName(from, location.file);
    const file = byFile.get(location.file);
    if (!file || !file.writable) return `a reference in ${name} is outside what this run may change`;
    const sites = sitesOf(file);
    if (sites.uploadsLeft) return `${name} still sends a legacy request, whose response has \`share_id\``;
    // After the per-file codemod, a legacy field still found here was left on purpose, with a TODO.
    if (file.handedOver === undefined) return undefined;
    const overlaps = ([start, end]: readonly [number, number]) => start < location.end && location.start < end;
    if (
      sites.fieldsLeft.some(overlaps) ||
      sites.typeFields.some((field) => !file.handedOver!.has(field.place) && overlaps([field.start, field.end]))
    ) {
      // Named by its code, not by a line number the TODOs this pass adds above it would move.
      const path = /[\w$.?!]*$/.exec(file.text.slice(Math.max(0, location.start - 80), location.start))![0];
      return `${name} still has it (\`${path}${file.text.slice(location.start, location.end)}\`), with a TODO of its own`;
    }
    return undefined;
  }

  groupBySharedReferences(candidates);
  // A type changes whole or not at all: its status fields go with its `share_id`.
  for (const candidate of candidates) {
    if (!isStatusPlace(candidate.place)) continue;
    const typeName = candidate.place.split('.')[0];
    const twin = candidates.find(
      (other) => other.file === candidate.file && !isStatusPlace(other.place) && other.place.split('.')[0] === typeName,
    );
    if (twin && root(twin) !== root(candidate)) root(candidate).group = root(twin);
  }
  for (const candidate of candidates) {
    candidate.blocked ??= candidates.find((other) => root(other) === root(candidate) && other.blocked)?.blocked;
  }

  const outcomes: ProjectOutcome[] = [];
  const lineMaps = new Map<string, LineMap>();
  const positionIn = (file: ProjectPassFile, offset: number) => {
    let lines = lineMaps.get(file.file);
    if (!lines) lineMaps.set(file.file, (lines = new LineMap(file.text)));
    return lines.position(offset);
  };
  const rewrittenAt = (file: ProjectPassFile, offset: number, message: string) =>
    outcomes.push({ file: file.path, ...positionIn(file, offset), ruleId: 'no-legacy-response-field', action: 'rewritten', message });
  for (const candidate of candidates) {
    if (candidate.blocked || isStatusPlace(candidate.place)) continue;
    const [nameStart, nameEnd] = candidate.nameRange!;
    const isDeclaration = (location: Location) =>
      location.file === candidate.file.file && location.start >= nameStart && location.end <= nameEnd;
    const references = candidate.locations.filter((location) => !isDeclaration(location));
    const filesTouched = new Set(references.map((location) => location.file)).size;
    for (const location of candidate.locations) {
      const file = byFile.get(location.file)!;
      const { line, column } = positionIn(file, location.start);
      const message = isDeclaration(location)
        ? `\`${candidate.place}\` renamed \`publish_id\`, with ${plural(references.length, 'reference')} in ${plural(filesTouched, 'file')}`
        : `follows \`${candidate.place}\` renamed \`publish_id\``;
      outcomes.push({ file: file.path, line, column, ruleId: 'no-legacy-response-field', action: 'rewritten', message });
    }
    const signature = candidate.signature!;
    // A rename made before this one may have renamed it already (declarations merged, a shared reference).
    if (unquoted(signature.getNameNode().getText()) === LEGACY_NAME) signature.rename(NEW_NAME, { usePrefixAndSuffixText: true });
    // `{ publish_id: string; share_id?: string }`: renamed, it would declare `publish_id` twice; the
    // new one stands already, and every read of the old one reads it now.
    if (!signature.wasForgotten() && hasTwin(signature)) signature.remove();
  }
  for (const candidate of candidates) {
    if (candidate.blocked || !isStatusPlace(candidate.place)) continue;
    const sourceFile = sourceFiles.get(candidate.file.file)!;
    const field = candidate.place.split('.').at(-1) as LegacyResponseField;
    for (const signature of signaturesAt(sourceFile, candidate.place)) {
      rewrittenAt(
        candidate.file,
        signature.getNameNode().getStart(),
        `\`${candidate.place}\` moved to \`${RESPONSE_FIELD_MOVES[field].to}\``,
      );
      moveToError(signature, field);
    }
  }
  // A type that stays, read as `publish_id` by an answer this run migrated (`reply.data.publish_id`
  // of `reply: ClipReply`): that field is declared beside `share_id`, or the migrated read would not compile.
  const besides = new Map<string, { at: number; text: string }[]>();
  const declaredBeside = new Set<Candidate>();
  // Every `….publish_id` of the program, found once, when a kept type first needs them.
  let newNameReads: PropertyAccessExpression[] | undefined;
  for (const candidate of candidates) {
    const signature = candidate.signature;
    if (!candidate.blocked || isStatusPlace(candidate.place) || !signature || hasSibling(signature, NEW_NAME)) continue;
    newNameReads ??= [...sourceFiles.values()].flatMap((file) =>
      file.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).filter((access) => access.getName() === NEW_NAME),
    );
    if (!readAsNewName(signature, newNameReads)) continue;
    besides.set(candidate.file.file, [...(besides.get(candidate.file.file) ?? []), newNameBeside(signature)]);
    declaredBeside.add(candidate);
    rewrittenAt(
      candidate.file,
      signature.getNameNode().getStart(),
      `\`publish_id\` declared beside \`${candidate.place}\`, for the reads of the answer this run migrated`,
    );
  }
  dedupeOutcomes(outcomes);

  // What could not be renamed gets a TODO above its declaration, once.
  const todos = new Map<string, { insertAt: number; keyAt: number; message: string }[]>();
  // One TODO per type: its status fields are named in the TODO of its `share_id`.
  const statusLeft = (holder: Node | undefined) =>
    candidates.filter(
      (other) => other.blocked && isStatusPlace(other.place) && other.signature && declarationOf(other.signature) === holder,
    );
  for (const candidate of candidates) {
    if (!candidate.blocked) continue;
    const holder = candidate.signature ? declarationOf(candidate.signature) : undefined;
    const sharesTodo =
      isStatusPlace(candidate.place) &&
      candidates.some(
        (other) => other.blocked && !isStatusPlace(other.place) && other.signature && declarationOf(other.signature) === holder,
      );
    const moves = statusLeft(holder)
      .map(
        (other) =>
          `\`${other.place.split('.').slice(1).join('.')}\` to \`${RESPONSE_FIELD_MOVES[other.place.split('.').at(-1) as LegacyResponseField].to}\``,
      )
      .join(', ');
    const message = isStatusPlace(candidate.place)
      ? `\`${candidate.place}\` stays: ${candidate.blocked}; when that is resolved, move it to \`${RESPONSE_FIELD_MOVES[candidate.place.split('.').at(-1) as LegacyResponseField].to}\` beside \`data\``
      : hasSibling(candidate.signature, NEW_NAME) || declaredBeside.has(candidate)
        ? // `publish_id` declared beside it already: a rename would declare it twice.
          `\`${candidate.place}\` stays: ${candidate.blocked}; when that is resolved, delete it (\`publish_id\` is declared beside it) and read \`publish_id\` where it is read` +
          (moves ? `, and move ${moves}` : '')
        : `\`${candidate.place}\` stays: ${candidate.blocked}; when that is resolved, rename the field \`publish_id\` ` +
          "with every reference (an editor's Rename Symbol does it)" +
          (moves ? ` and move ${moves}` : '');
    const sourceFile = sourceFiles.get(candidate.file.file)!;
    const keyAt = candidate.signature?.getNameNode().getStart() ?? 0;
    const insertAt =
      holder && !sharesTodo && !hasTodoAbove(sourceFile, holder) ? lineStart(sourceFile.getFullText(), holder.getStart(true)) : -1;
    const list = todos.get(candidate.file.file) ?? [];
    list.push({
      insertAt,
      keyAt,
      message: sharesTodo ? `\`${candidate.place}\` stays with the rest of its type: see the TODO above it` : message,
    });
    todos.set(candidate.file.file, list);
  }

  // Only files a rename or a TODO touched are read back: the others stay byte for byte as given.
  const touched = new Set([
    ...candidates.filter((candidate) => !candidate.blocked).flatMap((candidate) => candidate.locations.map((location) => location.file)),
    ...todos.keys(),
    ...besides.keys(),
  ]);
  const texts = new Map<string, string>();
  for (const file of files) {
    const sourceFile = sourceFiles.get(file.file);
    if (!sourceFile || !file.writable || !touched.has(file.file)) continue;
    let text = sourceFile.getFullText();
    const fileTodos = todos.get(file.file) ?? [];
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const inserts = [...new Set(fileTodos.filter((todo) => todo.insertAt >= 0).map((todo) => todo.insertAt))].sort((a, b) => b - a);
    const edits = [
      ...inserts.map((at) => {
        const indent = /^[ \t]*/.exec(text.slice(at))![0];
        const messages = fileTodos.filter((todo) => todo.insertAt === at).map((todo) => todo.message);
        return { at, text: [...new Set(messages)].map((message) => `${indent}// ${TODO_MARKER}: ${oneLine(message)}${eol}`).join('') };
      }),
      // `publish_id` after the `share_id` it follows (see newNameBeside).
      ...(besides.get(file.file) ?? []),
    ].sort((a, b) => b.at - a.at);
    const added = new Map<number, string>();
    for (const edit of edits) {
      text = text.slice(0, edit.at) + edit.text + text.slice(edit.at);
      added.set(edit.at, (added.get(edit.at) ?? '') + edit.text);
    }
    const finalLines = new LineMap(text);
    for (const todo of fileTodos) {
      const shift = [...added].filter(([at]) => at <= todo.keyAt).reduce((sum, [, comment]) => sum + comment.length, 0);
      const { line, column } = finalLines.position(todo.keyAt + shift);
      outcomes.push({ file: file.path, line, column, ruleId: 'no-legacy-response-field', action: 'todo', message: todo.message });
    }
    if (text !== file.text) texts.set(file.file, text);
  }

  outcomes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { texts, outcomes, filesInProject: project.getSourceFiles().length };
}

/** A place of a status field (`UploadResponse.data.err_code`), which moves to `error` rather than being renamed. */
function hasTwin(signature: PropertySignature): boolean {
  const holder = signature.getParent();
  const members = Node.isTypeLiteral(holder) || Node.isInterfaceDeclaration(holder) ? holder.getProperties() : [];
  return members.some((member) => member !== signature && unquoted(member.getNameNode().getText()) === NEW_NAME);
}

function isStatusPlace(place: string): boolean {
  return place.split('.').at(-1) !== LEGACY_NAME;
}

const INDENTATION: Record<string, IndentationText> = {
  '  ': IndentationText.TwoSpaces,
  '    ': IndentationText.FourSpaces,
  '        ': IndentationText.EightSpaces,
  '\t': IndentationText.Tab,
};

/**
 * `data.err_code` (or `extra.logid`) leaves its container for the Content Posting `error` object, as
 * the per-file codemod does on a type it owns: removed, `extra` gone once empty, `error` declared
 * beside `data` once.
 */
function moveToError(signature: PropertySignature, field: LegacyResponseField): void {
  const container = signature.getParent();
  const holder = container.getParentIfKind(SyntaxKind.PropertySignature);
  const outer = holder?.getParent();
  const lineIndent = (node: Node) => {
    const text = node.getSourceFile().getFullText();
    return /^[ \t]*/.exec(text.slice(lineStart(text, node.getStart())))![0];
  };
  const step = holder && outer ? lineIndent(holder).slice(lineIndent(outer).length) || '  ' : '  ';
  const oneLine = Node.isTypeLiteral(container) && !container.getText().includes('\n');
  signature.remove();
  if (!holder || !outer || !(Node.isTypeLiteral(outer) || Node.isInterfaceDeclaration(outer))) return;
  const emptied = Node.isTypeLiteral(container) && container.getMembers().length === 0;
  if (RESPONSE_FIELD_MOVES[field].from === 'extra' && emptied) {
    holder.remove();
  } else if (oneLine && !emptied) {
    // A literal on one line is laid out as the per-file codemod (recast) lays out one it changed;
    // as text, since ts-morph's own replacement re-indents differently in an interface and an alias.
    const indent = lineIndent(holder);
    const eol = container.getSourceFile().getFullText().includes('\r\n') ? '\r\n' : '\n';
    const members = container.getMembers().map((member) => `${indent}${step}${member.getText().replace(/[;,]$/, '')};${eol}`);
    const [from, to] = [container.getStart(), container.getEnd()];
    const [sourceFile, outerStart] = [container.getSourceFile(), outer.getStart()];
    sourceFile.replaceText([from, to], `{${eol}${members.join('')}${indent}}`);
    addErrorMember(sourceFile, outerStart, step);
    return;
  }
  addErrorMember(outer.getSourceFile(), outer.getStart(), step);
}

/** `error` beside `data`, once, in the type that starts at `start` (found again: text edits forget nodes). */
function addErrorMember(sourceFile: SourceFile, start: number, step: string): void {
  const outer = sourceFile
    .getDescendants()
    .find((node) => node.getStart() === start && (Node.isTypeLiteral(node) || Node.isInterfaceDeclaration(node)));
  if (!outer || !(Node.isTypeLiteral(outer) || Node.isInterfaceDeclaration(outer)) || outer.getProperty('error')) return;
  sourceFile.getProject().manipulationSettings.set({ indentationText: INDENTATION[step] ?? IndentationText.TwoSpaces });
  outer.addProperty({ name: 'error', type: ERROR_OBJECT_TYPE });
}

/** The property signatures at a place (`UploadResponse.data.share_id`) in a file: one, or more where declarations merge. */
function signaturesAt(sourceFile: SourceFile | undefined, place: string): PropertySignature[] {
  if (!sourceFile) return [];
  const [name, ...members] = place.split('.');
  const declarations = [
    ...sourceFile.getDescendantsOfKind(SyntaxKind.InterfaceDeclaration),
    ...sourceFile.getDescendantsOfKind(SyntaxKind.TypeAliasDeclaration),
  ].filter((declaration) => declaration.getName() === name);
  return declarations.flatMap((declaration) =>
    declaration.getDescendantsOfKind(SyntaxKind.PropertySignature).filter((signature) => {
      const names = [signature, ...signature.getAncestors().filter((node) => Node.isPropertySignature(node))]
        .filter((node) => node.getAncestors().includes(declaration))
        .map((node) => unquoted(node.getNameNode().getText()))
        .reverse();
      return names.join('.') === members.join('.');
    }),
  );
}

/** The named declaration a TODO goes above (its doc comment and `export` included): its interface or type alias. */
function declarationOf(signature: PropertySignature): InterfaceDeclaration | TypeAliasDeclaration | undefined {
  return signature
    .getAncestors()
    .find(
      (node): node is InterfaceDeclaration | TypeAliasDeclaration => Node.isInterfaceDeclaration(node) || Node.isTypeAliasDeclaration(node),
    );
}

/** A TODO of this codemod already in the comments above (a second run adds none). */
function hasTodoAbove(sourceFile: SourceFile, declaration: Node): boolean {
  return sourceFile.getFullText().slice(declaration.getPos(), declaration.getStart()).includes(TODO_MARKER);
}

/** `./upload.ts`, `../api/upload.ts`: a file as the declaring file would import it. */
function relativeName(from: string, to: string): string {
  const name = path.relative(path.dirname(from), to).split(path.sep).join('/');
  return name.startsWith('.') ? name : `./${name}`;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function unquoted(name: string): string {
  return name.replace(/^(['"`])(.*)\1$/, '$2');
}

function root(candidate: Candidate): Candidate {
  let current = candidate;
  while (current.group !== current) current = current.group;
  return current;
}

/** Unions the candidates whose renames touch one same place. */
function groupBySharedReferences(candidates: Candidate[]): void {
  const owner = new Map<string, Candidate>();
  for (const candidate of candidates) {
    for (const location of candidate.locations) {
      const key = `${location.file}\0${location.start}`;
      const other = owner.get(key);
      if (!other) owner.set(key, candidate);
      else if (root(other) !== root(candidate)) root(other).group = root(candidate);
    }
  }
}

/** One rewritten outcome per place, when two renames share it: a declaration's own says most. */
function dedupeOutcomes(outcomes: ProjectOutcome[]): void {
  const kept = new Map<string, ProjectOutcome>();
  for (const outcome of outcomes) {
    const key = `${outcome.file}\0${outcome.line}\0${outcome.column}`;
    const other = kept.get(key);
    if (!other || (other.message.startsWith('follows') && !outcome.message.startsWith('follows'))) kept.set(key, outcome);
  }
  outcomes.splice(0, outcomes.length, ...kept.values());
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Whether the type literal or interface that declares `signature` declares `name` too. */
function hasSibling(signature: PropertySignature | undefined, name: string): boolean {
  const holder = signature?.getParent();
  return !!holder && (Node.isInterfaceDeclaration(holder) || Node.isTypeLiteral(holder)) && holder.getProperty(name) !== undefined;
}

/** Whether a read of `publish_id` somewhere goes through the object type that declares `signature` (and no `publish_id`). */
function readAsNewName(signature: PropertySignature, reads: readonly PropertyAccessExpression[]): boolean {
  return reads.some((access) => (access.getExpression().getType().getProperty(LEGACY_NAME)?.getDeclarations() ?? []).includes(signature));
}

/**
 * `share_id: string;` gains `publish_id: string;` after it, written as it is (its type, its `?`),
 * on a line of its own where the members have theirs, after it on the same line otherwise.
 */
function newNameBeside(signature: PropertySignature): { at: number; text: string } {
  const text = signature.getText();
  const copy = text.replace(/^(['"]?)share_id\1/, (_whole, quote: string) => `${quote}${NEW_NAME}${quote}`);
  const full = signature.getSourceFile().getFullText();
  let end = signature.getEnd();
  // A separator the member's text leaves out (`share_id: string,` of a type literal) comes first.
  const separator = /[;,]$/.test(text) ? '' : /^[ \t]*[;,]/.exec(full.slice(end))?.[0].trim();
  if (separator) end = full.indexOf(separator, end) + 1;
  const lineStartAt = full.lastIndexOf('\n', signature.getStart() - 1) + 1;
  const indent = full.slice(lineStartAt, signature.getStart());
  const tail = separator ?? '';
  const inserted = /^[ \t]*$/.test(indent)
    ? `\n${indent}${copy}${tail}`
    : /[;,]$/.test(text) || separator
      ? ` ${copy}${tail}`
      : `; ${copy}`;
  return { at: end, text: inserted };
}
