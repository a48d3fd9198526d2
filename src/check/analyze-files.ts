import { analyzeModule } from '../detect/analyze-module.js';
import type { Finding } from '../detect/finding.js';
import { compareFindings, LineMap, toFinding } from '../detect/locate.js';
import { scanTexts } from '../text-scan/scan-text.js';
import type { FileError } from '../files/file-errors.js';
import { loadProject } from '../load/load-project.js';
import type { PrefilterRun } from '../load/prefilter-files.js';
import { createImportResolver } from '../load/project-exports.js';

export type { FileError } from '../files/file-errors.js';

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
  /** A legacy webhook event with its new name beside it is kept on purpose, not a finding. */
  readonly keepLegacyEvents?: boolean;
  /** `--shard`: the other shards' files, read only for the legacy constants this shard imports. */
  readonly foreignFiles?: readonly string[];
  /** The prefilter the discovery already fed (`startPrefilter`). */
  readonly prefilter?: PrefilterRun;
}

/**
 * Reads every file once; files that pass the prefilter are parsed (JS/TS) or scanned as text (other
 * languages). Modules are analyzed after all are parsed, so a URL constant exported by one module
 * is known where another imports it. A file that cannot be read or parsed is reported and skipped.
 */
export async function analyzeFiles(files: readonly string[], options: AnalyzeOptions): Promise<AnalysisResult> {
  const project = await loadProject(files, { cwd: options.cwd, foreignFiles: options.foreignFiles, prefilter: options.prefilter });
  const findings: Finding[] = [];
  findings.push(...scanTexts(project.texts));
  for (const module of project.modules) {
    const resolver = createImportResolver(module.file, project.exportsByFile, project.known);
    const { findings: raw } = analyzeModule(module.ast, module.text, module.path, {
      resolveImport: resolver,
      keepLegacyEvents: options.keepLegacyEvents,
    });
    const lines = new LineMap(module.text);
    findings.push(...raw.map((finding) => toFinding(finding, module.path, lines)));
  }
  return { findings: findings.sort(compareFindings), scanned: files.length, analyzed: project.analyzed, errors: project.errors };
}
