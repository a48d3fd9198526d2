import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TransformOptions } from '../src/codemod/step.js';
import { transformSource } from '../src/migrate/transform-source.js';
import { parseModule } from '../src/detect/parse.js';

/**
 * One test per fixture folder `fixtures/<transform>/<case>/`: `input.<ext>` through the whole codemod
 * must give `output.<ext>` (or come back byte-identical when there is no output file), the output
 * must parse, and a second run on it must change nothing. Adding a case is adding two files. A case
 * with an `options.json` (e.g. `{ "keepLegacyEvents": true }`) runs with those options, both times.
 * A case with a `known-bug.md` holds a hand-written, correct output the codemod does not give yet:
 * its checks run as one test that is expected to fail (`it.fails`) until the bug that file
 * describes is fixed; then that test fails, and the file goes.
 */
const root = path.resolve(import.meta.dirname, '../fixtures');
const cases = readdirSync(root)
  .filter((transform) => transform !== 'detect' && statSync(path.join(root, transform)).isDirectory())
  .flatMap((transform) => readdirSync(path.join(root, transform)).map((name) => `${transform}/${name}`))
  .filter((name) => statSync(path.join(root, name)).isDirectory())
  // A multi-file case (an `input/` folder) is the project pass's: test/project/rename-payload-types.test.ts.
  .filter((name) => !existsSync(path.join(root, name, 'input')))
  .sort();

function fixture(name: string) {
  const folder = path.join(root, name);
  const input = readdirSync(folder).find((file) => file.startsWith('input.'))!;
  const ext = input.slice('input'.length); // `.d.ts` whole
  const expectedFile = path.join(folder, `output${ext}`);
  const text = readFileSync(path.join(folder, input), 'utf8');
  const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : text;
  const optionsFile = path.join(folder, 'options.json');
  const options = (existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) as TransformOptions;
  return { file: path.join(folder, input), text, expected, options };
}

const knownBug = (name: string) => existsSync(path.join(root, name, 'known-bug.md'));

function givesExpectedOutput(name: string) {
  const { file, text, expected, options } = fixture(name);
  expect(transformSource(text, file, options).output).toBe(expected);
}

function secondRunChangesNothing(name: string) {
  const { file, expected, options } = fixture(name);
  expect(() => parseModule(expected, file)).not.toThrow();
  const again = transformSource(expected, file, options);
  expect(again.output).toBe(expected);
  expect(again.outcomes.filter((outcome) => outcome.action === 'rewritten')).toEqual([]);
}

describe.for(cases.filter((name) => !knownBug(name)))('%s', (name) => {
  it('gives the expected output', () => givesExpectedOutput(name));
  it('parses, and a second run changes nothing', () => secondRunChangesNothing(name));
});

describe.for(cases.filter(knownBug))('%s (known codemod bug: see its known-bug.md)', (name) => {
  it.fails('gives the expected output, which parses, and a second run changes nothing', () => {
    givesExpectedOutput(name);
    secondRunChangesNothing(name);
  });
});
