// Floating IP handlers: create (an address from the external network's IPv4 subnet, held by a port
// owned by no project, optionally associated at once), list, show, update (associate with a port,
// move to another, disassociate with port_id null, description), delete (its port and address go
// with it). Every claim is undone when a later step fails, so nothing is left half-made.
import type { Static } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import type { FloatingIP, Network, Port } from '../../../../../crds/types.generated.js';
import { isNotFound } from '../../../../../crds/client/client.js';
import { MANAGED_BY, MANAGED_BY_LABEL, PROJECT_LABEL, projectNamespace } from '../../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { Stores } from '../../../deps.js';
import { projectNotReady } from '../../../common/errors.js';
import { pickFields, runListQuery } from '../../../common/list-query.js';
import { requireProject } from '../../../common/policy.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { checkRevision, expectedRevision, neutronBadRequest, policyNotAuthorized, requestedProject } from '../neutron.errors.js';
import type { Holder } from '../ipam/allocator.js';
import { pageLinks, showFields } from '../neutron.query.js';
import { claimOf, releaseNetworkResources, withNetworkClaims } from '../quotas/quotas.admission.js';
import { findNetwork } from '../networks/networks.access.js';
import { createDevicePort } from '../ports/ports.devices.js';
import { deletePort } from '../ports/ports.handlers.js';
import { FLOATING_IP_OWNER, findFloatingIp, findOwnFloatingIp, floatingIpVisible } from './floating-ips.access.js';
import { claimAssociation, currentAssociation, planAssociation, releaseAssociation, withAssociation, type Association, type AssociationRequest, type FloatingIpFacts } from './floating-ips.association.js';
import { floatingIpListSpec } from './floating-ips.query.js';
import type { createFloatingIpBody, listFloatingIpsQuery, updateFloatingIpBody } from './floating-ips.schema.js';
import { floatingIpView } from './floating-ips.view.js';

type CreateRequest = Static<typeof createFloatingIpBody>['floatingip'];

const view = (stores: Stores, f: FloatingIP): ReturnType<typeof floatingIpView> =>
  floatingIpView(f, f.spec.portId ? stores.ports.get(f.spec.portId, f.metadata.namespace) : undefined);

const facts = (f: FloatingIP): FloatingIpFacts => ({ id: f.metadata.name, projectId: f.spec.projectId, floatingNetworkId: f.spec.floatingNetworkId, floatingIpAddress: f.spec.floatingIpAddress });

function externalNetwork(stores: Stores, auth: AuthContext, id: string): Network {
  const net = findNetwork(stores.networks, auth, id);
  if (!net.spec.external) throw neutronBadRequest(`Bad floatingip request: Network ${id} is not a valid external network.`);
  return net;
}

/** The external port's fixed IP: the address or subnet asked for, else the network's first IPv4 subnet. */
function floatingAddressRequest(stores: Stores, net: Network, req: CreateRequest): { subnet_id?: string; ip_address?: string }[] {
  if (req.floating_ip_address !== undefined || req.subnet_id) {
    return [{ ...(req.subnet_id ? { subnet_id: req.subnet_id } : {}), ...(req.floating_ip_address !== undefined ? { ip_address: req.floating_ip_address } : {}) }];
  }
  const v4 = stores.subnets.list().filter((s) => s.spec.networkId === net.metadata.name && s.spec.ipVersion === 4).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  if (!v4.length) throw neutronBadRequest(`Bad floatingip request: Network ${net.metadata.name} does not contain any IPv4 subnet.`);
  return [{ subnet_id: v4[0].metadata.name }];
}

function checkFixedIpNeedsPort(req: AssociationRequest): void {
  if (req.fixed_ip_address && !req.port_id) throw neutronBadRequest('Bad floatingip request: fixed_ip_address cannot be specified without a port_id.');
}

function newFloatingIp(f: FloatingIpFacts, port: Port, req: CreateRequest, association: Association | undefined): FloatingIP {
  const made: FloatingIP = {
    ...typeMeta(Resources.FloatingIP),
    metadata: { name: f.id, namespace: projectNamespace(f.projectId), labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [PROJECT_LABEL]: f.projectId } },
    spec: {
      projectId: f.projectId, description: req.description ?? '', floatingNetworkId: f.floatingNetworkId, floatingSubnetId: port.spec.fixedIps![0].subnetId,
      floatingIpAddress: f.floatingIpAddress, externalPortId: port.metadata.name, tags: [], updatedAt: new Date().toISOString(),
    },
  };
  return withAssociation(made, association);
}

const holderOf = (port: Port): Holder => ({ portId: port.metadata.name, portNamespace: port.metadata.namespace ?? '' });

interface Planned {
  facts: FloatingIpFacts;
  port: Port;
  req: CreateRequest;
  association?: Association;
}

/** Claims the association (when asked) and creates the CR; on failure the claim and the port are let go. */
async function createWithPort(stores: Stores, { facts: f, port, req, association }: Planned): Promise<FloatingIP> {
  let claimed = false;
  try {
    if (association) await claimAssociation(stores, f, association, holderOf(port));
    claimed = association !== undefined;
    return await stores.floatingIPs.create(newFloatingIp(f, port, req, association));
  } catch (err) {
    if (claimed) await releaseAssociation(stores, association!);
    await deletePort(stores, port).catch(() => undefined);
    if (isNotFound(err)) throw projectNotReady(f.projectId);
    throw err;
  }
}

export function createFloatingIpHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createFloatingIpBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.floatingip;
    const projectId = requestedProject(requireProject(ctx.auth), ctx.auth.isAdmin, req);
    const net = externalNetwork(stores, ctx.auth, req.floating_network_id);
    if (req.floating_ip_address !== undefined && !ctx.auth.isAdmin) throw policyNotAuthorized('create_floatingip:floating_ip_address');
    checkFixedIpNeedsPort(req);
    const f: FloatingIpFacts = { id: randomUUID(), projectId, floatingNetworkId: net.metadata.name, floatingIpAddress: req.floating_ip_address ?? '' };
    const association = req.port_id ? planAssociation(stores, ctx.auth, f, { ...req, port_id: req.port_id }) : undefined;
    const made = await withNetworkClaims(stores, projectId, [claimOf(Resources.FloatingIP, f.id, 'floatingip')], async () => {
      const port = await createDevicePort(stores, {
        network: net, fixedIps: floatingAddressRequest(stores, net, req), projectId: '', namespace: projectNamespace(projectId), deviceId: f.id, deviceOwner: FLOATING_IP_OWNER,
      });
      return createWithPort(stores, { facts: { ...f, floatingIpAddress: port.spec.fixedIps![0].ipAddress }, port, req, association });
    });
    return { body: { floatingip: view(stores, made) } };
  };
}

export function listFloatingIpsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listFloatingIpsQuery>>): Promise<RouteResult> => {
    const page = runListQuery(floatingIpListSpec, stores.floatingIPs.list().filter((f) => floatingIpVisible(f, ctx.auth)), ctx.query, ctx.auth);
    return { body: { floatingips: page.items.map((f) => pickFields(view(stores, f), page.fields)), ...pageLinks(ctx.baseUrl, 'floatingips', ctx.query, page.nextMarker) } };
  };
}

export function showFloatingIpHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listFloatingIpsQuery>>): Promise<RouteResult> => {
    return { body: { floatingip: pickFields(view(stores, findFloatingIp(stores, ctx.auth, ctx.params.floatingipId)), showFields(ctx.query.fields)) } };
  };
}

/** The association the update asks for: undefined keeps it, null removes it. */
function plannedAssociation(stores: Stores, auth: AuthContext, f: FloatingIP, req: AssociationRequest): Association | null | undefined {
  checkFixedIpNeedsPort(req);
  if (req.port_id === undefined) return undefined;
  if (req.port_id === null) return null;
  return planAssociation(stores, auth, facts(f), { ...req, port_id: req.port_id });
}

const sameBinding = (a: Association | undefined, b: Association | null | undefined): boolean =>
  !!a && !!b && a.portId === b.portId && a.fixedIpAddress === b.fixedIpAddress;

export function updateFloatingIpHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof updateFloatingIpBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.floatingip;
    const f = findOwnFloatingIp(stores, ctx.auth, ctx.params.floatingipId, 'update_floatingip');
    const expected = expectedRevision(ctx.req.get('If-Match'));
    checkRevision(expected, f.metadata.generation ?? 1);
    const old = currentAssociation(f);
    const next = plannedAssociation(stores, ctx.auth, f, req);
    const claims = next && !sameBinding(old, next) ? next : undefined;
    if (claims) await claimAssociation(stores, facts(f), claims, { portId: f.spec.externalPortId, portNamespace: f.metadata.namespace ?? '' });
    let updated: FloatingIP | undefined;
    try {
      updated = await stores.floatingIPs.update(f.metadata.name, f.metadata.namespace, (cur) => {
        checkRevision(expected, cur.metadata.generation ?? 1);
        const moved = next === undefined ? cur : withAssociation(cur, next ?? undefined);
        return req.description === undefined ? moved : { ...moved, spec: { ...moved.spec, description: req.description, updatedAt: new Date().toISOString() } };
      });
    } catch (err) {
      if (claims) await releaseAssociation(stores, claims);
      throw err;
    }
    if (old && next !== undefined && !sameBinding(old, next)) await releaseAssociation(stores, old);
    return { body: { floatingip: view(stores, updated ?? f) } };
  };
}

export function deleteFloatingIpHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const f = findOwnFloatingIp(stores, ctx.auth, ctx.params.floatingipId, 'delete_floatingip');
    checkRevision(expectedRevision(ctx.req.get('If-Match')), f.metadata.generation ?? 1);
    await stores.floatingIPs.delete(f.metadata.name, f.metadata.namespace);
    const a = currentAssociation(f);
    if (a) await releaseAssociation(stores, a);
    const port = stores.ports.get(f.spec.externalPortId, f.metadata.namespace);
    if (port) await deletePort(stores, port);
    await releaseNetworkResources(stores, f.spec.projectId, [claimOf(Resources.FloatingIP, f.metadata.name, 'floatingip').key]);
    return { status: 204 };
  };
}
