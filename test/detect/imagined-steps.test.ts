import { describe, expect, it } from 'vitest';
import { imaginedStepAdvice, v2Advice } from '../../src/detect/classify-url.js';
import { HOLE } from '../../src/detect/folded.js';

// Steps real code wrote around the Share Video upload, on a host that never served them: the advice
// names what replaces each, and paths that are no such step keep the plain "no equivalent" finding.
describe('imaginedStepAdvice', () => {
  it.for([
    '/share/video/publish/',
    `/share/video/publish/${HOLE}/`,
    '/video/publish',
    '/share/video/create/',
    '/video/create/',
    '/share/video/commit/',
    '/share/video/upload/complete/',
    '/share/content/post/',
  ])('%s is a publish step: the inbox upload without it, or Direct Post', (path) => {
    const advice = imaginedStepAdvice(path);
    expect(advice).toContain('had no publish step');
    expect(advice).toContain('delete this step');
    expect(advice).toContain('https://open.tiktokapis.com/v2/post/publish/video/init/');
  });

  it.for(['/video/init/', '/share/video/init/', '/share/video/upload/init/'])('%s is an init step: the inbox init', (path) => {
    expect(imaginedStepAdvice(path)).toContain(
      'had no init step; the Content Posting upload starts at POST https://open.tiktokapis.com/v2/post/publish/inbox/video/init/',
    );
  });

  it.for(['/video/delete/', '/share/video/delete/'])('%s is a delete, which no API for apps serves', (path) => {
    expect(imaginedStepAdvice(path)).toContain('neither the Share Video nor the Content Posting API deletes a post');
  });

  it.for([
    '/share/sound/upload/',
    '/video/comments/',
    '/video/archive/',
    '/research/video/query/',
    '/video/publisher/',
    '/v2/video/publish/',
  ])('%s is no such step', (path) => {
    expect(imaginedStepAdvice(path)).toBeUndefined();
  });
});

describe('v2Advice', () => {
  it('gives a completion step on a v2-looking path the publish step advice', () => {
    expect(v2Advice('/v2/post/publish/video/complete/')).toMatch(
      /is none of its endpoints either: the Share Video API had no publish step/,
    );
  });

  it('points any other unknown v2 path at the inbox init', () => {
    expect(v2Advice('/v2/post/upload/')).toMatch(/port the call to the one it means \(an upload to the inbox starts at POST/);
  });
});
