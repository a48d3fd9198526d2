import { describe, expect, it } from 'vitest';
import { NEW_ONLY_EVENTS } from '../../src/contract/webhook-events.js';
import type { CheckReport } from '../../src/report/check-report.js';
import { formatCheckMarkdown, formatRewriteMarkdown } from '../../src/report/markdown-report.js';
import type { RewriteReport } from '../../src/report/rewrite-report.js';
import { NEW_EVENTS_NOTE } from '../../transforms/rename-webhook-events/rename-webhook-events.js';

const rewrite: RewriteReport = {
  dryRun: false,
  changes: [
    { file: 'src/tiktok/upload.ts', sitesRewritten: 4, todos: 1 },
    { file: 'src/web hooks/tiktok.ts', sitesRewritten: 2, todos: 0 },
  ],
  todos: [
    {
      kind: 'todo',
      file: 'src/tiktok/upload.ts',
      line: 12,
      column: 3,
      ruleId: 'no-migration-todo',
      message: 'stream of unknown origin | size it with access_token=act.1234567890abcdefghijklmnopqrstuv',
    },
    {
      kind: 'port-by-hand',
      file: 'scripts/bulk_upload.py',
      line: 7,
      column: 5,
      ruleId: 'text/legacy-share-endpoint',
      message: 'Request to the retired Share Video endpoint',
    },
  ],
  notes: [NEW_EVENTS_NOTE],
  errors: [],
  filesScanned: 20,
  filesAnalyzed: 5,
  durationMs: 100,
  version: '1.2.3',
};

describe('formatRewriteMarkdown', () => {
  const markdown = formatRewriteMarkdown(rewrite, { cwd: '/repo', reportFile: '/repo/migration-report.md' });

  it('lists the rewritten files with links, relative to the report', () => {
    expect(markdown).toContain('| [src/tiktok/upload.ts](src/tiktok/upload.ts) | 4 | 1 |');
    expect(markdown).toContain('[src/web hooks/tiktok.ts](src/web%20hooks/tiktok.ts)');
    expect(markdown).toMatch(/^# Share Video API migration report\n/);
    expect(markdown).toContain('6 sites rewritten');
  });

  it('links each TODO to its line, and keeps table cells whole', () => {
    expect(markdown).toContain('| [src/tiktok/upload.ts:12](src/tiktok/upload.ts#L12) | stream of unknown origin \\| size it');
    expect(markdown).toContain('## To port by hand (not JavaScript, minified, or not parsable: never rewritten) (1)');
    expect(markdown).toContain('[scripts/bulk\\_upload.py:7](scripts/bulk_upload.py#L7)');
  });

  it('names the new events users may subscribe to', () => {
    expect(markdown).toContain('## New webhook events you may subscribe to');
    for (const event of NEW_ONLY_EVENTS) expect(markdown).toContain(`- \`${event}\``);
  });

  it('never prints a token', () => {
    expect(markdown).not.toContain('act.1234567890');
    expect(markdown).toContain('act.****');
  });

  it('links from the report folder when the report sits elsewhere', () => {
    const nested = formatRewriteMarkdown(rewrite, { cwd: '/repo', reportFile: '/repo/reports/migration.md' });
    expect(nested).toContain('(../src/tiktok/upload.ts#L12)');
  });

  it('says when nothing is left', () => {
    const done = formatRewriteMarkdown({ ...rewrite, todos: [], notes: [] }, { cwd: '/repo', reportFile: '/repo/r.md' });
    expect(done).toContain('Nothing is left to do by hand.');
    expect(done).not.toContain('New webhook events');
  });
});

describe('formatCheckMarkdown', () => {
  const report: CheckReport = {
    findings: [
      {
        file: 'app/hooks.ts',
        line: 3,
        column: 8,
        endLine: 3,
        endColumn: 30,
        ruleId: 'no-legacy-webhook-event',
        severity: 'error',
        message: 'video.upload.failed is gone: use post.publish.failed',
      },
    ],
    filesScanned: 3,
    filesAnalyzed: 1,
    errors: [{ file: 'app/locked.py', reason: 'EACCES' }],
    durationMs: 5,
    version: '1.2.3',
    cwd: '/repo',
  } as unknown as CheckReport;

  it('tables the findings with links, the new events when a webhook is involved, and what could not be checked', () => {
    const markdown = formatCheckMarkdown(report, { cwd: '/repo', reportFile: '/repo/check.md' });
    expect(markdown).toContain(
      '| [app/hooks.ts:3](app/hooks.ts#L3) | error | video.upload.failed is gone: use post.publish.failed | `no-legacy-webhook-event` |',
    );
    expect(markdown).toContain('## New webhook events you may subscribe to');
    expect(markdown).toContain('## Not checked (1)');
  });

  it('is short when clean', () => {
    const markdown = formatCheckMarkdown({ ...report, findings: [], errors: [] }, { cwd: '/repo', reportFile: '/repo/check.md' });
    expect(markdown).toBe(
      '# Share Video API migration check\n\nNo legacy Share Video API usage found in 3 files. migrate-share-video 1.2.3.\n',
    );
  });
});

describe('--report on the command line', () => {
  it('writes the Markdown report beside the rewrite, and with --check', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join, resolve } = await import('node:path');
    const bin = resolve(import.meta.dirname, '../../bin/migrate-share-video.cjs');
    const dir = mkdtempSync(join(tmpdir(), 'msv-md-'));
    try {
      mkdirSync(join(dir, 'src'));
      writeFileSync(
        join(dir, 'src/hook.js'),
        "export function onEvent(event) {\n  // TikTok webhook\n  if (event.event === 'video.upload.failed') return 'failed';\n}\n",
      );
      writeFileSync(
        join(dir, 'src/upload.py'),
        'URL = "https://open-api.tiktok.com/share/video/upload/?access_token=act.1234567890abcdefghijklmnopqrstuv"\n',
      );
      const check = spawnSync(process.execPath, [bin, '--check', '--report', 'check.md', 'src'], { cwd: dir, encoding: 'utf8' });
      expect(check.status).toBe(1);
      const checked = readFileSync(join(dir, 'check.md'), 'utf8');
      expect(checked).toContain('(src/hook.js#L3)');
      expect(checked).toContain('(src/upload.py#L1)');
      expect(checked).not.toContain('act.1234567890');

      const run = spawnSync(process.execPath, [bin, '--allow-dirty', '--report', 'migration-report.md', 'src'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      const report = readFileSync(join(dir, 'migration-report.md'), 'utf8');
      expect(report).toContain('| [src/hook.js](src/hook.js) | 1 | 0 |');
      expect(report).toContain('[src/upload.py:1](src/upload.py#L1)');
      expect(report).toContain('## New webhook events you may subscribe to');
      expect(report).not.toContain('act.1234567890');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
