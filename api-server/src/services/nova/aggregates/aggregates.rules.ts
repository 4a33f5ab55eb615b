// Nova's AggregateAPI as pure changes of the registry: each checks Nova's rules on the registry it
// is given (the live one, inside the guarded write) and returns the next registry or throws Nova's
// error. Messages are Nova's exceptions' (InvalidAggregateAction*, AggregateNameExists...).
import { randomUUID } from 'node:crypto';
import { ApiError, conflict, notFound } from '../../../common/errors.js';
import type { AggregateRecord, Registry } from './aggregates.registry.js';
import { aggregateZone } from './aggregates.placement.js';

/** What the rules need to know about compute hosts (the Nodes and the servers on them). */
export interface HostFacts {
  exists(host: string): boolean;
  instances(host: string): number;
  /** The zone the host shows when no aggregate sets it (its own zone label, else nova). */
  ownZone(host: string): string;
}

const now = (): string => new Date().toISOString();
const AZ = 'availability_zone';
const pyList = (items: string[]): string => `[${items.map((i) => `'${i}'`).join(', ')}]`;

export function findAggregate(registry: Registry, id: string): AggregateRecord {
  const found = registry.aggregates.find((a) => String(a.id) === id);
  if (!found) throw notFound(`Aggregate ${id} could not be found.`);
  return found;
}

function checkNameFree(registry: Registry, name: string, self?: number): void {
  if (registry.aggregates.some((a) => a.name === name && a.id !== self)) throw conflict(`Aggregate ${name} already exists.`);
}

export function createAggregate(registry: Registry, name: string, zone: string | null | undefined): Registry {
  checkNameFree(registry, name);
  const record: AggregateRecord = { id: registry.nextId, uuid: randomUUID(), name, metadata: zone ? { [AZ]: zone } : {}, hosts: [], createdAt: now(), updatedAt: null };
  return { nextId: registry.nextId + 1, aggregates: [...registry.aggregates, record] };
}

type Action = 'Update' | 'UpdateMeta' | 'Add' | 'Delete';
const ACTION_WORDS: Record<Action, string> = { Update: 'Cannot update aggregate', UpdateMeta: 'Cannot update metadata of aggregate', Add: 'Cannot add host to aggregate', Delete: 'Cannot remove host from aggregate' };

/** Nova's InvalidAggregateAction* (a 400, or the 409 add_host and remove_host answer). */
function invalidAction(action: Action, id: number, reason: string, status: 400 | 409 = 400): ApiError {
  return new ApiError(status, `${ACTION_WORDS[action]} ${id}. Reason: ${reason}.`);
}

/** Nova's is_safe_to_update_az: no empty zone, no host in two zones, no instance changing zone (add_host answers 409). */
function checkZoneChange(world: { registry: Registry; hosts: HostFacts }, agg: AggregateRecord, metadata: Record<string, string | null>, action: Action): void {
  if (!(AZ in metadata)) return;
  const status = action === 'Add' ? 409 : 400;
  const zone = metadata[AZ];
  if (!zone) throw invalidAction(action, agg.id, `Aggregate ${agg.name} does not support empty named availability zone`, status);
  const others = new Set(agg.hosts.map((h) => aggregateZone(world.registry, h, agg.id)).filter((z): z is string => z !== undefined && z !== zone));
  if (others.size) throw invalidAction(action, agg.id, `One or more hosts already in availability zone(s) ${pyList([...others])}`, status);
  if (action !== 'Add' && agg.metadata[AZ] !== zone && agg.hosts.some((h) => world.hosts.instances(h) > 0)) {
    throw invalidAction(action, agg.id, 'One or more hosts contain instances in this zone', status);
  }
}

function replaced(registry: Registry, next: AggregateRecord): Registry {
  return { ...registry, aggregates: registry.aggregates.map((a) => (a.id === next.id ? next : a)) };
}

function withMetadata(current: Record<string, string>, changes: Record<string, string | null>): Record<string, string> {
  const merged: Record<string, string | null> = { ...current, ...changes };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
}

/** PUT /os-aggregates/{id}: a new name and/or availability zone. */
export function updateAggregate(registry: Registry, id: string, update: { name?: string; availability_zone?: string | null }, hosts: HostFacts): Registry {
  const agg = findAggregate(registry, id);
  if (update.name !== undefined) checkNameFree(registry, update.name, agg.id);
  const zoneChange: Record<string, string | null> = AZ in update ? { [AZ]: update.availability_zone ?? null } : {};
  checkZoneChange({ registry, hosts }, agg, zoneChange, 'Update');
  return replaced(registry, { ...agg, name: update.name ?? agg.name, metadata: withMetadata(agg.metadata, zoneChange), updatedAt: now() });
}

/** set_metadata: merges the keys given (null deletes one), zone rules as update. */
export function setAggregateMetadata(registry: Registry, id: string, metadata: Record<string, string | null>, hosts: HostFacts): Registry {
  const agg = findAggregate(registry, id);
  checkZoneChange({ registry, hosts }, agg, metadata, 'UpdateMeta');
  return replaced(registry, { ...agg, metadata: withMetadata(agg.metadata, metadata), updatedAt: now() });
}

export function deleteAggregate(registry: Registry, id: string): Registry {
  const agg = findAggregate(registry, id);
  if (agg.hosts.length) throw invalidAction('Delete', agg.id, 'Host aggregate is not empty');
  return { ...registry, aggregates: registry.aggregates.filter((a) => a.id !== agg.id) };
}

function movingInstances(verb: 'added to' | 'removed from', from: string, to: string, count: number): string {
  return `The host cannot be ${verb} the aggregate as the availability zone of the host would change from '${from}' to '${to}' but the host already has ${count} instance(s). `
    + 'Changing the AZ of an existing instance is not supported by this action. Move the instances away from this host then try again. '
    + 'If you need to move the instances between AZs then you can use shelve_offload and unshelve to achieve this';
}

/** The zone the host shows now: its aggregates', else its own. */
const zoneOf = (registry: Registry, host: string, hosts: HostFacts, exceptId?: number): string => aggregateZone(registry, host, exceptId) ?? hosts.ownZone(host);

/** add_host, in Nova's order: the host, the aggregate, the zone rules, then membership. */
export function addAggregateHost(registry: Registry, id: string, host: string, hosts: HostFacts): Registry {
  if (!hosts.exists(host)) throw notFound(`Compute host ${host} could not be found.`);
  const agg = findAggregate(registry, id);
  checkZoneChange({ registry, hosts }, { ...agg, hosts: [host] }, agg.metadata, 'Add');
  const [from, to, count] = [zoneOf(registry, host, hosts), agg.metadata[AZ], hosts.instances(host)];
  if (to && from !== to && count) throw invalidAction('Add', agg.id, movingInstances('added to', from, to, count), 409);
  if (agg.hosts.includes(host)) throw conflict(`Aggregate ${agg.id} already has host ${host}.`);
  return replaced(registry, { ...agg, hosts: [...agg.hosts, host] });
}

/** remove_host: every lookup failure is the one 404 Nova words. */
export function removeAggregateHost(registry: Registry, id: string, host: string, hosts: HostFacts): Registry {
  const agg = registry.aggregates.find((a) => String(a.id) === id);
  if (!hosts.exists(host) || !agg || !agg.hosts.includes(host)) throw notFound(`Cannot remove host ${host} in aggregate ${id}`);
  const [from, to, count] = [agg.metadata[AZ], zoneOf(registry, host, hosts, agg.id), hosts.instances(host)];
  if (from && from !== to && count) throw invalidAction('Delete', agg.id, movingInstances('removed from', from, to, count), 409);
  return replaced(registry, { ...agg, hosts: agg.hosts.filter((h) => h !== host) });
}
