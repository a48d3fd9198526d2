import type { Finding } from '../detect/finding.js';
import { formatMessage, RULES } from '../detect/rule-catalog.js';
import { findEndpoints, legacyHostIn } from './find-endpoints.js';
import { eventOwner, findEventNames, type EventOwner } from './find-event-names.js';
import type { LineMatch } from './line-match.js';
import { findRequestParts, taggedAnswerFields } from './find-request-parts.js';
import { findNamedUrls, legacyUrlNames, type NamedUrl } from './legacy-url-names.js';
import { LEGACY_UPLOAD, type LegacyResponseField } from '../contract/index.js';

export { isTextScanTarget } from './text-scan-targets.js';

function toFinding(file: string, lineNumber: number, match: LineMatch): Finding {
  const rule = RULES[match.ruleId];
  const template = (rule.messages as Readonly<Record<string, string>>)[match.messageId];
  return {
    file,
    line: lineNumber,
    column: match.start + 1,
    endLine: lineNumber,
    // Exclusive, as ESLint and SARIF count it: the column just past the match.
    endColumn: match.end + 1,
    ruleId: match.ruleId,
    messageId: match.messageId,
    message: formatMessage(template, match.data),
    severity: match.severity ?? rule.severity,
  };
}

/** Config formats: a base URL there is a setting whose readers, in code, are what to report. */
const CONFIG_FILE = /(?:^|[\\/])\.env(?:\.[^\\/]*)?$|\.(?:ya?ml|json|md|markdown|mdx)$/i;

/**
 * A base URL of the retired host is reported only in code that shows nothing built on it: where a
 * path under it is found, that finding is the site to change (as for a request in JavaScript).
 */
function keepBaseOnlyAlone(file: string, findings: Finding[]): Finding[] {
  const isBase = (finding: Finding) => finding.messageId === 'base';
  if (!findings.some(isBase)) return findings;
  const alone = !CONFIG_FILE.test(file) && !findings.some((finding) => !isBase(finding) && finding.ruleId !== 'text/legacy-webhook-event');
  return alone ? findings : findings.filter((finding) => !isBase(finding));
}

/** What the files of one group tell each other: Go's package is its folder; any other file stands alone. */
interface GroupFacts {
  readonly urlNames: ReadonlyMap<string, NamedUrl>;
  readonly taggedFields: ReadonlyMap<string, LegacyResponseField>;
  readonly uploads: boolean;
}

const GO_FILE = /\.go$/i;

const groupOf = (file: string) => (GO_FILE.test(file) ? `go:${goPackageOf(file)}` : `file:${file}`);

const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

function factsOf(files: readonly TextFile[]): GroupFacts {
  const urlNames = new Map<string, NamedUrl>();
  const taggedFields = new Map<string, LegacyResponseField>();
  for (const { path, text } of files) {
    const body = withoutBom(text);
    for (const [name, named] of legacyUrlNames(path, linesOf(body), legacyHostIn(body))) urlNames.set(name, named);
    if (GO_FILE.test(path)) for (const [name, field] of taggedAnswerFields(body)) taggedFields.set(name, field);
  }
  const uploads =
    files.some(({ text }) => text.includes(LEGACY_UPLOAD.path)) ||
    [...urlNames.values()].some(({ verdict }) => verdict.ruleId === 'text/legacy-share-endpoint');
  return { urlNames, taggedFields, uploads };
}

/**
 * For each Go package (folder, `/`-separated as the paths are) among `files`, the names its files
 * hold legacy URLs and answer fields by: a sibling file that names none of the legacy markers may
 * still send a request through them, and must be read too.
 */
export function goPackageNames(files: readonly TextFile[]): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  for (const [key, group] of groupByPackage(files)) {
    if (!key.startsWith('go:')) continue;
    const facts = factsOf(group);
    const names = [...facts.urlNames.keys(), ...facts.taggedFields.keys()];
    if (names.length > 0) packages.set(key.slice('go:'.length), names);
  }
  return packages;
}

/** The Go package of a path: its folder, `''` at the top. */
export const goPackageOf = (file: string) => file.slice(0, Math.max(file.lastIndexOf('/'), 0));

function groupByPackage(files: readonly TextFile[]): Map<string, TextFile[]> {
  const groups = new Map<string, TextFile[]>();
  for (const file of files) {
    const key = groupOf(file.path);
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  return groups;
}

export interface TextFile {
  /** The path the findings carry, `/`-separated. */
  readonly path: string;
  readonly text: string;
}

/**
 * Legacy endpoints and webhook event names in files that are not parsed as JavaScript, line by
 * line; in code, also the names a legacy URL is held by where a request uses them, and the parts of
 * a legacy request and answer (tokens in the query, the \`video\` field, v1 answer fields) in code
 * that calls the retired host. The files of a Go package (one folder) share their constants and
 * types. Reports only; nothing here rewrites.
 */
export function scanTexts(files: readonly TextFile[]): Finding[] {
  return [...groupByPackage(files).values()].flatMap((group) => {
    const facts = factsOf(group);
    return group.flatMap(({ path, text }) => scanOne(path, text, facts));
  });
}

/** One file scanned alone: `scanTexts` of that file. */
export function scanText(file: string, text: string): Finding[] {
  return scanTexts([{ path: file, text }]);
}

function scanOne(file: string, text: string, facts: GroupFacts): Finding[] {
  // Editors do not count a byte order mark as a column.
  const body = withoutBom(text);
  const legacyHost = legacyHostIn(body);
  const isCode = !CONFIG_FILE.test(file);
  const lines = linesOf(body);
  const names = isCode ? facts.urlNames : new Map<string, NamedUrl>();
  // Each line's endpoints, and the names of legacy URLs it sends (not where they overlap).
  const sentOn = lines.map((line, index) => {
    const endpoints = findEndpoints(line, legacyHost);
    const named = findNamedUrls(line, names, file, index).filter(
      (use) => !endpoints.some((at) => use.start < at.end && at.start < use.end),
    );
    return { endpoints, named };
  });
  const callsLegacy = isCode && (legacyHost !== undefined || sentOn.some(({ named }) => named.length > 0));
  let owner: EventOwner | undefined;
  const ownerOf = () => (owner ??= eventOwner(body));
  const findings: Finding[] = [];
  lines.forEach((line, index) => {
    const sent = [...sentOn[index].endpoints, ...sentOn[index].named];
    const parts = callsLegacy ? findRequestParts(line, { uploads: facts.uploads, taggedFields: facts.taggedFields }, sent.length > 0) : [];
    const matches = [...sent, ...parts, ...findEventNames(line, ownerOf)];
    matches.sort((a, b) => a.start - b.start);
    for (const match of matches) findings.push(toFinding(file, index + 1, match));
  });
  return keepBaseOnlyAlone(file, findings);
}
