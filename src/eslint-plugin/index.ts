import type { ESLint, Linter, Rule } from 'eslint';
import { readPackageInfo } from '../package-info.js';
import { RULES } from '../detect/rule-catalog.js';
import noFormDataVideoUpload from './rules/no-form-data-video-upload.js';
import noLegacyResponseField from './rules/no-legacy-response-field.js';
import noLegacyShareEndpoint from './rules/no-legacy-share-endpoint.js';
import noLegacyWebhookEvent from './rules/no-legacy-webhook-event.js';
import noMigrationTodo from './rules/no-migration-todo.js';
import noTokenInQuery from './rules/no-token-in-query.js';
import noUnmappedLegacyEndpoint from './rules/no-unmapped-legacy-endpoint.js';
import noV1OauthEndpoint from './rules/no-v1-oauth-endpoint.js';

const { version } = readPackageInfo();
const name = 'migrate-share-video/eslint-plugin';

const rules: Record<string, Rule.RuleModule> = {
  'no-form-data-video-upload': noFormDataVideoUpload,
  'no-legacy-response-field': noLegacyResponseField,
  'no-legacy-share-endpoint': noLegacyShareEndpoint,
  'no-legacy-webhook-event': noLegacyWebhookEvent,
  'no-migration-todo': noMigrationTodo,
  'no-token-in-query': noTokenInQuery,
  'no-unmapped-legacy-endpoint': noUnmappedLegacyEndpoint,
  'no-v1-oauth-endpoint': noV1OauthEndpoint,
};

const PREFIX = 'migrate-share-video';

/** Each rule at the severity the catalog gives it: v1 OAuth calls warn, the rest fail CI. */
const recommendedRules: Linter.RulesRecord = Object.fromEntries(
  Object.keys(rules).map((id) => [`${PREFIX}/${id}`, RULES[id as keyof typeof RULES].severity === 'warning' ? 'warn' : 'error']),
);

const plugin: ESLint.Plugin & { configs: { recommended: Linter.Config; 'legacy-recommended': Linter.LegacyConfig } } = {
  meta: { name, version, namespace: PREFIX },
  rules,
  configs: {
    recommended: { name: `${PREFIX}/recommended`, rules: recommendedRules },
    /** For projects still on `.eslintrc`: `"extends": ["plugin:migrate-share-video/legacy-recommended"]`. */
    'legacy-recommended': { plugins: [PREFIX], rules: recommendedRules },
  },
};
// A flat config names the plugin object itself, which exists only now.
plugin.configs.recommended.plugins = { [PREFIX]: plugin };

export default plugin;
