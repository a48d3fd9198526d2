#!/usr/bin/env node
// Writes `output.<ext>` of fixture cases from their `input.<ext>` with the built codemod
// (`npm run build` first), and prints what it did with each finding. The output is then read and
// reviewed like any other code before it is committed: it is the spec the tests hold the codemod to.
//   node test/support/write-fixture-output.mjs fixtures/rewrite-upload-call/<case> [...]
// A case whose input comes back unchanged gets no output file (it must stay byte-identical). A case
// with an `options.json` (e.g. `{ "keepLegacyEvents": true }`) runs with those options, as in the tests.
// A case with a `known-bug.md` keeps its hand-written output: what the codemod gives is printed instead.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSource } from '../../dist/src/migrate/transform-source.js';

for (const folder of process.argv.slice(2)) {
  const input = readdirSync(folder).find((name) => name.startsWith('input.'));
  if (!input) throw new Error(`${folder} has no input file`);
  const file = path.resolve(folder, input);
  const text = readFileSync(file, 'utf8');
  const optionsFile = path.join(folder, 'options.json');
  const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
  const result = transformSource(text, file, options);
  const output = path.join(folder, `output${input.slice('input'.length)}`);
  if (existsSync(path.join(folder, 'known-bug.md'))) {
    console.log(`${folder}: known bug, output kept; the codemod gives:\n${result.output}`);
  } else {
    if (result.output === text) {
      if (existsSync(output)) rmSync(output);
    } else {
      writeFileSync(output, result.output);
    }
    console.log(`${folder}: ${result.output === text ? 'unchanged' : 'output written'}`);
  }
  for (const outcome of result.outcomes)
    console.log(`  ${outcome.line}:${outcome.column} ${outcome.action} ${outcome.ruleId} ${outcome.message}`);
}
