// DevStack's network topology, made as DevStack makes it: through the Neutron API with the
// admin's and the demo user's credentials (so every Neutron rule, IPAM claim and default
// security group applies as for any client). A shared external network `public` with
// `public-subnet`; for demo a `private` network, `private-subnet`, and `router1` with its gateway
// on public and an interface on private-subnet. Idempotent: what exists (by name) is kept.

export interface NetworkSeedPlan {
  public: { network: string; subnet: string; cidr: string; gateway: string; pool: { start: string; end: string } };
  private: { project: string; network: string; subnet: string; cidr: string; router: string };
}

/** DevStack's defaults (PUBLIC_NETWORK_NAME, FLOATING_RANGE, FIXED_RANGE, Q_ROUTER_NAME). */
export const DEVSTACK_NETWORKS: NetworkSeedPlan = {
  public: { network: 'public', subnet: 'public-subnet', cidr: '172.24.4.0/24', gateway: '172.24.4.1', pool: { start: '172.24.4.2', end: '172.24.4.254' } },
  private: { project: 'demo', network: 'private', subnet: 'private-subnet', cidr: '10.0.0.0/26', router: 'router1' },
};

export interface Credentials {
  username: string;
  password: string;
  project: string;
}

export interface NetworkSeedResult {
  publicNetworkId: string;
  publicSubnetId: string;
  privateNetworkId: string;
  privateSubnetId: string;
  routerId: string;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

class NeutronSession {
  constructor(
    private readonly network: string,
    private readonly token: string,
  ) {}

  async call(method: string, path: string, body?: object): Promise<Json> {
    const res = await fetch(`${this.network}/v2.0/${path}`, {
      method, headers: { 'X-Auth-Token': this.token, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (res.status >= 300) throw new Error(`${method} /network/v2.0/${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Json;
  }

  /** The id of the `collection` item named `name`, made from `body` when there is none. */
  async ensure(collection: string, singular: string, name: string, body: Json): Promise<Json> {
    const found = (await this.call('GET', `${collection}?name=${encodeURIComponent(name)}`))[collection] as Json[];
    const own = found.find((x) => x.name === name);
    if (own) return own;
    return (await this.call('POST', collection, { [singular]: { name, ...body } }))[singular] as Json;
  }
}

async function login(apiUrl: string, c: Credentials): Promise<NeutronSession> {
  const res = await fetch(`${apiUrl}/identity/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: c.username, domain: { id: 'default' }, password: c.password } } },
        scope: { project: { name: c.project, domain: { id: 'default' } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`login of ${c.username} failed: ${res.status} ${await res.text()}`);
  return new NeutronSession(`${apiUrl}/network`, res.headers.get('x-subject-token')!);
}

async function seedPublic(admin: NeutronSession, p: NetworkSeedPlan['public']): Promise<[string, string]> {
  const net = await admin.ensure('networks', 'network', p.network, { 'router:external': true, shared: true });
  const subnet = await admin.ensure('subnets', 'subnet', p.subnet, {
    network_id: net.id as string, ip_version: 4, cidr: p.cidr, gateway_ip: p.gateway, allocation_pools: [p.pool], enable_dhcp: false,
  });
  return [net.id as string, subnet.id as string];
}

async function seedRouter(demo: NeutronSession, name: string, publicNetworkId: string, subnetId: string): Promise<string> {
  const router = await demo.ensure('routers', 'router', name, { external_gateway_info: { network_id: publicNetworkId } });
  const ifaces = (await demo.call('GET', `ports?device_id=${router.id}&device_owner=network:router_interface`)).ports as Json[];
  const attached = ifaces.some((p) => (p.fixed_ips as Json[]).some((f) => f.subnet_id === subnetId));
  if (!attached) await demo.call('PUT', `routers/${router.id}/add_router_interface`, { subnet_id: subnetId });
  return router.id as string;
}

export async function seedNetworks(apiUrl: string, admin: Credentials, demo: Credentials, plan: NetworkSeedPlan = DEVSTACK_NETWORKS): Promise<NetworkSeedResult> {
  const [publicNetworkId, publicSubnetId] = await seedPublic(await login(apiUrl, admin), plan.public);
  const session = await login(apiUrl, demo);
  const priv = await session.ensure('networks', 'network', plan.private.network, {});
  const subnet = await session.ensure('subnets', 'subnet', plan.private.subnet, { network_id: priv.id as string, ip_version: 4, cidr: plan.private.cidr });
  const routerId = await seedRouter(session, plan.private.router, publicNetworkId, subnet.id as string);
  return { publicNetworkId, publicSubnetId, privateNetworkId: priv.id as string, privateSubnetId: subnet.id as string, routerId };
}
