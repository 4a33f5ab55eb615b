// Keystone's implied roles: a rule "prior implies implied" is the implied role's id in the prior
// Role's spec.implies, added and removed by a read-modify-write under the prior's resourceVersion
// (the store's update() re-reads and retries on a 409), so concurrent rules on one prior all land.
// Keystone's checks: both roles must exist (404), a prohibited role (Keystone's
// [assignment] prohibited_implied_role, "admin") cannot be implied and a global role cannot imply
// a domain-specific one (403), a rule made twice is a 409. Like Keystone, cycles and a role
// implying itself are accepted: the effective-role expansion stops at roles already seen.
import type { Role } from '../../../../../crds/types.generated.js';
import { forbidden, notFound, type ApiError } from '../../../common/errors.js';
import { duplicateEntry } from '../../../common/name-claims.js';
import { isDomainSpecific } from '../../../auth/effective-roles.js';
import type { Stores } from '../../../deps.js';
import { syncHandler, type Handler } from '../handler.js';
import { findRole } from '../roles/roles.access.js';
import { impliedRoleListView, impliedRoleView, roleInferencesView } from './implied-roles.view.js';

/** Keystone's default [assignment] prohibited_implied_role. */
export const PROHIBITED_IMPLIED_ROLES: readonly string[] = ['admin'];

/** The existing roles a role implies directly, in the order the rules were made. */
function impliedBy(stores: Stores, prior: Role): Role[] {
  return (prior.spec.implies ?? []).map((id) => stores.roles.get(id)).filter((r): r is Role => r !== undefined);
}

function ruleNotFound(priorId: string, impliedId: string): ApiError {
  return notFound(`${priorId} does not imply ${impliedId}.`);
}

/** Prior first, then implied, as Keystone looks them up; each unknown one is its 404. */
function bothRoles(stores: Stores, params: Record<string, string>): [Role, Role] {
  return [findRole(stores, params.priorRoleId), findRole(stores, params.impliedRoleId)];
}

function checkImplication(prior: Role, implied: Role): void {
  if (PROHIBITED_IMPLIED_ROLES.includes(implied.spec.name)) throw forbidden(`${implied.metadata.name} cannot be an implied roles.`);
  if (!isDomainSpecific(prior) && isDomainSpecific(implied)) throw forbidden('Global role cannot imply a domain-specific role');
}

export function createImpliedRoleHandler(stores: Stores): Handler {
  return async (ctx) => {
    const [prior, implied] = bothRoles(stores, ctx.params);
    checkImplication(prior, implied);
    const impliedId = implied.metadata.name;
    let duplicate = false;
    const written = await stores.roles.update(prior.metadata.name, undefined, (live) => {
      duplicate = (live.spec.implies ?? []).includes(impliedId);
      return duplicate ? undefined : { ...live, spec: { ...live.spec, implies: [...(live.spec.implies ?? []), impliedId] } };
    });
    if (!written) throw notFound(`Could not find role: ${prior.metadata.name}.`);
    if (duplicate) throw duplicateEntry('implied_role', 'Duplicate entry.');
    return { status: 201, body: impliedRoleView(ctx.baseUrl, written, implied) };
  };
}

export function showImpliedRoleHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    const [prior, implied] = bothRoles(stores, ctx.params);
    if (!(prior.spec.implies ?? []).includes(implied.metadata.name)) throw ruleNotFound(prior.metadata.name, implied.metadata.name);
    return { body: impliedRoleView(ctx.baseUrl, prior, implied) };
  });
}

/** HEAD: the same check, answered 204 as Keystone does. */
export function checkImpliedRoleHandler(stores: Stores): Handler {
  const show = showImpliedRoleHandler(stores);
  return async (ctx) => {
    await show(ctx);
    return { status: 204 };
  };
}

export function deleteImpliedRoleHandler(stores: Stores): Handler {
  return async (ctx) => {
    const [priorId, impliedId] = bothRoles(stores, ctx.params).map((r) => r.metadata.name);
    let absent = false;
    const written = await stores.roles.update(priorId, undefined, (live) => {
      absent = !(live.spec.implies ?? []).includes(impliedId);
      return absent ? undefined : { ...live, spec: { ...live.spec, implies: (live.spec.implies ?? []).filter((id) => id !== impliedId) } };
    });
    if (!written) throw notFound(`Could not find role: ${priorId}.`);
    if (absent) throw ruleNotFound(priorId, impliedId);
    return { status: 204 };
  };
}

export function listImpliedRolesHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    const prior = findRole(stores, ctx.params.priorRoleId);
    return { body: impliedRoleListView(ctx.baseUrl, prior, impliedBy(stores, prior)) };
  });
}

export function listRoleInferencesHandler(stores: Stores): Handler {
  return syncHandler((ctx) => {
    const rules = stores.roles
      .list()
      .sort((a, b) => a.spec.name.localeCompare(b.spec.name))
      .map((prior) => ({ prior, implied: impliedBy(stores, prior) }))
      .filter((rule) => rule.implied.length > 0);
    return { body: roleInferencesView(ctx.baseUrl, rules) };
  });
}
