import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_MARKERS } from '../../src/detect/migration-todos.js';
import { createMarkerTest, mayContainLegacy } from '../../src/load/prefilter.js';
import { prefilterFiles } from '../../src/load/prefilter-files.js';

describe('createMarkerTest', () => {
  it('passes a file holding any one marker, alone, at the start, the middle or the end', () => {
    for (const marker of ANALYSIS_MARKERS) {
      for (const text of [marker, `x${marker}`, `${'a'.repeat(5000)}${marker}${'b'.repeat(5000)}`, `${'c'.repeat(70_000)}${marker}`]) {
        expect(mayContainLegacy(Buffer.from(text)), `${marker} in ${text.length} bytes`).toBe(true);
      }
    }
  });

  it('rejects a file holding only the anchors, or a marker cut short', () => {
    expect(mayContainLegacy(Buffer.from('tiktok share video. shared videos'))).toBe(false);
    expect(mayContainLegacy(Buffer.from('open-api.tiktok.co'))).toBe(false);
    expect(mayContainLegacy(Buffer.from('share_i d'))).toBe(false);
    expect(mayContainLegacy(Buffer.from('hare_id'))).toBe(false);
    expect(mayContainLegacy(Buffer.from('shared, shareable, share_i'))).toBe(false);
  });

  it('finds a marker after many places where only its anchor occurs', () => {
    expect(mayContainLegacy(Buffer.from(`${'shared share '.repeat(500)}row.share_id`))).toBe(true);
    expect(mayContainLegacy(Buffer.from(`${'tiktok '.repeat(500)}open.tiktokapis.com`))).toBe(true);
  });

  it('agrees with a plain search on any text and markers', () => {
    const alphabet = fc.constantFrom(...'ktohare/vid._-sx ');
    const text = fc.string({ unit: alphabet, maxLength: 60 });
    const marker = fc.oneof(fc.constantFrom(...ANALYSIS_MARKERS), fc.string({ unit: alphabet, minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(
        fc.array(marker, { minLength: 1, maxLength: 5 }),
        fc.array(fc.oneof(text, fc.constantFrom(...ANALYSIS_MARKERS))),
        (markers, pieces) => {
          const joined = pieces.join('');
          expect(createMarkerTest(markers)(Buffer.from(joined))).toBe(markers.some((each) => joined.includes(each)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds a marker that contains none of the anchors (a new contract fact cannot slip past)', () => {
    const test = createMarkerTest(['open-api.tiktok.com', 'douyin.example/upload']);
    expect(test(Buffer.from('fetch("https://douyin.example/upload")'))).toBe(true);
    expect(test(Buffer.from('fetch("https://example.com/upload")'))).toBe(false);
  });
});

describe('prefilterFiles', () => {
  let root: string;
  const files: string[] = [];
  const legacy = new Set<string>();

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'msv-prefilter-'));
    for (let index = 0; index < 2300; index++) {
      const dir = join(root, `d${index % 23}`);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `f${index}.js`);
      let text = `export const n${index} = ${index}; // shared video player\n`;
      if (index % 401 === 7) text += `fetch('https://open-api.tiktok.com/share/video/upload/');\n`;
      if (index === 1500) text = `${'/* padding */\n'.repeat(200_000)}const event = 'video.upload.failed';\n`; // 2.8 MB: the reused buffer grows
      writeFileSync(file, text);
      files.push(file);
      if (text.includes('tiktok.com') || text.includes('video.upload.failed')) legacy.add(file);
    }
    files.push(join(root, 'removed-before-reading.js'));
    files.sort();
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const expectExact = (outcome: Awaited<ReturnType<typeof prefilterFiles>>) => {
    expect(outcome.matched).toEqual(files.filter((file) => legacy.has(file)));
    expect(outcome.unmatched).toEqual(files.filter((file) => !legacy.has(file) && !file.endsWith('removed-before-reading.js')));
    expect(outcome.unreadable).toEqual([{ file: join(root, 'removed-before-reading.js'), reason: 'was removed during the run' }]);
  };

  it('keeps exactly the files holding a marker, in the order given, and names the unreadable ones', async () => {
    expect(legacy.size).toBe(7);
    expectExact(await prefilterFiles(files, ANALYSIS_MARKERS, { threads: 1 }));
  });

  it('gives the same outcome on worker threads (run from the build, where the worker module exists)', async () => {
    const built = await import('../../dist/src/load/prefilter-files.js');
    expectExact(await built.prefilterFiles(files, ANALYSIS_MARKERS, { threads: 2 }));
  });

  it('gives the same outcome fed in batches as a walk finds files, some twice, out of order', async () => {
    const built = await import('../../dist/src/load/prefilter-files.js');
    const run = new built.PrefilterRun(ANALYSIS_MARKERS, { threads: 2 });
    const shuffled = [...files].reverse();
    for (let start = 0; start < shuffled.length; start += 333) {
      run.add(shuffled.slice(start, start + 333));
      run.add(shuffled.slice(Math.max(0, start - 10), start));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expectExact(await run.outcomeFor(files));
  });

  it('names each legacy file to onMatch once, those found before it was called first', async () => {
    const built = await import('../../dist/src/load/prefilter-files.js');
    const run = new built.PrefilterRun(ANALYSIS_MARKERS, { threads: 2 });
    run.add(files.slice(0, 2100));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const named: string[] = [];
    run.onMatch((file: string) => named.push(file));
    const outcome = await run.outcomeFor(files);
    expect([...named].sort()).toEqual(outcome.matched);
    expect(outcome.matched).toHaveLength(7);
  });

  it('finds the legacy uploads of a 2,300-file tree through the built CLI, whose walk feeds the threads', async () => {
    const { main } = (await import('../../dist/src/cli/main.js')) as typeof import('../../src/cli/main.js');
    let stdout = '';
    const io = { stdout: { write: (text: string) => (stdout += text), isTTY: false }, stderr: { write: () => true }, cwd: root, env: {} };
    expect(await main(['--check', '.', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.summary.filesScanned).toBe(2300);
    const uploads = files.filter((file) => legacy.has(file) && !file.endsWith('f1500.js')).map((file) => file.slice(root.length + 1));
    expect([...new Set(report.findings.map((finding: { file: string }) => finding.file))]).toEqual(expect.arrayContaining(uploads));
    expect(uploads).toHaveLength(6);
  });
});
