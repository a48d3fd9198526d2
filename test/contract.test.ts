import { describe, expect, it } from 'vitest';
import {
  CHUNK_RULES,
  INBOX_VIDEO_INIT,
  LEGACY_EVENT_RENAMES,
  LEGACY_UNMAPPED_PATH_EXAMPLES,
  LEGACY_UPLOAD,
  MEDIA_TRANSFER,
  PREFILTER_MARKERS,
  V1_ENDPOINTS,
} from '../src/contract/index.js';
import { classifyUrl } from '../src/detect/classify-url.js';

describe('the contract as data', () => {
  it('classifies every URL it names as the kind it is', () => {
    expect(classifyUrl(LEGACY_UPLOAD.url)?.kind).toBe('legacy-upload');
    expect(classifyUrl(LEGACY_UPLOAD.url.replace(/\/$/, ''))?.kind).toBe('legacy-upload');
    expect(classifyUrl(INBOX_VIDEO_INIT.url)?.kind).toBe('content-posting');
    for (const path of LEGACY_UNMAPPED_PATH_EXAMPLES)
      expect(classifyUrl(`https://${LEGACY_UPLOAD.host}${path}`)?.kind).toBe('legacy-unmapped');
    for (const endpoint of V1_ENDPOINTS) expect(classifyUrl(`https://${endpoint.host}${endpoint.path}?x=1`)?.v1).toBe(endpoint);
    expect(classifyUrl(`https://${LEGACY_UPLOAD.host}`)?.kind).toBe('legacy-base');
  });

  it('anchors on the exact host, not on lookalikes', () => {
    expect(classifyUrl('https://open.douyin.com/share/video/upload/')).toBeUndefined();
    expect(classifyUrl('https://open-api.tiktok.com.evil.example/share/video/upload/')).toBeUndefined();
    expect(classifyUrl('https://xopen-api.tiktok.com/share/video/upload/')).toBeUndefined();
  });

  it('renames both spellings of the completion event to the same new name', () => {
    expect(LEGACY_EVENT_RENAMES['video.publish.complete']).toBe(LEGACY_EVENT_RENAMES['video.publish.completed']);
    expect(LEGACY_EVENT_RENAMES['video.upload.failed']).toBe('post.publish.failed');
  });

  it("meets TikTok's worked chunk example with its chunk rules (API-CONTRACT §4.2)", () => {
    const size = 50_000_123;
    const chunk = 10_000_000;
    const count = Math.floor(size / chunk);
    expect(count).toBe(5);
    expect(chunk).toBeGreaterThanOrEqual(CHUNK_RULES.minChunkSize);
    expect(chunk).toBeLessThanOrEqual(CHUNK_RULES.maxChunkSize);
    expect(size - (count - 1) * chunk).toBeLessThanOrEqual(CHUNK_RULES.maxFinalChunkSize);
    expect(MEDIA_TRANSFER.contentRange(40_000_000, size - 1, size)).toBe('bytes 40000000-50000122/50000123');
  });

  it('lets the prefilter see every legacy marker a finding needs', () => {
    const needs = [
      LEGACY_UPLOAD.url,
      ...Object.keys(LEGACY_EVENT_RENAMES),
      ...V1_ENDPOINTS.map((e) => `https://${e.host}${e.path}`),
      'share_id',
    ];
    for (const text of needs)
      expect(
        PREFILTER_MARKERS.some((marker) => text.includes(marker)),
        text,
      ).toBe(true);
  });
});
