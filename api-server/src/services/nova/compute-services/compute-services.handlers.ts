// /os-services handlers: nova-compute per Node (list, filtered by host and binary), and the
// updates, which cordon, uncordon or flag the Node: below 2.53 PUT
// /os-services/{disable,enable,disable-log-reason,force-down} naming host and binary, from 2.53
// PUT /os-services/{uuid} with status and forced_down. Checks and messages in Nova's order
// (ServiceController._update_v21 and _update_v253).
import type { Static } from '@sinclair/typebox';
import type { Node } from '../../../../../crds/kube-types.js';
import type { Stores } from '../../../deps.js';
import { badRequest, notFound } from '../../../common/errors.js';
import { lastQueryValue } from '../../../common/pagination.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { at } from '../microversion.js';
import { computeNodes, hostUuid } from '../hypervisors/hypervisors.hosts.js';
import { disablePatch, enablePatch, forcedDownPatch, novaBool, type NodePatch } from './compute-services.mapper.js';
import type { ComputeServiceUpdate, listComputeServicesQuery, UpdateByHost, UpdateById } from './compute-services.schema.js';
import { COMPUTE_BINARY, computeServiceView } from './compute-services.view.js';

type Handler<C> = (ctx: C) => Promise<RouteResult>;
type UpdateContext = RouteContext<ComputeServiceUpdate, object>;


export function listComputeServicesHandler(stores: Stores): Handler<RouteContext<undefined, Static<typeof listComputeServicesQuery>>> {
  return async (ctx) => {
    const [host, binary] = [lastQueryValue(ctx.query.host), lastQueryValue(ctx.query.binary)];
    const services = computeNodes(stores).map((n) => computeServiceView(n, ctx.microversion))
      .filter((s) => (!host || s.host === host) && (!binary || s.binary === binary));
    return { body: { services } };
  };
}

interface Update {
  patch: NodePatch;
  answer: Record<string, unknown>;
}

/** What each action asks, Nova's 400s for a missing field first. */
function plannedUpdate(action: string, body: UpdateByHost, mv: string | undefined): Update {
  const who = { host: body.host, binary: body.binary };
  switch (action) {
    case 'enable':
      return { patch: enablePatch(), answer: { ...who, status: 'enabled' } };
    case 'disable':
      return { patch: disablePatch(undefined), answer: { ...who, status: 'disabled' } };
    case 'disable-log-reason':
      if (body.disabled_reason === undefined) throw badRequest('Missing disabled reason field');
      return { patch: disablePatch(body.disabled_reason), answer: { ...who, status: 'disabled', disabled_reason: body.disabled_reason } };
    case 'force-down':
      if (!at(mv, 'SERVICE_FORCED_DOWN')) break;
      if (body.forced_down === undefined) throw badRequest('Missing forced_down field');
      return { patch: forcedDownPatch(novaBool(body.forced_down)), answer: { ...who, forced_down: novaBool(body.forced_down) } };
  }
  throw notFound('Unknown action');
}

/** The Node of a nova-compute service on that host; other binaries are not updatable in Nova. */
function findComputeNode(stores: Stores, host: string, binary: string): Node {
  if (binary !== COMPUTE_BINARY) throw badRequest(`Updating a ${binary} service is not supported. Only nova-compute services can be updated.`);
  const node = stores.nodes.get(host);
  if (!node) throw notFound(`Could not find binary ${binary} on host ${host}.`);
  return node;
}

/** jsonschema's 400 for a key the version's schema does not have, or one it requires. */
function checkKeys(body: object, allowed: string[], required: string[]): void {
  const extra = Object.keys(body).find((k) => !allowed.includes(k));
  if (extra) throw badRequest(`Additional properties are not allowed ('${extra}' was unexpected)`);
  const missing = required.find((k) => !(k in body));
  if (missing) throw badRequest(`'${missing}' is a required property`);
}

async function updateByHost(stores: Stores, ctx: UpdateContext): Promise<RouteResult> {
  checkKeys(ctx.body, ['host', 'binary', 'disabled_reason', ...(at(ctx.microversion, 'SERVICE_FORCED_DOWN') ? ['forced_down'] : [])], ['host', 'binary']);
  const body = ctx.body as UpdateByHost;
  const { patch, answer } = plannedUpdate(ctx.params.id, body, ctx.microversion);
  const node = findComputeNode(stores, body.host, body.binary);
  await stores.nodes.mergePatch(node.metadata.name, undefined, patch);
  return { body: { service: answer } };
}

/** The 2.53 update's patch: status and forced_down, each optional but not both absent. */
function plannedById(body: UpdateById): NodePatch {
  if (body.status === 'enabled' && body.disabled_reason) throw badRequest("Specifying 'disabled_reason' with status 'enabled' is invalid.");
  if (body.status === undefined && body.forced_down === undefined) throw badRequest("No updates were requested. Fields 'status' or 'forced_down' should be specified.");
  const status = body.status === undefined ? undefined : body.status === 'enabled' ? enablePatch() : disablePatch(body.disabled_reason);
  const forced = body.forced_down === undefined ? undefined : forcedDownPatch(novaBool(body.forced_down));
  return { ...status, ...forced, metadata: { annotations: { ...status?.metadata.annotations, ...forced?.metadata.annotations } } };
}

async function updateById(stores: Stores, ctx: UpdateContext): Promise<RouteResult> {
  checkKeys(ctx.body, ['status', 'disabled_reason', 'forced_down'], []);
  const id = ctx.params.id;
  if (!/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(id)) throw badRequest(`Invalid uuid ${id}`);
  const node = computeNodes(stores).find((n) => hostUuid(n, 'service') === id.toLowerCase());
  if (!node) throw notFound(`Service ${id} could not be found.`);
  const updated = await stores.nodes.mergePatch(node.metadata.name, undefined, plannedById(ctx.body));
  return { body: { service: computeServiceView(updated, ctx.microversion) } };
}

export function updateComputeServiceHandler(stores: Stores): Handler<UpdateContext> {
  return async (ctx) => (at(ctx.microversion, 'HOST_UUIDS') ? updateById(stores, ctx) : updateByHost(stores, ctx));
}
