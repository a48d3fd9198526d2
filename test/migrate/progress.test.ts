import { describe, expect, it } from 'vitest';
import { createProgress, showsProgress } from '../../src/migrate/progress.js';

function fakeTerminal(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

describe('progress', () => {
  it.for([
    ['a terminal', true, {}, true],
    ['a pipe', false, {}, false],
    ['CI on a terminal', true, { CI: 'true' }, false],
    ['a dumb terminal', true, { TERM: 'dumb' }, false],
  ] as const)('on %s: shown %s', ([, isTTY, env, shown]) => {
    expect(showsProgress({ isTTY, write: () => {} }, env)).toBe(shown);
  });

  it('draws nothing in the first 300 ms, then at most every 100 ms, and clears the line at the end', () => {
    let time = 0;
    const { writes, stream } = fakeTerminal(true);
    const progress = createProgress({ stream, env: {}, now: () => time });
    for (time = 0; time < 300; time += 10) progress.update(time, 1000);
    expect(writes).toEqual([]);
    for (; time <= 550; time += 10) progress.update(time, 1000);
    expect(writes).toEqual([300, 400, 500].map((done) => `\r\x1b[2Kmigrate-share-video: ${done}/1000 files`));
    progress.stop();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
    progress.update(999, 1000);
    progress.stop();
    expect(writes).toHaveLength(4);
  });

  it('clears nothing when it drew nothing', () => {
    const { writes, stream } = fakeTerminal(true);
    const progress = createProgress({ stream, env: {}, now: () => 0 });
    progress.update(1, 2);
    progress.stop();
    expect(writes).toEqual([]);
  });

  it('prints nothing at all when stderr is not a terminal', () => {
    let time = 0;
    const { writes, stream } = fakeTerminal(false);
    const progress = createProgress({ stream, env: {}, now: () => time });
    for (; time < 2000; time += 50) progress.update(time, 2000);
    progress.stop();
    expect(writes).toEqual([]);
  });
});
