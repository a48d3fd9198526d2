import { describe, expect, it } from 'vitest';
import { successorOf } from '../../src/detect/classify-url.js';

// Paths on the retired host whose successor lives elsewhere: the finding names it.
describe('successorOf', () => {
  it.for(['/research/video/query/', '/research/video/query'])('%s is the Research API video query on the v2 host', (path) => {
    const successor = successorOf(path);
    expect(successor).toContain('POST https://open.tiktokapis.com/v2/research/video/query/?fields=');
    expect(successor).toContain('grant_type=client_credentials');
  });

  // Paths the Research API reference does not name here: where its endpoints are, not a made-up one.
  it.for(['/research/trending/', '/research/hashtag/suggest/'])('%s points at the Research API without naming an endpoint', (path) => {
    const successor = successorOf(path);
    expect(successor).toContain('under https://open.tiktokapis.com/v2/research/ (find the one this call means');
    expect(successor).not.toContain(`v2${path}`);
  });

  it('the status of a share is the status fetch', () => {
    expect(successorOf('/share/video/query/')).toMatch(/^POST https:\/\/open\.tiktokapis\.com\/v2\/post\/publish\/status\/fetch\//);
  });

  it.for(['/researcher/video/', '/video/comments/', '/share/sound/upload/'])('%s has none', (path) => {
    expect(successorOf(path)).toBeUndefined();
  });
});

describe('successorOf, v0 QR-code login', () => {
  it.for([
    ['/v0/oauth/get_qrcode', 'get_qrcode'],
    ['/v0/oauth/check_qrcode/', 'check_qrcode'],
  ])('%s is its v2 twin', ([path, name]) => {
    expect(successorOf(path)).toMatch(new RegExp(`^POST https://open\\.tiktokapis\\.com/v2/oauth/${name}/ `));
  });
});
