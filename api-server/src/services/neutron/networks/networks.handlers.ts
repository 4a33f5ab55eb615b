// Network handlers: check the request as Neutron's policy and attribute validation do, claim a
// provider segment before the network exists (and release it if the network cannot be made), and
// answer from the cache.
import type { Static } from '@sinclair/typebox';
import type { Network } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import { Resources } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import { projectNotReady } from '../../../common/errors.js';
import { pickFields, runListQuery } from '../../../common/list-query.js';
import { requireProject } from '../../../common/policy.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { checkRevision, expectedRevision, neutronBadRequest, neutronConflict, policyNotAuthorized, requestedProject, toBool } from '../neutron.errors.js';
import { pageLinks, showFields } from '../neutron.query.js';
import { claimOf, releaseNetworkResources, withNetworkClaims } from '../quotas/quotas.admission.js';
import { findNetwork, findOwnNetwork, networkVisible } from './networks.access.js';
import { hasProviderAttributes, providerRequest, specChanges, toNetworkResource } from './networks.mapper.js';
import { networkListSpec } from './networks.query.js';
import type { createNetworkBody, listNetworksQuery, updateNetworkBody } from './networks.schema.js';
import { allocateSegment, releaseSegment, validateProvider } from './networks.segments.js';
import { networkView } from './networks.view.js';
import { deleteSubnet } from '../subnets/subnets.handlers.js';

type CreateRequest = Static<typeof createNetworkBody>['network'];
type UpdateRequest = Static<typeof updateNetworkBody>['network'];

/** Neutron's defaults: only an admin sets shared, router:external or provider:* (absent or false is fine). */
function checkAdminAttributes(auth: AuthContext, req: CreateRequest | UpdateRequest, action: string): void {
  if (auth.isAdmin) return;
  if (hasProviderAttributes(req)) throw policyNotAuthorized(`${action}:provider:network_type`);
  for (const key of ['shared', 'router:external'] as const) {
    if (toBool(req[key]) === true) throw policyNotAuthorized(`${action}:${key}`);
  }
}

async function createWithSegment(stores: Stores, net: Network, req: CreateRequest): Promise<Network> {
  const provider = validateProvider(providerRequest(req));
  if (!provider) return stores.networks.create(net);
  const claimed = await allocateSegment(stores.networkSegments, provider, net);
  const withProvider: Network = { ...net, spec: { ...net.spec, provider: claimed } };
  try {
    return await stores.networks.create(withProvider);
  } catch (err) {
    await releaseSegment(stores.networkSegments, withProvider).catch(() => undefined);
    throw err;
  }
}

export function createNetworkHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createNetworkBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.network;
    checkAdminAttributes(ctx.auth, req, 'create_network');
    const projectId = requestedProject(requireProject(ctx.auth), ctx.auth.isAdmin, req);
    const net = toNetworkResource(projectId, req, new Date());
    try {
      const created = await withNetworkClaims(stores, projectId, [claimOf(Resources.Network, net.metadata.name, 'network')], () => createWithSegment(stores, net, req));
      return { body: { network: networkView(created, ctx.auth.isAdmin) } };
    } catch (err) {
      // The namespace is missing: the operator has not realized the project yet.
      if (isNotFound(err)) throw projectNotReady(projectId);
      throw err;
    }
  };
}

export function listNetworksHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listNetworksQuery>>): Promise<RouteResult> => {
    const visible = stores.networks.list().filter((n) => networkVisible(n, ctx.auth));
    const page = runListQuery(networkListSpec, visible, ctx.query, ctx.auth);
    const links = pageLinks(ctx.baseUrl, 'networks', ctx.query, page.nextMarker);
    return { body: { networks: page.items.map((n) => pickFields(networkView(n, ctx.auth.isAdmin), page.fields)), ...links } };
  };
}

export function showNetworkHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listNetworksQuery>>): Promise<RouteResult> => {
    const net = findNetwork(stores.networks, ctx.auth, ctx.params.networkId);
    return { body: { network: pickFields(networkView(net, ctx.auth.isAdmin), showFields(ctx.query.fields)) } };
  };
}

export function updateNetworkHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updateNetworkBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.network;
    checkAdminAttributes(ctx.auth, req, 'update_network');
    if (hasProviderAttributes(req)) throw neutronBadRequest('Invalid input for operation: Plugin does not support updating provider attributes.');
    const net = findOwnNetwork(stores.networks, ctx.auth, ctx.params.networkId, 'update_network');
    const expected = expectedRevision(ctx.req.get('If-Match'));
    const changes = specChanges(req);
    const updated = await stores.networks.update(net.metadata.name, net.metadata.namespace, (current) => {
      // Checked against the copy being written, so a concurrent change fails the precondition.
      checkRevision(expected, current.metadata.generation ?? 1);
      return { ...current, spec: { ...current.spec, ...changes, updatedAt: new Date().toISOString() } };
    });
    return { body: { network: networkView(updated ?? net, ctx.auth.isAdmin) } };
  };
}

export function deleteNetworkHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const net = findOwnNetwork(stores.networks, ctx.auth, ctx.params.networkId, 'delete_network');
    checkRevision(expectedRevision(ctx.req.get('If-Match')), net.metadata.generation ?? 1);
    if (stores.ports.list().some((p) => p.spec.networkId === net.metadata.name)) {
      throw neutronConflict('NetworkInUse', `Unable to complete operation on network ${net.metadata.name}. There are one or more ports still in use on the network.`);
    }
    // Neutron deletes a network's subnets with it once no port is left.
    for (const s of stores.subnets.list().filter((x) => x.spec.networkId === net.metadata.name)) await deleteSubnet(stores, s);
    await stores.networks.delete(net.metadata.name, net.metadata.namespace);
    await releaseSegment(stores.networkSegments, net);
    await releaseNetworkResources(stores, net.spec.projectId, [claimOf(Resources.Network, net.metadata.name, 'network').key]);
    return { status: 204 };
  };
}
