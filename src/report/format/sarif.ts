import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding } from '../../detect/finding.js';
import { RULE_IDS, RULES, ruleDocsUrl, type RuleId } from '../../detect/rule-catalog.js';
import type { CheckReport } from '../check-report.js';

export interface SarifOptions {
  /** The lines of a reported file (path as in the findings), for fingerprints; undefined if unreadable. */
  readonly sourceLines?: (file: string) => readonly string[] | undefined;
  readonly informationUri: string;
  /**
   * Absolute: the repository root, which `%SRCROOT%` names and result URIs are relative to, as
   * GitHub code scanning wants them whatever folder the check ran in. Default: the report's cwd.
   */
  readonly root?: string;
}

const SRCROOT = '%SRCROOT%';

/** Our own fingerprint, versioned so that a change of recipe is a new key, not a silent change. */
const FINGERPRINT_KEY = 'migrateShareVideo/v1';

/** `text/legacy-share-endpoint` → `TextLegacyShareEndpoint`. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** A relative path as a URI reference: each segment percent-encoded, so `#` or a space survives. */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * Where a file (relative to the report's cwd) is: `path` from the root (forward slashes; absolute
 * outside it), `location` for the log (relative to `%SRCROOT%`, or a file: URI outside it).
 */
type Locate = (file: string) => { readonly path: string; readonly location: Sarif.ArtifactLocation };

function locator(cwd: string, root: string): Locate {
  return (file) => {
    const absolute = resolve(cwd, file);
    const inRoot = relative(root, absolute);
    if (inRoot === '' || inRoot.startsWith('..') || isAbsolute(inRoot))
      return { path: absolute, location: { uri: pathToFileURL(absolute).href } };
    const path = inRoot.split(sep).join('/');
    return { path, location: { uri: fileUri(path), uriBaseId: SRCROOT } };
  };
}

function ruleDescriptor(id: RuleId): Sarif.ReportingDescriptor {
  const rule = RULES[id];
  const url = ruleDocsUrl(id);
  const where = rule.scope === 'source' ? 'JavaScript and TypeScript sources' : 'files scanned as text';
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} (in ${where}).` },
    help: {
      text: `${rule.description}. See ${url}`,
      markdown: `${rule.description}.\n\nSee [${id}](${url}) for the migration to the Content Posting API.`,
    },
    helpUri: url,
    defaultConfiguration: { level: rule.severity },
    properties: { tags: ['migration', 'tiktok', rule.scope === 'source' ? 'javascript' : 'text'] },
  };
}

/**
 * Survives lines moving: what is hashed is the rule, the file, the trimmed text of the line and
 * how many identical (rule, text) pairs came before in the file, never a line number.
 */
function fingerprints(findings: readonly Finding[], sourceLines: SarifOptions['sourceLines'], locate: Locate): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const text = sourceLines?.(finding.file)?.[finding.line - 1]?.trim() ?? '';
    // The path from the root, so that a run from a subfolder gives the same alert.
    const key = [finding.ruleId, locate(finding.file).path, text].join('\0');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return process.getBuiltinModule('node:crypto').createHash('sha256').update(`${key}\0${occurrence}`).digest('hex');
  });
}

function result(finding: Finding, fingerprint: string, locate: Locate): Sarif.Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex: RULE_IDS.indexOf(finding.ruleId),
    level: finding.severity,
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: locate(finding.file).location,
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
}

/** SARIF 2.1.0 as GitHub code scanning ingests it: one run, every rule described, stable fingerprints. */
export function formatSarif(report: CheckReport, options: SarifOptions): string {
  const root = options.root ?? report.cwd;
  const locate = locator(report.cwd, root);
  const prints = fingerprints(report.findings, options.sourceLines, locate);
  const notifications: Sarif.Notification[] = report.errors.map(({ file, reason }) => ({
    level: 'error',
    message: { text: `Could not check ${file}: ${reason}` },
    locations: [{ physicalLocation: { artifactLocation: locate(file).location } }],
  }));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'migrate-share-video',
            version: report.version,
            semanticVersion: report.version,
            informationUri: options.informationUri,
            rules: RULE_IDS.map(ruleDescriptor),
          },
        },
        invocations: [
          {
            // Unreadable files do not stop a run: they are reported here, the rest was checked; but a
            // run that could not see every file did not succeed, and says so.
            executionSuccessful: notifications.length === 0,
            ...(notifications.length > 0 && { toolExecutionNotifications: notifications }),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding, index) => result(finding, prints[index], locate)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
