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

  it('a package.json that does not parse, or no package.json at all, keeps the Blob', () => {
    expect(older({ '/a/package.json': '{ "engines": ' }, ['/a/x.js', '/b/y.js'])).toEqual([]);
  });
});
