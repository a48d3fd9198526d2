import { isObjectProperty, objectProperties, unwrap, type Node } from './ast.js';
import { classifyUrl, type UrlMatch } from './classify-url.js';
import { foldedText } from './folded.js';
import type { ModuleIndex } from './module-index.js';
import { isExported, isRelativeUploadPath } from './endpoints.js';
import type { RawFinding } from './raw-finding.js';
import type { TikTokRequest } from './requests.js';
import type { ValueFolder } from './static-value.js';

/**
 * A name that says "the base of the API" (`baseUrl`, `API_BASE`, `$apiBase`, `apiUrl`, `endpoint`,
 * `TIKTOK_API_URL`, `TIKTOK_URL`; not `REDIRECT_URL` nor `profileUrl`).
 * A bare host held by any other name (`TIKTOK_LEGACY_API` in a CSP or proxy allow-list) is a host,
 * not a place requests are built on, and stays quiet.
 */
export const BASE_NAME = /^(?!.*(?:redirect|callback|return))(?:.*base|(?:.*(?:_|api))?(?:url|endpoint|root)$)/i;

/**
 * The retired host held as the base URL of a client class or a platform settings record, or in a
 * variable no request in this module is seen using. Every path under that base fails since
 * 2023-09-10, so a bare base is legacy code even with no path in sight.
 */
export function findLegacyBaseUrls(
  index: ModuleIndex,
  folder: ValueFolder,
  requests: readonly TikTokRequest[],
  handedInBases: ReadonlySet<Node> = new Set(),
): RawFinding[] {
  const used = new Set<Node>(requests.flatMap((request) => [...request.trace]));
  const findings: RawFinding[] = [];
  for (const node of [...index.ofType('StringLiteral'), ...index.ofType('Literal'), ...index.ofType('TemplateLiteral')]) {
    if (node.type === 'Literal' && typeof node.value !== 'string') continue;
    if (node.type === 'TemplateLiteral' && node.expressions.length > 0) continue;
    const match = classifyUrl(foldedText(folder.fold(node)));
    if (match?.kind !== 'legacy-base') continue;
    const holder = holderOf(node, index);
    // `{ tiktok: { host: 'https://open-api.tiktok.com', uploadPath: … } }`: a settings record's host is its base.
    const recordHost = holder?.kind === 'member' && /^(api)?host$/i.test(holder.name) && inSettingsRecord(node, index);
    if (holder === undefined || (!BASE_NAME.test(holder.name) && !recordHost && !isStageBase(node, holder, index))) continue;
    // A variable a request is built on carries no finding of its own (the request does), and the
    // rewrite drops it once nothing reads it. A class field or a record entry stays after the
    // rewrite, pointing at the retired host: it is a site of its own, used or not.
    // `export const API_BASE`, `module.exports = { API_BASE }`: other modules build on it (not a function
    // the module exports that reads it: that module's own requests carry the findings).
    const exported = isExported(node, index, true);
    if (holder.kind === 'variable' && used.has(node) && !exported) continue;
    // A client's own option (`axios.create({ baseURL })`): its requests carry the findings. One no
    // request of this module is seen using (a class that hands its client to other modules), or one
    // that sends configs built elsewhere (`request(config) { return api(config) }`), is a site of its own.
    if (inCallArgument(node, index) && (used.has(node) || (!inClassBody(node, index) && !handedInBases.has(node)))) continue;
    // `{ base: 'https://open-api.tiktok.com', upload: '/share/video/upload/' }`: the path's own
    // finding names this base, and the record is one site with one TODO.
    if (onlyUploadPathsBeside(node, index, folder)) continue;
    findings.push({
      ruleId: 'no-unmapped-legacy-endpoint',
      messageId: 'base',
      node,
      data: { legacy: baseUrlText(match) },
    });
  }
  return findings;
}

/** The base as its TODO and finding name it: `https://open-api.tiktok.com`, no final slash. */
export function baseUrlText(match: UrlMatch): string {
  return `https://${match.host}${match.path.replace(/\/$/, '')}`;
}

/**
 * A base inside a settings record (`PLATFORMS.tiktok.baseUrl`) is reported where it is written: that
 * record is what a person edits.
 */
function inSettingsRecord(node: Node, index: ModuleIndex): boolean {
  return [...index.ancestors(node)].filter((ancestor) => ancestor.type === 'ObjectExpression').length >= 2;
}

/** The names of the stages an app picks its base by (`{ sandbox: …, production: … }`). */
const STAGE_NAME = /^(?:prod(?:uction)?|live|sandbox|staging|stage|dev(?:elopment)?|test(?:ing)?|local)$/i;
/** A record of bases (`ENDPOINTS`, `API_HOSTS`, `baseUrls`), one held by a name that says so. */
const BASES_NAME = /(?:url|endpoint|host|base|api)s?$/i;

/**
 * `const ENDPOINTS = { sandbox: …, production: 'https://open-api.tiktok.com/v1' }`: the base of the
 * stage the app picks when it starts, a base all the same.
 */
function isStageBase(node: Node, holder: { kind: 'variable' | 'member'; name: string }, index: ModuleIndex): boolean {
  if (holder.kind !== 'member' || !STAGE_NAME.test(holder.name)) return false;
  const property = index.parent(node);
  const record = property && index.parent(property);
  if (record?.type !== 'ObjectExpression') return false;
  const recordName = holderName(record, index);
  return recordName !== undefined && BASES_NAME.test(recordName);
}

function onlyUploadPathsBeside(node: Node, index: ModuleIndex, folder: ValueFolder): boolean {
  const property = index.parent(node);
  const record = property && index.parent(property);
  if (!property || !isObjectProperty(property) || record?.type !== 'ObjectExpression') return false;
  const others = objectProperties(record).filter((sibling) => sibling !== property);
  // Sent by a request of this module, the pair is that request's site; left after its rewrite, the
  // path's own TODO names the host beside it.
  return others.length > 0 && others.every((sibling) => isRelativeUploadPath(foldedText(folder.fold(unwrap(sibling.value)))));
}

function inClassBody(node: Node, index: ModuleIndex): boolean {
  return [...index.ancestors(node)].some((ancestor) => ancestor.type === 'ClassBody');
}

function inCallArgument(node: Node, index: ModuleIndex): boolean {
  return [...index.ancestors(node)].some((ancestor) => ancestor.type === 'CallExpression' || ancestor.type === 'NewExpression');
}

/** Where the literal is stored: a variable (or an assignment to one), a property or a class field. */
function holderOf(node: Node, index: ModuleIndex): { kind: 'variable' | 'member'; name: string } | undefined {
  const name = holderName(node, index);
  if (name === undefined) return undefined;
  let parent = index.parent(node);
  while (parent && unwrap(parent) !== parent) parent = index.parent(parent);
  const isVariable =
    parent?.type === 'VariableDeclarator' || (parent?.type === 'AssignmentExpression' && parent.left.type === 'Identifier');
  return { kind: isVariable ? 'variable' : 'member', name };
}

function holderName(node: Node, index: ModuleIndex): string | undefined {
  let child = node;
  let parent = index.parent(node);
  while (parent && unwrap(parent) !== parent) {
    child = parent;
    parent = index.parent(parent);
  }
  if (!parent) return undefined;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.init === child && parent.id.type === 'Identifier' ? parent.id.name : undefined;
    case 'ObjectProperty':
    case 'Property':
    case 'ClassProperty':
    case 'PropertyDefinition':
      return parent.value === child ? keyName(parent.key) : undefined;
    case 'AssignmentExpression':
      return parent.right === child ? targetName(parent.left) : undefined;
    default:
      return undefined;
  }
}

function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral' || key.type === 'Literal') return String(key.value);
  return undefined;
}

function targetName(target: Node): string | undefined {
  if (target.type === 'Identifier') return target.name;
  if (target.type === 'MemberExpression' && !target.computed) return keyName(target.property);
  return undefined;
}
