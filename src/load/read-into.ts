import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reads whole files into one buffer that is reused from file to file: a prefilter that looks at
 * every byte of a large tree and keeps almost none of them should not allocate (and make the
 * garbage collector free) a buffer per file. The view returned is valid until the next read.
 */
export class ReusableReader {
  private buffer = Buffer.allocUnsafe(1 << 20);

  read(file: string): Buffer {
    const fd = openSync(file, 'r');
    try {
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) {
          const larger = Buffer.allocUnsafe(this.buffer.length * 2);
          this.buffer.copy(larger);
          this.buffer = larger;
        }
        const read = readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (read === 0) return this.buffer.subarray(0, length);
        length += read;
      }
    } finally {
      closeSync(fd);
    }
  }
}
