import { createRule } from '../create-rule.js';

export default createRule('no-migration-todo');
