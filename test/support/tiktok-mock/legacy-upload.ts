import { createHash } from 'node:crypto';
import { LEGACY_ERRORS, LEGACY_UPLOAD } from '../../../src/contract/index.js';
import { replyLegacyError, replyLegacyOk, type Exchange } from './exchange.js';
import { drain, header, mediaType } from './http-util.js';
import { legacyShareId } from './ids.js';
import { readMultipart } from './multipart.js';

/** `/share/video/upload/`, and `/share/video/upload` when configured (§2.1 "URL variants"). */
export function isLegacyUploadPath(pathname: string, acceptWithoutTrailingSlash: boolean): boolean {
  return pathname === LEGACY_UPLOAD.path || (acceptWithoutTrailingSlash && pathname === LEGACY_UPLOAD.path.replace(/\/$/, ''));
}

/**
 * The retired Share Video upload, `POST /share/video/upload/?open_id=…&access_token=…` with a
 * multipart `video` part (§2, checklist §8). The order of checks follows what the captured answers
 * show: the token first (its error names the query), then the form.
 */
export async function handleLegacyUpload(ex: Exchange): Promise<void> {
  const { req, url, state, config } = ex;

  if (req.method !== LEGACY_UPLOAD.method) {
    await drain(req);
    return replyLegacyError(ex, 'invalidParams', `method ${req.method ?? '?'} is not supported; the upload is ${LEGACY_UPLOAD.method}`);
  }

  // §2.1: credentials travel in the query only; a token in an Authorization header is "not found".
  const token = url.searchParams.get('access_token');
  const user = token ? state.users.get(token) : undefined;
  if (!user) {
    await drain(req);
    return replyLegacyError(ex, 'tokenInvalid');
  }

  // §8: open_id present and the token's own (how TikTok answered a mismatch is unconfirmed; 10002 here).
  const openId = url.searchParams.get('open_id');
  if (!openId) {
    await drain(req);
    return replyLegacyError(ex, 'invalidParams', 'open_id not found in the request query param');
  }
  if (openId !== user.openId) {
    await drain(req);
    return replyLegacyError(ex, 'invalidParams', 'open_id does not belong to the access_token');
  }

  if (mediaType(header(req, 'content-type')) !== 'multipart/form-data') {
    await drain(req);
    return replyLegacyError(ex, 'invalidParams');
  }

  const form = await readMultipart(req, config.legacy.maxVideoBytes);
  if (!form.ok) return replyLegacyError(ex, 'invalidParams', `${LEGACY_ERRORS.invalidParams.detail} (${form.reason})`);

  const video = form.parts.find((part) => part.name === LEGACY_UPLOAD.videoField && (part.filename || !config.legacy.requireFilename));
  if (!video) return replyLegacyError(ex, 'invalidParams');
  if (video.truncated) {
    return replyLegacyError(ex, 'invalidParams', `video exceeds the size limit of ${config.legacy.maxVideoBytes} bytes`);
  }
  if (video.bytes.length === 0) return replyLegacyError(ex, 'invalidParams', 'video is empty');

  const fields: Record<string, string> = {};
  for (const part of form.parts) if (!part.isFile && part !== video) fields[part.name] = part.bytes.toString('utf8');

  const shareId = legacyShareId();
  state.legacyShares.set(shareId, user.openId);
  state.legacyUploads.push({
    shareId,
    accessToken: user.accessToken,
    openId: user.openId,
    filename: video.filename,
    contentType: video.contentType,
    size: video.bytes.length,
    sha256: createHash('sha256').update(video.bytes).digest('hex'),
    bytes: video.bytes,
    fields,
    receivedAt: config.now(),
  });
  return replyLegacyOk(ex, shareId);
}
