// Keystone's domain request <-> Domain CR; also the extra-attribute split the other identity
// resources share (Keystone keeps any key it does not know and shows it back).
import { randomUUID } from 'node:crypto';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../../../crds/naming.js';
import type { Domain } from '../../../../../crds/types.generated.js';
import type { CreateDomainRequest, UpdateDomainRequest } from './domains.schema.js';

/** Keystone's ids: a UUID4 without dashes. */
export function newKeystoneId(): string {
  return randomUUID().replace(/-/g, '');
}

/** The keys of a request body that the resource does not know: Keystone's extra attributes. */
export function extraOf(body: object, known: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([k]) => !known.includes(k) && k !== 'id' && k !== 'links'));
}

/** The stored options, with an "immutable": null (Keystone's way of removing it) dropped. */
export function optionsOf(options: { immutable?: boolean | null } | undefined, current: { immutable?: boolean } = {}): { immutable?: boolean } {
  if (!options) return current;
  if (options.immutable === null) return {};
  return options.immutable === undefined ? current : { immutable: options.immutable };
}

const DOMAIN_KEYS = ['name', 'description', 'enabled', 'tags', 'options'] as const;

export function toDomainResource(id: string, req: CreateDomainRequest): Domain {
  return {
    ...typeMeta(Resources.Domain),
    metadata: { name: id, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    spec: {
      name: req.name,
      description: req.description ?? '',
      enabled: req.enabled ?? true,
      tags: req.tags ?? [],
      options: optionsOf(req.options),
      extra: extraOf(req, DOMAIN_KEYS),
    },
  };
}

export function applyDomainUpdate(spec: Domain['spec'], req: UpdateDomainRequest): Domain['spec'] {
  return {
    ...spec,
    ...(req.name !== undefined ? { name: req.name } : {}),
    ...(req.description !== undefined ? { description: req.description ?? '' } : {}),
    ...(req.enabled !== undefined ? { enabled: req.enabled } : {}),
    ...(req.tags !== undefined ? { tags: req.tags } : {}),
    options: optionsOf(req.options, spec.options),
    extra: { ...spec.extra, ...extraOf(req, DOMAIN_KEYS) },
  };
}
