// SubnetPool CR → Neutron subnetpool body.
import type { Static } from '@sinclair/typebox';
import type { SubnetPool } from '../../../../../crds/types.generated.js';
import { standardFields } from '../neutron.view.js';
import type { subnetPool } from './subnet-pools.schema.js';

export function subnetPoolView(p: SubnetPool): Static<typeof subnetPool> {
  return {
    ...standardFields(p),
    id: p.metadata.name,
    name: p.spec.name,
    description: p.spec.description ?? '',
    ip_version: p.spec.ipVersion,
    prefixes: p.spec.prefixes,
    min_prefixlen: p.spec.minPrefixlen,
    max_prefixlen: p.spec.maxPrefixlen,
    default_prefixlen: p.spec.defaultPrefixlen,
    shared: p.spec.shared ?? false,
    is_default: p.spec.isDefault ?? false,
    address_scope_id: null,
    default_quota: null,
  };
}
