// Domains as token issue, validation and the Keystone views see them: Domain CRs (the seed writes
// Keystone's built-in "default" one, id "default", name "Default"). The default domain is also
// known before its CR exists (a cluster seeded by an older version, a unit world without it), so
// references to it never break. Projects and users name their domain by id in spec.domainId.
import type { Domain } from '../../../crds/types.generated.js';
import type { Stores } from '../deps.js';

export const DEFAULT_DOMAIN_ID = 'default';
export const DEFAULT_DOMAIN_NAME = 'Default';

export interface DomainRef {
  id: string;
  name: string;
}

type DomainStores = Pick<Stores, 'domains'>;

/** The domain with this id (the built-in default one when its CR is missing), unless being deleted. */
export function findDomain(stores: DomainStores, id: string): Pick<Domain, 'metadata' | 'spec'> | undefined {
  const found = stores.domains.get(id);
  if (found && !found.metadata.deletionTimestamp) return found;
  if (id === DEFAULT_DOMAIN_ID && !found) return { metadata: { name: DEFAULT_DOMAIN_ID }, spec: { name: DEFAULT_DOMAIN_NAME, enabled: true } };
  return undefined;
}

/** {id, name} for a domain id, as tokens and role assignments embed it. */
export function domainRef(stores: DomainStores, id: string): DomainRef {
  return { id, name: findDomain(stores, id)?.spec.name ?? id };
}

/** Whether the domain exists and is enabled: users and projects of a disabled domain cannot authenticate. */
export function domainEnabled(stores: DomainStores, id: string): boolean {
  const domain = findDomain(stores, id);
  return domain !== undefined && domain.spec.enabled !== false;
}

/** The id of the domain a request names by id or by name, or undefined when it is unknown. */
export function resolveDomainId(stores: DomainStores, ref: { id?: string; name?: string } | undefined): string | undefined {
  if (ref?.id !== undefined) return findDomain(stores, ref.id)?.metadata.name;
  if (ref?.name === undefined) return undefined;
  const live = stores.domains.list().filter((d) => !d.metadata.deletionTimestamp);
  // Exact first; then case-insensitively, as Keystone on MySQL's default collation matches names
  // (clients often say "default" for the domain named "Default").
  const lower = ref.name.toLowerCase();
  const named = live.find((d) => d.spec.name === ref.name) ?? live.find((d) => d.spec.name.toLowerCase() === lower);
  if (named) return named.metadata.name;
  // Without its CR, the built-in default domain still answers to its name.
  const builtIn = !stores.domains.get(DEFAULT_DOMAIN_ID) && lower === DEFAULT_DOMAIN_NAME.toLowerCase();
  return builtIn ? DEFAULT_DOMAIN_ID : undefined;
}
