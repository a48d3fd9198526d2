#!/usr/bin/env node
// Writes `output/` of multi-file fixture cases (`fixtures/rename-payload-types/<case>/input/**`) with
// the built codemod (`npm run build` first): every file through the per-file codemod, then the project
// pass, as the rewrite CLI does; every input file gets its output file, changed or not. Prints what
// was done with each finding. Review the output like any other code before committing it.
//   node test/support/write-project-fixture-output.mjs fixtures/rename-payload-types/<case> [...]
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrateInMemory } from '../../dist/src/migrate/migrate-in-memory.js';

for (const folder of process.argv.slice(2)) {
  const input = path.resolve(folder, 'input');
  const names = readdirSync(input, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(path.join(input, name)).isFile())
    .sort();
  const results = migrateInMemory(
    names.map((name) => ({ file: path.join(input, name), path: name, text: readFileSync(path.join(input, name), 'utf8') })),
  );
  rmSync(path.resolve(folder, 'output'), { recursive: true, force: true });
  console.log(`${folder}:`);
  names.forEach((name, index) => {
    const target = path.resolve(folder, 'output', name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, results[index].output);
    for (const outcome of results[index].outcomes)
      console.log(`  ${name}:${outcome.line}:${outcome.column} ${outcome.action} ${outcome.ruleId} ${outcome.message}`);
  });
}
