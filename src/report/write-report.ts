import { rm, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** node:crypto is loaded when a file is written, not by every `--check` a pre-commit hook runs (start-up). */
const suffix = () => process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex');

/**
 * Writes through a temporary file in the same folder and a rename, so that a reader (a CI upload
 * step, an editor) never sees half a report, and an interrupted run leaves the previous one.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${suffix()}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * A report goes to stdout, or whole to `output` (relative to `cwd`). Resolves to why it could not
 * be written, or undefined.
 */
export async function emitReport(
  io: { readonly stdout: { write(text: string): unknown }; readonly cwd: string },
  output: string | undefined,
  text: string,
): Promise<string | undefined> {
  if (output === undefined) {
    io.stdout.write(text);
    return undefined;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, output), text);
    return undefined;
  } catch (error) {
    return `cannot write the report to ${output}: ${(error as Error).message}`;
  }
}
