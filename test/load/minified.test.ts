import { describe, expect, it } from 'vitest';
import { looksMinified } from '../../src/load/minified.js';

describe('looksMinified', () => {
  it('is true for a file with one line longer than 4,000 characters, wherever it is', () => {
    const long = 'x'.repeat(4001);
    expect(looksMinified(long)).toBe(true);
    expect(looksMinified(`// header\n${long}\n`)).toBe(true);
    expect(looksMinified(`a\n${'y'.repeat(10)}\n${long}`)).toBe(true);
  });

  it('is false for source a person writes, however long the file', () => {
    const line = `${'z'.repeat(120)}\n`;
    expect(looksMinified(line.repeat(1000))).toBe(false);
    expect(looksMinified('x'.repeat(4000))).toBe(false);
    expect(looksMinified('')).toBe(false);
  });
});
