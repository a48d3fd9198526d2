import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { drain } from './http-util.js';

/** One part of a multipart/form-data body. */
export interface FormPart {
  readonly name: string;
  /** The `filename` of Content-Disposition; undefined for a part that sent none. */
  readonly filename: string | undefined;
  readonly contentType: string;
  readonly bytes: Buffer;
  /** More than the size limit arrived; `bytes` holds only the first `limit` bytes. */
  readonly truncated: boolean;
  /** Busboy treats a part as a file when it has a filename or is application/octet-stream. */
  readonly isFile: boolean;
}

export type MultipartResult = { readonly ok: true; readonly parts: FormPart[] } | { readonly ok: false; readonly reason: string };

/**
 * Parses a multipart/form-data request with busboy, keeping every part's exact bytes up to
 * `maxPartBytes`. Parts without a filename come through busboy as text fields; reading them as
 * latin1 maps each byte to one character, so Buffer.from(value, 'latin1') gives the bytes back
 * unless the part declares its own charset.
 */
export async function readMultipart(req: IncomingMessage, maxPartBytes: number): Promise<MultipartResult> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defCharset: 'latin1',
      // Busboy calls a part truncated once it *reaches* the limit; one byte more tells "exactly the
      // limit" (allowed) from "over it".
      limits: { fileSize: maxPartBytes + 1, fieldSize: maxPartBytes + 1, parts: 100 },
    });
  } catch (error) {
    // No boundary, or not multipart at all.
    await drain(req);
    return { ok: false, reason: (error as Error).message };
  }

  return new Promise<MultipartResult>((resolve) => {
    const parts: FormPart[] = [];
    const pendingFiles: Promise<void>[] = [];
    let settled = false;
    const fail = (reason: string): void => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      void drain(req)
        .catch(() => undefined)
        .then(() => resolve({ ok: false, reason }));
    };

    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      pendingFiles.push(
        new Promise<void>((done) => {
          stream.on('close', () => {
            const bytes = Buffer.concat(chunks);
            parts.push({
              name,
              filename: info.filename,
              contentType: info.mimeType,
              bytes: bytes.subarray(0, maxPartBytes),
              truncated: bytes.length > maxPartBytes,
              isFile: true,
            });
            done();
          });
        }),
      );
    });
    parser.on('field', (name, value, info) => {
      const bytes = Buffer.from(value, 'latin1');
      parts.push({
        name,
        filename: undefined,
        contentType: info.mimeType,
        bytes: bytes.subarray(0, maxPartBytes),
        truncated: bytes.length > maxPartBytes,
        isFile: false,
      });
    });
    parser.on('partsLimit', () => fail('too many parts'));
    parser.on('error', (error: Error) => fail(error.message));
    // Busboy closes at the closing boundary; the request may still hold an epilogue or the last
    // chunk marker. Answering before it is read leaves the connection in limbo on the client side.
    const requestEnded = new Promise<void>((done) => {
      if (req.complete) done();
      else req.once('end', done);
    });
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      void Promise.all([...pendingFiles, requestEnded]).then(() => resolve({ ok: true, parts }));
    });
    req.on('aborted', () => fail('request aborted'));
    req.pipe(parser);
  });
}
