import { createRequire } from 'node:module';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/detect/finding.js';
import { RULE_IDS, RULES, ruleDocsUrl } from '../../src/detect/rule-catalog.js';
import { formatJson } from '../../src/report/format/json.js';
import { formatSarif } from '../../src/report/format/sarif.js';
import { formatText } from '../../src/report/format/text.js';
import { sortFindings, type CheckReport } from '../../src/report/check-report.js';
import { scanText } from '../../src/text-scan/scan-text.js';

const require = createRequire(import.meta.url);

/**
 * The official SARIF 2.1.0 schema (draft-04), as @microsoft/jest-sarif ships it: no npm package
 * ships it alone. Its `language` pattern is not valid as a unicode regular expression, hence
 * `unicodeRegExp: false`.
 */
function sarifValidator() {
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
  // CommonJS packages: under NodeNext their default import is module.exports, the class is `.default`.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajvFormats.default(ajv);
  return ajv.compile(schema);
}

const UPLOAD = 'https://open-api.tiktok.com/share/video/upload/';
const sources: Record<string, string> = {
  'app/upload.py': `import requests\n\ndef upload(f):\n    return requests.post("${UPLOAD}", files=f)\n\ndef again(f):\n    return requests.post("${UPLOAD}", files=f)\n`,
  'hooks/handler.java': 'case "video.upload.failed":\n',
  'docs/my file#1.md': `TikTok sends video.publish.completed to ${UPLOAD}\n`,
};
const findings: Finding[] = sortFindings(Object.entries(sources).flatMap(([file, text]) => scanText(file, text)));
const sourceLines = (file: string) => sources[file]?.split('\n');

function report(overrides: Partial<CheckReport> = {}): CheckReport {
  return {
    findings,
    filesScanned: 12,
    filesAnalyzed: 3,
    errors: [{ file: 'app/locked.py', reason: 'EACCES: permission denied' }],
    durationMs: 1234.4,
    version: '9.8.7',
    cwd: '/work/project',
    ...overrides,
  };
}

const ANSI = /\x1b\[/;

describe('formatJson', () => {
  it('has the documented shape', () => {
    const output = JSON.parse(formatJson(report()));
    expect(Object.keys(output)).toEqual(['findings', 'summary', 'version']);
    expect(output.version).toBe('9.8.7');
    expect(output.findings).toHaveLength(findings.length);
    expect(Object.keys(output.findings[0])).toEqual([
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'ruleId',
      'messageId',
      'severity',
      'message',
    ]);
    expect(output.findings[0]).toMatchObject({
      file: 'app/upload.py',
      line: 4,
      ruleId: 'text/legacy-share-endpoint',
      messageId: 'url',
      severity: 'error',
    });
    expect(output.summary).toEqual({
      filesScanned: 12,
      filesAnalyzed: 3,
      findings: findings.length,
      byRule: { 'text/legacy-share-endpoint': 3, 'text/legacy-webhook-event': 2 },
      errors: [{ file: 'app/locked.py', reason: 'EACCES: permission denied' }],
      durationMs: 1234,
    });
  });

  it('ends with a newline and has an empty list when clean', () => {
    const text = formatJson(report({ findings: [], errors: [] }));
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text).summary).toMatchObject({ findings: 0, byRule: {}, errors: [] });
  });
});

describe('formatSarif', () => {
  const validate = sarifValidator();
  const sarif = (overrides: Partial<CheckReport> = {}) =>
    JSON.parse(formatSarif(report(overrides), { informationUri: 'https://example.test/msv#readme', sourceLines }));

  it('is valid SARIF 2.1.0 against the official schema', () => {
    for (const log of [sarif(), sarif({ findings: [], errors: [] })]) {
      const valid = validate(log);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('the schema check does catch a broken log', () => {
    const log = sarif();
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
  });

  it('describes the tool and every rule of the catalog', () => {
    const { $schema, version, runs } = sarif();
    expect($schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(version).toBe('2.1.0');
    expect(runs).toHaveLength(1);
    const { driver } = runs[0].tool;
    expect(driver).toMatchObject({
      name: 'migrate-share-video',
      version: '9.8.7',
      semanticVersion: '9.8.7',
      informationUri: 'https://example.test/msv#readme',
    });
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULE_IDS);
    const rule = driver.rules[RULE_IDS.indexOf('text/legacy-share-endpoint')];
    expect(rule).toMatchObject({
      name: 'TextLegacyShareEndpoint',
      shortDescription: { text: RULES['text/legacy-share-endpoint'].description },
      helpUri: ruleDocsUrl('text/legacy-share-endpoint'),
      defaultConfiguration: { level: 'error' },
    });
    expect(rule.help.markdown).toContain(ruleDocsUrl('text/legacy-share-endpoint'));
    expect(driver.rules[RULE_IDS.indexOf('no-v1-oauth-endpoint')].defaultConfiguration.level).toBe('warning');
  });

  it('places results relative to %SRCROOT% with UTF-16 columns', () => {
    const [run] = sarif().runs;
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/project/');
    const first = run.results[0];
    expect(first).toMatchObject({
      ruleId: 'text/legacy-share-endpoint',
      ruleIndex: RULE_IDS.indexOf('text/legacy-share-endpoint'),
      level: 'error',
      message: { text: findings[0].message },
    });
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'app/upload.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: findings[0].column, endLine: 4, endColumn: findings[0].endColumn },
    });
    const warning = run.results.find((result: { level: string }) => result.level === 'warning');
    expect(warning.ruleId).toBe('text/legacy-webhook-event');
  });

  it('percent-encodes file names in URIs', () => {
    const uris = sarif().runs[0].results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain('docs/my%20file%231.md');
  });

  it('fingerprints survive lines moving, and tell identical lines apart', () => {
    const prints = (log: any) => log.runs[0].results.map((result: any) => Object.values(result.partialFingerprints)[0]);
    const before = prints(sarif());
    expect(new Set(before).size).toBe(before.length);
    const moved = findings.map((finding) => ({ ...finding, line: finding.line + 10, endLine: finding.endLine + 10 }));
    const shifted = JSON.parse(
      formatSarif(report({ findings: moved }), {
        informationUri: '',
        sourceLines: (file) => sourceLines(file) && [...Array(10).fill('# new line'), ...sourceLines(file)!],
      }),
    );
    expect(prints(shifted)).toEqual(before);
  });

  it('fingerprints are the same from run to run, whatever else the run reports', () => {
    const prints = (log: any) => log.runs[0].results.map((result: any) => result.partialFingerprints);
    const first = prints(sarif());
    expect(prints(sarif())).toEqual(first);
    // Another run: another time, version, folder and set of errors; a finding fixed in another file.
    const later = JSON.parse(
      formatSarif(
        report({
          durationMs: 1,
          version: '9.9.9',
          cwd: '/elsewhere',
          errors: [],
          findings: findings.filter((finding) => finding.file !== 'hooks/handler.java'),
        }),
        { informationUri: '', sourceLines },
      ),
    );
    const kept = findings
      .map((finding, index) => [finding, first[index]] as const)
      .filter(([finding]) => finding.file !== 'hooks/handler.java');
    expect(prints(later)).toEqual(kept.map(([, print]) => print));
  });

  it('places results relative to the repository root when run from a subfolder, with the same fingerprints', () => {
    const fromRoot = JSON.parse(
      formatSarif(
        report({ cwd: '/work/project', findings: findings.map((finding) => ({ ...finding, file: `packages/app/${finding.file}` })) }),
        {
          informationUri: '',
          sourceLines: (file) => sourceLines(file.replace(/^packages\/app\//, '')),
        },
      ),
    );
    const fromSub = JSON.parse(
      formatSarif(report({ cwd: '/work/project/packages/app' }), {
        informationUri: 'https://example.test/msv',
        sourceLines,
        root: '/work/project',
      }),
    );
    const run = fromSub.runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/project/');
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'packages/app/app/upload.py',
      uriBaseId: '%SRCROOT%',
    });
    expect(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'packages/app/app/locked.py',
    );
    const prints = (log: any) => log.runs[0].results.map((result: any) => result.partialFingerprints);
    expect(prints(fromSub)).toEqual(prints(fromRoot));
    validate(fromSub);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('gives a file outside the root an absolute file URI', () => {
    const log = JSON.parse(formatSarif(report({ cwd: '/work/other' }), { informationUri: '', sourceLines, root: '/work/project' }));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///work/other/app/upload.py' });
  });

  it('reports unreadable files as notifications of a run that went on, and did not succeed', () => {
    const [invocation] = sarif().runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'Could not check app/locked.py: EACCES: permission denied' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'app/locked.py', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
    expect(sarif({ errors: [] }).runs[0].invocations[0].toolExecutionNotifications).toBeUndefined();
    expect(sarif({ errors: [] }).runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});

describe('formatText', () => {
  it('prints file:line:column, severity, message and rule id, then a summary', () => {
    const text = formatText(report(), { color: false });
    const lines = text.split('\n');
    expect(lines[0]).toBe(`app/upload.py:4:${findings[0].column}  error    ${findings[0].message}  text/legacy-share-endpoint`);
    expect(text).toContain(
      `hooks/handler.java:1:7  warning  ${findings.find((f) => f.severity === 'warning')!.message}  text/legacy-webhook-event`,
    );
    expect(text).toContain('5 findings (4 errors, 1 warning) in 3 files:');
    expect(text).toMatch(/^ {2}text\/legacy-share-endpoint {2}3$/m);
    expect(text).toMatch(/^ {2}text\/legacy-webhook-event {3}2$/m);
    expect(text).toContain('12 files scanned, 3 analyzed, in 1.23 s.');
    expect(text).toContain(
      'Could not check 1 file (the check fails until each can be read and parsed):\n  app/locked.py: EACCES: permission denied',
    );
    expect(text).not.toMatch(ANSI);
  });

  it('separates files by a blank line', () => {
    const lines = formatText(report(), { color: false }).split('\n');
    const firstOther = lines.findIndex((line) => !line.startsWith('app/upload.py'));
    expect(lines[firstOther]).toBe('');
  });

  it('says so clearly when nothing is found', () => {
    const text = formatText(report({ findings: [], errors: [], filesScanned: 1 }), { color: false });
    expect(text).toBe('No legacy Share Video API usage found in 1 file.\n1 file scanned, 3 analyzed, in 1.23 s.\n');
  });

  it('colours only when asked', () => {
    expect(formatText(report(), { color: true })).toMatch(ANSI);
  });
});
