// Service request bodies -> the catalog registry's service records.
import type { ServiceRecord } from '../catalog-registry/catalog-registry.js';
import type { CreateServiceRequest, UpdateServiceRequest } from './services.schema.js';

export function toServiceRecord(id: string, body: CreateServiceRequest): ServiceRecord {
  return { id, type: body.type, name: body.name ?? '', description: body.description ?? '', enabled: body.enabled ?? true };
}

export function updatedServiceRecord(current: ServiceRecord, body: UpdateServiceRequest): ServiceRecord {
  return {
    ...current,
    ...(body.type !== undefined ? { type: body.type } : {}),
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
  };
}
