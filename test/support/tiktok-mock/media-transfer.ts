import { createHash } from 'node:crypto';
import { CHUNK_RULES, MEDIA_TRANSFER } from '../../../src/contract/index.js';
import type { Exchange } from './exchange.js';
import { header, mediaType, readBody, sendEmpty } from './http-util.js';
import type { PublishTask } from './state.js';

/** The path of the upload_url the init hands out (§3.3 example: `/video/?upload_id=…&upload_token=…`). */
export const UPLOAD_PATH = '/video/';

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

/** Bytes of the chunks accepted so far, until the final one joins them. */
const received = new WeakMap<PublishTask, Buffer[]>();

/**
 * A refusal. The body of a PUT answer is undocumented (§4.3); a short text saying which rule was
 * broken helps whoever reads a failing test, and no client is expected to parse it.
 */
function refuse(ex: Exchange, status: number, message: string, headers: Record<string, string> = {}): void {
  ex.note(status, message);
  const text = `${message}\n`;
  ex.res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  ex.res.end(text);
}

/** `Content-Range: bytes 0-{last received byte}/{total}` (§4.3; the mock sends the index, not a count). */
function progressHeader(task: PublishTask): Record<string, string> {
  return task.receivedBytes > 0 ? { 'Content-Range': `bytes 0-${task.receivedBytes - 1}/${task.videoSize}` } : {};
}

/**
 * `PUT {upload_url}` (§4, checklist §8): one chunk per request, raw bytes, in order. The body is
 * read before any check so that a refused client reads its status instead of a broken pipe.
 */
export async function handleMediaTransfer(ex: Exchange): Promise<void> {
  const { req, url, state, config } = ex;
  // The largest legal chunk is the final one; more is never kept in memory.
  const body = await readBody(req, CHUNK_RULES.maxFinalChunkSize);

  if (req.method !== MEDIA_TRANSFER.method)
    return refuse(ex, 405, `method ${req.method ?? '?'} is not allowed; upload with PUT`, { Allow: 'PUT' });

  const task = state.taskByUploadId(url.searchParams.get('upload_id') ?? '');
  if (!task || task.uploadToken !== url.searchParams.get('upload_token')) return refuse(ex, 404, 'no upload task for this upload_url');
  if (config.now() - task.createdAt > config.upload.lifetimeMs) {
    return refuse(ex, 403, `upload_url expired: it is valid for ${config.upload.lifetimeMs} ms after init`);
  }

  const contentType = mediaType(header(req, 'content-type'));
  if (!MEDIA_TRANSFER.contentTypes.includes(contentType as (typeof MEDIA_TRANSFER.contentTypes)[number])) {
    return refuse(ex, 400, `Content-Type must be one of ${MEDIA_TRANSFER.contentTypes.join(', ')}, got ${contentType ?? 'none'}`);
  }

  const lengthHeader = header(req, 'content-length');
  if (lengthHeader === undefined || !/^\d+$/.test(lengthHeader)) {
    return refuse(
      ex,
      400,
      `Content-Length is required and must be the chunk's byte count, got ${lengthHeader ?? 'none (chunked transfer?)'}`,
    );
  }
  const contentLength = Number(lengthHeader);
  if (body.received !== contentLength) {
    return refuse(ex, 400, `Content-Length says ${contentLength} bytes but the body has ${body.received}`);
  }

  const rangeHeader = header(req, 'content-range');
  const range = CONTENT_RANGE.exec(rangeHeader ?? '');
  if (!range) return refuse(ex, 400, `Content-Range must read "bytes FIRST-LAST/TOTAL", got ${rangeHeader ?? 'none'}`);
  const [first, last, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  const S = task.videoSize!;
  const C = task.chunkSize!;
  const N = task.totalChunkCount!;
  if (total !== S) return refuse(ex, 400, `Content-Range total ${total} is not the video_size ${S} sent to init`);
  if (last < first || last >= S) return refuse(ex, 400, `Content-Range ${first}-${last} is not a byte range inside 0-${S - 1}`);
  if (last - first + 1 !== contentLength) {
    return refuse(ex, 400, `Content-Range covers ${last - first + 1} bytes but Content-Length is ${contentLength}`);
  }

  // §4.2 "upload chunks in order": the next chunk starts where the received bytes end.
  if (first !== task.receivedBytes) {
    return refuse(ex, 416, `expected the chunk starting at byte ${task.receivedBytes}, got ${first}`, progressHeader(task));
  }

  // Chunks before the last are exactly chunk_size; the last one runs to the end (§4.2).
  const index = first / C;
  const final = index === N - 1;
  const expectedLast = final ? S - 1 : first + C - 1;
  if (last !== expectedLast) {
    const what = final
      ? `the final chunk (${index + 1} of ${N}) must run to the last byte: bytes ${first}-${S - 1}, ${S - first} bytes`
      : `chunk ${index + 1} of ${N} must be chunk_size ${C} bytes: bytes ${first}-${expectedLast}`;
    return refuse(ex, 400, `${what}; got bytes ${first}-${last}`);
  }

  const fault = state.pendingFaults.find(
    (f) => f.remaining > 0 && f.chunkIndex === index && (f.publishId === undefined || f.publishId === task.publishId),
  );
  if (fault) {
    fault.remaining -= 1;
    const status = fault.status ?? 503;
    state.faultsInjected.push({ publishId: task.publishId, chunkIndex: index, status });
    return refuse(ex, status, `injected fault on chunk ${index + 1} of ${N}; send the same chunk again`);
  }

  const chunks = received.get(task) ?? [];
  chunks.push(body.bytes);
  received.set(task, chunks);
  task.receivedBytes += body.bytes.length;
  task.chunks.push({
    index,
    first,
    last,
    length: body.bytes.length,
    contentType: contentType!,
    sha256: createHash('sha256').update(body.bytes).digest('hex'),
  });

  if (!final) {
    ex.note(MEDIA_TRANSFER.partialStatus);
    return sendEmpty(ex.res, MEDIA_TRANSFER.partialStatus, progressHeader(task));
  }
  task.bytes = Buffer.concat(chunks, task.receivedBytes);
  task.sha256 = createHash('sha256').update(task.bytes).digest('hex');
  task.completedAt = config.now();
  received.delete(task);
  ex.note(MEDIA_TRANSFER.completeStatus);
  sendEmpty(ex.res, MEDIA_TRANSFER.completeStatus, progressHeader(task));
  ex.lifecycle.uploadFinished(task);
}
