import { createRule } from '../create-rule.js';

export default createRule('no-token-in-query');
