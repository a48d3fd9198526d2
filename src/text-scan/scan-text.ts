import type { Finding } from '../detect/finding.js';
import { formatMessage, RULES } from '../detect/rule-catalog.js';
import { findEndpoints, legacyHostIn } from './find-endpoints.js';
import { eventOwner, findEventNames, type EventOwner } from './find-event-names.js';
import type { LineMatch } from './line-match.js';

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

/**
 * Legacy endpoints and webhook event names in a file that is not parsed as JavaScript, line by
 * line. `file` is the path the findings carry. Reports only; nothing here rewrites.
 */
export function scanText(file: string, text: string): Finding[] {
  // Editors do not count a byte order mark as a column.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const legacyHost = legacyHostIn(body);
  let owner: EventOwner | undefined;
  const ownerOf = () => (owner ??= eventOwner(body));
  const findings: Finding[] = [];
  body.split(/\r\n|\r|\n/).forEach((line, index) => {
    const matches = [...findEndpoints(line, legacyHost), ...findEventNames(line, ownerOf)];
    matches.sort((a, b) => a.start - b.start);
    for (const match of matches) findings.push(toFinding(file, index + 1, match));
  });
  return keepBaseOnlyAlone(file, findings);
}
