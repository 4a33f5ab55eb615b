// Where a new subnet's CIDR comes from: the request's own cidr, or a subnet pool (subnetpool_id,
// or the default pool of its IP version with use_default_subnetpool), which allocates one of
// prefixlen (its default_prefixlen when none is given) or checks and records the cidr asked for.
import type { Stores } from '../../../deps.js';
import type { AuthContext } from '../../../common/route.js';
import { formatCidr } from '../ipam/addresses.js';
import { neutronBadRequest, toBool } from '../neutron.errors.js';
import { defaultSubnetPool, findSubnetPool } from '../subnet-pools/subnet-pools.access.js';
import { allocateFromPool } from '../subnet-pools/subnet-pools.registry.js';
import type { CreateSubnetRequest } from './subnets.mapper.js';
import { checkCidr } from './subnets.validation.js';

export async function subnetCidr(stores: Stores, auth: AuthContext, req: CreateSubnetRequest, subnetId: string): Promise<{ cidr: string; poolId?: string }> {
  const version = Number(req.ip_version);
  const pool = req.subnetpool_id ? findSubnetPool(stores, auth, req.subnetpool_id) : toBool(req.use_default_subnetpool) ? defaultSubnetPool(stores, auth, version) : undefined;
  if (!pool) {
    if (!req.cidr) throw neutronBadRequest('Bad subnets request: a subnetpool must be specified in the absence of a cidr.');
    if (req.prefixlen !== undefined) throw neutronBadRequest('Bad subnets request: prefixlen is only for a subnet allocated from a subnet pool.');
    return { cidr: req.cidr };
  }
  if (pool.spec.ipVersion !== version) throw neutronBadRequest(`Bad subnets request: Cannot allocate IPv${version} subnet from IPv${pool.spec.ipVersion} subnet pool.`);
  if (req.cidr && req.prefixlen !== undefined) throw neutronBadRequest('Bad subnets request: cidr and prefixlen must not be supplied together.');
  const asked = req.cidr ? checkCidr(req.cidr, version) : undefined;
  const cidr = await allocateFromPool(stores, pool, subnetId, { cidr: asked, prefixlen: req.prefixlen === undefined ? undefined : Number(req.prefixlen) });
  return { cidr: formatCidr(cidr), poolId: pool.metadata.name };
}
