import type { Finding } from '../detect/finding.js';

export interface FileError {
  /** Path relative to cwd, forward slashes. */
  readonly file: string;
  readonly reason: string;
}

export interface AnalysisResult {
  readonly findings: Finding[];
  /** Files read. */
  readonly scanned: number;
  /** Files that passed the prefilter and were parsed or scanned. */
  readonly analyzed: number;
  readonly errors: FileError[];
}

export interface AnalyzeOptions {
  /** Findings carry paths relative to this folder. */
  readonly cwd: string;
}

/**
 * STUB, being written: reads every file, prefilters, parses JS/TS, scans other text files, follows
 * constants across modules. Signature is final.
 */
export async function analyzeFiles(files: readonly string[], options: AnalyzeOptions): Promise<AnalysisResult> {
  void options;
  return { findings: [], scanned: files.length, analyzed: 0, errors: [] };
}
