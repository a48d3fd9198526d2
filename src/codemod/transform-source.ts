/**
 * STUB, being written: the whole codemod for one file. Signature is final.
 */
import type { ImportResolver } from '../detect/static-value.js';

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

export interface TransformOptions {
  /** What other modules export, for URLs built from imported constants. */
  readonly resolveImport?: ImportResolver;
}

export function transformSource(text: string, file: string, options: TransformOptions = {}): TransformResult {
  void file;
  void options;
  return { output: text, outcomes: [], notes: [] };
}
