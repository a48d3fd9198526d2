import { CONTENT_POSTING_EVENTS, LOOKALIKE_SERVICES, TIKTOK_MARKER, WEBHOOK_ENVELOPE_KEYS } from '../contract/index.js';
import type { Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

export type Owner = 'tiktok' | 'other' | 'unknown';

const POST_PUBLISH_PREFIX = CONTENT_POSTING_EVENTS[0].replace(/[^.]+$/, '');
const ENVELOPE_ONLY_KEYS = WEBHOOK_ENVELOPE_KEYS.filter((key) => key === 'client_key' || key === 'user_openid');

/** The codemod's own TODO comments name TikTok: they say nothing about whose the code is. */
const OWN_TODOS = /\/\/ TODO\(migrate-share-video\).*$/gm;

interface Evidence {
  /** TikTok named, or its Content Posting events beside. */
  readonly tiktok: boolean;
  /** TikTok's envelope keys only (`client_key`, `user_openid`): other services use them too. */
  readonly envelope: boolean;
  readonly other: boolean;
}

/** What a piece of code says about whose it is: TikTok, another service, both or neither. */
function evidence(source: string): Evidence {
  const text = source.includes('TODO(migrate-share-video)') ? source.replace(OWN_TODOS, '') : source;
  return {
    tiktok: TIKTOK_MARKER.test(text) || text.includes(POST_PUBLISH_PREFIX),
    envelope: ENVELOPE_ONLY_KEYS.every((key) => text.includes(key)),
    other: LOOKALIKE_SERVICES.some((service) => service.pattern.test(text)),
  };
}

/**
 * Whose a node is, decided by the innermost code around it that names a service (DESIGN.md,
 * "How a finding is anchored", 3 and 4): a handler, a route registration, a class, the module.
 * Code that names TikTok and another service at the same level cannot be told apart.
 */
export class OwnershipResolver {
  private readonly cache = new Map<Node, Evidence>();

  /** The file's path counts at the module level: `webhooks/tiktok.ts` says whose its handlers are. */
  constructor(
    private readonly index: ModuleIndex,
    private readonly filePath = '',
  ) {}

  ownerOf(node: Node): Owner {
    let envelope = false;
    for (const ancestor of this.index.ancestors(node)) {
      let found = this.cache.get(ancestor);
      if (!found)
        this.cache.set(
          ancestor,
          (found = evidence(ancestor === this.index.program ? `${this.filePath}\n${this.index.text}` : this.index.source(ancestor))),
        );
      if (found.tiktok && !found.other) return 'tiktok';
      if (found.other && !found.tiktok) return 'other';
      if (found.tiktok && found.other) return 'unknown';
      // The envelope alone is weak: a service named further out (Douyin's payload type) outweighs it.
      envelope ||= found.envelope;
    }
    return envelope ? 'tiktok' : 'unknown';
  }
}
