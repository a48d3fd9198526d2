import { createRule } from '../create-rule.js';

export default createRule('no-unmapped-legacy-endpoint');
