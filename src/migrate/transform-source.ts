import { settleFindingsInEntriesLeftForDeletion } from '../codemod/dead-record-entry.js';
import { settleUnreadLegacyBases } from '../codemod/unread-legacy-values.js';
import { addMigrationTodos } from '../../transforms/add-migration-todos/add-migration-todos.js';
import { collapseTwinFallbacks, renameResponseFields } from '../../transforms/rename-response-fields/rename-response-fields.js';
import { renameWebhookEvents } from '../../transforms/rename-webhook-events/rename-webhook-events.js';
import { rewriteUploadCalls } from '../../transforms/rewrite-upload-call/rewrite-upload-call.js';
import { rewriteAuthorizeUrls } from '../../transforms/rewrite-authorize-url/rewrite-authorize-url.js';
import { rewriteTokenExchanges } from '../../transforms/rewrite-token-exchange/rewrite-token-exchange.js';
import { rewriteStatusQueries } from '../../transforms/rewrite-status-query/rewrite-status-query.js';
import { rewriteDisplayApiCalls } from '../../transforms/rewrite-display-api/rewrite-display-api.js';
import { rewriteV2Hosts } from '../../transforms/rewrite-v2-host/rewrite-v2-host.js';
import type { TransformOptions, TransformResult } from '../codemod/step.js';
import { CodemodContext, type Transform } from '../codemod/context.js';
import { parserFor } from '../detect/parse.js';
import { keepStyle } from './keep-style.js';
import { legacyRequestClients, markLegacyInterceptors } from '../codemod/legacy-interceptors.js';
import { markBasesLeftBehind, repointClientBases } from '../codemod/repoint-client-base.js';

/** The steps, in order; the TODO step always runs last. */
export const TRANSFORMS: readonly Transform[] = [
  rewriteUploadCalls,
  // Before the answers' fields are renamed: a status answer's error_code follows the upload's.
  rewriteStatusQueries,
  renameResponseFields,
  renameWebhookEvents,
  // Before the v2 calls are rewritten whole: a call written for v2 in all but its host keeps its layout.
  rewriteV2Hosts,
  // Before the authorize URLs change: the exchange reads the redirect_uri the authorize URL sends.
  rewriteTokenExchanges,
  rewriteDisplayApiCalls,
  rewriteAuthorizeUrls,
];

/** The whole codemod for one file: parse once, run every step on the same tree, print once. */
export function transformSource(text: string, file: string, options: TransformOptions = {}): TransformResult {
  return transformKeepingLayout(text, file, options, TRANSFORMS);
}

/** Some steps of the codemod on one file, its BOM, line ends and tab indentation kept (transformSource, run-alone). */
export function transformKeepingLayout(
  text: string,
  file: string,
  options: TransformOptions,
  transforms: readonly Transform[],
): TransformResult {
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
  // Babel reads past some errors (a comment wrapped onto a line of its own, `await` outside async):
  // such a file does not run as it is, and neither would its rewrite, so it stays as it was.
  const [broken] = context.recoveredErrors;
  if (broken) throw new Error(`the file does not parse (${broken.message}), so it is left as it was: fix that first`);
  if (mixed)
    throw new Error(
      'mixed line endings (CRLF and LF, or a lone CR): not rewritten, so that no line changes its ending; give the file one kind first',
    );
  let result = runTransforms(context, transforms);
  if (spaced !== undefined) {
    // Columns as in the file: a leading tab is one column, not two.
    const lines = lf.split('\n');
    const tabsOn = (line: number) => /^\t*/.exec(lines[line - 1] ?? '')![0].length;
    result = {
      ...result,
      outcomes: result.outcomes.map((outcome) => ({ ...outcome, column: Math.max(1, outcome.column - tabsOn(outcome.line)) })),
    };
  }
  if (result.output === normalized) return { ...result, output: text };
  const tabbed = spaced === undefined ? result.output : result.output.replace(/^(?: {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
  const output = bom + (crlf ? tabbed.replaceAll('\n', '\r\n') : tabbed);
  assertParses(output, file);
  return { ...result, output };
}

/**
 * An output that does not parse is never written: the run reports the file as not rewritten, with
 * the parser's words, and leaves it as it was.
 */
function assertParses(output: string, file: string): void {
  let broken: string | undefined;
  try {
    broken = firstSyntaxError(output, file);
  } catch (error) {
    broken = (error as Error).message;
  }
  if (broken) throw new Error(`the rewrite would not parse (${broken}), so the file is left as it was; please report it`);
}

/** The first error Babel read past in a text (its message, with the line), or undefined when there is none. */
function firstSyntaxError(text: string, file: string): string | undefined {
  const [first] = (parserFor(file).parse(text).errors ?? []) as { message: string }[];
  return first?.message;
}

/**
 * The helpers are written with two spaces a level: in a file indented with four spaces, each level
 * takes the file's own step, as a person adding a function there would write it. (A file indented
 * with tabs is worked on with two spaces a tab, and gets its tabs back after.)
 */
function indentedLikeFile(helper: string, text: string): string {
  const step = indentUnit(text);
  if (step === 2) return helper;
  return helper.replace(/^((?: {2})+)/gm, (pairs: string) => ' '.repeat((pairs.length / 2) * step));
}

/**
 * The file's indentation step in spaces (2 by default), as the first level shows it: the lines right
 * under a line at column 0. A block recast reprints (a statement removed from it) is indented with
 * it, and the lines recast reuses inside keep their depth relative to it, so untouched lines keep
 * their columns even in a file whose deeper levels step differently.
 */
function indentUnit(text: string): number {
  const steps = new Map<number, number>();
  let previous = -1;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || /^\s*(\*|\/\/)/.test(line)) continue;
    const indent = /^ */.exec(line)![0].length;
    if (previous === 0 && indent > 0) steps.set(indent, (steps.get(indent) ?? 0) + 1);
    previous = indent;
  }
  const [step] = [...steps].sort((a, b) => b[1] - a[1])[0] ?? [2];
  return step >= 2 && step <= 8 ? step : 2;
}

function runTransforms(context: CodemodContext, transforms: readonly Transform[]): TransformResult {
  settleFindingsInEntriesLeftForDeletion(context);
  const clients = legacyRequestClients(context);
  for (const transform of transforms) {
    transform(context);
    context.recordRemoved();
  }
  collapseTwinFallbacks(context);
  repointClientBases(context);
  settleUnreadLegacyBases(context);
  addMigrationTodos(context);
  markBasesLeftBehind(context);
  markLegacyInterceptors(context, clients);
  const outcomes = context.outcomes();
  const eol = context.text.includes('\r\n') ? '\r\n' : '\n';
  // Lists recast reprints (an entry added, a call's arguments) follow the file's own habit of trailing
  // commas, each kind apart: Prettier's "es5" writes them after entries and elements, not arguments.
  // recast takes the per-kind form its options document, though its type says boolean.
  const trailingComma = {
    objects: /,\s*\r?\n\s*\}/.test(context.text),
    arrays: /,\s*\r?\n\s*\]/.test(context.text),
    parameters: /,\s*\r?\n\s*\)/.test(context.text),
  } as unknown as boolean;
  let printed = context.expandFollowed(
    context.expandJoinedLines(
      context.expandCopiedLines(
        context.deleteMarkedLines(
          context.root.toSource({ quote: context.quote, lineTerminator: eol, trailingComma, tabWidth: indentUnit(context.text) }),
        ),
      ),
    ),
  );
  printed = keepDirectivePrologue(context.text, printed);
  const helpers = context.appendix.map((text) => indentedLikeFile(text, context.text));
  const appendix = helpers.length > 0 ? `${eol}${helpers.map((text) => `${eol}${text.replaceAll('\n', eol)}${eol}`).join('')}` : '';
  printed = keepStyle(context.text, printed, context.file, context.keptQuotes, appendix);
  printed = joinAddedImports(context.text, printed);
  printed = keepBlankAfterImports(context.text, printed, eol);
  // A file that ends without a line break keeps ending without one.
  if (!/\n$/.test(context.text)) printed = printed.replace(/\r?\n$/, '');
  return { output: printed === context.text ? context.text : printed, outcomes, notes: [...context.notes] };
}

/**
 * recast sets an import it adds apart from the file's own by a blank line: written by a person, it
 * would stand right below them. Only a line the file did not have moves up.
 */
function joinAddedImports(original: string, printed: string): string {
  return printed.replace(
    /^((?:import|const|let|var) [^\n]*(?:from |require\()[^\n]*\r?\n)\r?\n(import [^\n]*\r?\n)/gm,
    (whole, own: string, added: string) => (original.includes(added.trimEnd()) ? whole : `${own}${added}`),
  );
}

/**
 * A file that sets its imports apart from the code by a blank line keeps it: recast drops it with
 * the statement it removes right below them (a URL constant, an import of its own).
 */
function keepBlankAfterImports(original: string, printed: string, eol: string): string {
  const own = importsEnd(original.split(/\r?\n/));
  if (own === undefined || original.split(/\r?\n/)[own + 1]?.trim() !== '') return printed;
  const lines = printed.split('\n');
  const end = importsEnd(lines.map((line) => line.replace(/\r$/, '')));
  if (end === undefined || end + 1 >= lines.length || lines[end + 1].trim() === '') return printed;
  lines.splice(end + 1, 0, eol === '\r\n' ? '\r' : '');
  return lines.join('\n');
}

/** The index of the last line of the file's leading imports (ES or `require`), if it opens with some. */
function importsEnd(lines: readonly string[]): number | undefined {
  let end: number | undefined;
  let open = false;
  for (const [index, line] of lines.entries()) {
    if (open) {
      if (/\bfrom\s*['"][^'"]+['"]/.test(line)) {
        open = false;
        end = index;
      }
      continue;
    }
    if (line.trim() === '' || /^\s*(\/\/|\/\*|\*)/.test(line) || /^(['"])use (strict|client|server)\1;?\s*$/.test(line)) continue;
    if (/^import\b/.test(line)) {
      if (/\bfrom\s*['"][^'"]+['"]|^import\s*['"]/.test(line)) end = index;
      else open = true;
      continue;
    }
    if (/^(const|let|var) [^=]+= *require\(['"][^'"]+['"]\)[^;]*;?\s*$/.test(line)) {
      end = index;
      continue;
    }
    break;
  }
  return end;
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
