// An empty publicUrl (the chart's default) means "the request's host": the catalog and self links
// follow the Host header the client used, never the listener's 0.0.0.0 or 127.0.0.1 address.
import assert from 'node:assert/strict';
import http from 'node:http';
import { silentLogger } from '../../../../crds/client/logger.js';
import { startApiServer, type RunningApiServer } from '../../../../api-server/src/server.js';
import { FakeKube } from '../../../support/fake-kube.js';

function getWithHost(url: string, host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { Host: host, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

describe('API server public URL', () => {
  let server: RunningApiServer | undefined;
  afterEach(async () => server?.stop());
  const forwarded = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'cloud.example.test' };

  it('When a trusted proxy forwards the scheme and host, then links use them; untrusted, they are ignored', async () => {
    const config = { publicUrl: '', region: 'RegionOne', systemNamespace: 'openstack-sim-system', tokenTtlSeconds: 3600, trustedProxies: 1 };
    server = await startApiServer({ kube: new FakeKube(), config, host: '127.0.0.1', port: 0, log: silentLogger });
    assert.match((await getWithHost(`${server.url}/identity/v3`, 'ingress.internal', forwarded)).body, /"href":"https:\/\/cloud\.example\.test\/identity\/v3\/"/);
    await server.stop();
    server = await startApiServer({ kube: new FakeKube(), config: { ...config, trustedProxies: 0 }, host: '127.0.0.1', port: 0, log: silentLogger });
    assert.match((await getWithHost(`${server.url}/identity/v3`, 'ingress.internal', forwarded)).body, /"href":"http:\/\/ingress\.internal\/identity\/v3\/"/);
  });

  it('When publicUrl is empty, then links are built from each request\'s Host, and the config stays empty', async () => {
    const config = { publicUrl: '', region: 'RegionOne', systemNamespace: 'openstack-sim-system', tokenTtlSeconds: 3600 };
    server = await startApiServer({ kube: new FakeKube(), config, host: '127.0.0.1', port: 0, log: silentLogger });
    const res = await getWithHost(`${server.url}/identity/v3`, 'cloud.example.test:5000');
    assert.equal(res.status, 200);
    assert.match(res.body, /"href":"http:\/\/cloud\.example\.test:5000\/identity\/v3\/"/);
    assert.equal(server.deps.config.publicUrl, '', 'the listener address is not pinned into the config');
  });
});
