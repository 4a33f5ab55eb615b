// The one domain this server knows, Keystone's built-in "default" domain. Projects and users name
// it by id in spec.domainId; there are no Domain CRs. Token issue resolves domain references
// against it, and the Keystone views embed it, so it lives below both.
export const DEFAULT_DOMAIN_ID = 'default';
export const DEFAULT_DOMAIN_NAME = 'Default';

export interface DomainRef {
  id: string;
  name: string;
}

/** {id, name} for a domain id, as tokens and role assignments embed it. */
export function domainRef(id: string): DomainRef {
  return { id, name: id === DEFAULT_DOMAIN_ID ? DEFAULT_DOMAIN_NAME : id };
}

/** The id of the domain a request names by id or by name, or undefined when it is unknown. */
export function resolveDomainId(ref: { id?: string; name?: string } | undefined): string | undefined {
  if (ref?.id !== undefined) return ref.id === DEFAULT_DOMAIN_ID ? DEFAULT_DOMAIN_ID : undefined;
  if (ref?.name !== undefined) return ref.name.toLowerCase() === DEFAULT_DOMAIN_ID ? DEFAULT_DOMAIN_ID : undefined;
  return undefined;
}
