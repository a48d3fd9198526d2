/**
 * `node test/corpus/recall.mjs <folder> <reading.tsv> [--same-site <pairs.tsv>]`: how many of the
 * legacy sites a person found by reading the corpus `--check` reports. The reading is a TSV of
 * `file line kind note` rows (kinds: upload, multipart-video, query-token, response-field,
 * webhook-event, v1-oauth, other-legacy-endpoint), kept with the corpus, outside this repository.
 *
 * A row is reported when a finding of a rule for its kind stands on its line (±2), or, for a URL or a
 * request, within 12 lines: a reader writes the URL's line and the request's, the tool reports the
 * request. `--same-site` lists rows (`file line reason`) that a reader counted apart and the tool
 * reports as one site on another line (a URL constant sent far below, an event constant and its
 * `case`): they count as reported, and the output says how many.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'same-site': { type: 'string' } } });
const [folder, readingFile] = positionals;
if (!folder || !readingFile) {
  console.error('usage: node test/corpus/recall.mjs <folder> <reading.tsv> [--same-site <pairs.tsv>]');
  process.exit(2);
}

const FAMILIES = {
  upload: ['no-legacy-share-endpoint', 'no-form-data-video-upload', 'text/legacy-share-endpoint'],
  'multipart-video': ['no-form-data-video-upload', 'no-legacy-share-endpoint', 'text/legacy-share-endpoint', 'text/legacy-request-part'],
  'query-token': [
    'no-token-in-query',
    'text/legacy-share-endpoint',
    'text/v1-oauth-endpoint',
    'text/unmapped-legacy-endpoint',
    'text/legacy-request-part',
  ],
  // A v1 call's own answer fields (`data.error_code` of a token answer) are reported by the v1 rule, beside the call.
  'response-field': ['no-legacy-response-field', 'no-v1-oauth-endpoint', 'text/legacy-request-part', 'text/legacy-webhook-event'],
  'webhook-event': ['no-legacy-webhook-event', 'text/legacy-webhook-event'],
  'v1-oauth': ['no-v1-oauth-endpoint', 'text/v1-oauth-endpoint', 'no-unmapped-legacy-endpoint', 'text/unmapped-legacy-endpoint'],
  // Any endpoint rule: the Display API paths (`/video/list/`) are the v1 rules', a base URL the upload uses the upload rule's.
  'other-legacy-endpoint': [
    'no-unmapped-legacy-endpoint',
    'text/unmapped-legacy-endpoint',
    'no-legacy-share-endpoint',
    'text/legacy-share-endpoint',
    'no-v1-oauth-endpoint',
    'text/v1-oauth-endpoint',
  ],
};
/**
 * Rules that report a kind's site only on its own line (±2): the base URL an upload is built on
 * (`axios.create({ baseURL: 'https://open-api.tiktok.com' })`), which a reader counts as the upload's.
 */
const ON_THE_LINE_ALSO = { upload: ['no-unmapped-legacy-endpoint', 'text/unmapped-legacy-endpoint'] };
/** Kinds a reader writes on the line of the value itself: matched on that line only. */
const ON_THE_LINE = new Set(['query-token', 'response-field', 'webhook-event', 'multipart-video']);

// A first line whose second column is no line number is a header; readings written without one start with a row.
const tsv = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line, at) => line.trim() !== '' && (at > 0 || /^\d+$/.test(line.split('\t')[1] ?? '')))
    .map((line) => line.split('\t'));
const rows = tsv(readingFile).map(([file, line, kind, note = '']) => ({ file, line: Number(line), kind, note }));
const sameSite = new Set((values['same-site'] ? tsv(values['same-site']) : []).map(([file, line]) => `${file}:${line}`));

const check = spawnSync(process.execPath, [join(ROOT, 'bin/migrate-share-video.cjs'), '--check', '.', '--format', 'json'], {
  cwd: resolve(folder),
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const findings = JSON.parse(check.stdout).findings;
const byFile = new Map();
for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);

const reported = (row) => {
  const family = FAMILIES[row.kind];
  if (!family) throw new Error(`unknown kind ${row.kind} (${row.file}:${row.line})`);
  const [above, below] = ON_THE_LINE.has(row.kind) ? [2, 2] : [12, 12];
  const near = ON_THE_LINE_ALSO[row.kind] ?? [];
  return (byFile.get(row.file) ?? []).some(
    (finding) =>
      (family.includes(finding.ruleId) && finding.line - row.line >= -above && finding.line - row.line <= below) ||
      (near.includes(finding.ruleId) && Math.abs(finding.line - row.line) <= 2),
  );
};

const byKind = new Map();
const missed = [];
let paired = 0;
for (const row of rows) {
  const counts = byKind.get(row.kind) ?? { found: 0, total: 0 };
  counts.total++;
  if (reported(row)) counts.found++;
  else if (sameSite.has(`${row.file}:${row.line}`)) {
    counts.found++;
    paired++;
  } else missed.push(row);
  byKind.set(row.kind, counts);
}
const found = rows.length - missed.length;
const percent = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;
console.log(`${found} of ${rows.length} sites reported (${percent(found, rows.length)}), ${paired} of them as one site with another row`);
for (const [kind, { found: part, total }] of byKind) console.log(`  ${kind.padEnd(22)} ${String(part).padStart(4)} / ${total}`);
for (const row of missed) console.log(`missed  ${row.file}:${row.line}  ${row.kind}  ${row.note}`);
