import { LEGACY_RESPONSE_FIELDS, type LegacyResponseField } from '../contract/index.js';
import type { LineMatch } from './line-match.js';

/**
 * The parts of a legacy request and answer in a file of another language that calls the retired
 * host: the tokens its query carries, the multipart `video` field of the upload, the v1 answer's
 * fields it reads. Only asked of code that calls that host (`scanTexts` decides), since each of
 * these spellings alone belongs to many APIs.
 */

const TOKEN = '(access_token|open_id)';

/**
 * `?access_token=` / `&open_id=` in a URL built piece by piece, Go's `q.Add("open_id", …)` on
 * `url.Values` or a key of its literal (`"access_token": {token},`, each value a list), OkHttp's `addQueryParameter(…)`, a Python `params={"access_token": …}`. A JSON body
 * or a token answer's `['access_token']` is not a query.
 */
const QUERY_TOKEN = new RegExp(
  String.raw`[?&]${TOKEN}=|\.(?:Add|Set|addQueryParameter|queryParam)\(\s*"${TOKEN}"|^\s*"${TOKEN}"\s*:\s*\{[^}]*\},?\s*$`,
  'g',
);

/** A Python `params={…}` on one line, and each token key in it. */
const PARAMS_DICT = /params\s*=\s*\{[^}]*\}?/g;
const DICT_TOKEN = new RegExp(String.raw`["']${TOKEN}["']\s*:`, 'g');

/** The upload's multipart field: Go's `CreateFormFile("video", …)`, a PHP `'video' =>`, curl's `-F video=@`, a Python `files={'video': …}`. */
const VIDEO_FIELD =
  /(?:CreateFormFile|CreateFormField|addFormDataPart|addBinaryBody|AddFile|attach)\(\s*["'](video)["']|["'](video)["']\s*=>|(?:--form|-F)\s+["']?(video)=|files\s*=\s*\{\s*["'](video)["']/g;

const FIELD_NAMES = Object.keys(LEGACY_RESPONSE_FIELDS) as LegacyResponseField[];

/** A legacy answer field spelled as a key: `['error_code']`, `json:"share_id"`, `.get("err_code")`, `$data->share_id`. */
const ANSWER_FIELD = new RegExp(String.raw`(["'])(${FIELD_NAMES.join('|')})\1|->(${FIELD_NAMES.join('|')})\b`, 'g');

/** A Go struct field decoding a legacy answer field: `ErrorCode int \`json:"error_code"\``. */
const TAGGED_FIELD = new RegExp(String.raw`^\s*([A-Z]\w*)\s+[^\s\x60]+\s+\x60[^\x60]*json:"(${FIELD_NAMES.join('|')})[",]`);

/** The v2 counterpart of each legacy field, as the finding words it. */
const ANSWERED_BY: Readonly<Record<LegacyResponseField, string>> = {
  share_id: 'the Content Posting init answers data.publish_id',
  err_code: 'v2 answers error.code, a string, "ok" on success',
  error_code: 'v2 answers error.code, a string, "ok" on success',
  error_msg: 'v2 answers error.message',
  logid: 'v2 answers error.log_id',
  error_detail: 'v2 answers error.message',
};

/** In code that does not upload, an `error_code` is most likely the v1 token answer's. */
const TOKEN_ANSWER = ' (the v2 token endpoint answers error and error_description instead)';

function answerField(start: number, field: LegacyResponseField, uploads: boolean, length = field.length): LineMatch {
  const token = !uploads && (field === 'err_code' || field === 'error_code') ? TOKEN_ANSWER : '';
  return {
    start,
    end: start + length,
    ruleId: 'text/legacy-request-part',
    messageId: 'answerField',
    data: { field, replacement: ANSWERED_BY[field] + token },
  };
}

/** Go fields that decode legacy answer fields, by their Go name: the package reads them as `.ErrorCode`. */
export function taggedAnswerFields(text: string): Map<string, LegacyResponseField> {
  const fields = new Map<string, LegacyResponseField>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const match = TAGGED_FIELD.exec(line);
    if (match) fields.set(match[1], match[2] as LegacyResponseField);
  }
  return fields;
}

export interface RequestPartsContext {
  /** The file (or its Go package) sends the Share Video upload: a `video` field is its. */
  readonly uploads: boolean;
  /** Go struct fields of the package decoding legacy answer fields. */
  readonly taggedFields: ReadonlyMap<string, LegacyResponseField>;
}

/** Each token a line puts in a query, with where its name starts. */
function queryTokens(line: string): { name: string; at: number }[] {
  const inQuery = [...line.matchAll(QUERY_TOKEN)].map((match) => {
    const name = match[1] ?? match[2] ?? match[3];
    return { name, at: match.index + match[0].lastIndexOf(name) };
  });
  const inParams = [...line.matchAll(PARAMS_DICT)].flatMap((dict) =>
    [...dict[0].matchAll(DICT_TOKEN)].map((key) => ({ name: key[1], at: dict.index + key.index + 1 })),
  );
  return [...inQuery, ...inParams];
}

/** `lineSends`: the line names a legacy URL already, whose finding covers the query it carries. */
export function findRequestParts(line: string, context: RequestPartsContext, lineSends: boolean): LineMatch[] {
  const matches: LineMatch[] = [];
  const tokens = lineSends ? [] : queryTokens(line);
  for (const { name, at: start } of tokens) {
    matches.push({ start, end: start + name.length, ruleId: 'text/legacy-request-part', messageId: 'queryToken', data: { name } });
  }
  if (context.uploads) {
    for (const match of line.matchAll(VIDEO_FIELD)) {
      const start = match.index + match[0].lastIndexOf('video');
      matches.push({ start, end: start + 'video'.length, ruleId: 'text/legacy-request-part', messageId: 'videoField', data: {} });
    }
  }
  for (const match of line.matchAll(ANSWER_FIELD)) {
    const field = (match[2] ?? match[3]) as LegacyResponseField;
    matches.push(answerField(match.index + match[0].indexOf(field), field, context.uploads));
  }
  // `.ErrorCode`, read through the Go field that decodes `error_code`.
  if (context.taggedFields.size > 0) {
    for (const match of line.matchAll(/\.([A-Z]\w*)\b/g)) {
      const field = context.taggedFields.get(match[1]);
      if (field) matches.push(answerField(match.index + 1, field, context.uploads, match[1].length));
    }
  }
  return matches;
}
