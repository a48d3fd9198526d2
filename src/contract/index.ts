export * from './legacy-share-api.js';
export * from './content-posting-api.js';
export * from './webhook-events.js';
export * from './lookalikes.js';
export * from './name-words.js';
export * from './prefilter-markers.js';
