// Resolves a mapped name through every form of Node's resolver a client library may hold: the
// callback API through a named ESM import, the promises API (named and default import), util.promisify.
// Run under `node --import loopback-dns.mjs`; prints one JSON line.
import { lookup } from 'node:dns';
import dnsPromises, { lookup as promisesLookup } from 'node:dns/promises';
import { promisify } from 'node:util';

const [name] = process.argv.slice(2);
const callback = await new Promise((resolve) => lookup(name, (error, address, family) => resolve({ error: error?.code, address, family })));
const all = await new Promise((resolve) => lookup(name, { all: true }, (error, addresses) => resolve(addresses)));
process.stdout.write(
  `${JSON.stringify({
    callback,
    all,
    promisesNamed: await promisesLookup(name),
    promisesDefault: await dnsPromises.lookup(name, { family: 4 }),
    promisified: await promisify(lookup)(name),
  })}\n`,
);
