import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Outcome, TransformResult } from '../../src/codemod/step.js';
import { runRewrite, type RewriteOptions } from '../../src/migrate/run-rewrite.js';
import type { TransformFn } from '../../src/migrate/transform-task.js';

export const UPLOAD = 'https://open-api.tiktok.com/share/video/upload/';
export const INIT = 'https://open.tiktokapis.com/v2/post/publish/inbox/video/init/';

export function tempTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'msv-rewrite-'));
  writeTree(root, files);
  return root;
}

export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

export function commitAll(cwd: string): void {
  git(cwd, 'init', '-q');
  git(cwd, 'add', '.');
  git(cwd, 'commit', '-q', '-m', 'initial');
}

/**
 * A stand-in for the codemod: replaces each legacy upload URL with the init URL (one `rewritten`
 * outcome each) and marks each `share_id` with a TODO comment above its line (one `todo` each).
 */
export const fakeTransform: TransformFn = (text): TransformResult => {
  const outcomes: Outcome[] = [];
  const lines = text.split('\n');
  const output: string[] = [];
  lines.forEach((line, index) => {
    let column = line.indexOf(UPLOAD);
    while (column >= 0) {
      outcomes.push({
        ruleId: 'no-legacy-share-endpoint',
        action: 'rewritten',
        line: index + 1,
        column: column + 1,
        message: 'moved to the Content Posting API',
      });
      column = line.indexOf(UPLOAD, column + 1);
    }
    const shareId = line.indexOf('share_id');
    if (shareId >= 0) {
      outcomes.push({
        ruleId: 'no-legacy-response-field',
        action: 'todo',
        line: index + 1,
        column: shareId + 1,
        message: 'read publish_id instead of share_id',
      });
      output.push(`${line.match(/^\s*/)![0]}// TODO(migrate-share-video): read publish_id`);
    }
    output.push(line.split(UPLOAD).join(INIT));
  });
  const result = output.join('\n');
  return {
    output: result === text ? text : result,
    outcomes,
    notes: outcomes.length > 0 ? ['The Content Posting API adds post.publish.* webhook events.'] : [],
  };
};

export interface Captured {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function rewriteIn(
  cwd: string,
  options: Partial<RewriteOptions> = {},
  io: { isTTY?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const status = await runRewrite(
    {
      paths: ['.'],
      ignorePatterns: [],
      dryRun: false,
      allowDirty: false,
      format: 'text',
      quiet: false,
      workers: 1,
      transform: fakeTransform,
      version: '0.0.0-test',
      ...options,
    },
    {
      stdout: { write: (text: string) => (stdout += text), isTTY: io.isTTY ?? false },
      stderr: { write: (text: string) => (stderr += text), isTTY: io.isTTY ?? false },
      cwd,
      env: io.env ?? {},
    },
  );
  return { status, stdout, stderr };
}
