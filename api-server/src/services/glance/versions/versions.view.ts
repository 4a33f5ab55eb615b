// Glance's version list, each entry pointing at the one v2 endpoint.
import type { Static } from '@sinclair/typebox';
import type { listVersionsResponse } from './versions.schema.js';

export function versionsView(base: string): Static<typeof listVersionsResponse> {
  const entry = (id: string, status: string): Static<typeof listVersionsResponse>['versions'][number] => ({
    id,
    status,
    links: [{ rel: 'self', href: `${base}/image/v2/` }],
  });
  return { versions: [entry('v2.16', 'CURRENT'), entry('v2.0', 'SUPPORTED')] };
}
