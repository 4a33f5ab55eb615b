// Keystone's role request bodies -> the Role CR's spec (the only place their snake_case meets the
// CR's camelCase). Keys Keystone would keep as extra attributes have no place in the CR and are
// dropped.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { NameKey } from '../../../common/name-claims.js';
import type { CreateRoleBody, UpdateRoleBody } from './roles.schema.js';

type RoleOptionsBody = NonNullable<CreateRoleBody['role']['options']>;

/** Keystone's ids: a UUID4 without dashes. */
export const newRoleId = (): string => randomUUID().replace(/-/g, '');

/** Options as stored: immutable true or false is kept, null clears it. */
function withOptions(current: Role['spec']['options'], given: RoleOptionsBody | undefined): Role['spec']['options'] {
  if (given?.immutable === undefined) return current;
  const { immutable: _dropped, ...rest } = current ?? {};
  return given.immutable === null ? rest : { ...rest, immutable: given.immutable };
}

export function toRoleResource(id: string, body: CreateRoleBody['role']): Role {
  const options = withOptions(undefined, body.options);
  const spec: Role['spec'] = {
    name: body.name,
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
    ...(typeof body.domain_id === 'string' ? { domainId: body.domain_id } : {}),
    ...(options && Object.keys(options).length ? { options } : {}),
  };
  return { ...typeMeta(Resources.Role), metadata: { name: id, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } }, spec };
}

/** The spec after a PATCH: given keys replace, a null description removes it; domain_id never changes. */
export function updatedRoleSpec(spec: Role['spec'], patch: UpdateRoleBody['role']): Role['spec'] {
  const next: Role['spec'] = { ...spec };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.description === null) delete next.description;
  else if (patch.description !== undefined) next.description = patch.description;
  const options = withOptions(spec.options, patch.options);
  if (options && Object.keys(options).length) next.options = options;
  else delete next.options;
  return next;
}

/** Role names are unique per domain; global roles share one scope (''). */
export function roleNameKey(spec: Pick<Role['spec'], 'name' | 'domainId'>): NameKey {
  return { kind: Resources.Role.kind, scope: spec.domainId ?? '', name: spec.name };
}
