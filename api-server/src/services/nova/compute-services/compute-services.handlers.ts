// /os-services handlers: nova-compute per Node (list, filtered by host and binary), and the 2.1
// updates PUT /os-services/{disable,enable,disable-log-reason,force-down}, which cordon,
// uncordon or flag the Node. Checks and messages in Nova's order (ServiceController._update_v21).
import type { Static } from '@sinclair/typebox';
import type { Node } from '../../../../../crds/kube-types.js';
import type { Stores } from '../../../deps.js';
import { badRequest, notFound } from '../../../common/errors.js';
import { lastQueryValue } from '../../../common/pagination.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { at } from '../microversion.js';
import { computeNodes } from '../hypervisors/hypervisors.hosts.js';
import { disablePatch, enablePatch, forcedDownPatch, novaBool, type NodePatch } from './compute-services.mapper.js';
import type { ComputeServiceUpdate, listComputeServicesQuery } from './compute-services.schema.js';
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
function plannedUpdate(action: string, body: ComputeServiceUpdate, mv: string | undefined): Update {
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

export function updateComputeServiceHandler(stores: Stores): Handler<UpdateContext> {
  return async (ctx) => {
    if (ctx.body.forced_down !== undefined && !at(ctx.microversion, 'SERVICE_FORCED_DOWN')) throw badRequest("Additional properties are not allowed ('forced_down' was unexpected)");
    const { patch, answer } = plannedUpdate(ctx.params.action, ctx.body, ctx.microversion);
    const node = findComputeNode(stores, ctx.body.host, ctx.body.binary);
    await stores.nodes.mergePatch(node.metadata.name, undefined, patch);
    return { body: { service: answer } };
  };
}
