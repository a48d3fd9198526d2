import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway certificate authority and one server certificate for TikTok's hostnames, made with
 * the openssl CLI at test start. Nothing is committed: a key in the repository would be a key
 * anyone can read. A program under test trusts the CA through NODE_EXTRA_CA_CERTS, which Node adds
 * to its built-in roots, so every client verifies the mock the way it verifies TikTok.
 */
export interface MockCertificates {
  readonly dir: string;
  readonly caCertPath: string;
  readonly caCert: string;
  readonly key: string;
  readonly cert: string;
  /** Removes the folder with the keys. */
  remove(): void;
}

const OPENSSL = process.env.OPENSSL_BIN ?? 'openssl';

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync(OPENSSL, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`openssl ${args[0]} failed (is ${OPENSSL} installed?): ${stderr || String(error)}`);
  }
}

/** Makes a CA and a leaf certificate whose subjectAltName lists every name in `hostnames`. */
export function createMockCertificates(hostnames: readonly string[]): MockCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'tiktok-mock-tls-'));
  try {
    // Modern extensions on both: OpenSSL 3 and Node reject a CA without basicConstraints CA:TRUE,
    // and clients check the leaf's SAN, not its CN.
    writeFileSync(
      join(dir, 'ca.ext'),
      ['basicConstraints = critical, CA:TRUE, pathlen:0', 'keyUsage = critical, keyCertSign, cRLSign', 'subjectKeyIdentifier = hash'].join(
        '\n',
      ),
    );
    writeFileSync(
      join(dir, 'server.ext'),
      [
        'basicConstraints = critical, CA:FALSE',
        'keyUsage = critical, digitalSignature, keyEncipherment',
        'extendedKeyUsage = serverAuth',
        'subjectKeyIdentifier = hash',
        'authorityKeyIdentifier = keyid',
        `subjectAltName = ${hostnames.map((name) => `DNS:${name}`).join(', ')}`,
      ].join('\n'),
    );
    // P-256 keys: generated in milliseconds, accepted by every client in use.
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    openssl(['req', '-new', ...ec, '-keyout', 'ca.key', '-out', 'ca.csr', '-subj', '/CN=TikTok mock test CA'], dir);
    openssl(['x509', '-req', '-in', 'ca.csr', '-signkey', 'ca.key', '-days', '2', '-sha256', '-extfile', 'ca.ext', '-out', 'ca.crt'], dir);
    openssl(['req', '-new', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${hostnames[0]}`], dir);
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'server.csr',
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '2',
        '-sha256',
        '-extfile',
        'server.ext',
        '-out',
        'server.crt',
      ],
      dir,
    );
    return {
      dir,
      caCertPath: join(dir, 'ca.crt'),
      caCert: readFileSync(join(dir, 'ca.crt'), 'utf8'),
      key: readFileSync(join(dir, 'server.key'), 'utf8'),
      cert: readFileSync(join(dir, 'server.crt'), 'utf8'),
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
