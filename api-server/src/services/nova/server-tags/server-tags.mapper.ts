// The server's tags as its spec keeps them: each once, in the order they were first added (Nova
// keeps a set; a repeated tag in a request is one tag), and no field once none is left.
import type { Server } from '../../../../../crds/types.generated.js';

export function withTags(spec: Server['spec'], tags: readonly string[]): Server['spec'] {
  const { tags: _old, ...rest } = spec;
  const unique = [...new Set(tags)];
  return unique.length ? { ...rest, tags: unique } : rest;
}
