import type { ReportFormat } from './formats.js';
import { formatJson } from './format/json.js';
import { formatSarif } from './format/sarif.js';
import { formatText } from './format/text.js';
import type { CheckReport } from './check-report.js';

export interface RenderOptions {
  readonly color: boolean;
  readonly informationUri: string;
  readonly sourceLines: (file: string) => readonly string[] | undefined;
  /** SARIF: the repository root, which result URIs are relative to; default the working folder. */
  readonly root?: string;
}

export function renderReport(report: CheckReport, format: ReportFormat, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return formatText(report, { color: options.color });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, { informationUri: options.informationUri, sourceLines: options.sourceLines, root: options.root });
  }
}
