// The floors of docs/architecture.md: each folder imports only the folders listed for it, which
// all sit below it. `npm test` runs `npm run lint:layers`, so an upward arrow or a circle fails CI.
/** folder → the folders (besides its own) it may import. */
const FLOORS = {
  contract: [],
  detect: ['contract'],
  'text-scan': ['contract', 'detect'],
  files: ['contract', 'detect', 'text-scan'],
  load: ['contract', 'detect', 'text-scan', 'files'],
  report: ['contract', 'detect', 'files', 'load'],
  codemod: ['contract', 'detect'],
  project: ['contract', 'detect', 'codemod'],
  transforms: ['contract', 'detect', 'codemod'],
  migrate: ['contract', 'detect', 'text-scan', 'files', 'load', 'report', 'codemod', 'project', 'transforms'],
  check: ['contract', 'detect', 'text-scan', 'files', 'load', 'report'],
  'eslint-plugin': ['contract', 'detect', 'files', 'load'],
  cli: ['contract', 'detect', 'text-scan', 'files', 'load', 'report', 'migrate', 'check'],
};
const folderPath = (name) => (name === 'transforms' ? '^transforms/[^/]+/' : `^src/${name}/`);
const ROOT_FILES = '^src/(package-info|index)[.]ts$';

const layerRules = Object.entries(FLOORS).map(([name, allowed]) => ({
  name: `floor-${name}`,
  comment: `src/${name === 'transforms' ? '../transforms' : name} imports only ${allowed.join(', ') || 'nothing of ours'} (docs/architecture.md)`,
  severity: 'error',
  from: { path: folderPath(name) },
  to: {
    path: '^(src|transforms)/',
    pathNot: [
      // its own folder; a transform only its own
      name === 'transforms' ? '^transforms/$1/' : `^src/${name}/`,
      ...allowed.map(folderPath),
      // package-info reads our own package.json and imports nothing of ours
      ...(name === 'contract' ? [] : ['^src/package-info[.]ts$']),
    ],
  },
}));

module.exports = {
  forbidden: [
    ...layerRules.map((rule) =>
      rule.name === 'floor-transforms'
        ? { ...rule, from: { path: '^transforms/([^/]+)/', pathNot: '^transforms/[^/]+/index[.]ts$' } }
        : rule,
    ),
    {
      name: 'jscodeshift-entry-alone',
      comment: 'transforms/<name>/index.ts is what jscodeshift loads: it runs the pipeline on its own step, and nothing imports it',
      severity: 'error',
      from: {},
      to: { path: '^transforms/[^/]+/index[.]ts$' },
    },
    {
      name: 'jscodeshift-entry-reaches',
      comment: 'an entry imports its own step and the run-alone pipeline, nothing else of ours',
      severity: 'error',
      from: { path: '^transforms/([^/]+)/index[.]ts$' },
      to: { path: '^(src|transforms)/', pathNot: ['^transforms/$1/$1[.]ts$', '^src/migrate/run-alone[.]ts$'] },
    },
    {
      name: 'root-files-import-nothing-of-ours',
      comment: 'src/package-info.ts sits below every floor',
      severity: 'error',
      from: { path: '^src/package-info[.]ts$' },
      to: { path: '^(src|transforms)/' },
    },
    {
      name: 'index-is-the-library-api',
      comment: 'src/index.ts exports the contract, detectors and --check analysis; never the CLI',
      severity: 'error',
      from: { path: '^src/index[.]ts$' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'a module nothing imports is dead, unless it is an entry point (jscodeshift, workers, the package exports)',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: ['[.]d[.]ts$', '^transforms/[^/]+/index[.]ts$', '^src/(index|cli/main|eslint-plugin/index)[.]ts$', '-worker[.]ts$'],
      },
      to: {},
    },
    {
      name: 'no-dev-dependency-in-src',
      comment: 'the published code runs without devDependencies',
      severity: 'error',
      from: { path: '^(src|transforms)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unlisted-package',
      severity: 'error',
      from: { path: '^(src|transforms)/' },
      // `sarif` is only types (@types/sarif, a devDependency): nothing of it exists at run time.
      // A package listed anywhere in package.json is listed (eslint is both a devDependency and a peer).
      to: {
        dependencyTypes: ['npm-no-pkg', 'npm-unknown', 'unknown'],
        dependencyTypesNot: ['npm', 'npm-dev', 'npm-peer', 'npm-optional'],
        pathNot: '^sarif$',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.build.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js'],
    },
    reporterOptions: {
      dot: { collapsePattern: '^(src/[^/]+|transforms/[^/]+)/' },
    },
  },
};
