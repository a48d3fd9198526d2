import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ruleDocsUrl, type RuleId } from '../../src/detect/rule-catalog.js';
import plugin from '../../src/eslint-plugin/index.js';

/**
 * One name everywhere (STYLE.md habit 3): every rule of the plugin has `src/eslint-plugin/rules/<id>.ts`,
 * `docs/rules/<id>.md` and `test/rules/<id>.test.ts`, is in both recommended configs, and links to
 * its doc page; and none of those folders holds a file that belongs to no rule.
 */
const root = path.resolve(import.meta.dirname, '../..');
const PREFIX = 'migrate-share-video';
const ruleIds = Object.keys(plugin.rules!).sort();
const rules = plugin.rules as Record<string, Rule.RuleModule>;

const places = [
  { folder: 'src/eslint-plugin/rules', suffix: '.ts' },
  { folder: 'docs/rules', suffix: '.md' },
  { folder: 'test/rules', suffix: '.test.ts' },
];

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('the plugin package', () => {
  it('has rules, named for what they forbid', () => {
    expect(ruleIds.length).toBeGreaterThan(0);
    for (const id of ruleIds) expect(id).toMatch(/^no-[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.for(places)('$folder holds a file for each rule and nothing else', ({ folder, suffix }) => {
    const stems = readdirSync(path.join(root, folder))
      .filter((name) => name.endsWith(suffix))
      .map((name) => name.slice(0, -suffix.length))
      .sort();
    const strays = readdirSync(path.join(root, folder)).filter((name) => !name.endsWith(suffix));
    expect(strays, `files in ${folder} that are no rule's`).toEqual([]);
    expect(stems).toEqual(ruleIds);
  });

  it('names itself for flat config', () => {
    expect(plugin.meta).toMatchObject({ name: `${PREFIX}/eslint-plugin`, namespace: PREFIX });
    expect(plugin.meta!.version).toBe(JSON.parse(read('package.json')).version);
    expect(plugin.configs.recommended.plugins).toEqual({ [PREFIX]: plugin });
    expect(plugin.configs['legacy-recommended'].plugins).toEqual([PREFIX]);
  });

  it('is also the package ESLint resolves from the plugin name, one object, for ESLint 8.57 and later', async () => {
    const folder = 'packages/eslint-plugin-migrate-share-video';
    const manifest = JSON.parse(read(`${folder}/package.json`));
    expect(manifest.name).toBe(`eslint-plugin-${PREFIX}`);
    expect(manifest.version).toBe(JSON.parse(read('package.json')).version);
    expect(manifest.peerDependencies).toEqual({ eslint: '>=8.57' });
    expect(JSON.parse(read('package.json')).peerDependencies).toEqual({ eslint: '>=8.57' });
    // The built plugin, as a project that installed the package loads it.
    const { default: named } = await import(`eslint-plugin-${PREFIX}`);
    expect(named.meta).toMatchObject({ name: `${PREFIX}/eslint-plugin`, version: manifest.version, namespace: PREFIX });
    expect(Object.keys(named.rules).sort()).toEqual(ruleIds);
  });

  it('turns on exactly its rules in both recommended configs, at the same severities', () => {
    const expected = Object.fromEntries(ruleIds.map((id) => [`${PREFIX}/${id}`, id === 'no-v1-oauth-endpoint' ? 'warn' : 'error']));
    expect(plugin.configs.recommended.rules).toEqual(expected);
    expect(plugin.configs['legacy-recommended'].rules).toEqual(expected);
  });
});

describe.for(ruleIds)('rule %s', (id) => {
  const rule = rules[id];
  const doc = () => read(`docs/rules/${id}.md`);

  it('has its rule file, doc page and test file', () => {
    for (const { folder, suffix } of places)
      expect(existsSync(path.join(root, folder, `${id}${suffix}`)), `${folder}/${id}${suffix}`).toBe(true);
  });

  it('links to its doc page and declares its messages and schema', () => {
    expect(rule.meta?.docs?.url).toBe(ruleDocsUrl(id as RuleId));
    expect(rule.meta?.docs?.url).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
    expect(Object.keys(rule.meta?.messages ?? {}).length).toBeGreaterThan(0);
    expect(rule.meta?.schema).toBeDefined();
    expect(rule.meta?.docs?.description).toBeTruthy();
  });

  it('is tested through its own rule file', () => {
    expect(read(`test/rules/${id}.test.ts`)).toContain(`from '../../src/eslint-plugin/rules/${id}.js'`);
  });

  it('has a doc page that says what the rule declares', () => {
    const text = doc();
    // The title is the rule's description and its full name, as eslint-doc-generator writes it.
    expect(text.split('\n')[0]).toBe(`# ${rule.meta!.docs!.description} (\`${PREFIX}/${id}\`)`);
    const severity = plugin.configs.recommended.rules![`${PREFIX}/${id}`] === 'warn' ? 'warning' : 'error';
    expect(text).toContain(
      `In the \`recommended\` and \`legacy-recommended\` configs as ${severity === 'error' ? 'an' : 'a'} **${severity}**`,
    );
    expect(text.includes('🔧'), 'the doc says 🔧 exactly when the rule is fixable').toBe(!!rule.meta!.fixable);
    expect(text.includes('💡'), 'the doc says 💡 exactly when the rule has suggestions').toBe(!!rule.meta!.hasSuggestions);
    for (const messageId of Object.keys(rule.meta!.messages!)) expect(text, `messageId ${messageId}`).toContain(`\`${messageId}\``);
    expect(text).toContain('## Options');
    const options = ((rule.meta!.schema as { properties?: Record<string, unknown> }[] | undefined) ?? []).flatMap((item) =>
      Object.keys(item.properties ?? {}),
    );
    if (options.length === 0) expect(text).toContain('This rule has no options.');
    for (const option of options) expect(text).toContain(`\`${option}\``);
    for (const heading of ['## What it reports', '## Why', '## Examples', '## How it is fixed', '## Precision'])
      expect(text).toContain(heading);
  });
});
