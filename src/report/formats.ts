/** The report formats of `--check` (and of `--merge`); kept apart from their renderers so that argument parsing loads none. */
export const REPORT_FORMATS = ['text', 'json', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
