import { posix } from 'node:path';
import { NEW_ONLY_EVENTS } from '../contract/webhook-events.js';
import { plural, type CheckReport } from './check-report.js';
import { sitesRewritten, type RewriteReport, type Todo } from './rewrite-report.js';
import { maskSecrets } from './mask-secrets.js';

/**
 * The Markdown report (`--report <file>`): the page a reviewer reads in a pull request. Every file
 * is a link relative to the report's own folder (`src/upload.ts#L12`), which GitHub renders as a
 * link to the line. Everything in it is masked for secrets.
 */
export interface MarkdownOptions {
  /** Finding and change paths are relative to this folder, forward slashes. */
  readonly cwd: string;
  /** Absolute path of the report file: links are relative to its folder. */
  readonly reportFile: string;
}

const EVENTS_DOC = 'https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status';
const WEBHOOK_RULES = new Set(['no-legacy-webhook-event', 'text/legacy-webhook-event']);

function toPosix(path: string): string {
  return path.split('\\').join('/');
}

/** A table cell: one line, `|` escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** Link text: the characters Markdown would take as syntax are escaped. */
function linkText(text: string): string {
  return cell(text).replace(/([\\[\]`*_<>])/g, '\\$1');
}

function linker(options: MarkdownOptions): (file: string, line?: number) => string {
  const from = toPosix(posix.dirname(toPosix(options.reportFile)));
  const cwd = toPosix(options.cwd);
  return (file, line) => {
    const target = posix.relative(from, posix.resolve(cwd, file)) || posix.basename(file);
    const href = target.split('/').map(encodeURIComponent).join('/') + (line === undefined ? '' : `#L${line}`);
    const label = line === undefined ? file : `${file}:${line}`;
    return `[${linkText(label)}](${href})`;
  };
}

function whereTable(
  rows: readonly { file: string; line: number; message: string; ruleId: string; severity?: string }[],
  link: ReturnType<typeof linker>,
): string[] {
  const severity = rows.some((row) => row.severity !== undefined);
  return [
    severity ? '| where | severity | what to do | rule |' : '| where | what to do | rule |',
    severity ? '| --- | --- | --- | --- |' : '| --- | --- | --- |',
    ...rows.map(
      (row) => `| ${link(row.file, row.line)} |${severity ? ` ${row.severity ?? ''} |` : ''} ${cell(row.message)} | \`${row.ruleId}\` |`,
    ),
    '',
  ];
}

function newEventsSection(): string[] {
  return [
    '## New webhook events you may subscribe to',
    '',
    'The Content Posting API sends events the Share Video API never had; subscribe to them in the TikTok developer portal if they help:',
    '',
    ...NEW_ONLY_EVENTS.map((event) => `- \`${event}\``),
    '',
    `See [TikTok's Content Posting API reference](${EVENTS_DOC}).`,
    '',
  ];
}

function errorsSection(title: string, errors: readonly { file: string; reason: string }[]): string[] {
  if (errors.length === 0) return [];
  return [`## ${title} (${errors.length})`, '', ...errors.map(({ file, reason }) => `- \`${cell(file)}\`: ${cell(reason)}`), ''];
}

function todoTable(title: string, todos: readonly Todo[], link: ReturnType<typeof linker>): string[] {
  if (todos.length === 0) return [];
  return [`## ${title} (${todos.length})`, '', ...whereTable(todos, link)];
}

/** The rewrite's report: what was rewritten, the TODOs left, what to port by hand, the new events. */
export function formatRewriteMarkdown(report: RewriteReport, options: MarkdownOptions): string {
  const link = linker(options);
  const todos = report.todos.filter((todo) => todo.kind === 'todo');
  const byHand = report.todos.filter((todo) => todo.kind === 'port-by-hand');
  const lines = [
    '# Share Video API migration report',
    '',
    `${report.dryRun ? 'Dry run (nothing written): ' : ''}${plural(report.filesScanned, 'file')} scanned, ${plural(report.changes.length, 'file')} ${report.dryRun ? 'would change' : 'changed'}, ` +
      `${plural(sitesRewritten(report), 'site')} rewritten onto the Content Posting API, ${plural(todos.length, 'TODO')} left in the code, ` +
      `${plural(byHand.length, 'place')} to port by hand, ${plural(report.errors.length, 'error')}. migrate-share-video ${report.version}.`,
    '',
  ];
  if (report.changes.length > 0) {
    lines.push(
      `## ${report.dryRun ? 'Would be rewritten' : 'Rewritten'} (${plural(report.changes.length, 'file')})`,
      '',
      '| file | sites rewritten | TODOs left |',
      '| --- | --- | --- |',
    );
    for (const change of report.changes) lines.push(`| ${link(change.file)} | ${change.sitesRewritten} | ${change.todos} |`);
    lines.push('');
  }
  lines.push(...todoTable('TODOs left in the code', todos, link));
  lines.push(...todoTable('To port by hand (not JavaScript, minified, or not parsable: never rewritten)', byHand, link));
  const eventsNote = (note: string) => note.includes(NEW_ONLY_EVENTS[0]);
  if (report.notes.some(eventsNote)) lines.push(...newEventsSection());
  const otherNotes = report.notes.filter((note) => !eventsNote(note));
  if (otherNotes.length > 0) lines.push('## Notes', '', ...otherNotes.map((note) => `- ${cell(note)}`), '');
  lines.push(...errorsSection('Not rewritten', report.errors));
  if (todos.length === 0 && byHand.length === 0 && report.errors.length === 0) lines.push('Nothing is left to do by hand.', '');
  return maskSecrets(`${lines.join('\n').trimEnd()}\n`);
}

/** `--check`'s report: the findings, each with a link to its line. */
export function formatCheckMarkdown(report: CheckReport, options: MarkdownOptions): string {
  const link = linker(options);
  const files = new Set(report.findings.map((finding) => finding.file)).size;
  const lines = [
    '# Share Video API migration check',
    '',
    report.findings.length === 0
      ? `No legacy Share Video API usage found in ${plural(report.filesScanned, 'file')}. migrate-share-video ${report.version}.`
      : `${plural(report.findings.length, 'finding')} in ${plural(files, 'file')} (${plural(report.filesScanned, 'file')} scanned). Run \`npx migrate-share-video\` to rewrite what can be rewritten. migrate-share-video ${report.version}.`,
    '',
  ];
  if (report.findings.length > 0) lines.push(`## Findings (${report.findings.length})`, '', ...whereTable(report.findings, link));
  if (report.findings.some((finding) => WEBHOOK_RULES.has(finding.ruleId))) lines.push(...newEventsSection());
  lines.push(...errorsSection('Not checked', report.errors));
  return maskSecrets(`${lines.join('\n').trimEnd()}\n`);
}
