// Subnet pool handlers: create (prefixes of one version, Neutron's bounds; shared and is_default
// are an admin's), list, show, update (prefixes may only grow, bounds re-checked), delete (409
// while subnets hold CIDRs from it).
import type { Static } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import type { SubnetPool } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, projectNamespace } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import { projectNotReady } from '../../../common/errors.js';
import { pickFields, runListQuery } from '../../../common/list-query.js';
import { requireProject } from '../../../common/policy.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { checkRevision, expectedRevision, neutronConflict, policyNotAuthorized, requestedProject, toBool } from '../neutron.errors.js';
import { pageLinks, showFields } from '../neutron.query.js';
import { claimOf, releaseNetworkResources, withNetworkClaims, type NetworkClaim } from '../quotas/quotas.admission.js';
import { findOwnSubnetPool, findSubnetPool, subnetPoolVisible } from './subnet-pools.access.js';
import { subnetPoolListSpec } from './subnet-pools.query.js';
import { poolAllocations } from './subnet-pools.registry.js';
import { checkBounds, checkPrefixes, checkPrefixesGrow, prefixStrings } from './subnet-pools.rules.js';
import type { createSubnetPoolBody, listSubnetPoolsQuery, updateSubnetPoolBody } from './subnet-pools.schema.js';
import { subnetPoolView } from './subnet-pools.view.js';

type CreateRequest = Static<typeof createSubnetPoolBody>['subnetpool'];

function checkAdminAttributes(auth: AuthContext, req: { shared?: boolean | string; is_default?: boolean | string }, action: string): void {
  if (auth.isAdmin) return;
  if (toBool(req.shared)) throw policyNotAuthorized(`${action}:shared`);
  if (req.is_default !== undefined) throw policyNotAuthorized(`${action}:is_default`);
}

function newPool(projectId: string, req: CreateRequest): SubnetPool {
  const { version, prefixes } = checkPrefixes(req.prefixes);
  const bounds = checkBounds(version, { min: req.min_prefixlen, max: req.max_prefixlen, def: req.default_prefixlen });
  return {
    ...typeMeta(Resources.SubnetPool),
    metadata: { name: randomUUID(), namespace: projectNamespace(projectId), labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: projectId } },
    spec: {
      name: req.name ?? '', description: req.description ?? '', projectId, ipVersion: version, prefixes: prefixStrings(prefixes), ...bounds,
      shared: toBool(req.shared) ?? false, isDefault: toBool(req.is_default) ?? false, tags: [], updatedAt: new Date().toISOString(),
    },
  };
}

const poolClaim = (pool: SubnetPool): NetworkClaim => claimOf(Resources.SubnetPool, pool.metadata.name, 'subnetpool');

export function createSubnetPoolHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createSubnetPoolBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.subnetpool;
    checkAdminAttributes(ctx.auth, req, 'create_subnetpool');
    const pool = newPool(requestedProject(requireProject(ctx.auth), ctx.auth.isAdmin, req), req);
    try {
      const created = await withNetworkClaims(stores, pool.spec.projectId, [poolClaim(pool)], () => stores.subnetPools.create(pool));
      return { body: { subnetpool: subnetPoolView(created) } };
    } catch (err) {
      if (isNotFound(err)) throw projectNotReady(pool.spec.projectId);
      throw err;
    }
  };
}

export function listSubnetPoolsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listSubnetPoolsQuery>>): Promise<RouteResult> => {
    const page = runListQuery(subnetPoolListSpec, stores.subnetPools.list().filter((p) => subnetPoolVisible(p, ctx.auth)), ctx.query, ctx.auth);
    return { body: { subnetpools: page.items.map((p) => pickFields(subnetPoolView(p), page.fields)), ...pageLinks(ctx.baseUrl, 'subnetpools', ctx.query, page.nextMarker) } };
  };
}

export function showSubnetPoolHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listSubnetPoolsQuery>>): Promise<RouteResult> => {
    return { body: { subnetpool: pickFields(subnetPoolView(findSubnetPool(stores, ctx.auth, ctx.params.subnetpoolId)), showFields(ctx.query.fields)) } };
  };
}

function updatedSpec(cur: SubnetPool, req: Static<typeof updateSubnetPoolBody>['subnetpool']): SubnetPool['spec'] {
  const spec = { ...cur.spec, updatedAt: new Date().toISOString() };
  if (req.name !== undefined) spec.name = req.name;
  if (req.description !== undefined) spec.description = req.description;
  if (req.is_default !== undefined) spec.isDefault = toBool(req.is_default);
  if (req.prefixes !== undefined) {
    const { version, prefixes } = checkPrefixes(req.prefixes);
    if (version !== cur.spec.ipVersion) checkPrefixes([...cur.spec.prefixes, ...req.prefixes]);
    checkPrefixesGrow(cur.spec.prefixes, prefixes);
    spec.prefixes = prefixStrings(prefixes);
  }
  return { ...spec, ...checkBounds(cur.spec.ipVersion, { min: req.min_prefixlen, max: req.max_prefixlen, def: req.default_prefixlen }, cur.spec) };
}

export function updateSubnetPoolHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updateSubnetPoolBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.subnetpool;
    const pool = findOwnSubnetPool(stores, ctx.auth, ctx.params.subnetpoolId, 'update_subnetpool');
    checkAdminAttributes(ctx.auth, req, 'update_subnetpool');
    const expected = expectedRevision(ctx.req.get('If-Match'));
    checkRevision(expected, pool.metadata.generation ?? 1);
    const updated = await stores.subnetPools.update(pool.metadata.name, pool.metadata.namespace, (cur) => {
      checkRevision(expected, cur.metadata.generation ?? 1);
      return { ...cur, spec: updatedSpec(cur, req) };
    });
    return { body: { subnetpool: subnetPoolView(updated ?? pool) } };
  };
}

export function deleteSubnetPoolHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const pool = findOwnSubnetPool(stores, ctx.auth, ctx.params.subnetpoolId, 'delete_subnetpool');
    checkRevision(expectedRevision(ctx.req.get('If-Match')), pool.metadata.generation ?? 1);
    if (Object.keys(poolAllocations(pool)).length) throw neutronConflict('SubnetPoolInUse', `Subnet pool ${pool.metadata.name} cannot be deleted: subnets are allocated from it.`);
    await stores.subnetPools.delete(pool.metadata.name, pool.metadata.namespace);
    await releaseNetworkResources(stores, pool.spec.projectId, [poolClaim(pool).key]);
    return { status: 204 };
  };
}
