import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { useColor } from '../../src/report/color.js';

describe('parseCliArgs', () => {
  it('defaults to text on stdout over the working folder', () => {
    expect(parseCliArgs(['--check'])).toEqual({
      kind: 'run',
      options: {
        check: true,
        dryRun: false,
        allowDirty: false,
        keepLegacyEvents: false,
        workers: undefined,
        format: 'text',
        output: undefined,
        report: undefined,
        ignorePatterns: [],
        color: undefined,
        quiet: false,
        shard: undefined,
        merge: false,
        paths: ['.'],
      },
    });
  });

  it('reads every option, long and short', () => {
    const parsed = parseCliArgs([
      '--check',
      '-f',
      'sarif',
      '-o',
      'out.sarif',
      '--ignore-pattern',
      'vendor/',
      '--ignore-pattern=*.md',
      '--no-color',
      '-q',
      'src',
      'lib/a.py',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        check: true,
        dryRun: false,
        allowDirty: false,
        keepLegacyEvents: false,
        workers: undefined,
        format: 'sarif',
        output: 'out.sarif',
        report: undefined,
        ignorePatterns: ['vendor/', '*.md'],
        color: false,
        quiet: true,
        shard: undefined,
        merge: false,
        paths: ['src', 'lib/a.py'],
      },
    });
  });

  it('reads the rewrite options', () => {
    expect(parseCliArgs(['--dry-run', '--allow-dirty', '--workers', '3', '-f', 'json', 'src'])).toEqual({
      kind: 'run',
      options: {
        check: false,
        dryRun: true,
        allowDirty: true,
        keepLegacyEvents: false,
        workers: 3,
        format: 'json',
        output: undefined,
        report: undefined,
        ignorePatterns: [],
        color: undefined,
        quiet: false,
        shard: undefined,
        merge: false,
        paths: ['src'],
      },
    });
    expect(parseCliArgs(['--workers=1'])).toMatchObject({ options: { workers: 1, dryRun: false, allowDirty: false } });
  });

  it('reads --color', () => {
    expect(parseCliArgs(['--check', '--color'])).toMatchObject({ options: { color: true } });
  });

  it('takes paths after -- as paths', () => {
    expect(parseCliArgs(['--check', '--', '--odd-name.py'])).toMatchObject({ options: { paths: ['--odd-name.py'] } });
  });

  it('leaves --check false when it is not given', () => {
    expect(parseCliArgs(['src'])).toMatchObject({ kind: 'run', options: { check: false } });
  });

  it.for([[['--help']], [['-h']], [['--check', 'src', '--help']]])('asks for help with %j', ([argv]) => {
    expect(parseCliArgs(argv)).toEqual({ kind: 'help' });
  });

  it.for([[['--version']], [['-v']]])('asks for the version with %j', ([argv]) => {
    expect(parseCliArgs(argv)).toEqual({ kind: 'version' });
  });

  it.for([
    ['an unknown flag', ['--check', '--bogus'], /--bogus/],
    ['a bad format', ['--check', '--format', 'xml'], /--format must be one of text, json, sarif, not 'xml'/],
    ['a format with no value', ['--check', '--format'], /--format/],
    ['an empty output file', ['--check', '--output='], /--output needs a file name/],
    ['a value for a boolean', ['--check=yes'], /check/],
    ['SARIF for the rewrite', ['--format', 'sarif', 'src'], /--format sarif is for --check; the rewrite prints text or json/],
    ['--dry-run with --check', ['--check', '--dry-run'], /--dry-run applies to the rewrite, not to --check/],
    [
      'rewrite options with --check',
      ['--check', '--allow-dirty', '--workers', '2'],
      /--allow-dirty, --workers apply to the rewrite, not to --check/,
    ],
    ['no workers', ['--workers', '0'], /--workers must be a whole number from 1 to 1024, not '0'/],
    ['a fraction of a worker', ['--workers', '1.5'], /--workers must be a whole number/],
    ['a word for workers', ['--workers', 'all'], /--workers must be a whole number/],
    ['--workers with no value', ['--workers'], /--workers/],
  ])('rejects %s', ([, argv, message]) => {
    const parsed = parseCliArgs(argv as string[]);
    expect(parsed.kind).toBe('usage-error');
    expect(parsed.kind === 'usage-error' && parsed.message).toMatch(message as RegExp);
  });
});

describe('useColor', () => {
  it.for([
    ['a terminal', { flag: undefined, env: {}, toTerminal: true }, true],
    ['a pipe', { flag: undefined, env: {}, toTerminal: false }, false],
    ['NO_COLOR on a terminal', { flag: undefined, env: { NO_COLOR: '1' }, toTerminal: true }, false],
    ['an empty NO_COLOR', { flag: undefined, env: { NO_COLOR: '' }, toTerminal: true }, true],
    ['a dumb terminal', { flag: undefined, env: { TERM: 'dumb' }, toTerminal: true }, false],
    ['FORCE_COLOR on a pipe', { flag: undefined, env: { FORCE_COLOR: '1' }, toTerminal: false }, true],
    ['FORCE_COLOR=0 on a terminal', { flag: undefined, env: { FORCE_COLOR: '0' }, toTerminal: true }, false],
    ['NO_COLOR over FORCE_COLOR', { flag: undefined, env: { NO_COLOR: '1', FORCE_COLOR: '1' }, toTerminal: true }, false],
    ['--no-color on a terminal', { flag: false, env: {}, toTerminal: true }, false],
    ['--color on a pipe with NO_COLOR', { flag: true, env: { NO_COLOR: '1' }, toTerminal: false }, true],
  ] as const)('%s', ([, context, expected]) => {
    expect(useColor(context)).toBe(expected);
  });
});

describe('--keep-legacy-events', () => {
  it('is off by default and on when given, for the rewrite and for --check alike', () => {
    expect(parseCliArgs([])).toMatchObject({ options: { keepLegacyEvents: false } });
    expect(parseCliArgs(['--keep-legacy-events'])).toMatchObject({ options: { keepLegacyEvents: true, check: false } });
    expect(parseCliArgs(['--check', '--keep-legacy-events'])).toMatchObject({ options: { keepLegacyEvents: true, check: true } });
  });
});
