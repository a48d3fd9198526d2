import { open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * - `written`: the new text is in place.
 * - `changed`: the file on disk is no longer what was read; it was left as it is.
 * - `removed`: the file is gone; nothing was written.
 */
export type WriteOutcome = 'written' | 'changed' | 'removed';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not every platform can open or sync a folder (Windows); the rename is done either way.
  }
}

/**
 * Replaces `file` with `output`, whole or not at all, and only if it still holds `expected` (the
 * bytes the run read): the text goes to a temporary file in the same folder, which gets the
 * file's mode (and owner, where the process may set it), is synced to disk, and is renamed over the
 * file right after the file was read again and found unchanged. An editor that saved the file
 * while the run was under way keeps its version. A symbolic link named on the command line is
 * followed: its target is rewritten and the link stays a link.
 *
 * What is left: the instant between that last comparison and the rename, which no portable file
 * API closes; hard links to the file keep the old text (as with every editor that saves this way).
 */
export async function writeIfUnchanged(file: string, expected: Buffer, output: string): Promise<WriteOutcome> {
  let target: string;
  let mode: number;
  let owner: { uid: number; gid: number };
  try {
    target = await realpath(file);
    const stats = await stat(target);
    mode = stats.mode & 0o7777;
    owner = { uid: stats.uid, gid: stats.gid };
  } catch (error) {
    if (isMissing(error)) return 'removed';
    throw error;
  }

  const temporary = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')}.migrate-share-video.tmp`,
  );
  let renamed = false;
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(output, 'utf8');
      // Set after creation: the mode given to open() is cut by the umask.
      await handle.chmod(mode);
      if (process.getuid?.() !== owner.uid || process.getgid?.() !== owner.gid) {
        await handle.chown(owner.uid, owner.gid).catch(() => {});
      }
      await handle.sync();
    } finally {
      await handle.close();
    }

    let current: Buffer;
    try {
      current = await readFile(target);
    } catch (error) {
      if (isMissing(error)) return 'removed';
      throw error;
    }
    if (!current.equals(expected)) return 'changed';

    await rename(temporary, target);
    renamed = true;
  } finally {
    if (!renamed) await rm(temporary, { force: true });
  }
  await syncFolder(dirname(target));
  return 'written';
}
