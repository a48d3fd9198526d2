import { describe, expect, it } from 'vitest';
import { migrateInMemory } from '../../src/migrate/migrate-in-memory.js';
import { authorizeRedirectEnvIn } from '../../src/migrate/transform-task.js';

/** A login route that sends TikTok's v1 consent page the redirect URI it reads from the environment. */
const login = (names: readonly string[]) => `export function GET() {
  const query = new URLSearchParams({
    client_key: process.env.TIKTOK_CLIENT_KEY ?? '',
    response_type: 'code',
    scope: 'user.info.basic',
    redirect_uri: ${names.map((name) => `process.env.${name}`).join(' ?? ')} ?? '',
  });
  return Response.redirect(\`https://www.tiktok.com/auth/authorize/?\${query}\`);
}
`;

/** Its callback, in another module: the v1 exchange never sent a redirect_uri. */
const callback = `export async function GET(request: Request) {
  const code = new URL(request.url).searchParams.get('code') ?? '';
  const query = new URLSearchParams({
    client_key: process.env.TIKTOK_CLIENT_KEY ?? '',
    client_secret: process.env.TIKTOK_CLIENT_SECRET ?? '',
    code,
    grant_type: 'authorization_code',
  });
  const reply = await fetch(\`https://open-api.tiktok.com/oauth/access_token/?\${query}\`, { method: 'POST' });
  return Response.json({ token: (await reply.json()).data.access_token });
}
`;

const run = (loginText: string) =>
  migrateInMemory([
    { file: '/app/api/tiktok/login/route.ts', text: loginText },
    { file: '/app/api/tiktok/callback/route.ts', text: callback },
  ])[1];

describe('the redirect_uri of a code exchange whose login route is another module', () => {
  it('is the environment variable the login route sends, when it names one', () => {
    const migrated = run(login(['TIKTOK_REDIRECT_URI']));
    expect(migrated.output).toContain('https://open.tiktokapis.com/v2/oauth/token/');
    expect(migrated.output).toContain('redirect_uri: process.env.TIKTOK_REDIRECT_URI');
    expect(migrated.outcomes.filter((outcome) => outcome.action === 'todo')).toEqual([]);
  });

  it('is left to a person when the login modules name several', () => {
    const migrated = run(login(['TIKTOK_REDIRECT_URI', 'TIKTOK_CALLBACK_REDIRECT']));
    expect(migrated.output).toContain('open-api.tiktok.com/oauth/access_token/');
    expect(migrated.outcomes.map((outcome) => outcome.message).join('\n')).toContain(
      'the redirect_uri the authorize step sent cannot be found',
    );
  });

  it('is looked for only in modules that open a TikTok authorize page', () => {
    expect(authorizeRedirectEnvIn(['const a = process.env.TIKTOK_REDIRECT_URI;'])).toBeUndefined();
    expect(authorizeRedirectEnvIn([login(['APP_REDIRECT_URL']), 'process.env.OTHER_REDIRECT'])).toBe('APP_REDIRECT_URL');
    expect(authorizeRedirectEnvIn([login(['A_REDIRECT']), login(['B_REDIRECT'])])).toBeUndefined();
  });
});
