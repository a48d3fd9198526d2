import { Node, type PropertySignature, type SourceFile } from 'ts-morph';
import type { AnalysisOptions } from '../detect/analyze-module.js';
import { LineMap } from '../detect/locate.js';
import { TODO_MARKER } from '../codemod/todo.js';
import { createInMemoryProject } from './in-memory-project.js';
import { findModuleSites, type ModuleSites, type PayloadTypeField } from './payload-type-sites.js';

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
   * The types whose `share_id` the per-file codemod left to this pass (its `project` outcomes).
   * Undefined: every one the detectors find (the pass run on its own).
   */
  readonly handedOver?: ReadonlySet<string>;
}

export interface ProjectPassOptions {
  /** Reads a module the run does not hold (imported by one it does), for its types; never changed. */
  readonly readFile?: (file: string) => string | undefined;
  /** What the detectors are told about a file (imports of other modules' URL constants). */
  readonly analysisOptions?: (file: string) => AnalysisOptions;
  /** How a file outside the run is named in a message; default: its absolute path. */
  readonly displayPath?: (file: string) => string;
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
  readonly ruleId: 'no-legacy-response-field';
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
  readonly field: PayloadTypeField;
  signature?: PropertySignature;
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
 * (and, in the rewrite, that the per-file codemod handed over). The program: the run's TypeScript
 * files that mention `share_id` (every reference does), with the modules they import. A rename
 * whose references reach a file the run may not change, a file that still sends a legacy request,
 * or a read the codemod left with a TODO, is not made: the declaration gets a TODO comment instead.
 * Renames that share a reference (a union of two such types) are made together or not at all.
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
  for (const file of files) {
    if (!file.writable || !TS_FILE.test(file.file) || !file.text.includes(LEGACY_NAME)) continue;
    if (file.handedOver !== undefined && file.handedOver.size === 0) continue;
    for (const field of sitesOf(file).typeFields) {
      if (file.handedOver && !file.handedOver.has(field.declaration)) continue;
      const candidate = { file, field, locations: [] } as unknown as Candidate;
      candidate.group = candidate;
      candidates.push(candidate);
    }
  }
  if (candidates.length === 0) return { texts: new Map(), outcomes: [], filesInProject: 0 };

  const roots = files.filter((file) => TS_FILE.test(file.file) && file.text.includes(LEGACY_NAME)).map((file) => file.file);
  const { project, sourceFiles, fileOf } = createInMemoryProject(roots, {
    texts: new Map(files.filter((file) => TS_FILE.test(file.file)).map((file) => [file.file, file.text])),
    readFile: options.readFile,
  });
  const display = (file: string) => byFile.get(file)?.path ?? options.displayPath?.(file) ?? file;
  const languageService = project.getLanguageService();

  // Plan every rename on the program as it is, then decide, then rename.
  for (const candidate of candidates) {
    const signature = propertySignatureAt(sourceFiles.get(candidate.file.file), candidate.field.start);
    if (!signature) {
      candidate.blocked = 'the TypeScript language service does not see it as a property of the type';
      continue;
    }
    candidate.signature = signature;
    const locations = languageService.findRenameLocations(signature.getNameNode(), { usePrefixAndSuffixText: true });
    candidate.locations = locations.map((location) => {
      const span = location.getTextSpan();
      return { file: fileOf(location.getSourceFile()), start: span.getStart(), end: span.getEnd() };
    });
    if (candidate.locations.length === 0) candidate.blocked = 'the TypeScript language service cannot rename it';
    else candidate.blocked = candidate.locations.map((location) => blockedAt(location)).find((reason) => reason !== undefined);
  }

  function blockedAt(location: Location): string | undefined {
    const file = byFile.get(location.file);
    if (!file || !file.writable) return `a reference in ${display(location.file)} is outside what this run may change`;
    const sites = sitesOf(file);
    if (sites.uploadsLeft) return `${file.path} still sends a legacy request, whose response has \`share_id\``;
    if (sites.fieldsLeft.some(([start, end]) => start < location.end && location.start < end)) {
      return `${file.path}:${new LineMap(file.text).position(location.start).line} still reads it, with a TODO of its own`;
    }
    return undefined;
  }

  groupBySharedReferences(candidates);
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
  for (const candidate of candidates) {
    if (candidate.blocked) continue;
    const filesTouched = new Set(candidate.locations.map((location) => location.file)).size;
    for (const location of candidate.locations) {
      const file = byFile.get(location.file)!;
      const { line, column } = positionIn(file, location.start);
      const declaration = file === candidate.file && location.start === candidate.field.start;
      const message = declaration
        ? `\`${candidate.field.declaration}.share_id\` renamed \`publish_id\` with ${candidate.locations.length - 1} references, in ${filesTouched} files`
        : `follows \`${candidate.field.declaration}.share_id\` renamed \`publish_id\``;
      outcomes.push({ file: file.path, line, column, ruleId: 'no-legacy-response-field', action: 'rewritten', message });
    }
    const signature = candidate.signature!;
    // A rename made before this one may have renamed it already (declarations merged, a shared reference).
    if (unquoted(signature.getNameNode().getText()) === LEGACY_NAME) signature.rename(NEW_NAME, { usePrefixAndSuffixText: true });
  }
  dedupeOutcomes(outcomes);

  // What could not be renamed gets a TODO above its declaration, once.
  const todos = new Map<string, { insertAt: number; keyAt: number; message: string }[]>();
  for (const candidate of candidates) {
    if (!candidate.blocked) continue;
    const message = `\`share_id\` of \`${candidate.field.declaration}\` is not renamed: ${candidate.blocked}. ` +
      'Once that is migrated, rename it `publish_id` with every reference (an editor\'s rename symbol does it)';
    const sourceFile = sourceFiles.get(candidate.file.file)!;
    const keyAt = candidate.signature?.getNameNode().getStart() ?? candidate.field.start;
    const holder = candidate.signature ? declarationOf(candidate.signature) : undefined;
    const insertAt = holder && !hasTodoAbove(sourceFile, holder) ? lineStart(sourceFile.getFullText(), holder.getStart()) : -1;
    const list = todos.get(candidate.file.file) ?? [];
    list.push({ insertAt, keyAt, message });
    todos.set(candidate.file.file, list);
  }

  const texts = new Map<string, string>();
  for (const file of files) {
    const sourceFile = sourceFiles.get(file.file);
    if (!sourceFile || !file.writable) continue;
    let text = sourceFile.getFullText();
    const fileTodos = todos.get(file.file) ?? [];
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const inserts = [...new Set(fileTodos.filter((todo) => todo.insertAt >= 0).map((todo) => todo.insertAt))].sort((a, b) => b - a);
    const added = new Map<number, string>();
    for (const at of inserts) {
      const indent = /^[ \t]*/.exec(text.slice(at))![0];
      const messages = fileTodos.filter((todo) => todo.insertAt === at).map((todo) => todo.message);
      const comment = [...new Set(messages)].map((message) => `${indent}// ${TODO_MARKER}: ${message}${eol}`).join('');
      text = text.slice(0, at) + comment + text.slice(at);
      added.set(at, comment);
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

/** The property signature whose name starts at `offset`. */
function propertySignatureAt(sourceFile: SourceFile | undefined, offset: number): PropertySignature | undefined {
  const name = sourceFile?.getDescendantAtPos(offset);
  const parent = name?.getParent();
  return parent && Node.isPropertySignature(parent) && parent.getNameNode() === name ? parent : undefined;
}

/** The named declaration a TODO goes above: its interface or type alias statement (`export` included). */
function declarationOf(signature: PropertySignature): Node | undefined {
  return signature.getAncestors().find((node) => Node.isInterfaceDeclaration(node) || Node.isTypeAliasDeclaration(node));
}

function hasTodoAbove(sourceFile: SourceFile, declaration: Node): boolean {
  return declaration.getLeadingCommentRanges().some((comment) => comment.getText().includes(TODO_MARKER)) ||
    sourceFile.getFullText().slice(declaration.getPos(), declaration.getStart()).includes(TODO_MARKER);
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

/** One rewritten outcome per place, when two renames share it. */
function dedupeOutcomes(outcomes: ProjectOutcome[]): void {
  const seen = new Set<string>();
  for (let index = 0; index < outcomes.length; index++) {
    const key = `${outcomes[index].file}\0${outcomes[index].line}\0${outcomes[index].column}`;
    if (seen.has(key)) outcomes.splice(index--, 1);
    else seen.add(key);
  }
}
