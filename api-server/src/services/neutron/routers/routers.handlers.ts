// Router handlers: create (with a gateway claimed on the external network), list, show, update
// (name, state, gateway, static routes whose next hop is on a connected subnet), delete (refused
// while interfaces remain; the gateway port goes with it), and the interface actions.
import type { Static } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import type { Router } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, projectNamespace } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import { projectNotReady } from '../../../common/errors.js';
import { pickFields, runListQuery } from '../../../common/list-query.js';
import { requireProject } from '../../../common/policy.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { contains, formatCidr, parseAddress, parseCidr } from '../ipam/addresses.js';
import { checkRevision, expectedRevision, neutronBadRequest, neutronConflict, requestedProject, toBool } from '../neutron.errors.js';
import { pageLinks, showFields } from '../neutron.query.js';
import { claimOf, releaseNetworkResources, withNetworkClaims, type NetworkClaim } from '../quotas/quotas.admission.js';
import { findOwnRouter, findRouter, gatewayPort, interfacePorts, routerVisible } from './routers.access.js';
import { plannedGateway, releaseGateway } from './routers.gateway.js';
import { addInterface, interfaceView, removeInterface, type InterfaceRequest } from './routers.interfaces.js';
import { routerListSpec } from './routers.query.js';
import type { createRouterBody, listRoutersQuery, updateRouterBody } from './routers.schema.js';
import { routerView } from './routers.view.js';

const view = (stores: Stores, r: Router): ReturnType<typeof routerView> => routerView(r, gatewayPort(stores, r));

function newRouter(projectId: string, req: Static<typeof createRouterBody>['router']): Router {
  return {
    ...typeMeta(Resources.Router),
    metadata: { name: randomUUID(), namespace: projectNamespace(projectId), labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: projectId } },
    spec: { name: req.name ?? '', description: req.description ?? '', projectId, adminStateUp: toBool(req.admin_state_up) ?? true, routes: [], tags: [], updatedAt: new Date().toISOString() },
  };
}

const routerClaim = (r: Router): NetworkClaim => claimOf(Resources.Router, r.metadata.name, 'router');

export function createRouterHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createRouterBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.router;
    const r = newRouter(requestedProject(requireProject(ctx.auth), ctx.auth.isAdmin, req), req);
    const created = await withNetworkClaims(stores, r.spec.projectId, [routerClaim(r)], async () => {
      const gateway = await plannedGateway(stores, ctx.auth, r, req.external_gateway_info);
      const withGateway: Router = gateway ? { ...r, spec: { ...r.spec, externalGateway: gateway } } : r;
      try {
        return await stores.routers.create(withGateway);
      } catch (err) {
        await releaseGateway(stores, withGateway).catch(() => undefined);
        if (isNotFound(err)) throw projectNotReady(r.spec.projectId);
        throw err;
      }
    });
    return { body: { router: view(stores, created) } };
  };
}

export function listRoutersHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listRoutersQuery>>): Promise<RouteResult> => {
    const page = runListQuery(routerListSpec, stores.routers.list().filter((r) => routerVisible(r, ctx.auth)), ctx.query, ctx.auth);
    return { body: { routers: page.items.map((r) => pickFields(view(stores, r), page.fields)), ...pageLinks(ctx.baseUrl, 'routers', ctx.query, page.nextMarker) } };
  };
}

export function showRouterHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listRoutersQuery>>): Promise<RouteResult> => {
    return { body: { router: pickFields(view(stores, findRouter(stores, ctx.auth, ctx.params.routerId)), showFields(ctx.query.fields)) } };
  };
}

/** extraroute: each route's next hop must be an address of a subnet the router has an interface on. */
function checkRoutes(stores: Stores, r: Router, routes: { destination: string; nexthop: string }[]): { destination: string; nexthop: string }[] {
  const connected = interfacePorts(stores, r).flatMap((p) => (p.spec.fixedIps ?? []).map((f) => stores.subnets.list().find((s) => s.metadata.name === f.subnetId)));
  return routes.map((route) => {
    const dest = parseCidr(route.destination);
    const hop = parseAddress(route.nexthop);
    if (!dest || !hop) throw neutronBadRequest(`Invalid format for routes: ${JSON.stringify(route)}.`);
    if (!connected.some((s) => s && contains(parseCidr(s.spec.cidr)!.cidr, hop))) {
      throw neutronBadRequest(`Invalid format for routes: ${JSON.stringify(route)}, the nexthop is not connected with router`);
    }
    return { destination: formatCidr(dest.cidr), nexthop: route.nexthop };
  });
}

export function updateRouterHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updateRouterBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.router;
    const r = findOwnRouter(stores, ctx.auth, ctx.params.routerId, 'update_router');
    const expected = expectedRevision(ctx.req.get('If-Match'));
    checkRevision(expected, r.metadata.generation ?? 1);
    const routes = req.routes === undefined ? undefined : checkRoutes(stores, r, req.routes ?? []);
    const gateway = await plannedGateway(stores, ctx.auth, r, req.external_gateway_info);
    const updated = await stores.routers.update(r.metadata.name, r.metadata.namespace, (cur) => {
      checkRevision(expected, cur.metadata.generation ?? 1);
      const spec = { ...cur.spec, updatedAt: new Date().toISOString() };
      if (req.name !== undefined) spec.name = req.name;
      if (req.description !== undefined) spec.description = req.description;
      if (req.admin_state_up !== undefined) spec.adminStateUp = toBool(req.admin_state_up);
      if (routes) spec.routes = routes;
      if (gateway === null) delete spec.externalGateway;
      else if (gateway) spec.externalGateway = gateway;
      return { ...cur, spec };
    });
    if (gateway !== undefined && r.spec.externalGateway) await releaseGateway(stores, r);
    return { body: { router: view(stores, updated ?? r) } };
  };
}

export function deleteRouterHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const r = findOwnRouter(stores, ctx.auth, ctx.params.routerId, 'delete_router');
    checkRevision(expectedRevision(ctx.req.get('If-Match')), r.metadata.generation ?? 1);
    if (interfacePorts(stores, r).length) throw neutronConflict('RouterInUse', `Router ${r.metadata.name} still has ports`);
    await stores.routers.delete(r.metadata.name, r.metadata.namespace);
    await releaseGateway(stores, r);
    await releaseNetworkResources(stores, r.spec.projectId, [routerClaim(r).key]);
    return { status: 204 };
  };
}

export function interfaceHandler(stores: Stores, action: 'add' | 'remove') {
  return async (ctx: RouteContext<InterfaceRequest, object>): Promise<RouteResult> => {
    const r = findOwnRouter(stores, ctx.auth, ctx.params.routerId, `${action}_router_interface`);
    const port = action === 'add' ? await addInterface(stores, ctx.auth, r, ctx.body) : await removeInterface(stores, r, ctx.body);
    return { body: interfaceView(r, port) };
  };
}
