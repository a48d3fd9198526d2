/**
 * Masks credentials in anything the rewrite prints: diffs, reports, messages. Reports never print
 * a literal access token found in code (DESIGN.md, "Invariants").
 *
 * Two kinds of secret are recognised:
 * - TikTok's own tokens, by their prefix: `act.` (access token), `rft.` (refresh token), `clt.`
 *   (client access token), followed by token characters (letters, digits, `!`, `.`, `*`, `_`, `-`,
 *   `~`, `+`, `/`, `=`). They are masked wherever they appear.
 * - Secret-looking values assigned to a secret-sounding name (`client_secret = '…'`,
 *   `accessToken: "…"`, `TIKTOK_CLIENT_SECRET=…` in a `.env` or YAML line, `"token": "…"`).
 */

const TOKEN_PREFIXES = ['act', 'rft', 'clt'] as const;

/** A prefix, a dot, then token characters; not inside a longer word (`react.js`, `exact.value`). */
const PREFIXED_TOKEN = /(?<![\w.$])(act|rft|clt)\.([A-Za-z0-9!*._~+/=-]+)/g;

/**
 * `act.` followed by something that could be a token rather than a property access: eight or more
 * characters with a digit (`act.1234abcd`, `act.example12345…`), or long enough that no property
 * name would be (`act.someCallbackName` stays).
 */
function looksLikeToken(body: string): boolean {
  return (body.length >= 8 && /\d/.test(body)) || body.length >= 24;
}

/**
 * The tail of a name that says it holds a secret: `client_secret`, `clientSecret`, `CLIENT_SECRET`,
 * `access_token`, `accessToken`, `refresh_token`, `token`, `secret`, `api_key`, `password`, and any
 * name that ends in one of them (`TIKTOK_CLIENT_SECRET`, `userAccessToken`).
 */
const SECRET_NAME = String.raw`[\w$-]*?(?:secret|token|api[_-]?key|apikey|password|passwd)`;

/** `name` (quoted or not), `=` or `:`, then a quoted value or a bare one up to a delimiter. */
const SECRET_ASSIGNMENT = new RegExp(
  String.raw`(?<name>(?<![\w$])["']?${SECRET_NAME}["']?)(?<sep>\s*(?:[:=]|:=|=>)\s*)(?:(?<quote>["'\x60])(?<quoted>[^"'\x60\s]{12,})\k<quote>|(?<bare>[A-Za-z0-9!*._~+/=-]{12,}))`,
  'gi',
);

/**
 * A value that could be a secret: long, letters and digits mixed, and not an expression or a name
 * (`process.env.TIKTOK_CLIENT_SECRET`, `config.tiktok.accessToken`, `getAccessTokenFromStore`).
 */
function looksLikeSecret(value: string): boolean {
  if (value.length < 16) return false;
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return false;
  if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(value)) return false;
  if (/^(https?:|\/|\.\/|\$\{)/i.test(value)) return false;
  return true;
}

function maskedValue(value: string): string {
  const prefix = TOKEN_PREFIXES.find((candidate) => value.startsWith(`${candidate}.`));
  return prefix ? `${prefix}.****` : '****';
}

/** The text with every recognisable token and secret value replaced by a mask. */
export function maskSecrets(text: string): string {
  if (!/act\.|rft\.|clt\.|secret|token|key|passw/i.test(text)) return text;
  const tokensMasked = text.replace(PREFIXED_TOKEN, (match, prefix: string, body: string) =>
    looksLikeToken(body) ? `${prefix}.****` : match,
  );
  return tokensMasked.replace(SECRET_ASSIGNMENT, (match, ...args) => {
    const groups = args.at(-1) as { name: string; sep: string; quote?: string; quoted?: string; bare?: string };
    const value = groups.quoted ?? groups.bare ?? '';
    if (value.includes('****') || !looksLikeSecret(value)) return match;
    const quote = groups.quote ?? '';
    return `${groups.name}${groups.sep}${quote}${maskedValue(value)}${quote}`;
  });
}

/** A writer that masks everything it is given: wrap every stream the rewrite prints to. */
export function maskingWriter(target: { write(text: string): unknown }): { write(text: string): unknown } {
  return { write: (text: string) => target.write(maskSecrets(text)) };
}
