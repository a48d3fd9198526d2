import type { EndpointVerdict } from './classify-endpoint.js';
import { escapeRegExp, type LineMatch } from './line-match.js';

/**
 * The name a legacy URL is assigned to, just before it: `endpointToken = "`, `const TOKEN_URL = '`,
 * `$tokenUrl = "`. An assignment only: not Go's local `:=`, a key (`url:`, `'url' =>`), or a
 * comparison.
 */
const ASSIGNED_TO = /(?<![\w$])(\$?[A-Za-z_][\w]*)\s*(?<![:=!<>])=\s*['"\x60]?$/;

/** Names too common to follow: a local `url` is reused for every request of a file. */
const TOO_COMMON = new Set(['url', 'uri', 'path', 'link', 'href', 'endpoint', 'base', 'host']);

export interface NamedUrl {
  readonly verdict: EndpointVerdict;
  readonly path: string;
  readonly line: number;
}

/**
 * Legacy URLs a file assigns to names (constants, package variables, fields), by name, from its
 * lines and the endpoints already found on each.
 */
export function legacyUrlNames(
  path: string,
  lines: readonly string[],
  endpoints: readonly (readonly LineMatch[])[],
): Map<string, NamedUrl> {
  const names = new Map<string, NamedUrl>();
  lines.forEach((line, index) => {
    for (const match of endpoints[index]) {
      if (match.messageId === 'base') continue;
      const name = ASSIGNED_TO.exec(line.slice(0, match.start))?.[1];
      if (name === undefined || name.length < 4 || TOO_COMMON.has(name.replace(/^\$/, '').toLowerCase())) continue;
      names.set(name, { verdict: match, path, line: index });
    }
  });
  return names;
}

/** A line that sends a request through one of those names (not the line assigning it). */
export function findNamedUrls(line: string, names: ReadonlyMap<string, NamedUrl>, path: string, index: number): LineMatch[] {
  const matches: LineMatch[] = [];
  for (const [name, named] of names) {
    if (named.path === path && named.line === index) continue;
    for (const match of line.matchAll(new RegExp(String.raw`(?<![\w$])${escapeRegExp(name)}(?![\w$])`, 'g'))) {
      const { ruleId, messageId, data } = named.verdict;
      matches.push({ start: match.index, end: match.index + name.length, ruleId, messageId, data });
    }
  }
  return matches;
}
