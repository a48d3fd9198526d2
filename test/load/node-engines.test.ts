import { describe, expect, it } from 'vitest';
import { modulesOnNodeWithoutOpenAsBlob } from '../../src/load/node-engines.js';

/** Modules of a pretend tree whose package.json files are given as text. */
function older(packages: Record<string, string>, files: string[]): string[] {
  return [...modulesOnNodeWithoutOpenAsBlob(files, (file) => packages[file])].sort();
}

const pkg = (node?: string) => JSON.stringify(node === undefined ? { name: 'app' } : { name: 'app', engines: { node } });

describe('modulesOnNodeWithoutOpenAsBlob', () => {
  it.for([
    ['18', true],
    ['18.x', true],
    ['>=16', true],
    ['^18 || ^20', true],
    ['19.7.0', true],
    ['>=19.8', false],
    ['20', false],
    ['>=20.19', false],
    ['latest', false],
  ] as const)('engines.node %s: older than 19.8 → %s', ([range, expected]) => {
    expect(older({ '/app/package.json': pkg(range) }, ['/app/src/share.js'])).toEqual(expected ? ['/app/src/share.js'] : []);
  });

  it('the nearest package.json decides, and one without engines stops the walk up', () => {
    const packages = {
      '/repo/package.json': pkg('18'),
      '/repo/functions/package.json': pkg('20'),
      '/repo/web/package.json': pkg(),
    };
    const files = ['/repo/functions/src/share.js', '/repo/web/upload.js', '/repo/scripts/post.js'];
    expect(older(packages, files)).toEqual(['/repo/scripts/post.js']);
  });

  it('with no engines, the pinned Node of the folder or the @types/node the package compiles against decide', () => {
    const manifest = (types: string) => JSON.stringify({ name: 'lib', devDependencies: { '@types/node': types } });
    const packages = {
      '/nvm/package.json': pkg(),
      '/nvm/.nvmrc': 'v18.17.0\n',
      '/nvm20/package.json': pkg(),
      '/nvm20/.node-version': '20\n',
      '/alias/package.json': pkg(),
      '/alias/.nvmrc': 'lts/*\n',
      '/types18/package.json': manifest('18.7.18'),
      '/types20/package.json': manifest('^20.11.0'),
      '/both/package.json': JSON.stringify({ engines: { node: '>=20' }, devDependencies: { '@types/node': '^18' } }),
    };
    const files = ['/nvm/a.js', '/nvm20/a.js', '/alias/a.js', '/types18/src/a.ts', '/types20/src/a.ts', '/both/a.ts'];
    expect(older(packages, files)).toEqual(['/nvm/a.js', '/types18/src/a.ts']);
  });

  it('a package.json that does not parse, or no package.json at all, keeps the Blob', () => {
    expect(older({ '/a/package.json': '{ "engines": ' }, ['/a/x.js', '/b/y.js'])).toEqual([]);
  });
});
