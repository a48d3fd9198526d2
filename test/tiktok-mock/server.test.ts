import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_HOSTNAMES, mockRequest, startTikTokMock, type TikTokMock } from '../support/tiktok-mock/index.js';

describe('the mock server: loopback :443, one certificate, routing by Host', () => {
  let mock: TikTokMock;
  beforeAll(async () => {
    mock = await startTikTokMock();
  });
  afterAll(() => mock?.close());

  it('listens on a loopback address, port 443, and hands out what a child process needs', () => {
    expect(mock.address).toMatch(/^127\.\d+\.\d+\.\d+$/);
    expect(mock.env.NODE_EXTRA_CA_CERTS).toBe(mock.caCertPath);
    expect(mock.env.NODE_OPTIONS).toBe(`--import=file://${mock.loopbackDnsPath}`);
    expect(mock.env.TIKTOK_MOCK_HOSTS!.split(',').sort()).toEqual(MOCK_HOSTNAMES.map((h) => `${h}=${mock.address}`).sort());
  });

  it('presents a certificate for every TikTok name, signed by the throwaway CA', async () => {
    for (const servername of MOCK_HOSTNAMES) {
      const peer = await new Promise<tls.PeerCertificate & { raw: Buffer }>((resolve, reject) => {
        const socket = tls.connect({ host: mock.address, port: 443, servername, ca: mock.caCert }, () => {
          const cert = socket.getPeerCertificate();
          socket.end();
          if (!socket.authorized) reject(socket.authorizationError);
          else resolve(cert);
        });
        socket.on('error', reject);
      });
      const cert = new X509Certificate(peer.raw);
      expect(cert.checkHost(servername)).toBe(servername);
      expect(cert.verify(new X509Certificate(mock.caCert).publicKey)).toBe(true);
    }
  });

  it('refuses a TLS client that does not trust the CA', async () => {
    const error = await new Promise<Error>((resolve) => {
      const socket = tls.connect({ host: mock.address, port: 443, servername: MOCK_HOSTNAMES[0] }, () => resolve(new Error('connected')));
      socket.on('error', resolve);
    });
    expect((error as NodeJS.ErrnoException).code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('answers 421 for a Host it does not serve and 404 for an unknown path', async () => {
    const other = await mockRequest(mock, 'https://open-api.tiktok.com/share/video/upload/', {
      method: 'POST',
      headers: { Host: 'www.tiktok.com' },
      servername: 'open-api.tiktok.com',
    });
    expect(other.status).toBe(421);
    const unknown = await mockRequest(mock, 'https://open.tiktokapis.com/v2/research/video/query/');
    expect(unknown.status).toBe(404);
    expect(unknown.json().error.log_id).toEqual(expect.any(String));
  });

  it('fails with a clear message when the address is taken', async () => {
    await expect(startTikTokMock({ address: mock.address })).rejects.toThrow(`${mock.address}:443 is already in use`);
  });

  it('lets test files run side by side: each mock gets its own address', async () => {
    const second = await startTikTokMock();
    try {
      expect(second.address).not.toBe(mock.address);
      expect((await mockRequest(second, 'https://open.tiktokapis.com/nowhere')).status).toBe(404);
    } finally {
      await second.close();
    }
  });
});
