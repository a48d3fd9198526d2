import { analyzeModule, type AnalysisOptions } from '../detect/analyze-module.js';
import { rangeOf } from '../detect/ast.js';
import { isLegacyRequestFinding } from '../detect/endpoints.js';
import { parseModule } from '../detect/parse.js';
import { typeFieldPath } from '../detect/type-field-path.js';

/** A `share_id` declared on a named interface or type alias that describes a TikTok payload. */
interface PayloadTypeField {
  /** Its place in its named type: `UploadResponse.data.share_id` (see `typeFieldPath`). */
  readonly place: string;
  /** The property name's range in the text (the identifier, or the quoted key). */
  readonly start: number;
  readonly end: number;
}

/** What the project pass needs to know about one module, from the project's own detectors. */
export interface ModuleSites {
  readonly typeFields: readonly PayloadTypeField[];
  /** A legacy upload (or another legacy request) is still sent from here: its response still has `share_id`. */
  readonly uploadsLeft: boolean;
  /**
   * Ranges of the legacy response fields still read or declared here: what the codemod left in
   * place on purpose, each with a TODO (`share_id` on the named types above excepted).
   */
  readonly fieldsLeft: readonly (readonly [number, number])[];
}

/**
 * Runs the detectors on a module's text (after the per-file codemod) and sorts what they find for
 * the project pass. The `share_id` type fields are the `no-legacy-response-field` / `typeField`
 * findings whose field is `share_id` and that sit in a named declaration (inline type literals are
 * the per-file pass's). A text that does not parse gives nothing and counts as holding what is left.
 */
export function findModuleSites(text: string, file: string, options: AnalysisOptions = {}): ModuleSites {
  let analysis;
  try {
    analysis = analyzeModule(parseModule(text, file), text, file, options);
  } catch {
    return { typeFields: [], uploadsLeft: true, fieldsLeft: [] };
  }
  const typeFields: PayloadTypeField[] = [];
  const fieldsLeft: [number, number][] = [];
  let uploadsLeft = false;
  for (const finding of analysis.findings) {
    if (isLegacyRequestFinding(finding)) {
      uploadsLeft = true;
      continue;
    }
    if (finding.ruleId !== 'no-legacy-response-field' || !finding.node) continue;
    const [start, end] = rangeOf(finding.node);
    const signature = analysis.index.parent(finding.node);
    const place =
      finding.messageId === 'typeField' && finding.data.legacy === 'share_id' && signature
        ? typeFieldPath(analysis.index, signature)
        : undefined;
    if (place) typeFields.push({ place, start, end });
    else fieldsLeft.push([start, end]);
  }
  return { typeFields, uploadsLeft, fieldsLeft };
}
