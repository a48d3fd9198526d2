import type { Finding } from '../detect/finding.js';
import { formatMessage, RULES } from '../detect/rule-catalog.js';
import { findEndpoints, legacyHostIn } from './find-endpoints.js';
import { eventOwner, findContentShareIds, findEventNames, handlesLegacyEvents, type EventOwner } from './find-event-names.js';
import type { LineMatch } from './line-match.js';
import { findRequestParts, taggedAnswerFields } from './find-request-parts.js';
import { findNamedUrls, legacyUrlNames, localUrlUses, type NamedUrl } from './legacy-url-names.js';
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

/** A file read once for the scan: its lines, the legacy host it names, each line's endpoints. */
interface ReadText {
  readonly path: string;
  readonly body: string;
  readonly lines: readonly string[];
  readonly legacyHost: string | undefined;
  readonly endpoints: readonly (readonly LineMatch[])[];
}

function readText({ path, text }: TextFile): ReadText {
  // Editors do not count a byte order mark as a column.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  const legacyHost = legacyHostIn(body);
  return { path, body, lines, legacyHost, endpoints: lines.map((line) => findEndpoints(line, legacyHost)) };
}

/** A Go file: the files of its package (its folder) share their constants and types. */
export const isGoFile = (file: string) => /\.go$/i.test(file);

/** The Go package of a path: its folder, `''` at the top. */
export const goPackageOf = (file: string) => file.slice(0, Math.max(file.lastIndexOf('/'), 0));

function factsOf(files: readonly ReadText[]): GroupFacts {
  const urlNames = new Map<string, NamedUrl>();
  const taggedFields = new Map<string, LegacyResponseField>();
  for (const { path, body, lines, endpoints } of files) {
    for (const [name, named] of legacyUrlNames(path, lines, endpoints)) urlNames.set(name, named);
    if (isGoFile(path)) for (const [name, field] of taggedAnswerFields(body)) taggedFields.set(name, field);
  }
  const uploads =
    files.some(({ body }) => body.includes(LEGACY_UPLOAD.path)) ||
    [...urlNames.values()].some(({ verdict }) => verdict.ruleId === 'text/legacy-share-endpoint');
  return { urlNames, taggedFields, uploads };
}

/** The files read and grouped: a Go package (by folder), or a file alone. */
function readGroups(files: readonly TextFile[]): { key: string; files: ReadText[] }[] {
  const groups = new Map<string, ReadText[]>();
  for (const file of files) {
    const key = isGoFile(file.path) ? `go:${goPackageOf(file.path)}` : `file:${file.path}`;
    groups.set(key, [...(groups.get(key) ?? []), readText(file)]);
  }
  return [...groups].map(([key, read]) => ({ key, files: read }));
}

/**
 * For each Go package (folder, `/`-separated as the paths are) among `files`, the names its files
 * hold legacy URLs and answer fields by: a sibling file that names none of the legacy markers may
 * still send a request through them, and must be read too.
 */
export function goPackageNames(files: readonly TextFile[]): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  for (const { key, files: group } of readGroups(files.filter((file) => isGoFile(file.path)))) {
    const facts = factsOf(group);
    const names = [...facts.urlNames.keys(), ...facts.taggedFields.keys()];
    if (names.length > 0) packages.set(key.slice('go:'.length), names);
  }
  return packages;
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
  return readGroups(files).flatMap(({ files: group }) => {
    const facts = factsOf(group);
    return group.flatMap((read) => scanOne(read, facts));
  });
}

/** One file scanned alone: `scanTexts` of that file. */
export function scanText(file: string, text: string): Finding[] {
  return scanTexts([{ path: file, text }]);
}

function scanOne({ path: file, body, lines, legacyHost, endpoints }: ReadText, facts: GroupFacts): Finding[] {
  const isCode = !CONFIG_FILE.test(file);
  const names = isCode ? facts.urlNames : new Map<string, NamedUrl>();
  // The names of legacy URLs each line sends (not where an endpoint of the line covers them).
  const locals = isCode ? localUrlUses(lines, endpoints) : [];
  const namedOn = lines.map((line, index) =>
    [...findNamedUrls(line, names, file, index), ...(locals[index] ?? [])].filter(
      (use) => !endpoints[index].some((at) => use.start < at.end && at.start < use.end),
    ),
  );
  const callsLegacy = isCode && (legacyHost !== undefined || namedOn.some((named) => named.length > 0));
  let owner: EventOwner | undefined;
  const ownerOf = () => (owner ??= eventOwner(body));
  // A handler of the legacy events that calls no legacy URL: its content's `share_id` is the events'.
  const handlesEvents = isCode && !callsLegacy && handlesLegacyEvents(body, ownerOf);
  const findings: Finding[] = [];
  lines.forEach((line, index) => {
    const sent = [...endpoints[index], ...namedOn[index]];
    const parts = callsLegacy ? findRequestParts(line, { uploads: facts.uploads, taggedFields: facts.taggedFields }, sent.length > 0) : [];
    const contentFields = handlesEvents ? findContentShareIds(line) : [];
    const matches = [...sent, ...parts, ...contentFields, ...findEventNames(line, ownerOf)];
    matches.sort((a, b) => a.start - b.start);
    for (const match of matches) findings.push(toFinding(file, index + 1, match));
  });
  return keepBaseOnlyAlone(file, findings);
}
