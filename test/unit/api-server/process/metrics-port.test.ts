// /metrics has its own listener: the API port (the one a Service or an ingress publishes) serves the
// OpenStack APIs and /healthz only, and the metrics port serves the request counters.
import assert from 'node:assert/strict';
import { silentLogger } from '../../../../crds/client/logger.js';
import { startApiServer, type RunningApiServer } from '../../../../api-server/src/server.js';
import { FakeKube } from '../../../support/fake-kube.js';

const config = { publicUrl: '', region: 'RegionOne', systemNamespace: 'openstack-sim-system', tokenTtlSeconds: 3600 };

describe('API server listeners', () => {
  let server: RunningApiServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('When GET /metrics goes to the API port, then it is a 404, and on the metrics port a 200 with the request counter', async () => {
    server = await startApiServer({ kube: new FakeKube(), config, host: '127.0.0.1', port: 0, metricsPort: 0, log: silentLogger });
    assert.ok(server.metricsUrl, 'a metrics listener was started');
    assert.notEqual(server.metricsUrl, server.url);
    assert.equal((await fetch(`${server.url}/identity`)).status, 300, 'the API answers on its port');
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${server.url}/metrics`)).status, 404);
    const res = await fetch(`${server.metricsUrl}/metrics`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /openstack_sim_api_requests_total\{service="identity",route="GET \/",code="300"\} 1/);
    assert.equal((await fetch(`${server.metricsUrl}/identity`)).status, 404, 'the metrics port serves no API');
  });

  it('When no metrics port is given, then only the API listener runs', async () => {
    server = await startApiServer({ kube: new FakeKube(), config, host: '127.0.0.1', port: 0, log: silentLogger });
    assert.equal(server.metricsUrl, undefined);
    assert.equal((await fetch(`${server.url}/metrics`)).status, 404);
  });

  it('When the metrics port is taken, then the start fails and leaves nothing listening', async () => {
    server = await startApiServer({ kube: new FakeKube(), config, host: '127.0.0.1', port: 0, metricsPort: 0, log: silentLogger });
    const taken = Number(new URL(server.metricsUrl!).port);
    const kube = new FakeKube();
    await assert.rejects(startApiServer({ kube, config, host: '127.0.0.1', port: 0, metricsPort: taken, log: silentLogger }), /EADDRINUSE/);
    assert.equal(kube.openWatches, 0, 'the half-started server stopped its informers');
  });
});
