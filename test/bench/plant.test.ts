import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placePlanted } from './plant.mjs';
import { PLANTED_FIXTURES } from './planted-fixtures.mjs';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const folders = Array.from({ length: 1000 }, (_, i) => `pkg-${String(i).padStart(4, '0')}/lib`);

describe('planting legacy files into the bench corpus', () => {
  it('plants at the same places every time, spread over the whole folder list', () => {
    const placements = placePlanted(folders, PLANTED_FIXTURES, 40);
    expect(placePlanted(folders, PLANTED_FIXTURES, 40)).toEqual(placements);
    expect(placements[0]!.path).toMatch(/^pkg-0012\/lib\/tiktok-legacy-01-/);
    expect(placements[39]!.path).toMatch(/^pkg-0987\/lib\/tiktok-legacy-40-/);
    expect(new Set(placements.map((placement) => placement.path.split('/')[0])).size).toBe(40);
  });

  it("names every planted file apart, with its fixture's extension, also when fixtures repeat", () => {
    const placements = placePlanted(['only'], PLANTED_FIXTURES, PLANTED_FIXTURES.length * 2 + 1);
    expect(new Set(placements.map((placement) => placement.path)).size).toBe(placements.length);
    expect(placements.at(-1)!.fixture).toBe(PLANTED_FIXTURES[0]);
    for (const { fixture, path } of placements) expect(path.slice(path.lastIndexOf('.'))).toBe(fixture.slice(fixture.lastIndexOf('.')));
  });

  it('draws only on single-file inputs of positive fixture cases', () => {
    for (const fixture of PLANTED_FIXTURES) {
      expect(existsSync(join(FIXTURES, fixture)) && statSync(join(FIXTURES, fixture)).isFile(), fixture).toBe(true);
      expect(fixture, fixture).not.toMatch(/\/(?:not|keep-legacy)-/);
      expect(existsSync(join(FIXTURES, fixture, '../options.json')), fixture).toBe(false);
    }
  });
});
