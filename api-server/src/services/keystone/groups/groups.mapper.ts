// Keystone's group request <-> Group CR, and a membership's GroupMembership CR.
import { createHash } from 'node:crypto';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../../../crds/naming.js';
import type { Group, GroupMembership } from '../../../../../crds/types.generated.js';
import { extraOf } from '../domains/domains.mapper.js';
import type { CreateGroupRequest, UpdateGroupRequest } from './groups.schema.js';

const GROUP_KEYS = ['name', 'domain_id', 'description'] as const;

export function toGroupResource(id: string, req: CreateGroupRequest, domainId: string): Group {
  return {
    ...typeMeta(Resources.Group),
    metadata: { name: id, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    spec: { name: req.name, domainId, description: req.description ?? '', extra: extraOf(req, GROUP_KEYS) },
  };
}

export function applyGroupUpdate(spec: Group['spec'], req: UpdateGroupRequest): Group['spec'] {
  return {
    ...spec,
    ...(req.name !== undefined ? { name: req.name } : {}),
    ...(req.description !== undefined ? { description: req.description ?? '' } : {}),
    extra: { ...spec.extra, ...extraOf(req, GROUP_KEYS) },
  };
}

/** One object per (group, user), named from both: adding a member twice is the same object. */
export function membershipName(groupId: string, userId: string): string {
  return `gm-${createHash('sha256').update(`${groupId}\0${userId}`).digest('hex').slice(0, 40)}`;
}

export function toMembership(groupId: string, userId: string): GroupMembership {
  return {
    ...typeMeta(Resources.GroupMembership),
    metadata: { name: membershipName(groupId, userId), labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    spec: { groupId, userId },
  };
}
