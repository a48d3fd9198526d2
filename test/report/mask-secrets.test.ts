import { describe, expect, it } from 'vitest';
import { maskingWriter, maskSecrets } from '../../src/report/mask-secrets.js';

describe('maskSecrets', () => {
  it.for([
    ['an access token in a string', `+const token = 'act.1234abcd5678efgh9012ijkl3456mnop!4321.va';`, `+const token = 'act.****';`],
    [
      'an access token in a header template',
      '-  headers: { Authorization: `Bearer act.example12345Example12345Example` },',
      '-  headers: { Authorization: `Bearer act.****` },',
    ],
    ['a refresh token', ` refresh_token: 'rft.example12345Example12345Example',`, ` refresh_token: 'rft.****',`],
    ['a client token, unquoted', '+ token: clt.AbCdEf0123456789xyz,', '+ token: clt.****,'],
    ['a token in a query string', '+url = `${base}?access_token=act.abc123def456ghi789`', '+url = `${base}?access_token=act.****`'],
    ['a client secret in a .env line', '+TIKTOK_CLIENT_SECRET=9f8e7d6c5b4a39281706f5e4d3c2b1a0', '+TIKTOK_CLIENT_SECRET=****'],
    ['a client secret in an object', '+  client_secret: "abcDEF1234567890ghiJKL",', '+  client_secret: "****",'],
    ['a quoted JSON key', '+  "access_token": "q1w2e3r4t5y6u7i8o9p0",', '+  "access_token": "****",'],
    ['a camelCase name', `+const accessToken = 'Zx9Yw8Vu7Ts6Rq5Po4Nm3';`, `+const accessToken = '****';`],
    ['a query parameter value', '+ access_token=abcdef1234567890abcdef&open_id=x', '+ access_token=****&open_id=x'],
  ])('masks %s', ([, input, expected]) => {
    expect(maskSecrets(input)).toBe(expected);
  });

  it.for([
    ['an environment variable', '+const clientSecret = process.env.TIKTOK_CLIENT_SECRET_V2;'],
    ['a function call', '+const accessToken = await getAccessTokenFromStore(user);'],
    ['property accesses on a variable named act', "+import React from 'react.js'; act.someCallback(); act.then(x)"],
    ['a URL', "+const tokenUrl = 'https://open.tiktokapis.com/v2/oauth/token/';"],
    ['a short placeholder', "+const secret = 'short';"],
    ['a name that is not secret', "+const TOKEN_KEY = 'access_token_storage_v1';"],
    ['a client key (public)', "+client_key: 'aw1234567890abcdef',"],
    ['a variable', "+ 'Authorization': 'Bearer ' + accessToken,"],
    ['a report line', 'src/a.ts:3:7  access_token in the query string of a TikTok request: send it as the header  no-token-in-query'],
  ])('leaves %s alone', ([, input]) => {
    expect(maskSecrets(input)).toBe(input);
  });

  it('masks every token of a multi-line text', () => {
    const text = "a = 'act.0000aaaa1111bbbb'\nb = 'rft.2222cccc3333dddd'\n";
    expect(maskSecrets(text)).toBe("a = 'act.****'\nb = 'rft.****'\n");
  });

  it('masks through a writer', () => {
    let written = '';
    maskingWriter({ write: (text: string) => (written += text) }).write('token act.1234abcd5678');
    expect(written).toBe('token act.****');
  });
});
