import { createHash, randomBytes } from 'node:crypto';
import https from 'node:https';
import FormData from 'form-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_ERRORS, LEGACY_UPLOAD } from '../../src/contract/index.js';
import { DEFAULT_USERS, mockRequest, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';

const alice = DEFAULT_USERS.alice;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function uploadUrl(query: Record<string, string>, path: string = LEGACY_UPLOAD.path): string {
  return `https://${LEGACY_UPLOAD.host}${path}?${new URLSearchParams(query)}`;
}

/** Posts a form the way legacy clients did: form-data piped into node:https (§2.2). */
function postForm(mock: TikTokMock, url: string, form: FormData, extraHeaders: Record<string, string> = {}) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const request = https.request(
      url,
      { method: 'POST', headers: { ...form.getHeaders(), ...extraHeaders }, agent: mock.agent },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8')) }));
      },
    );
    request.on('error', reject);
    form.pipe(request);
  });
}

function videoForm(bytes: Buffer, options: { field?: string; filename?: string | null } = {}): FormData {
  const form = new FormData();
  const filename = options.filename === undefined ? '1677466097.mp4' : options.filename;
  form.append(options.field ?? 'video', bytes, filename === null ? { contentType: 'video/mp4' } : { filename, contentType: 'video/mp4' });
  return form;
}

const credentials = { open_id: alice.openId, access_token: alice.accessToken };

describe('legacy POST /share/video/upload/ (API-CONTRACT §2, §8)', () => {
  let mock: TikTokMock;
  beforeAll(async () => {
    mock = await startTikTokMock({ legacy: { maxVideoBytes: 2 * 1024 * 1024 } });
  });
  afterAll(() => mock?.close());

  it('accepts the documented upload and keeps the exact bytes', async () => {
    const video = randomBytes(300_000);
    const before = mock.state.legacyUploads.length;
    const { status, body } = await postForm(mock, uploadUrl(credentials), videoForm(video));
    expect(status).toBe(200);
    // The captured success shape exactly: both codes, share_id, no error_msg, empty detail, logid.
    expect(Object.keys(body)).toEqual(['data', 'extra']);
    expect(body.data).toEqual({ err_code: 0, error_code: 0, share_id: expect.stringMatching(/^v_inbox\.\d{19}$/) });
    expect(body.data).not.toHaveProperty('error_msg');
    expect(body.extra).toEqual({ error_detail: '', logid: expect.stringMatching(/^\d{14}[0-9A-F]{20}$/) });

    const record = mock.state.legacyUploads[before]!;
    expect(record.shareId).toBe(body.data.share_id);
    expect(record.bytes.equals(video)).toBe(true);
    expect(record.sha256).toBe(sha256(video));
    expect(record.size).toBe(video.length);
    expect(record).toMatchObject({
      accessToken: alice.accessToken,
      openId: alice.openId,
      filename: '1677466097.mp4',
      contentType: 'video/mp4',
    });
  });

  it('accepts the path without its trailing slash (§2.1 variants)', async () => {
    const { status, body } = await postForm(
      mock,
      uploadUrl(credentials, LEGACY_UPLOAD.path.replace(/\/$/, '')),
      videoForm(randomBytes(1000)),
    );
    expect(status).toBe(200);
    expect(body.data.err_code).toBe(0);
  });

  it('answers 401 with the captured 20000 body when access_token is missing from the query', async () => {
    const { status, body } = await postForm(mock, uploadUrl({ open_id: alice.openId }), videoForm(randomBytes(1000)));
    expect(status).toBe(401);
    expect(body).toEqual({
      data: { err_code: 20000, error_code: 20000, error_msg: LEGACY_ERRORS.tokenInvalid.message },
      extra: { error_detail: LEGACY_ERRORS.tokenInvalid.detail, logid: expect.any(String) },
    });
  });

  it('answers 401 for an unknown token, and for a token sent as a Bearer header instead of the query', async () => {
    const unknown = await postForm(mock, uploadUrl({ ...credentials, access_token: 'act.nobody' }), videoForm(randomBytes(1000)));
    expect(unknown.status).toBe(401);
    expect(unknown.body.data.error_code).toBe(20000);
    const header = await postForm(mock, uploadUrl({ open_id: alice.openId }), videoForm(randomBytes(1000)), {
      Authorization: `Bearer ${alice.accessToken}`,
    });
    expect(header.status).toBe(401);
  });

  it('accepts a v1-issued token (the legacy API was v1)', async () => {
    const dave = DEFAULT_USERS.dave;
    const { status } = await postForm(
      mock,
      uploadUrl({ open_id: dave.openId, access_token: dave.accessToken }),
      videoForm(randomBytes(1000)),
    );
    expect(status).toBe(200);
  });

  it('answers 10002 when open_id is missing or is not the token owner', async () => {
    const missing = await postForm(mock, uploadUrl({ access_token: alice.accessToken }), videoForm(randomBytes(1000)));
    expect(missing.status).toBe(400);
    expect(missing.body.data).toEqual({ err_code: 10002, error_code: 10002, error_msg: LEGACY_ERRORS.invalidParams.message });
    const other = await postForm(mock, uploadUrl({ ...credentials, open_id: DEFAULT_USERS.bob.openId }), videoForm(randomBytes(1000)));
    expect(other.status).toBe(400);
    expect(other.body.data.err_code).toBe(10002);
    expect(other.body.extra.error_detail).toMatch(/open_id/);
  });

  it('answers the captured 10002 body when there is no file part named video', async () => {
    const { status, body } = await postForm(mock, uploadUrl(credentials), videoForm(randomBytes(1000), { field: 'file' }));
    expect(status).toBe(400);
    expect(body.data).toEqual({ err_code: 10002, error_code: 10002, error_msg: 'Invalid request parameters.' });
    expect(body.extra.error_detail).toBe(LEGACY_ERRORS.invalidParams.detail);
  });

  it('answers 10002 for a video part without a filename (the err_with_no_filename capture)', async () => {
    const { status, body } = await postForm(mock, uploadUrl(credentials), videoForm(randomBytes(1000), { filename: null }));
    expect(status).toBe(400);
    expect(body.data.err_code).toBe(10002);
  });

  it('answers 10002 when the body is not multipart/form-data', async () => {
    const response = await mockRequest(mock, uploadUrl(credentials), {
      method: 'POST',
      headers: { 'Content-Type': 'video/mp4' },
      body: randomBytes(1000),
    });
    expect(response.status).toBe(400);
    expect(response.json().extra.error_detail).toBe(LEGACY_ERRORS.invalidParams.detail);
  });

  it('answers 10002 over the size limit (configured here to 2 MiB; 64 MiB by default)', async () => {
    const { status, body } = await postForm(mock, uploadUrl(credentials), videoForm(randomBytes(2 * 1024 * 1024 + 1)));
    expect(status).toBe(400);
    expect(body.data.err_code).toBe(10002);
    expect(body.extra.error_detail).toMatch(/size limit of 2097152 bytes/);
    const exact = await postForm(mock, uploadUrl(credentials), videoForm(randomBytes(2 * 1024 * 1024)));
    expect(exact.status).toBe(200);
  });

  it('refuses other methods', async () => {
    const response = await mockRequest(mock, uploadUrl(credentials), { method: 'GET' });
    expect(response.status).toBe(400);
    expect(response.json().data.err_code).toBe(10002);
  });

  it('logs every request it answered', () => {
    expect(mock.state.requests.some((r) => r.status === 401 && r.errorCode === 20000)).toBe(true);
    expect(mock.state.requests.every((r) => r.host === LEGACY_UPLOAD.host)).toBe(true);
  });
});
