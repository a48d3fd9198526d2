import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { TransformOptions } from '../../src/codemod/step.js';
import { transformSource } from '../../src/migrate/transform-source.js';
import { migrateInMemory } from '../../src/migrate/migrate-in-memory.js';
import { renamePayloadTypes, type ProjectPassFile } from '../../src/project/rename-payload-types.js';

/**
 * The project pass. Each multi-file case `fixtures/<transform>/<case>/` holds a small
 * project in `input/` and, in `output/`, every file as the rewrite leaves it: the per-file codemod
 * and then the project pass (`migrateInMemory`, the CLI's order). Write an output with
 * `npm run build && node test/support/write-project-fixture-output.mjs <case folder>` and review it.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'fixtures');
/** Every multi-file case, as `<transform>/<case>`: the project pass's own, and those of a per-file step that crosses modules. */
const cases = readdirSync(FIXTURES)
  .filter((transform) => transform !== 'detect' && statSync(path.join(FIXTURES, transform)).isDirectory())
  .flatMap((transform) => readdirSync(path.join(FIXTURES, transform)).map((name) => `${transform}/${name}`))
  .filter((name) => existsSync(path.join(FIXTURES, name, 'input')))
  .sort();

function readTree(folder: string): Map<string, string> {
  const names = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(path.join(folder, name)).isFile())
    .sort();
  return new Map(names.map((name) => [name.split(path.sep).join('/'), readFileSync(path.join(folder, name), 'utf8')]));
}

function migrate(folder: string, tree: Map<string, string>) {
  const results = migrateInMemory([...tree].map(([name, text]) => ({ file: path.join(folder, name), path: name, text })));
  return new Map([...tree.keys()].map((name, index) => [name, results[index]]));
}

/** The options of test/typecheck-fixtures.test.ts, with relative imports resolved as a bundler does. */
const compilerOptions: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2023,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: ['node'],
  typeRoots: [path.join(ROOT, 'node_modules/@types')],
};

function typeErrors(folder: string): string[] {
  const files = [...readTree(folder).keys()].filter((name) => /\.(c|m)?tsx?$/.test(name)).map((name) => path.join(folder, name));
  const program = ts.createProgram(files, compilerOptions);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${path.relative(folder, diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `
      : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}

describe.for(cases)('%s', (name) => {
  const input = path.join(FIXTURES, name, 'input');
  const output = path.join(FIXTURES, name, 'output');

  it('gives output/, file by file', () => {
    const expected = readTree(output);
    const migrated = migrate(input, readTree(input));
    expect([...migrated.keys()]).toEqual([...expected.keys()]);
    for (const [file, result] of migrated) expect(result.output, file).toBe(expected.get(file));
  });

  it('changes nothing on a second run', () => {
    const tree = readTree(output);
    for (const [file, result] of migrate(output, tree)) {
      expect(result.output, file).toBe(tree.get(file));
      expect(
        result.outcomes.filter((outcome) => outcome.action === 'rewritten'),
        file,
      ).toEqual([]);
    }
  });

  it('type-checks, before and after', () => {
    expect(typeErrors(input)).toEqual([]);
    expect(typeErrors(output)).toEqual([]);
  });
});

/** Every single-file TypeScript fixture of the codemod, with its options. */
const singleFileCases = readdirSync(FIXTURES)
  .filter((transform) => transform !== 'detect' && statSync(path.join(FIXTURES, transform)).isDirectory())
  .flatMap((transform) => readdirSync(path.join(FIXTURES, transform)).map((name) => path.join(FIXTURES, transform, name)))
  .flatMap((folder) => {
    const input = statSync(folder).isDirectory() ? readdirSync(folder).find((file) => /^input\.(c|m)?tsx?$/.test(file)) : undefined;
    return input ? [path.join(folder, input)] : [];
  })
  .sort();

describe('the rewrite (per-file codemod, then the project pass) on a single file', () => {
  it.for(singleFileCases.map((file) => [path.relative(FIXTURES, file), file]))(
    '%s: gives what the file-local codemod gives',
    ([, file]) => {
      const optionsFile = path.join(path.dirname(file), 'options.json');
      const options = (existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) as TransformOptions;
      const text = readFileSync(file, 'utf8');
      const [migrated] = migrateInMemory([{ file, text }], options);
      expect(migrated.output).toBe(transformSource(text, file, options).output);
    },
  );

  it('hands some named types over, so that the comparison above says something', () => {
    const handedOver = singleFileCases.filter((file) =>
      transformSource(readFileSync(file, 'utf8'), file, { projectRenamesTypes: true }).outcomes.some(
        (outcome) => outcome.action === 'project',
      ),
    );
    expect(handedOver.length).toBeGreaterThan(5);
  });
});

describe('renamePayloadTypes', () => {
  const file = (name: string, text: string, extra: Partial<ProjectPassFile> = {}): ProjectPassFile => ({
    file: `/app/src/${name}`,
    path: `src/${name}`,
    text,
    writable: true,
    ...extra,
  });
  const TYPES = 'export interface TikTokWebhookContent {\n  share_id: string;\n}\n';
  const READER =
    "import type { TikTokWebhookContent } from './types.js';\n\nexport const idOf = (content: TikTokWebhookContent) => content.share_id;\n";

  it('on its own, finds the types with the detectors, and renames every reference', () => {
    const result = renamePayloadTypes([file('types.ts', TYPES), file('reader.ts', READER)]);
    expect(result.texts.get('/app/src/types.ts')).toBe(TYPES.replace('share_id', 'publish_id'));
    expect(result.texts.get('/app/src/reader.ts')).toBe(READER.replace('content.share_id', 'content.publish_id'));
    expect(result.outcomes.map(({ file: where, line, action }) => `${where}:${line} ${action}`)).toEqual([
      'src/reader.ts:3 rewritten',
      'src/types.ts:2 rewritten',
    ]);
  });

  it('renames only what was handed over, found by its place in the type even where nothing says TikTok any more', () => {
    const types = 'export interface UploadReply {\n  data: { share_id: string };\n}\nexport interface Row {\n  share_id: string;\n}\n';
    const reader =
      "import type { Row, UploadReply } from './types';\n\nexport const ids = (reply: UploadReply, row: Row) => [reply.data.share_id, row.share_id];\n";
    const result = renamePayloadTypes([
      file('types.ts', types, { handedOver: new Set(['UploadReply.data.share_id']) }),
      file('reader.ts', reader, { handedOver: new Set() }),
    ]);
    expect(result.texts.get('/app/src/types.ts')).toBe(types.replace('data: { share_id', 'data: { publish_id'));
    expect(result.texts.get('/app/src/reader.ts')).toBe(reader.replace('reply.data.share_id', 'reply.data.publish_id'));
  });

  it('leaves the type, with a TODO above it, when a reference is in a file it may not change', () => {
    const result = renamePayloadTypes([file('types.ts', TYPES), file('reader.ts', READER, { writable: false })]);
    expect(result.texts.has('/app/src/reader.ts')).toBe(false);
    const todo =
      '// TODO(migrate-share-video): `TikTokWebhookContent.share_id` stays: a reference in ./reader.ts is outside what this run may change;';
    expect(result.texts.get('/app/src/types.ts')).toMatch(new RegExp(`^${todo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\n${TYPES}$`));
    expect(result.outcomes).toMatchObject([{ file: 'src/types.ts', line: 3, column: 3, action: 'todo' }]);
    // Once is enough: a second pass over its own output adds no other TODO.
    const again = renamePayloadTypes([
      file('types.ts', result.texts.get('/app/src/types.ts')!),
      file('reader.ts', READER, { writable: false }),
    ]);
    expect(again.texts.size).toBe(0);
    expect(again.outcomes).toMatchObject([{ action: 'todo' }]);
  });

  it('after the per-file codemod, leaves a type whose field is still read where that codemod left a TODO', () => {
    const handler =
      "import type { TikTokWebhookContent } from './types';\n\nexport function onTikTokWebhook(body: { event: string; content: string }) {\n" +
      "  const content = JSON.parse(body.content) as TikTokWebhookContent;\n  return body.event === 'post.publish.complete' ? content.share_id : undefined;\n}\n";
    const types = file('types.ts', TYPES, { handedOver: new Set(['TikTokWebhookContent.share_id']) });
    const left = renamePayloadTypes([types, file('handler.ts', handler, { handedOver: new Set() })]);
    expect(left.texts.has('/app/src/handler.ts')).toBe(false);
    expect(left.outcomes).toMatchObject([
      {
        file: 'src/types.ts',
        action: 'todo',
        message: expect.stringContaining('./handler.ts still has it (`content.share_id`), with a TODO of its own'),
      },
    ]);
    // The pass on its own takes that read for one to rename.
    expect(renamePayloadTypes([types, file('handler.ts', handler)]).texts.get('/app/src/handler.ts')).toContain('content.publish_id');
  });

  it('tells to delete a field it leaves whose type declares publish_id beside it, where a rename would declare it twice', () => {
    const handler =
      "import type { TikTokWebhookContent } from './types';\n\nexport function onTikTokWebhook(body: { event: string; content: string }) {\n" +
      "  const content = JSON.parse(body.content) as TikTokWebhookContent;\n  return body.event === 'post.publish.complete' ? content.share_id : undefined;\n}\n";
    const twice = 'export interface TikTokWebhookContent {\n  publish_id: string;\n  share_id: string;\n}\n';
    const types = file('types.ts', twice, { handedOver: new Set(['TikTokWebhookContent.share_id']) });
    const left = renamePayloadTypes([types, file('handler.ts', handler, { handedOver: new Set() })]);
    expect(left.outcomes).toMatchObject([
      {
        file: 'src/types.ts',
        action: 'todo',
        message: expect.stringContaining(
          './handler.ts still has it (`content.share_id`), with a TODO of its own; when that is resolved, delete it (`publish_id` is declared beside it)',
        ),
      },
    ]);
  });

  it('leaves the type when a module names it through an import the pass cannot follow', () => {
    const aliased = READER.replace("'./types.js'", "'@/types'");
    const result = renamePayloadTypes([file('types.ts', TYPES), file('reader.ts', READER), file('aliased.ts', aliased)]);
    expect(result.texts.has('/app/src/reader.ts')).toBe(false);
    expect(result.outcomes).toMatchObject([
      {
        action: 'todo',
        message: expect.stringContaining('./aliased.ts names `TikTokWebhookContent` through an import this pass cannot follow'),
      },
    ]);
  });

  it('follows the types through a module the run does not hold, read but never changed', () => {
    const parse =
      "import type { TikTokWebhookContent } from './types.js';\n\nexport async function parse(text: string): Promise<TikTokWebhookContent> {\n  return JSON.parse(text);\n}\n";
    const reader =
      "import { parse } from './parse.js';\n\nexport async function idOf(text: string) {\n  const { share_id } = await parse(text);\n  return share_id;\n}\n";
    const read: string[] = [];
    const result = renamePayloadTypes([file('types.ts', TYPES), file('reader.ts', reader)], {
      readFile: (name) => (read.push(name), name === '/app/src/parse.ts' ? parse : undefined),
    });
    expect(read).toContain('/app/src/parse.ts');
    expect(result.texts.get('/app/src/reader.ts')).toBe(reader.replace('const { share_id }', 'const { publish_id: share_id }'));
    expect([...result.texts.keys()].sort()).toEqual(['/app/src/reader.ts', '/app/src/types.ts']);
  });

  it('renames quoted keys and element access, and two types that share a reference together', () => {
    const types =
      "export interface TikTokShareResult {\n  'share_id': string;\n}\nexport interface TikTokWebhookContent {\n  share_id: string;\n}\n";
    const reader =
      "import type { TikTokShareResult, TikTokWebhookContent } from './types';\n\nexport const id = (r: TikTokShareResult | TikTokWebhookContent) => r['share_id'];\n";
    const result = renamePayloadTypes([file('types.ts', types), file('reader.ts', reader)]);
    expect(result.texts.get('/app/src/types.ts')).toBe(types.replaceAll('share_id', 'publish_id'));
    expect(result.texts.get('/app/src/reader.ts')).toBe(reader.replace("r['share_id']", "r['publish_id']"));
  });

  it('does nothing, and loads no program, when no type holds a TikTok share_id', () => {
    const row = 'export interface ShareRow {\n  share_id: string;\n}\n';
    expect(renamePayloadTypes([file('row.ts', row), file('reader.ts', READER)])).toEqual({
      texts: new Map(),
      outcomes: [],
      filesInProject: 0,
    });
  });
});
