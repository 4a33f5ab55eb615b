// A policy record -> Keystone's policy document.
import type { Static } from '@sinclair/typebox';
import type { PolicyRecord } from '../catalog-registry/catalog-registry.js';
import { v3Url, type CollectionLinks } from '../collection.js';
import type { listPoliciesResponse, PolicyDocument } from './policies.schema.js';

export function policyView(baseUrl: string, p: PolicyRecord): PolicyDocument {
  return { id: p.id, blob: p.blob, type: p.type, links: { self: v3Url(baseUrl, `policies/${p.id}`) } };
}

export function policyListView(baseUrl: string, links: CollectionLinks, policies: PolicyRecord[]): Static<typeof listPoliciesResponse> {
  return { policies: policies.map((p) => policyView(baseUrl, p)), links };
}
