// GET and PUT /servers/{id}/tags answer the server's tags.
import type { Static } from '@sinclair/typebox';
import type { Server } from '../../../../../crds/types.generated.js';
import type { serverTagsResponse } from './server-tags.schema.js';

export function serverTagsView(s: Server): Static<typeof serverTagsResponse> {
  return { tags: s.spec.tags ?? [] };
}
