// /os-aggregates handlers: each write is one guarded change of the registry (aggregates.rules.ts
// checks Nova's rules inside it), then the Nodes are brought to the state written.
import { ZONE_BEFORE_AGGREGATE_ANNOTATION, ZONE_LABEL } from '../../../../../crds/naming.js';
import type { Stores } from '../../../deps.js';
import { badRequest } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { DEFAULT_COMPUTE_ZONE } from '../availability-zones/availability-zones.view.js';
import { serversOn } from '../hypervisors/hypervisors.hosts.js';
import { projectOntoNodes } from './aggregates.placement.js';
import { changeRegistry, readRegistry, type Registry, type RegistryHome } from './aggregates.registry.js';
import {
  addAggregateHost, createAggregate, deleteAggregate, findAggregate, removeAggregateHost, setAggregateMetadata, updateAggregate, type HostFacts,
} from './aggregates.rules.js';
import type { AggregateAction, CreateAggregateRequest, UpdateAggregateRequest } from './aggregates.schema.js';
import { aggregateCreatedView, aggregateView } from './aggregates.view.js';

type Handler<B = undefined> = (ctx: RouteContext<B, object>) => Promise<RouteResult>;

export interface AggregateDeps {
  stores: Stores;
  home: RegistryHome;
}

/** The hosts as the rules see them: Nodes (from the cache) and the servers placed on them. */
export function hostFacts(stores: Stores): HostFacts {
  return {
    exists: (host) => stores.nodes.get(host) !== undefined,
    instances: (host) => serversOn(stores, host).length,
    ownZone: (host) => {
      const meta = stores.nodes.get(host)?.metadata;
      return (meta?.annotations?.[ZONE_BEFORE_AGGREGATE_ANNOTATION] ?? meta?.labels?.[ZONE_LABEL]) || DEFAULT_COMPUTE_ZONE;
    },
  };
}

/** Nova's utils.validate_integer on the path's id, before any lookup. */
function aggregateId(ctx: RouteContext<unknown, object>): string {
  const id = ctx.params.aggregateId;
  if (!/^-?\d+$/.test(id.trim())) throw badRequest('Invalid input received: id must be an integer');
  return String(Number(id));
}

/** Writes the change, projects it onto the Nodes, and answers the aggregate it names. */
async function change(deps: AggregateDeps, mutate: (r: Registry) => Registry): Promise<Registry> {
  const state = await changeRegistry(deps.home, mutate);
  await projectOntoNodes(deps.stores, deps.home.kube, state);
  return state.registry;
}

export function listAggregatesHandler(deps: AggregateDeps): Handler {
  return async (ctx) => ({ body: { aggregates: (await readRegistry(deps.home)).aggregates.map((a) => aggregateView(a, ctx.microversion)) } });
}

export function createAggregateHandler(deps: AggregateDeps): Handler<{ aggregate: CreateAggregateRequest }> {
  return async (ctx) => {
    const { name, availability_zone: zone } = ctx.body.aggregate;
    const registry = await change(deps, (r) => createAggregate(r, name.trim(), zone?.trim()));
    const created = registry.aggregates.find((a) => a.name === name.trim())!;
    return { body: { aggregate: aggregateCreatedView(created, ctx.microversion) } };
  };
}

export function showAggregateHandler(deps: AggregateDeps): Handler {
  return async (ctx) => ({ body: { aggregate: aggregateView(findAggregate(await readRegistry(deps.home), aggregateId(ctx)), ctx.microversion) } });
}

export function updateAggregateHandler(deps: AggregateDeps): Handler<{ aggregate: UpdateAggregateRequest }> {
  return async (ctx) => {
    const id = aggregateId(ctx);
    const update = { ...ctx.body.aggregate, ...(ctx.body.aggregate.name !== undefined ? { name: ctx.body.aggregate.name.trim() } : {}) };
    const registry = await change(deps, (r) => updateAggregate(r, id, update, hostFacts(deps.stores)));
    return { body: { aggregate: aggregateView(findAggregate(registry, id), ctx.microversion) } };
  };
}

export function deleteAggregateHandler(deps: AggregateDeps): Handler {
  return async (ctx) => {
    const id = aggregateId(ctx);
    await change(deps, (r) => deleteAggregate(r, id));
    return {};
  };
}

/** POST /os-aggregates/{id}/action: add_host, remove_host or set_metadata. */
export function aggregateActionHandler(deps: AggregateDeps): Handler<AggregateAction> {
  return async (ctx) => {
    const id = aggregateId(ctx);
    const facts = hostFacts(deps.stores);
    const body = ctx.body;
    const registry = await change(deps, (r) => {
      if ('add_host' in body) return addAggregateHost(r, id, body.add_host.host, facts);
      if ('remove_host' in body) return removeAggregateHost(r, id, body.remove_host.host, facts);
      return setAggregateMetadata(r, id, body.set_metadata.metadata, facts);
    });
    return { body: { aggregate: aggregateView(findAggregate(registry, id), ctx.microversion) } };
  };
}
