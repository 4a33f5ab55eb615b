// /v3/groups (admins): create (the name unique in its domain through a NameClaim), list, show,
// update (rename moves the claim) and delete, which takes the group's memberships and its role
// assignments with it, as Keystone does.
import { Resources } from '../../../../../crds/resources.js';
import type { Group } from '../../../../../crds/types.generated.js';
import { notFound } from '../../../common/errors.js';
import { duplicateInDomain, releaseName, withNewClaim, withRenamedClaim, type ClaimRequest, type NameKey } from '../../../common/name-claims.js';
import type { AppDeps } from '../../../deps.js';
import { DEFAULT_DOMAIN_ID } from '../../../auth/default-domain.js';
import { matchesQuery } from '../collection.js';
import { syncHandler, type Handler } from '../handler.js';
import { byNameThenId, collectionLinks } from '../collection.js';
import { findDomainOr404 } from '../domains/domains.handlers.js';
import { newKeystoneId } from '../domains/domains.mapper.js';
import type { CreateGroupRequest, ListGroupsQuery, UpdateGroupRequest } from './groups.schema.js';
import { groupListView, groupView } from './groups.view.js';
import { applyGroupUpdate, toGroupResource } from './groups.mapper.js';

export const groupNameKey = (domainId: string, name: string): NameKey => ({ kind: Resources.Group.kind, scope: domainId, name });

function groupClaim(domainId: string, name: string, holderId: string): ClaimRequest {
  return { key: groupNameKey(domainId, name), holderId, taken: () => duplicateInDomain('group', name, domainId) };
}

export function findGroup(d: AppDeps, id: string): Group {
  const group = d.stores.groups.get(id);
  if (!group || group.metadata.deletionTimestamp) throw notFound(`Could not find group: ${id}.`);
  return group;
}

export function listGroupsHandler(d: AppDeps): Handler<undefined, ListGroupsQuery> {
  return syncHandler((ctx) => {
    const match = (g: Group): boolean => !g.metadata.deletionTimestamp && matchesQuery(ctx.query.name, g.spec.name) && matchesQuery(ctx.query.domain_id, g.spec.domainId);
    return { body: groupListView(ctx.baseUrl, collectionLinks(ctx), d.stores.groups.list().filter(match).sort(byNameThenId)) };
  });
}

export function showGroupHandler(d: AppDeps): Handler {
  return syncHandler((ctx) => ({ body: { group: groupView(ctx.baseUrl, findGroup(d, ctx.params.groupId)) } }));
}

export function createGroupHandler(d: AppDeps): Handler<{ group: CreateGroupRequest }> {
  return async (ctx) => {
    const req = ctx.body.group;
    const domainId = req.domain_id ?? ctx.auth.projectDomainId ?? DEFAULT_DOMAIN_ID;
    findDomainOr404(d, domainId);
    const id = newKeystoneId();
    const created = await withNewClaim(d.stores, groupClaim(domainId, req.name, id), () => d.stores.groups.create(toGroupResource(id, req, domainId)));
    return { status: 201, body: { group: groupView(ctx.baseUrl, created) } };
  };
}

export function updateGroupHandler(d: AppDeps): Handler<{ group: UpdateGroupRequest }> {
  return async (ctx) => {
    const req = ctx.body.group;
    const current = findGroup(d, ctx.params.groupId);
    const id = current.metadata.name;
    const to = groupClaim(current.spec.domainId, req.name ?? current.spec.name, id);
    const write = (): Promise<Group | undefined> => d.stores.groups.update(id, undefined, (g) => ({ ...g, spec: applyGroupUpdate(g.spec, req) }));
    const updated = await withRenamedClaim(d.stores, groupNameKey(current.spec.domainId, current.spec.name), to, write);
    if (!updated) throw notFound(`Could not find group: ${id}.`);
    return { body: { group: groupView(ctx.baseUrl, updated) } };
  };
}

export async function removeGroup(d: AppDeps, group: Group): Promise<void> {
  const id = group.metadata.name;
  const { stores } = d;
  await stores.groups.delete(id);
  for (const m of stores.groupMemberships.list().filter((x) => x.spec.groupId === id)) await stores.groupMemberships.delete(m.metadata.name);
  for (const a of stores.roleAssignments.list().filter((x) => x.spec.groupId === id)) await stores.roleAssignments.delete(a.metadata.name);
  await releaseName(stores, groupNameKey(group.spec.domainId, group.spec.name), id);
}

export function deleteGroupHandler(d: AppDeps): Handler {
  return async (ctx) => {
    await removeGroup(d, findGroup(d, ctx.params.groupId));
    return { status: 204 };
  };
}
