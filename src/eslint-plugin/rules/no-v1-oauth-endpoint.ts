import { createRule } from '../create-rule.js';

export default createRule('no-v1-oauth-endpoint');
