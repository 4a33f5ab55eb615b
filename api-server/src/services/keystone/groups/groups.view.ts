// Group CR -> Keystone's group document, extra attributes included.
import type { Static } from '@sinclair/typebox';
import type { Group } from '../../../../../crds/types.generated.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { groupSchema, listGroupsResponse } from './groups.schema.js';

export function groupView(baseUrl: string, g: Group): Static<typeof groupSchema> {
  return {
    ...(g.spec.extra ?? {}),
    id: g.metadata.name,
    name: g.spec.name,
    domain_id: g.spec.domainId,
    description: g.spec.description ?? '',
    links: { self: v3Url(baseUrl, `groups/${g.metadata.name}`) },
  };
}

export function groupListView(baseUrl: string, links: CollectionLinks, groups: Group[]): Static<typeof listGroupsResponse> {
  return { groups: groups.map((g) => groupView(baseUrl, g)), links };
}
