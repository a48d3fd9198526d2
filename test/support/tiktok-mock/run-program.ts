import { spawn } from 'node:child_process';
import type { TikTokMock } from './server.js';

export interface RunProgramOptions {
  /** Arguments after `node`: usually a script path, then its own arguments. */
  readonly args: readonly string[];
  readonly cwd?: string;
  /** Extra environment for the program, over process.env and the mock's env. */
  readonly env?: Readonly<Record<string, string>>;
  /** Killed (SIGKILL) after this long; default 20 s. */
  readonly timeoutMs?: number;
  readonly stdin?: string;
}

export interface ProgramResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/**
 * Runs `node <args>` with the mock's environment, so the program's own HTTP client resolves the
 * TikTok names to the mock (DNS preload) and trusts its certificate (NODE_EXTRA_CA_CERTS). Bounded
 * in time; never rejects for a failing program, only reports it.
 */
export function runNodeProgram(mock: TikTokMock, options: RunProgramOptions): Promise<ProgramResult> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...options.args], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, ...mock.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (part: Buffer) => out.push(part));
    child.stderr.on('data', (part: Buffer) => err.push(part));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
