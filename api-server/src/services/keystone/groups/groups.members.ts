// Group membership: PUT/HEAD/DELETE /v3/groups/{g}/users/{u} and GET /v3/groups/{g}/users
// (admins; an unknown group or user is 404). A membership is a GroupMembership named from the
// pair, so adding twice is one object and removing is one delete.
import { isAlreadyExists } from '../../../../../crds/client/client.js';
import type { Group, User } from '../../../../../crds/types.generated.js';
import { notFound } from '../../../common/errors.js';
import type { AppDeps, Stores } from '../../../deps.js';
import { syncHandler, type Handler } from '../handler.js';
import { byNameThenId, collectionLinks } from '../collection.js';
import { userListView } from '../users/users.view.js';
import { findUser } from '../users/users.handlers.js';
import { membershipName, toMembership } from './groups.mapper.js';
import { findGroup } from './groups.handlers.js';

export function groupsOfUser(stores: Stores, userId: string): Group[] {
  const ids = new Set(stores.groupMemberships.list().filter((m) => m.spec.userId === userId).map((m) => m.spec.groupId));
  return stores.groups.list().filter((g) => ids.has(g.metadata.name) && !g.metadata.deletionTimestamp);
}

function membersOf(stores: Stores, groupId: string): User[] {
  const ids = new Set(stores.groupMemberships.list().filter((m) => m.spec.groupId === groupId).map((m) => m.spec.userId));
  return stores.users.list().filter((u) => ids.has(u.metadata.name) && !u.metadata.deletionTimestamp);
}

function pair(d: AppDeps, params: Record<string, string>): { group: Group; user: User } {
  return { group: findGroup(d, params.groupId), user: findUser(d, params.userId) };
}

export function addMemberHandler(d: AppDeps): Handler {
  return async (ctx) => {
    const { group, user } = pair(d, ctx.params);
    try {
      // Through the store, so that a HEAD right after this PUT reads it.
      await d.stores.groupMemberships.create(toMembership(group.metadata.name, user.metadata.name));
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
    return { status: 204 };
  };
}

export function checkMemberHandler(d: AppDeps): Handler {
  return syncHandler((ctx) => {
    const { group, user } = pair(d, ctx.params);
    if (!d.stores.groupMemberships.get(membershipName(group.metadata.name, user.metadata.name))) {
      throw notFound(`User ${user.metadata.name} is not a member of group ${group.metadata.name}.`);
    }
    return { status: 204 };
  });
}

export function removeMemberHandler(d: AppDeps): Handler {
  return async (ctx) => {
    const { group, user } = pair(d, ctx.params);
    const name = membershipName(group.metadata.name, user.metadata.name);
    if (!d.stores.groupMemberships.get(name)) throw notFound(`User ${user.metadata.name} is not a member of group ${group.metadata.name}.`);
    await d.stores.groupMemberships.delete(name);
    return { status: 204 };
  };
}

export function listMembersHandler(d: AppDeps): Handler {
  return syncHandler((ctx) => {
    const group = findGroup(d, ctx.params.groupId);
    return { body: userListView(ctx.baseUrl, collectionLinks(ctx), membersOf(d.stores, group.metadata.name).sort(byNameThenId)) };
  });
}
