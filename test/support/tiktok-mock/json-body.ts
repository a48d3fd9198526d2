import { replyV2Error, type Exchange } from './exchange.js';
import { drain, header, mediaType, readBody } from './http-util.js';

/** Larger than any init or status body; a bigger one is not what a client meant to send. */
const MAX_JSON_BYTES = 1024 * 1024;

/**
 * Reads a v2 JSON body (§3.2: `Content-Type: application/json`, charset optional and
 * case-insensitive). Answers 400 invalid_param itself and returns undefined on any problem.
 */
export async function readJsonObject(ex: Exchange): Promise<Record<string, unknown> | undefined> {
  const contentType = header(ex.req, 'content-type');
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
  if (mediaType(contentType) !== 'application/json' || (charset !== undefined && charset.toLowerCase() !== 'utf-8')) {
    await drain(ex.req);
    replyV2Error(ex, 'invalid_param', `Content-Type must be application/json (charset UTF-8 optional), got ${contentType ?? 'none'}`);
    return undefined;
  }
  const body = await readBody(ex.req, MAX_JSON_BYTES);
  if (body.tooLarge) {
    replyV2Error(ex, 'invalid_param', `the JSON body is over ${MAX_JSON_BYTES} bytes`);
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.bytes.toString('utf8'));
  } catch (error) {
    replyV2Error(ex, 'invalid_param', `the body is not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    replyV2Error(ex, 'invalid_param', 'the body must be a JSON object');
    return undefined;
  }
  return parsed as Record<string, unknown>;
}
