// The shapes of Keystone's grant APIs: an actor (user or group) given a role on a target (project,
// domain or the system), possibly OS-INHERIT (inherited to the target's projects, not the target).
// Each shape has its paths, and a grant of a shape is a RoleAssignment spec.
import type { RoleAssignment } from '../../../../../crds/types.generated.js';

export interface GrantShape {
  target: 'project' | 'domain' | 'system';
  actor: 'user' | 'group';
  inherited: boolean;
}

/** A grant as stored: RoleAssignment's spec (one actor, one target, the role, inherited or not). */
export type Grant = RoleAssignment['spec'];

const targets = ['project', 'domain', 'system'] as const;
const actors = ['user', 'group'] as const;

/** Every shape Keystone serves: direct ones on each target, OS-INHERIT ones on domains and projects. */
export const GRANT_SHAPES: readonly GrantShape[] = [
  ...targets.flatMap((target) => actors.map((actor) => ({ target, actor, inherited: false }))),
  ...(['domain', 'project'] as const).flatMap((target) => actors.map((actor) => ({ target, actor, inherited: true }))),
];

/** Keystone lists grants of every shape but OS-INHERIT on projects. */
export const hasListRoute = (s: GrantShape): boolean => !(s.inherited && s.target === 'project');

function actorPath(s: GrantShape): string {
  const target = s.target === 'project' ? '/projects/:projectId' : s.target === 'domain' ? '/domains/:domainId' : '/system';
  const actor = s.actor === 'user' ? '/users/:userId' : '/groups/:groupId';
  return `/v3${s.inherited ? '/OS-INHERIT' : ''}${target}${actor}/roles`;
}

const tail = (s: GrantShape): string => (s.inherited ? '/inherited_to_projects' : '');

/** PUT/HEAD/GET/DELETE path of one grant of the shape. */
export const grantPath = (s: GrantShape): string => `${actorPath(s)}/:roleId${tail(s)}`;

/** GET path of the shape's list of granted roles. */
export const grantListPath = (s: GrantShape): string => `${actorPath(s)}${tail(s)}`;

/** The grant a request names (the role left out for lists). */
export function grantOf(s: GrantShape, params: Record<string, string>): Grant {
  return {
    ...(s.actor === 'user' ? { userId: params.userId } : { groupId: params.groupId }),
    ...(s.target === 'project' ? { projectId: params.projectId } : s.target === 'domain' ? { domainId: params.domainId } : { system: 'all' as const }),
    ...(s.inherited ? { inherited: true } : {}),
    roleId: params.roleId ?? '',
  };
}

/** Same actor, target and inheritance (the role aside). */
export function sameHolderAndTarget(a: Grant, b: Grant): boolean {
  return a.userId === b.userId && a.groupId === b.groupId && a.projectId === b.projectId && a.domainId === b.domainId && a.system === b.system && (a.inherited === true) === (b.inherited === true);
}

export const sameGrant = (a: Grant, b: Grant): boolean => sameHolderAndTarget(a, b) && a.roleId === b.roleId;

/** What RoleAssignmentNotFound names as the actor and the target. */
export const actorIdOf = (g: Grant): string => g.userId ?? g.groupId ?? '';
export const targetIdOf = (g: Grant): string => g.projectId ?? g.domainId ?? 'system';
