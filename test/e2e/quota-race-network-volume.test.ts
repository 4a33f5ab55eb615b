// R7, the quota race, for Neutron's ports and Cinder's volumes: two API server processes against
// one cluster, 200 concurrent creates split between them against room for exactly 50. Exactly 50
// are admitted (201 ports, 202 volumes), the other 150 get the service's over-quota answer
// (Neutron's 409 OverQuota, Cinder's 413), and exactly 50 CRs exist: the `network` and `volume`
// ledgers' claims are written under their resourceVersion, so neither replica admits past the
// other's writes. Everything made is deleted and the limits are put back afterwards.
import assert from 'node:assert/strict';
import { Resources } from '../../crds/resources.js';
import { e2eStack, kubectl, tokenFor, until } from './support/stack.js';
import { startSecondApiServer, type SecondApiServer } from './support/second-api-server.js';

const RACERS = 200;
const ROOM = 50;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function send(url: string, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${url}${path}`, { method, headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The CRs of a kind in demo's namespace that pass the filter, by name. */
async function crsOf(kind: { plural: string; group: string }, namespace: string, keep: (spec: Record<string, unknown>) => boolean): Promise<string[]> {
  const list = JSON.parse(await kubectl(['get', `${kind.plural}.${kind.group}`, '-n', namespace, '-o', 'json'])) as { items: { metadata: { name: string }; spec: Record<string, unknown> }[] };
  return list.items.filter((i) => keep(i.spec)).map((i) => i.metadata.name);
}

/** Fires the 200 creates at once, alternating between the two replicas; the answers in request order. */
function race(urls: [string, string], token: string, path: string, body: (i: number) => object): Promise<Answer[]> {
  return Promise.all(Array.from({ length: RACERS }, (_, i) => send(urls[i % 2], token, 'POST', path, body(i))));
}

/**
 * Each replica answered its half with an admission or the refusal and nothing else. Which replica
 * admits how many is the scheduler's business: a run where one admitted all 50 and the other only
 * refused (its reads of the ledger saw the other's claims) is a correct outcome, so it is shown,
 * not asserted.
 */
function assertBothAnswered(answers: Answer[], statuses: { admitted: number; refused: number }): string {
  const split = [0, 1].map((r) => answers.filter((a, i) => i % 2 === r && a.status === statuses.admitted).length);
  for (const r of [0, 1]) {
    const own = answers.filter((_, i) => i % 2 === r).map((a) => a.status);
    assert.deepEqual(own.filter((s) => s !== statuses.admitted && s !== statuses.refused), [], `replica ${r + 1} answered only ${statuses.admitted} or ${statuses.refused}`);
  }
  return `admitted by replica 1: ${split[0]}, by replica 2: ${split[1]}`;
}

/** A read through each replica first, so neither meets the race with cold caches or unloaded code. */
async function warm(urls: [string, string], token: string, path: string): Promise<void> {
  for (const url of urls) assert.equal((await send(url, token, 'GET', path)).status, 200, `warm-up GET ${path} on ${url}`);
}

describe('The quota race (R7) for ports and volumes: 200 concurrent creates through two API servers against room for 50', function () {
  this.timeout(15 * 60_000);
  const prefix = `race-nv-${Date.now()}`;
  let second: SecondApiServer;
  let urls: [string, string];
  let admin: { token: string; projectId: string };
  let demo: { token: string; projectId: string };
  let namespace: string;
  let networkId: string | undefined;
  const original: { port?: number; volumes?: number; gigabytes?: number } = {};
  const cinder = (path: string): string => `/volume/v3/${admin.projectId}${path}`;
  const portsOfRace = (): Promise<string[]> => crsOf(Resources.Port, namespace, (s) => s.networkId === networkId);
  const volumesOfRace = (): Promise<string[]> => crsOf(Resources.Volume, namespace, (s) => typeof s.name === 'string' && s.name.startsWith(prefix));

  before(async () => {
    const primary = (await e2eStack()).apiUrl;
    second = await startSecondApiServer();
    urls = [primary, second.url];
    admin = await tokenFor('admin');
    demo = await tokenFor('demo');
    namespace = `os-${demo.projectId}`;
  });

  after(async () => {
    const [primary] = urls;
    const ports = networkId ? await portsOfRace().catch(() => []) : [];
    await Promise.all(ports.map((id) => send(primary, demo.token, 'DELETE', `/network/v2.0/ports/${id}`)));
    if (networkId) {
      await until('the race\'s ports to be gone', async () => ((await portsOfRace()).length === 0 ? true : undefined), 180_000);
      await send(primary, demo.token, 'DELETE', `/network/v2.0/networks/${networkId}`);
    }
    await deleteRaceVolumes(primary);
    if (original.port !== undefined) {
      assert.equal((await send(primary, admin.token, 'PUT', `/network/v2.0/quotas/${demo.projectId}`, { quota: { port: original.port } })).status, 200, 'port limit restored');
    }
    if (original.volumes !== undefined) {
      const restored = await send(primary, admin.token, 'PUT', cinder(`/os-quota-sets/${demo.projectId}`), { quota_set: { volumes: original.volumes, gigabytes: original.gigabytes } });
      assert.equal(restored.status, 200, 'volume limits restored');
    }
    await second?.stop();
  });

  /** Cinder deletes only settled volumes: each is awaited out of `creating`, then deleted, until none is left. */
  async function deleteRaceVolumes(primary: string): Promise<void> {
    await until('the race\'s volumes to be gone', async () => {
      const ids = await volumesOfRace().catch(() => []);
      if (ids.length === 0) return true;
      await Promise.all(ids.map((id) => send(primary, demo.token, 'DELETE', `/volume/v3/${demo.projectId}/volumes/${id}`)));
      return undefined;
    }, 300_000);
  }

  it('When 200 port creates race through two replicas against room for 50 ports, then exactly 50 are 201, 150 are Neutron\'s 409 OverQuota, and 50 Port CRs exist on the network', async () => {
    const [primary] = urls;
    const network = await send(primary, demo.token, 'POST', '/network/v2.0/networks', { network: { name: `${prefix}-net` } });
    assert.equal(network.status, 201, JSON.stringify(network.body));
    networkId = (network.body.network as { id: string }).id;
    const details = (await send(primary, admin.token, 'GET', `/network/v2.0/quotas/${demo.projectId}/details`)).body.quota as { port: { used: number; limit: number } };
    original.port = details.port.limit;
    const put = await send(primary, admin.token, 'PUT', `/network/v2.0/quotas/${demo.projectId}`, { quota: { port: details.port.used + ROOM } });
    assert.equal(put.status, 200, JSON.stringify(put.body));

    await warm(urls, demo.token, `/network/v2.0/ports?network_id=${networkId}`);
    const answers = await race(urls, demo.token, '/network/v2.0/ports', (i) => ({ port: { network_id: networkId, name: `${prefix}-port-${i}` } }));
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, ROOM, `statuses: ${JSON.stringify(statuses)}`);
    assert.equal(statuses.filter((s) => s === 409).length, RACERS - ROOM);
    for (const a of answers.filter((x) => x.status === 409)) {
      assert.deepEqual(a.body, { NeutronError: { type: 'OverQuota', message: 'Quota exceeded for resources: [\'port\'].', detail: '' } });
    }
    console.error(`      ports: ${assertBothAnswered(answers, { admitted: 201, refused: 409 })}`);
    const made = answers.filter((a) => a.status === 201).map((a) => (a.body.port as { id: string }).id).sort();
    assert.deepEqual((await portsOfRace()).sort(), made);
  });

  it('When 200 volume creates race through two replicas against room for 50 volumes, then exactly 50 are 202, 150 are Cinder\'s 413, and 50 Volume CRs exist', async () => {
    const [primary] = urls;
    const usage = (await send(primary, admin.token, 'GET', cinder(`/os-quota-sets/${demo.projectId}?usage=True`))).body.quota_set as Record<string, { limit: number; in_use: number }>;
    original.volumes = usage.volumes.limit;
    original.gigabytes = usage.gigabytes.limit;
    const limit = usage.volumes.in_use + ROOM;
    const put = await send(primary, admin.token, 'PUT', cinder(`/os-quota-sets/${demo.projectId}`), { quota_set: { volumes: limit, gigabytes: -1 } });
    assert.equal(put.status, 200, JSON.stringify(put.body));

    await warm(urls, demo.token, `/volume/v3/${demo.projectId}/volumes/detail`);
    const answers = await race(urls, demo.token, `/volume/v3/${demo.projectId}/volumes`, (i) => ({ volume: { size: 1, name: `${prefix}-vol-${i}` } }));
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 202).length, ROOM, `statuses: ${JSON.stringify(statuses)}`);
    assert.equal(statuses.filter((s) => s === 413).length, RACERS - ROOM);
    for (const a of answers.filter((x) => x.status === 413)) {
      assert.deepEqual(a.body, { overLimit: { code: 413, message: `VolumeLimitExceeded: Maximum number of volumes allowed (${limit}) exceeded for quota 'volumes'.` } });
    }
    console.error(`      volumes: ${assertBothAnswered(answers, { admitted: 202, refused: 413 })}`);
    const made = answers.filter((a) => a.status === 202).map((a) => (a.body.volume as { id: string }).id).sort();
    assert.deepEqual((await volumesOfRace()).sort(), made);
  });
});
