// Aggregate record → Nova's aggregate body (timestamps without a zone, as Nova strips tzinfo; the
// uuid from 2.41). A created aggregate is answered without hosts and metadata, as Nova does.
import { isoMicrosNoZone } from '../../../common/time.js';
import { at } from '../microversion.js';
import type { AggregateRecord } from './aggregates.registry.js';
import type { AggregateView, CreatedAggregateView } from './aggregates.schema.js';

export function aggregateCreatedView(a: AggregateRecord, mv: string | undefined): CreatedAggregateView {
  return {
    id: a.id,
    name: a.name,
    availability_zone: a.metadata.availability_zone ?? null,
    created_at: isoMicrosNoZone(a.createdAt),
    updated_at: a.updatedAt ? isoMicrosNoZone(a.updatedAt) : null,
    deleted: false,
    deleted_at: null,
    ...(at(mv, 'AGGREGATE_UUID') ? { uuid: a.uuid } : {}),
  };
}

export function aggregateView(a: AggregateRecord, mv: string | undefined): AggregateView {
  return { ...aggregateCreatedView(a, mv), hosts: [...a.hosts], metadata: { ...a.metadata } };
}
