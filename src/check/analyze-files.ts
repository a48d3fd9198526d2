import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Node } from '../detect/ast.js';
import { analyzeModule } from '../detect/analyze-module.js';
import type { Finding } from '../detect/finding.js';
import { compareFindings, LineMap, toFinding } from '../detect/locate.js';
import { ModuleIndex } from '../detect/module-index.js';
import { moduleExports } from '../detect/module-exports.js';
import { parseModule, SOURCE_EXTENSIONS } from '../detect/parse.js';
import { ValueFolder, type ExportedValue, type ImportResolver } from '../detect/static-value.js';
import { isTextScanTarget } from '../text-scan/text-scan-targets.js';
import { scanText } from '../text-scan/scan-text.js';
import { mayContainLegacy, mentionsAny } from './prefilter.js';
import { resolveModule } from './resolve-module.js';

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

interface ParsedModule {
  readonly file: string;
  readonly text: string;
  readonly ast: Node;
}

const isSource = (file: string) => (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase()) && !file.endsWith('.d.ts');

/**
 * Reads every file once; files that pass the prefilter are parsed (JS/TS) or scanned as text (other
 * languages). Modules are analyzed after all are parsed, so a URL constant exported by one module
 * is known where another imports it. A file that cannot be read or parsed is reported and skipped.
 */
export async function analyzeFiles(files: readonly string[], options: AnalyzeOptions): Promise<AnalysisResult> {
  const relative = (file: string) => path.relative(options.cwd, file).split(path.sep).join('/');
  const findings: Finding[] = [];
  const errors: FileError[] = [];
  const parsed = new Map<string, ParsedModule>();
  const unmatchedSources: string[] = [];
  let analyzed = 0;

  const load = async (file: string, accept: (bytes: Buffer) => boolean): Promise<void> => {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      errors.push({ file: relative(file), reason: readError(error) });
      return;
    }
    if (!accept(bytes)) {
      if (isSource(file)) unmatchedSources.push(file);
      return;
    }
    if (bytes.subarray(0, 8000).includes(0)) {
      errors.push({ file: relative(file), reason: 'binary content (a NUL byte), not analyzed' });
      return;
    }
    analyzed++;
    const text = bytes.toString('utf8');
    if (!isSource(file)) {
      findings.push(...scanText(relative(file), text));
      return;
    }
    try {
      parsed.set(file, { file, text, ast: parseModule(text, file) });
    } catch (error) {
      errors.push({ file: relative(file), reason: parseError(error) });
    }
  };

  for (const file of files) await load(file, mayContainLegacy);

  const exportsByFile = collectExports(parsed);
  // Modules that import a legacy constant may hold no marker of their own: read them again for its name.
  if (exportsByFile.size > 0) {
    const names = [...exportsByFile].flatMap(([file, map]) => [...map.keys(), path.basename(file).replace(/\.[^.]+$/, '')]);
    const wanted = [...new Set(names)].filter((name) => name !== 'default');
    for (const file of unmatchedSources.splice(0)) await load(file, (bytes) => mentionsAny(bytes, wanted));
  }

  const known = new Set(parsed.keys());
  for (const module of parsed.values()) {
    const resolver: ImportResolver = (source, name, keys) => {
      const target = resolveModule(module.file, source, known);
      const value = target ? exportsByFile.get(target)?.get(name) : undefined;
      return keys.reduce<ExportedValue | undefined>((current, key) => (current && typeof current === 'object' ? current[key] : undefined), value);
    };
    const { findings: raw } = analyzeModule(module.ast, module.text, relative(module.file), resolver);
    const lines = new LineMap(module.text);
    findings.push(...raw.map((finding) => toFinding(finding, relative(module.file), lines)));
  }

  return { findings: findings.sort(compareFindings), scanned: files.length, analyzed, errors };
}

/** Exports worth following: values that mention a TikTok host or a legacy path. */
function collectExports(parsed: ReadonlyMap<string, ParsedModule>): Map<string, Map<string, ExportedValue>> {
  const result = new Map<string, Map<string, ExportedValue>>();
  for (const module of parsed.values()) {
    const index = new ModuleIndex(module.ast, module.text);
    const exports = moduleExports(index, new ValueFolder(index));
    for (const [name, value] of exports) if (!/tiktok|share\//i.test(JSON.stringify(value))) exports.delete(name);
    if (exports.size > 0) result.set(module.file, exports);
  }
  return result;
}

function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  if (code === 'ENOENT') return 'was removed during the run';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot be read: ${(error as Error).message}`;
}

function parseError(error: unknown): string {
  const { message, loc } = error as { message: string; loc?: { line: number; column: number } };
  return `cannot be parsed: ${message.replace(/\s*\(\d+:\d+\)$/, '')}${loc ? ` at line ${loc.line}, column ${loc.column + 1}` : ''}`;
}
