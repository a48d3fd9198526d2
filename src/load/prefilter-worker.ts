/**
 * A worker thread of the prefilter's pool (piscina), loaded from the compiled `dist/` JavaScript
 * next to prefilter-files.js.
 */
export { prefilterChunk as default } from './prefilter-chunk.js';
