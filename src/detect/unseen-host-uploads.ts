import { unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

/**
 * The calls that send a Share Video upload path on a base out of sight (`fetch(\`${config.baseUrl}/share/video/upload/\`)`,
 * or a constant holding it): given the path strings reported as such, the calls that take one as their
 * URL. Their answers are the legacy upload's if the base is the retired host.
 */
export function unseenHostUploadCalls(index: ModuleIndex, paths: readonly Node[]): Node[] {
  if (paths.length === 0) return [];
  const wanted = new Set(paths);
  return [...index.ofType('CallExpression'), ...index.ofType('OptionalCallExpression')].filter((call) => {
    const [first] = call.arguments as Node[];
    if (!first) return false;
    let url = unwrap(first);
    if (url.type === 'Identifier') {
      const binding = index.resolve(url);
      if (binding?.init && binding.path.length === 0) url = unwrap(binding.init);
    }
    return wanted.has(url);
  });
}
