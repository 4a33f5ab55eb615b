// Role CRs -> Keystone's role inference documents.
import type { Static } from '@sinclair/typebox';
import type { Role } from '../../../../../crds/types.generated.js';
import { v3Url } from '../collection.js';
import type { inferenceRoleSchema, listImpliedRolesResponse, listRoleInferencesResponse, showImpliedRoleResponse } from './implied-roles.schema.js';

type InferenceRole = Static<typeof inferenceRoleSchema>;

export function inferenceRoleView(baseUrl: string, role: Role): InferenceRole {
  return { id: role.metadata.name, name: role.spec.name, links: { self: v3Url(baseUrl, `roles/${role.metadata.name}`) } };
}

export function impliedRoleView(baseUrl: string, prior: Role, implied: Role): Static<typeof showImpliedRoleResponse> {
  return {
    role_inference: { prior_role: inferenceRoleView(baseUrl, prior), implies: inferenceRoleView(baseUrl, implied) },
    links: { self: v3Url(baseUrl, `roles/${prior.metadata.name}/implies/${implied.metadata.name}`) },
  };
}

export function impliedRoleListView(baseUrl: string, prior: Role, implied: Role[]): Static<typeof listImpliedRolesResponse> {
  return {
    role_inference: { prior_role: inferenceRoleView(baseUrl, prior), implies: implied.map((r) => inferenceRoleView(baseUrl, r)) },
    links: { self: v3Url(baseUrl, `roles/${prior.metadata.name}/implies`) },
  };
}

export function roleInferencesView(baseUrl: string, rules: { prior: Role; implied: Role[] }[]): Static<typeof listRoleInferencesResponse> {
  return { role_inferences: rules.map(({ prior, implied }) => ({ prior_role: inferenceRoleView(baseUrl, prior), implies: implied.map((r) => inferenceRoleView(baseUrl, r)) })) };
}
