// R7, the quota race: two API server processes against one cluster, 200 concurrent server creates
// split between them against an instance quota of 50 (cores and RAM unlimited). Exactly 50 are
// admitted (202), 150 get Nova's 403, and exactly 50 Server CRs exist: the compute ledger's claims
// are written under its resourceVersion, so neither replica can admit past the other's writes.
import assert from 'node:assert/strict';
import { Resources } from '../../crds/resources.js';
import { e2eStack, kubectl, tokenFor, until } from './support/stack.js';
import { startSecondApiServer, type SecondApiServer } from './support/second-api-server.js';

const RACERS = 200;
const ROOM = 50;

interface Answer {
  status: number;
  body: { server?: { id: string }; forbidden?: { message: string } };
}

async function send(url: string, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${url}${path}`, { method, headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
}

describe('The quota race (R7): 200 concurrent creates through two API servers against an instance quota of 50', function () {
  this.timeout(15 * 60_000);
  const prefix = `race-${Date.now()}`;
  let second: SecondApiServer;
  let admin: string;
  let demo: { token: string; projectId: string };
  let primary: string;
  const serversOfRace = async (): Promise<string[]> => {
    const list = JSON.parse(await kubectl(['get', `${Resources.Server.plural}.${Resources.Server.group}`, '-n', `os-${demo.projectId}`, '-o', 'json'])) as { items: { metadata: { name: string }; spec: { name: string } }[] };
    return list.items.filter((s) => s.spec.name.startsWith(prefix)).map((s) => s.metadata.name);
  };

  before(async () => {
    primary = (await e2eStack()).apiUrl;
    second = await startSecondApiServer();
    admin = (await tokenFor('admin')).token;
    demo = await tokenFor('demo');
    // Room for exactly 50 more instances, whatever demo runs already; cores and RAM unlimited.
    const used = (await send(primary, admin, 'GET', `/compute/v2.1/os-quota-sets/${demo.projectId}/detail`)).body as unknown as { quota_set: { instances: { in_use: number } } };
    const put = await send(primary, admin, 'PUT', `/compute/v2.1/os-quota-sets/${demo.projectId}`, { quota_set: { instances: used.quota_set.instances.in_use + ROOM, cores: -1, ram: -1, force: true } });
    assert.equal(put.status, 200);
  });

  after(async () => {
    const ids = await serversOfRace().catch(() => []);
    await Promise.all(ids.map((id) => send(primary, demo.token, 'DELETE', `/compute/v2.1/servers/${id}`)));
    await until('the race\'s servers to be gone', async () => ((await serversOfRace()).length === 0 ? true : undefined), 180_000);
    await send(primary, admin, 'DELETE', `/compute/v2.1/os-quota-sets/${demo.projectId}`);
    await second?.stop();
  });

  it('When 200 creates race through two replicas, then exactly 50 are 202, 150 are Nova\'s 403, and 50 Server CRs exist', async () => {
    const image = (await send(primary, demo.token, 'GET', '/image/v2/images?name=cirros')).body as unknown as { images: { id: string }[] };
    const server = (i: number): object => ({ server: { name: `${prefix}-${i}`, flavorRef: '1', imageRef: image.images[0].id, networks: 'none' } });
    const answers = await Promise.all(Array.from({ length: RACERS }, (_, i) =>
      send(i % 2 === 0 ? primary : second.url, demo.token, 'POST', '/compute/v2.1/servers', server(i), { 'OpenStack-API-Version': 'compute 2.37' })));
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 202).length, ROOM, `statuses: ${JSON.stringify(statuses)}`);
    assert.equal(statuses.filter((s) => s === 403).length, RACERS - ROOM);
    for (const a of answers.filter((x) => x.status === 403)) assert.match(a.body.forbidden!.message, /^Quota exceeded for instances: Requested 1, but already used \d+ of \d+ instances$/);
    // Which replica wins how many is up to the race (one may even win none, its 100 answers all
    // correct 403s); the split is printed, not asserted.
    const admitted = [0, 1].map((r) => answers.filter((a, i) => i % 2 === r && a.status === 202).length);
    console.error(`      admitted by replica 1 / 2: ${admitted[0]} / ${admitted[1]}`);
    assert.equal((await serversOfRace()).length, ROOM);
  });
});
