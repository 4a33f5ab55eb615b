// HttpKubeClient against a stand-in apiserver on 127.0.0.1: a hung apiserver fails a request with a
// timeout (an outage, 503) instead of holding it forever, watches are exempt from that deadline, and
// a Status body's reason, details.causes and the Retry-After header reach the error mapping.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeApiError } from '../../../crds/client/client.js';
import { HttpKubeClient, KubeStatusError, KubeTimeoutError } from '../../../crds/client/http-client.js';
import { Resources } from '../../../crds/resources.js';
import { mapKubeError } from '../../../api-server/src/common/errors.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface StandIn {
  client: HttpKubeClient;
  close(): Promise<void>;
}

async function standIn(handler: Handler, requestTimeoutMs = 200, user: { name: string; token?: string } = { name: 'u' }, credentialsTtlMs?: number): Promise<StandIn & { kc: KubeConfig }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [user],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  const close = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };
  return { client: new HttpKubeClient(kc, { requestTimeoutMs, credentialsTtlMs }), close, kc };
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
};

describe('HttpKubeClient', () => {
  let stand: StandIn | undefined;
  afterEach(async () => {
    await stand?.close();
    stand = undefined;
  });

  describe('credentials', () => {
    const seen: (string | undefined)[] = [];
    const echo: Handler = (req, res) => {
      seen.push(req.headers.authorization);
      json(res, 200, { metadata: { name: 'f1' } });
    };
    const rotate = (kc: KubeConfig): void => {
      (kc.getCurrentUser() as { token?: string }).token = 'rotated';
    };
    beforeEach(() => (seen.length = 0));

    it('When requests follow each other, then the kubeconfig credentials are read once and reused', async () => {
      const s = await standIn(echo, 200, { name: 'u', token: 'first' });
      stand = s;
      await s.client.get(Resources.Flavor, 'f1');
      rotate(s.kc);
      await s.client.get(Resources.Flavor, 'f1');
      assert.deepEqual(seen, ['Bearer first', 'Bearer first']);
    });

    it('When the reuse window has passed, then a rotated token is read again', async () => {
      const s = await standIn(echo, 200, { name: 'u', token: 'first' }, 0);
      stand = s;
      await s.client.get(Resources.Flavor, 'f1');
      rotate(s.kc);
      await s.client.get(Resources.Flavor, 'f1');
      assert.deepEqual(seen, ['Bearer first', 'Bearer rotated']);
    });
  });

  const hangs: { name: string; handler: Handler }[] = [
    { name: 'never answers', handler: () => undefined },
    { name: 'sends the headers and half a body, then stalls', handler: (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/json' }).write('{"metadata":') },
  ];
  for (const h of hangs) {
    it(`When the apiserver ${h.name}, then the request fails with a timeout that maps to 503`, async () => {
      stand = await standIn(h.handler, 150);
      const started = Date.now();
      const err: unknown = await stand.client.get(Resources.Flavor, 'f1').then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof KubeTimeoutError, `got ${String(err)}`);
      assert.equal(err.code, 'ETIMEDOUT');
      assert.match(err.message, /did not answer GET \/apis\/openstack\.sim\/v1alpha1\/flavors\/f1 within 150 ms/);
      assert.ok(Date.now() - started < 2000, 'the deadline, not some later socket timeout, ended it');
      const mapped = mapKubeError(err);
      assert.equal(mapped?.status, 503);
      assert.equal(mapped?.headers['Retry-After'], '1');
    });
  }

  it('When the apiserver answers before the deadline, then the answer is returned', async () => {
    stand = await standIn((_req, res) => void setTimeout(() => json(res, 200, { metadata: { name: 'f1' } }), 30), 300);
    const got = await stand.client.get(Resources.Flavor, 'f1');
    assert.equal(got?.metadata.name, 'f1');
  });

  const statuses: { name: string; status: number; body: unknown; headers?: Record<string, string>; want: { reason: string; retryAfterSeconds?: number; mapped: number; message?: RegExp; retryAfter?: string } }[] = [
    {
      name: '422 Invalid with causes',
      status: 422,
      body: { kind: 'Status', reason: 'Invalid', message: 'Flavor.openstack.sim "f1" is invalid: spec.vcpus: Invalid value: 0', details: { name: 'f1', kind: 'Flavor', causes: [{ reason: 'FieldValueInvalid', field: 'spec.vcpus', message: 'Invalid value: 0: spec.vcpus in body should be greater than or equal to 1' }] } },
      want: { reason: 'Invalid', mapped: 400, message: /^Invalid input: spec\.vcpus: Invalid value: 0: spec\.vcpus in body should be greater than or equal to 1$/ },
    },
    { name: '503 with Retry-After', status: 503, body: { kind: 'Status', reason: 'ServiceUnavailable', message: 'starting' }, headers: { 'Retry-After': '7' }, want: { reason: 'ServiceUnavailable', retryAfterSeconds: 7, mapped: 503, retryAfter: '7' } },
    { name: '500 that is not a Status', status: 500, body: 'oops', want: { reason: 'Unknown', mapped: 503, retryAfter: '1' } },
    {
      name: '403 from a terminating namespace',
      status: 403,
      body: { kind: 'Status', reason: 'Forbidden', message: 'servers.openstack.sim "s1" is forbidden: unable to create new content in namespace os-p1 because it is being terminated' },
      want: { reason: 'Forbidden', mapped: 409, message: /^Project p1 is being deleted\.$/ },
    },
  ];
  for (const s of statuses) {
    it(`When the apiserver answers ${s.name}, then the error carries it and maps to ${s.want.mapped}`, async () => {
      stand = await standIn((_req, res) => json(res, s.status, s.body, s.headers));
      const err: unknown = await stand.client.create(Resources.Flavor, { metadata: { name: 'f1' } }).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof KubeApiError && err instanceof KubeStatusError, `got ${String(err)}`);
      assert.equal(err.statusCode, s.status);
      assert.equal(err.reason, s.want.reason);
      assert.equal(err.retryAfterSeconds, s.want.retryAfterSeconds);
      const mapped = mapKubeError(err);
      assert.equal(mapped?.status, s.want.mapped);
      if (s.want.message) assert.match(mapped.message, s.want.message);
      assert.equal(mapped?.headers['Retry-After'], s.want.retryAfter);
    });
  }

  it('When a watch stays quiet for longer than the request deadline, then it is not cut off', async () => {
    stand = await standIn((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(`${JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'f1', resourceVersion: '2' } } })}\n`);
    }, 50);
    const names: string[] = [];
    const handle = stand.client.watch(Resources.Flavor, { resourceVersion: '1' }, (ev) => names.push(ev.object.metadata.name));
    const early = await Promise.race([handle.done.then(() => 'ended'), new Promise((r) => setTimeout(() => r('open'), 250))]);
    assert.equal(early, 'open');
    assert.deepEqual(names, ['f1']);
    handle.stop();
    assert.equal(await handle.done, undefined);
  });
});
