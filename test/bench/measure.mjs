/**
 * One timed command: wall time from here, CPU time and peak memory from GNU time. `%M` is the max
 * RSS the kernel reports for the waited-for process: all its threads (our worker threads
 * included), and for a tool that forks processes (jscodeshift), the largest single one of them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME);
const scratch = mkdtempSync(join(tmpdir(), 'bench-time-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** Runs `command` with `args` in `cwd`; `ok(status)` says which exit statuses are not trouble. */
export function measure({ command, args, cwd, ok = (status) => status === 0 }) {
  const timeFile = join(scratch, 'time.txt');
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawnSync(file, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - started;
  if (child.error) throw new Error(`${command} could not run: ${child.error.message}`);
  if (!ok(child.status)) {
    throw new Error(`${command} ${args.join(' ')} exited ${child.status}:\n${(child.stderr || child.stdout).slice(-4000)}`);
  }
  let cpuMs = null;
  let peakMb = null;
  if (hasGnuTime) {
    // A non-zero exit adds a "Command exited with non-zero status N" line before ours.
    const [, user, system, maxRssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    cpuMs = (user + system) * 1000;
    peakMb = maxRssKb / 1024;
  }
  return { wallMs, cpuMs, peakMb, status: child.status, stdout: child.stdout, stderr: child.stderr };
}
