// A grant -> its RoleAssignment CR. The name is derived from the grant, so two concurrent PUTs of
// one grant (on any replica) meet at the apiserver's AlreadyExists and make one object. A user's
// direct role on a project keeps the seed's name, <project>.<user>.<role>, so seeded assignments
// are the same objects; every other shape is <shape>.<target>.<actor>.<role>, four segments, and
// ids never hold a dot, so no two shapes can collide. Ids that are not DNS labels (or names over
// the apiserver's 253 characters) are named by a digest instead.
import { createHash } from 'node:crypto';
import type { RoleAssignment } from '../../../../../crds/types.generated.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import { actorIdOf, targetIdOf, type Grant } from './grants.shapes.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_NAME = 253;

/** pu, pg, du, dg, su, sg, with -i for OS-INHERIT: the shape as a name segment. */
function shapeCode(g: Grant): string {
  const target = g.projectId !== undefined ? 'p' : g.domainId !== undefined ? 'd' : 's';
  return `${target}${g.userId !== undefined ? 'u' : 'g'}${g.inherited ? '-i' : ''}`;
}

export function roleAssignmentName(g: Grant): string {
  const target = g.system ? 'all' : targetIdOf(g);
  const parts = [target, actorIdOf(g), g.roleId];
  const code = shapeCode(g);
  const name = code === 'pu' ? parts.join('.') : [code, ...parts].join('.');
  if (parts.every((p) => DNS_LABEL.test(p)) && name.length <= MAX_NAME) return name;
  return `${code}.h-${createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 40)}`;
}

export function toRoleAssignmentResource(g: Grant): RoleAssignment {
  return { ...typeMeta(Resources.RoleAssignment), metadata: { name: roleAssignmentName(g), labels: { [MANAGED_BY_LABEL]: MANAGED_BY } }, spec: g };
}
