import { V1_TOKEN_STATUS_FIELDS } from '../contract/index.js';

/**
 * The `project` outcome's places for an answer type declared in another module, which the project
 * pass makes v2 there: `flatten-token-answer:TokenAnswer`, `string-error-code:ProfileAnswer`.
 */
export const TOKEN_TYPE_PLACE = 'flatten-token-answer:';
export const ERROR_CODE_TYPE_PLACE = 'string-error-code:';

/** Members of the v1 answer's `data` that the v2 answer does not have. */
const V1_ONLY = new Set<string>(V1_TOKEN_STATUS_FIELDS);

/** A member of a type as written: its name and its source text. */
export interface TypeMember {
  readonly name: string | undefined;
  readonly text: string;
}

/**
 * The members of the flat v2 token answer, one declaration each, from the v1 `{ data: { … }, message }`:
 * `data`'s own fields but the v1 status ones, the outer ones but `data`, `message` and `extra`, and
 * `error?` and `error_description?` for a failure.
 */
export function flatTokenMembers(data: readonly TypeMember[], outer: readonly TypeMember[]): string[] {
  return [
    ...data.filter((member) => !V1_ONLY.has(member.name ?? '')).map((member) => member.text),
    ...outer.filter((member) => !['data', 'message', 'extra'].includes(member.name ?? '')).map((member) => member.text),
    'error?: string;',
    'error_description?: string;',
  ].map((line) => (line.endsWith(';') || line.endsWith(',') ? line.replace(/,$/, ';') : `${line};`));
}
