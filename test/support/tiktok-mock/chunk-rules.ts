import { CHUNK_RULES } from '../../../src/contract/index.js';

/** `source_info` numbers of a FILE_UPLOAD init (§3.2). */
export interface ChunkPlanInput {
  readonly video_size: unknown;
  readonly chunk_size: unknown;
  readonly total_chunk_count: unknown;
}

/** One chunk's byte range, both ends inclusive (§4.1). */
export interface ChunkRange {
  readonly index: number;
  readonly first: number;
  readonly last: number;
  readonly length: number;
}

const isPositiveInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/**
 * Every chunk rule of §4.2 / checklist §8, checked on the init numbers. Returns the violations as
 * sentences (empty when the plan is valid), all of them, so one answer tells a client everything
 * it got wrong. MiB thresholds, as the contract reads TikTok's examples.
 */
export function chunkPlanViolations(input: ChunkPlanInput): string[] {
  const { video_size: size, chunk_size: chunk, total_chunk_count: count } = input;
  const typeErrors = (['video_size', 'chunk_size', 'total_chunk_count'] as const)
    .filter((key) => !isPositiveInteger(input[key]))
    .map((key) => `source_info.${key} must be a positive integer, got ${JSON.stringify(input[key]) ?? 'nothing'}`);
  if (typeErrors.length > 0) return typeErrors;
  const S = size as number;
  const C = chunk as number;
  const N = count as number;

  const problems: string[] = [];
  if (S > CHUNK_RULES.maxVideoSize) problems.push(`video_size ${S} is over the ${CHUNK_RULES.maxVideoSize}-byte (4 GiB) limit`);

  const expected = Math.floor(S / C);
  if (N !== expected) {
    problems.push(
      `total_chunk_count must be floor(video_size / chunk_size) = floor(${S} / ${C}) = ${expected}, got ${N}; ` +
        'trailing bytes merge into the last chunk',
    );
  }
  if (N < CHUNK_RULES.minChunkCount || N > CHUNK_RULES.maxChunkCount) {
    problems.push(`total_chunk_count must be between ${CHUNK_RULES.minChunkCount} and ${CHUNK_RULES.maxChunkCount}, got ${N}`);
  }

  if (S < CHUNK_RULES.wholeUploadBelow) {
    if (C !== S || N !== 1) {
      problems.push(
        `a video under ${CHUNK_RULES.wholeUploadBelow} bytes (5 MiB) goes whole: chunk_size must equal video_size (${S}) ` +
          `and total_chunk_count must be 1, got chunk_size ${C} and total_chunk_count ${N}`,
      );
    }
  } else if (C < CHUNK_RULES.minChunkSize || C > CHUNK_RULES.maxChunkSize) {
    problems.push(
      `chunk_size must be between ${CHUNK_RULES.minChunkSize} (5 MiB) and ${CHUNK_RULES.maxChunkSize} (64 MiB) bytes, got ${C}`,
    );
  }

  if (S > CHUNK_RULES.multiChunkAbove && N < 2) {
    problems.push(`a video over ${CHUNK_RULES.multiChunkAbove} bytes (64 MiB) needs total_chunk_count >= 2, got ${N}`);
  }

  // The final chunk holds the trailing bytes; measured on the floor count, the one the upload uses.
  if (expected >= 1) {
    const finalLength = S - (expected - 1) * C;
    if (finalLength > CHUNK_RULES.maxFinalChunkSize) {
      problems.push(`the final chunk would be ${finalLength} bytes, over the ${CHUNK_RULES.maxFinalChunkSize}-byte (128 MiB) limit`);
    }
  }
  return problems;
}

/**
 * The byte ranges a valid plan uploads (§4.2): chunk i < N-1 is bytes i*C … (i+1)*C-1, the last is
 * (N-1)*C … S-1.
 */
export function chunkRanges(videoSize: number, chunkSize: number, totalChunkCount: number): ChunkRange[] {
  const ranges: ChunkRange[] = [];
  for (let index = 0; index < totalChunkCount; index += 1) {
    const first = index * chunkSize;
    const last = index === totalChunkCount - 1 ? videoSize - 1 : first + chunkSize - 1;
    ranges.push({ index, first, last, length: last - first + 1 });
  }
  return ranges;
}
