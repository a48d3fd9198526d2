import { addMigrationTodos } from '../../transforms/add-migration-todos/index.js';
import { collapseTwinFallbacks, renameResponseFields } from '../../transforms/rename-response-fields/index.js';
import { renameWebhookEvents } from '../../transforms/rename-webhook-events/index.js';
import { rewriteUploadCalls } from '../../transforms/rewrite-upload-call/index.js';
import type { AnalysisOptions } from '../detect/analyze-module.js';
import { CodemodContext } from './context.js';

/** What the codemod did with one finding: rewrote it, or left a TODO comment for a person. */
export interface Outcome {
  readonly ruleId: string;
  readonly action: 'rewritten' | 'todo';
  /** 1-based, in the input. */
  readonly line: number;
  readonly column: number;
  /** For TODOs: what the person must do (never contains source text, so never a token). */
  readonly message: string;
}

export interface TransformResult {
  /** The new text; identical (the same string) to the input when nothing changed. */
  readonly output: string;
  readonly outcomes: readonly Outcome[];
  /** Report notes (e.g. the webhook events the new API adds). */
  readonly notes: readonly string[];
}

export type TransformOptions = AnalysisOptions;

/** One step of the codemod: edits the shared tree and records what it did with each finding. */
export type Transform = (context: CodemodContext) => void;

/** The steps, in order; the TODO step always runs last. */
export const TRANSFORMS: readonly Transform[] = [rewriteUploadCalls, renameResponseFields, renameWebhookEvents];

/** The whole codemod for one file: parse once, run every step on the same tree, print once. */
export function transformSource(text: string, file: string, options: TransformOptions = {}): TransformResult {
  const context = new CodemodContext(text, file, options);
  if (context.findings.length === 0) return { output: text, outcomes: [], notes: [] };
  return runTransforms(context, TRANSFORMS);
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
  let printed = context.deleteMarkedLines(context.root.toSource({ quote: quoteStyle(context.text), lineTerminator: eol, trailingComma }));
  if (context.appendix.length > 0) {
    printed = `${printed.replace(/\s*$/, '')}${eol}${context.appendix.map((text) => `${eol}${text.replaceAll('\n', eol)}${eol}`).join('')}`;
  }
  return { output: printed === context.text ? context.text : printed, outcomes, notes: [...context.notes] };
}

/** New code follows the file's own quotes: the more common of ' and ". */
function quoteStyle(text: string): 'single' | 'double' {
  const single = text.split("'").length;
  const double = text.split('"').length;
  return double > single ? 'double' : 'single';
}
