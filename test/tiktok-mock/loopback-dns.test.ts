import { execFileSync } from 'node:child_process';
import dns from 'node:dns';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { HOSTS_ENV, LOOPBACK_DNS_PATH, createLookup, installLoopbackDns, uninstallLoopbackDns } from '../support/tiktok-mock/index.js';

const hosts = { 'open-api.tiktok.com': '127.44.0.9', 'open.tiktokapis.com': '127.44.0.9' };

function lookupOnce(lookup: typeof dns.lookup, host: string, options: dns.LookupOptions | number | undefined) {
  return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family: unknown }>((resolve) => {
    const callback = (error: NodeJS.ErrnoException | null, address?: unknown, family?: unknown) => resolve({ error, address, family });
    if (options === undefined) (lookup as (h: string, cb: typeof callback) => void)(host, callback);
    else (lookup as (h: string, o: unknown, cb: typeof callback) => void)(host, options, callback);
  });
}

describe('loopback-dns (the child-process DNS patch)', () => {
  afterEach(() => uninstallLoopbackDns());

  it('answers mapped names in every callback form', async () => {
    const lookup = createLookup(hosts) as typeof dns.lookup;
    expect(await lookupOnce(lookup, 'open-api.tiktok.com', undefined)).toEqual({ error: null, address: '127.44.0.9', family: 4 });
    expect(await lookupOnce(lookup, 'OPEN.tiktokapis.com.', 4)).toEqual({ error: null, address: '127.44.0.9', family: 4 });
    expect(await lookupOnce(lookup, 'open.tiktokapis.com', { all: true, hints: dns.ADDRCONFIG })).toMatchObject({
      address: [{ address: '127.44.0.9', family: 4 }],
    });
    expect(await lookupOnce(lookup, 'open.tiktokapis.com', { family: 'IPv4' } as unknown as dns.LookupOptions)).toMatchObject({
      address: '127.44.0.9',
    });
    const v6 = await lookupOnce(lookup, 'open.tiktokapis.com', { family: 6 });
    expect(v6.error?.code).toBe('ENOTFOUND');
  });

  it('leaves every other name to the real resolver', async () => {
    const lookup = createLookup(hosts) as typeof dns.lookup;
    expect(await lookupOnce(lookup, '127.0.0.1', undefined)).toEqual({ error: null, address: '127.0.0.1', family: 4 });
    // A lookalike of a mapped name is not mapped.
    expect((await lookupOnce(lookup, 'open-api.tiktok.com.evil.invalid', undefined)).address).not.toBe('127.44.0.9');
  });

  it('patches dns.lookup, its promisified form and dns.promises.lookup, and undoes it', async () => {
    const original = dns.lookup;
    installLoopbackDns(hosts);
    expect(dns.lookup).not.toBe(original);
    expect(await promisify(dns.lookup)('open-api.tiktok.com')).toEqual({ address: '127.44.0.9', family: 4 });
    expect(await dns.promises.lookup('open-api.tiktok.com')).toEqual({ address: '127.44.0.9', family: 4 });
    expect(await dns.promises.lookup('open-api.tiktok.com', { all: true })).toEqual([{ address: '127.44.0.9', family: 4 }]);
    await expect(dns.promises.lookup('open-api.tiktok.com', { family: 6 })).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect((await dns.promises.lookup('127.0.0.1')).address).toBe('127.0.0.1');
    uninstallLoopbackDns();
    expect(dns.lookup).toBe(original);
  });

  it('as a preload, patches the named ESM imports and the promises module a library may hold', () => {
    const program = fileURLToPath(new URL('./programs/dns-forms.mjs', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', LOOPBACK_DNS_PATH, program, 'open.tiktokapis.com'], {
      env: { ...process.env, NODE_OPTIONS: '', [HOSTS_ENV]: 'open.tiktokapis.com=127.44.0.9' },
      timeout: 10_000,
    });
    const one = { address: '127.44.0.9', family: 4 };
    expect(JSON.parse(out.toString())).toEqual({ callback: one, all: [one], promisesNamed: one, promisesDefault: one, promisified: one });
  });

  it('ships as plain .mjs beside the TypeScript, and names its environment variable', () => {
    expect(LOOPBACK_DNS_PATH).toBe(fileURLToPath(new URL('../support/tiktok-mock/loopback-dns.mjs', import.meta.url)));
    expect(HOSTS_ENV).toBe('TIKTOK_MOCK_HOSTS');
  });
});
