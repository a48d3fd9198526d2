import { createRule } from '../create-rule.js';

export default createRule('no-form-data-video-upload');
