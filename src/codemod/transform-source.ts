import { addMigrationTodos } from '../../transforms/add-migration-todos/index.js';
import { collapseTwinFallbacks, renameResponseFields } from '../../transforms/rename-response-fields/index.js';
import { renameWebhookEvents } from '../../transforms/rename-webhook-events/index.js';
import { rewriteUploadCalls } from '../../transforms/rewrite-upload-call/index.js';
import type { AnalysisOptions } from '../detect/analyze-module.js';
import { CodemodContext } from './context.js';

/** What the codemod did with one finding: rewrote it, or left a TODO comment for a person. */
export interface Outcome {
  readonly ruleId: string;
  /**
   * `project`: a `share_id` declared on a named interface or type alias, left to the project pass
   * (`src/project/`), which renames it with every reference in every file and reports what it did;
   * it is not counted as rewritten here. Only with `projectRenamesTypes`.
   */
  readonly action: 'rewritten' | 'todo' | 'project';
  /** 1-based, in the input. */
  readonly line: number;
  readonly column: number;
  /**
   * For TODOs: what the person must do (never contains source text, so never a token). For
   * `project`: the field's place in its type, e.g. `UploadResponse.data.share_id`.
   */
  readonly message: string;
  /** A TODO a rewrite adds (a check it cannot make, a value it left unused), not a finding of the input. */
  readonly followUp?: true;
}

export interface TransformResult {
  /** The new text; identical (the same string) to the input when nothing changed. */
  readonly output: string;
  readonly outcomes: readonly Outcome[];
  /** Report notes (e.g. the webhook events the new API adds). */
  readonly notes: readonly string[];
}

export interface TransformOptions extends AnalysisOptions {
  /**
   * The project pass runs after this one (the rewrite CLI does that): `share_id` declared on a named
   * interface or type alias is left to it, to be renamed with every reference across files. Without
   * it (a jscodeshift run of one transform) the rename stays file-local.
   */
  readonly projectRenamesTypes?: boolean;
}

/** One step of the codemod: edits the shared tree and records what it did with each finding. */
export type Transform = (context: CodemodContext) => void;

/** The steps, in order; the TODO step always runs last. */
export const TRANSFORMS: readonly Transform[] = [rewriteUploadCalls, renameResponseFields, renameWebhookEvents];

/** The whole codemod for one file: parse once, run every step on the same tree, print once. */
export function transformSource(text: string, file: string, options: TransformOptions = {}): TransformResult {
  return transformKeepingLayout(text, file, options, TRANSFORMS);
}

/** Some steps of the codemod on one file, its BOM, line ends and tab indentation kept (transformSource, run-alone). */
export function transformKeepingLayout(text: string, file: string, options: TransformOptions, transforms: readonly Transform[]): TransformResult {
  // recast parses a copy of the text without a BOM and with LF line ends, so its offsets are off
  // from the file's own by one per CR (and one for the BOM): the codemod works on that form, and the
  // BOM and CRLF are put back after printing.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const crlf = body.includes('\r\n');
  const mixed = body.includes('\r') && /\r(?!\n)|(?<!\r)\n/.test(body);
  const lf = crlf || mixed ? body.replace(/\r\n?/g, '\n') : body;
  // A file indented with tabs: recast reprints in spaces, so the codemod works on a copy with two
  // spaces per leading tab and the tabs are put back (new code indented by two gets them too).
  const spaced = tabsAsSpaces(lf);
  const normalized = spaced ?? lf;
  const context = new CodemodContext(normalized, file, options);
  if (context.findings.length === 0) return { output: text, outcomes: [], notes: [] };
  if (mixed) throw new Error('mixed line endings (CRLF and LF, or a lone CR): not rewritten, so that no line changes its ending; give the file one kind first');
  let result = runTransforms(context, transforms);
  if (spaced !== undefined) {
    // Columns as in the file: a leading tab is one column, not two.
    const lines = lf.split('\n');
    const tabsOn = (line: number) => /^\t*/.exec(lines[line - 1] ?? '')![0].length;
    result = { ...result, outcomes: result.outcomes.map((outcome) => ({ ...outcome, column: Math.max(1, outcome.column - tabsOn(outcome.line)) })) };
  }
  if (result.output === normalized) return { ...result, output: text };
  const tabbed = spaced === undefined ? result.output : result.output.replace(/^(?: {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
  return { ...result, output: bom + (crlf ? tabbed.replaceAll('\n', '\r\n') : tabbed) };
}

export function runTransforms(context: CodemodContext, transforms: readonly Transform[]): TransformResult {
  for (const transform of transforms) {
    transform(context);
    context.recordRemoved();
  }
  collapseTwinFallbacks(context);
  addMigrationTodos(context);
  const outcomes = context.outcomes();
  const eol = context.text.includes('\r\n') ? '\r\n' : '\n';
  // Lists recast reprints (an entry added) follow the file's own habit of trailing commas.
  const trailingComma = /,\s*\r?\n\s*[}\]]/.test(context.text);
  let printed = context.expandCopiedLines(context.deleteMarkedLines(context.root.toSource({ quote: quoteStyle(context.text), lineTerminator: eol, trailingComma })));
  printed = keepDirectivePrologue(context.text, printed);
  if (context.appendix.length > 0) {
    printed = `${printed.replace(/\s*$/, '')}${eol}${context.appendix.map((text) => `${eol}${text.replaceAll('\n', eol)}${eol}`).join('')}`;
  }
  return { output: printed === context.text ? context.text : printed, outcomes, notes: [...context.notes] };
}

const PROLOGUE = /^(['"])use strict\1;?[ \t]*\r?\n(?:[ \t]*\r?\n)?/;
const PRINTED_PROLOGUE = /^(['"])use strict\1;;?[ \t]*\r?\n(?:[ \t]*\r?\n)?/;

/** recast reprints `'use strict';` as `'use strict';;` when the statements after it change: the file's own line stays. */
function keepDirectivePrologue(original: string, printed: string): string {
  const own = PROLOGUE.exec(original);
  return own && PRINTED_PROLOGUE.test(printed) ? printed.replace(PRINTED_PROLOGUE, own[0]) : printed;
}

/** Leading tabs as two spaces each, for recast; or undefined when that cannot be undone exactly (spaces indent some lines too). */
function tabsAsSpaces(text: string): string | undefined {
  if (!/^\t/m.test(text) || /^\t* {2}/m.test(text)) return undefined;
  return text.replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length));
}

/** New code follows the file's own quotes: the more common of ' and ". */
function quoteStyle(text: string): 'single' | 'double' {
  const single = text.split("'").length;
  const double = text.split('"').length;
  return double > single ? 'double' : 'single';
}
