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

/** A local variable given a legacy URL: Go's `url := "…"`, or a name too common to follow file-wide (`url = '…'`). */
const LOCAL_ASSIGNED = /(?<![\w$])(\$?[A-Za-z_]\w*)\s*(?::=|(?<![:=!<>])=)\s*['"\x60]?$/;
/** Where a function starts: its locals end there (Go, Python, PHP, Ruby, JavaScript, Kotlin, Rust). */
const FUNCTION_START = /^\s*(?:func\b|def\b|fun\b|fn\b|(?:(?:public|private|protected|static|async)\s+)*function\b)/;

/**
 * The lines that send a legacy URL held by a local variable (`url := "https://open-api.tiktok.com/…"`
 * then `http.NewRequest("POST", url, …)` further down): its uses up to the next assignment of that
 * name or the next function. Names followed file-wide (`legacyUrlNames`) are left to that.
 */
export function localUrlUses(lines: readonly string[], endpoints: readonly (readonly LineMatch[])[]): LineMatch[][] {
  const uses: LineMatch[][] = lines.map(() => []);
  lines.forEach((line, index) => {
    for (const match of endpoints[index]) {
      if (match.messageId === 'base') continue;
      const before = line.slice(0, match.start);
      const name = LOCAL_ASSIGNED.exec(before)?.[1];
      const global = ASSIGNED_TO.exec(before)?.[1];
      if (name === undefined || (global !== undefined && global.length >= 4 && !TOO_COMMON.has(global.replace(/^\$/, '').toLowerCase())))
        continue;
      const use = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}(?![\w$])`, 'g');
      const reassigned = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*(?::=|(?<![:=!<>])=(?!=))`);
      for (let next = index + 1; next < lines.length && !FUNCTION_START.test(lines[next]); next++) {
        if (reassigned.test(lines[next])) break;
        for (const found of lines[next].matchAll(use)) {
          uses[next].push({
            start: found.index,
            end: found.index + name.length,
            ruleId: match.ruleId,
            messageId: match.messageId,
            data: match.data,
          });
        }
      }
    }
  });
  return uses;
}
