import { describe, expect, it } from 'vitest';
import { classifyUrl, successorOf } from '../../src/detect/classify-url.js';

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

describe('the /platform prefix of the v1 authorize page, put before other v1 paths', () => {
  it.for([
    ['/platform/user/info/', 'user-info'],
    ['/platform/oauth/authorize/', 'authorize-page'],
    ['/platform/video/list/', 'video-list'],
  ])('%s is the v1 endpoint it prefixes', ([path, rewrite]) => {
    expect(classifyUrl(`https://open-api.tiktok.com${path}`)).toMatchObject({ kind: 'v1-endpoint', v1: { rewrite } });
  });

  it('the v1 authorize page itself keeps its own path', () => {
    expect(classifyUrl('https://open-api.tiktok.com/platform/oauth/connect/')?.v1?.path).toBe('/platform/oauth/connect/');
  });

  it('/platform/oauth/token/ names the v2 token endpoint as its successor', () => {
    expect(successorOf('/platform/oauth/token/')).toMatch(/^POST https:\/\/open\.tiktokapis\.com\/v2\/oauth\/token\//);
  });
});
