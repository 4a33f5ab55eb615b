// Who sees which network, in one place for every Neutron handler (and, later, for Nova's
// networks on POST /servers): an admin every network; anyone else their project's own and every
// shared or external one. Another project's private network is as absent as a missing one (404).
import type { Network } from '../../../../../crds/types.generated.js';
import type { AuthContext } from '../../../common/route.js';
import type { ResourceStore } from '../../../kube/store.js';
import { neutronNotFound, requireOwner } from '../neutron.errors.js';

export function networkVisible(net: Network, auth: AuthContext): boolean {
  return auth.isAdmin || net.spec.projectId === auth.projectId || net.spec.shared === true || net.spec.external === true;
}

/** The network with this id if the caller may see it (ids are unique across namespaces). */
export function lookupNetwork(networks: ResourceStore<Network>, auth: AuthContext, id: string): Network | undefined {
  const net = networks.list().find((n) => n.metadata.name === id);
  return net && networkVisible(net, auth) ? net : undefined;
}

export function findNetwork(networks: ResourceStore<Network>, auth: AuthContext, id: string): Network {
  const net = lookupNetwork(networks, auth, id);
  if (!net) throw neutronNotFound('NetworkNotFound', `Network ${id} could not be found.`);
  return net;
}

/** Changing a network needs its owner or an admin: a shared network seen by others stays theirs to read. */
export function findOwnNetwork(networks: ResourceStore<Network>, auth: AuthContext, id: string, action: string): Network {
  const net = findNetwork(networks, auth, id);
  requireOwner(auth, net.spec.projectId, action);
  return net;
}
