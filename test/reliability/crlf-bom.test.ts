import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTransformsAlone } from '../../src/migrate/run-alone.js';
import { TRANSFORMS, transformSource } from '../../src/migrate/transform-source.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'fixtures');

/** Every codemod fixture input: `fixtures/<transform>/<case>/input.<ext>`. */
function fixtureInputs(): string[] {
  const inputs: string[] = [];
  for (const transform of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!transform.isDirectory() || transform.name === 'detect') continue;
    for (const entry of readdirSync(join(FIXTURES, transform.name), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const input = readdirSync(join(FIXTURES, transform.name, entry.name)).find((name) => /^input\.[cm]?[jt]sx?$/.test(name));
      if (input) inputs.push(join(transform.name, entry.name, input));
    }
  }
  return inputs.sort();
}

const options = (file: string) => JSON.parse(readFileSync(join(FIXTURES, dirname(file), 'options.json'), 'utf8').toString()) as object;
const optionsOf = (file: string) => {
  try {
    return options(file);
  } catch {
    return {};
  }
};

describe('CRLF line ends, a UTF-8 BOM, tabs', () => {
  const inputs = fixtureInputs();

  it('finds the fixtures', () => {
    expect(inputs.length).toBeGreaterThan(20);
  });

  // The same file with CRLF and a BOM gets the same rewrite, with CRLF and the BOM kept
  // (recast parses an LF copy without the BOM: its offsets used to be off by one per line).
  it.each(inputs)('%s', (file) => {
    const lf = readFileSync(join(FIXTURES, file), 'utf8').replace(/\r\n/g, '\n');
    const name = file.replace(/^.*\/input/, 'input');
    const expected = transformSource(lf, name, optionsOf(file));
    const crlfBom = `\uFEFF${lf.replaceAll('\n', '\r\n')}`;
    const actual = transformSource(crlfBom, name, optionsOf(file));
    if (expected.output === lf) {
      expect(actual.output).toBe(crlfBom);
    } else {
      expect(actual.output.startsWith('\uFEFF')).toBe(true);
      expect(actual.output.slice(1)).not.toMatch(/(?<!\r)\n|\r(?!\n)|\uFEFF/);
      expect(actual.output).toBe(`\uFEFF${expected.output.replaceAll('\n', '\r\n')}`);
    }
    expect(actual.outcomes.map(({ ruleId, action, line }) => ({ ruleId, action, line }))).toEqual(
      expected.outcomes.map(({ ruleId, action, line }) => ({ ruleId, action, line })),
    );
  });

  // The same file indented with tabs gets the same rewrite, indented with tabs (recast expands
  // leading tabs in the copy it parses: its offsets used to be off by one per tab past the first column).
  const tabify = (text: string) => text.replace(/^(?: {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
  it.each(inputs)('%s, indented with tabs', (file) => {
    const lf = readFileSync(join(FIXTURES, file), 'utf8').replace(/\r\n/g, '\n');
    const name = file.replace(/^.*\/input/, 'input');
    const expected = transformSource(lf, name, optionsOf(file));
    const tabbed = tabify(lf);
    const actual = transformSource(tabbed, name, optionsOf(file));
    expect(actual.output).toBe(expected.output === lf ? tabbed : tabify(expected.output));
    expect(actual.outcomes.map(({ ruleId, action, line }) => ({ ruleId, action, line }))).toEqual(
      expected.outcomes.map(({ ruleId, action, line }) => ({ ruleId, action, line })),
    );
  });

  // The transforms run alone under jscodeshift go the same way.
  it.each(inputs.filter((file) => file.startsWith('rewrite-upload-call/')).slice(0, 12))(
    '%s, CRLF + BOM + tabs, through run-alone',
    (file) => {
      const lf = readFileSync(join(FIXTURES, file), 'utf8').replace(/\r\n/g, '\n');
      const name = file.replace(/^.*\/input/, 'input');
      const expected = transformSource(lf, name, optionsOf(file)).output;
      const awkward = (text: string) => `\uFEFF${tabify(text).replaceAll('\n', '\r\n')}`;
      expect(runTransformsAlone({ path: name, source: awkward(lf) }, TRANSFORMS, optionsOf(file))).toBe(awkward(expected));
    },
  );

  it('refuses a file with mixed line ends rather than change lines it does not rewrite', () => {
    const mixed = "const a = 1;\r\nfetch('https://open-api.tiktok.com/share/video/upload/', { method: 'POST' });\n";
    expect(() => transformSource(mixed, 'mixed.js')).toThrow(/mixed line endings/);
    expect(transformSource('const a = 1;\r\nconst b = 2;\n', 'clean.js').output).toBe('const a = 1;\r\nconst b = 2;\n');
  });
});
