import { describe, expect, it } from 'vitest';
import { MEDIA_TRANSFER } from '../../src/contract/index.js';
import { chunkPlanViolations, chunkRanges } from '../support/tiktok-mock/index.js';

const MiB = 1024 * 1024;
const plan = (video_size: unknown, chunk_size: unknown, total_chunk_count: unknown) =>
  chunkPlanViolations({ video_size, chunk_size, total_chunk_count });

describe('chunk rules of the init (API-CONTRACT §4.2, checklist §8)', () => {
  it("accepts TikTok's worked example and yields its five Content-Range rows", () => {
    expect(plan(50_000_123, 10_000_000, 5)).toEqual([]);
    const rows = chunkRanges(50_000_123, 10_000_000, 5).map((r) => [MEDIA_TRANSFER.contentRange(r.first, r.last, 50_000_123), r.length]);
    expect(rows).toEqual([
      ['bytes 0-9999999/50000123', 10_000_000],
      ['bytes 10000000-19999999/50000123', 10_000_000],
      ['bytes 20000000-29999999/50000123', 10_000_000],
      ['bytes 30000000-39999999/50000123', 10_000_000],
      ['bytes 40000000-50000122/50000123', 10_000_123],
    ]);
  });

  it('rejects the ceil count for the worked example (trailing bytes merge, they are no extra chunk)', () => {
    expect(plan(50_000_123, 10_000_000, 6).join()).toMatch(/floor\(50000123 \/ 10000000\) = 5, got 6/);
  });

  it("accepts the whole-upload example (4 MiB, one chunk) and the migration notice's single chunk", () => {
    expect(plan(4_194_304, 4_194_304, 1)).toEqual([]);
    expect(chunkRanges(4_194_304, 4_194_304, 1)).toEqual([{ index: 0, first: 0, last: 4_194_303, length: 4_194_304 }]);
    expect(plan(30_567_100, 30_567_100, 1)).toEqual([]);
  });

  it('splits 12 MiB in 5 MiB chunks into two: 5 MiB then 7 MiB', () => {
    expect(plan(12 * MiB, 5 * MiB, 2)).toEqual([]);
    expect(chunkRanges(12 * MiB, 5 * MiB, 2).map((r) => r.length)).toEqual([5 * MiB, 7 * MiB]);
    expect(plan(12 * MiB, 5 * MiB, 3)).not.toEqual([]);
  });

  it('wants positive integers', () => {
    expect(plan('1000', 1000, 1).join()).toMatch(/video_size must be a positive integer/);
    expect(plan(1000, 0, 1).join()).toMatch(/chunk_size must be a positive integer/);
    expect(plan(1000, 1000, 1.5).join()).toMatch(/total_chunk_count must be a positive integer/);
    expect(plan(undefined, 1000, 1).join()).toMatch(/video_size .* got nothing/);
  });

  it('sends a video under 5 MiB whole', () => {
    expect(plan(5 * MiB - 1, 5 * MiB - 1, 1)).toEqual([]);
    expect(plan(4 * MiB, 2 * MiB, 2).join()).toMatch(/under 5242880 bytes \(5 MiB\) goes whole/);
  });

  it('keeps chunk_size between 5 and 64 MiB from 5 MiB up', () => {
    expect(plan(5 * MiB, 5 * MiB, 1)).toEqual([]);
    expect(plan(64 * MiB, 64 * MiB, 1)).toEqual([]);
    expect(plan(20 * MiB, 4 * MiB, 5).join()).toMatch(/chunk_size must be between 5242880 \(5 MiB\) and 67108864 \(64 MiB\)/);
    expect(plan(200 * MiB, 65 * MiB, 3).join()).toMatch(/chunk_size must be between/);
  });

  it('needs two chunks or more above 64 MiB, even where floor gives one', () => {
    // §4.2 "ambiguities": 100 MiB at 64 MiB per chunk floors to 1.
    expect(plan(100 * MiB, 64 * MiB, 1).join()).toMatch(/over 67108864 bytes \(64 MiB\) needs total_chunk_count >= 2/);
    expect(plan(100 * MiB, 50 * MiB, 2)).toEqual([]);
  });

  it('caps the final chunk at 128 MiB', () => {
    // 191 MiB at 64 MiB: floor 2, the last chunk holds 127 MiB, the largest a legal chunk_size allows
    // (the final chunk is under 2 × chunk_size). Only an oversized chunk_size can break the cap.
    expect(plan(191 * MiB, 64 * MiB, 2)).toEqual([]);
    const problems = plan(250 * MiB, 100 * MiB, 2);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/final chunk would be 157286400 bytes, over the 134217728-byte \(128 MiB\) limit/);
  });

  it('caps the count at 1000 and the video at 4 GiB', () => {
    expect(plan(4 * 1024 * MiB, 64 * MiB, 64)).toEqual([]);
    expect(plan(4 * 1024 * MiB + 1, 64 * MiB, 64).join()).toMatch(/over the 4294967296-byte \(4 GiB\) limit/);
    expect(plan(5 * MiB, 5 * MiB, 1001).join()).toMatch(/between 1 and 1000, got 1001/);
  });
});
