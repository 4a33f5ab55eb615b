// --project-delete-mode=cascade: what a project owns goes before the project, in dependency order
// (floating IPs, servers, router interfaces and routers, ports, networks with their subnets,
// volumes with their snapshots, security groups), each through its service's own delete, called
// as an admin scoped to the project, so every side effect (addresses, external gateway and
// floating IP ports, segments, attachments) is released as an API delete releases it.
import { projectNamespace } from '../../../../../crds/naming.js';
import type { Project, Server } from '../../../../../crds/types.generated.js';
import type { AuthContext, RouteContext } from '../../../common/route.js';
import type { AppDeps, Stores } from '../../../deps.js';
import { deleteFloatingIpHandler } from '../../neutron/floating-ips/floating-ips.handlers.js';
import { releaseServerPorts } from '../../neutron/ports/ports.devices.js';
import { releaseServerVolumes } from '../../nova/volume-attachments/volume-attachments.release.js';
import { removeInterface } from '../../neutron/routers/routers.interfaces.js';
import { deleteRouterHandler } from '../../neutron/routers/routers.handlers.js';
import { interfacePorts } from '../../neutron/routers/routers.access.js';
import { deletePort } from '../../neutron/ports/ports.handlers.js';
import { deleteNetworkHandler } from '../../neutron/networks/networks.handlers.js';
import { removeVolume } from '../../cinder/volumes/volumes.handlers.js';

/** The caller the services' deletes see: an admin whose token is scoped to the doomed project. */
function projectAdmin(caller: AuthContext, p: Project): AuthContext {
  return { ...caller, projectId: p.metadata.name, projectName: p.spec.name, projectDomainId: p.spec.domainId, isAdmin: true };
}

/** What Nova's delete does besides its bookkeeping: the ports it made go, volumes are detached, the shelved image goes. */
async function removeServer(stores: Stores, s: Server): Promise<void> {
  await stores.servers.delete(s.metadata.name, s.metadata.namespace);
  await releaseServerPorts(stores, s.spec.ports ?? []);
  await releaseServerVolumes(stores, s);
  if (s.spec.shelvedImageId) await stores.images.delete(s.spec.shelvedImageId).catch(() => undefined);
}

type Call = (params: Record<string, string>) => RouteContext<undefined, object>;

async function networking(d: AppDeps, ns: string, as: Call): Promise<void> {
  const { stores } = d;
  for (const f of stores.floatingIPs.list(ns)) await deleteFloatingIpHandler(stores)(as({ floatingipId: f.metadata.name }));
  for (const s of stores.servers.list(ns).filter((x) => !x.metadata.deletionTimestamp)) await removeServer(stores, s);
  for (const r of stores.routers.list(ns)) {
    for (const port of interfacePorts(stores, r)) await removeInterface(stores, r, { port_id: port.metadata.name });
    await deleteRouterHandler(stores)(as({ routerId: r.metadata.name }));
  }
  for (const port of stores.ports.list(ns)) await deletePort(stores, port);
  for (const n of stores.networks.list(ns)) await deleteNetworkHandler(stores)(as({ networkId: n.metadata.name }));
}

export async function cascadeProjectResources<B, Q>(d: AppDeps, p: Project, ctx: RouteContext<B, Q>): Promise<void> {
  const ns = projectNamespace(p.metadata.name);
  const auth = projectAdmin(ctx.auth, p);
  const as: Call = (params) => ({ ...ctx, params, auth, query: {}, body: undefined });
  await networking(d, ns, as);
  const { stores } = d;
  for (const v of stores.volumes.list(ns)) await removeVolume(stores, v, { cascade: true, force: true });
  for (const s of stores.snapshots.list(ns)) await stores.snapshots.delete(s.metadata.name, ns);
  for (const g of stores.securityGroups.list(ns).filter((x) => x.spec.name !== 'default')) await stores.securityGroups.delete(g.metadata.name, ns);
}
