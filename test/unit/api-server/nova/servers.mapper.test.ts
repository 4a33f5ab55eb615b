import assert from 'node:assert/strict';
import { FINALIZER, PROJECT_LABEL, projectNamespace } from '../../../../crds/naming.js';
import { refId, toServerResource } from '../../../../api-server/src/services/nova/servers/servers.mapper.js';
import type { ServerCreateRequest } from '../../../../api-server/src/services/nova/servers/servers.schema.js';

const who = { projectId: 'p1', userId: 'u1', name: 'vm' };

describe('toServerResource (wire -> Server CR)', () => {
  it('When a server is mapped, then the CR carries the operator\'s finalizer from the start', () => {
    // The operator then never patches a new server just to add it: one apiserver write fewer per boot.
    const cr = toServerResource(who, { name: 'vm', flavorRef: '1', imageRef: 'img' });
    assert.deepEqual(cr.metadata.finalizers, [FINALIZER]);
    assert.equal(cr.metadata.namespace, projectNamespace('p1'));
    assert.equal(cr.metadata.labels?.[PROJECT_LABEL], 'p1');
  });

  const cases: { reason: string; body: ServerCreateRequest; want: Record<string, unknown> }[] = [
    { reason: 'hrefs as references', body: { name: 'vm', flavorRef: 'http://x/compute/flavors/7', imageRef: 'http://x/images/abc' }, want: { flavorRef: '7', imageRef: 'abc' } },
    { reason: 'a numeric flavorRef', body: { name: 'vm', flavorRef: 42 }, want: { flavorRef: '42', imageRef: '' } },
    { reason: 'no networks', body: { name: 'vm', flavorRef: '1' }, want: { networkMode: 'auto', networks: undefined } },
    { reason: 'a network list', body: { name: 'vm', flavorRef: '1', networks: [{ uuid: 'n', fixed_ip: '10.0.0.5' }] }, want: { networkMode: 'list', networks: [{ uuid: 'n', fixedIp: '10.0.0.5' }] } },
    { reason: 'an IPv6 access address', body: { name: 'vm', flavorRef: '1', accessIPv6: '2001:DB8:0:0::1' }, want: { accessIPv6: '2001:db8::1' } },
    { reason: 'no optional strings', body: { name: 'vm', flavorRef: '1' }, want: { keyName: undefined, availabilityZone: undefined, userData: undefined } },
    { reason: 'config_drive as a string', body: { name: 'vm', flavorRef: '1', config_drive: 'True' }, want: { configDrive: true } },
    { reason: 'no security groups', body: { name: 'vm', flavorRef: '1' }, want: { securityGroups: ['default'] } },
  ];
  for (const c of cases) {
    it(`When the request has ${c.reason}, then the spec says so`, () => {
      const spec = toServerResource(who, c.body).spec as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(c.want)) assert.deepEqual(spec[k], v, k);
    });
  }

  it('When the availability zone forces a host, then 400', () => {
    assert.throws(() => toServerResource(who, { name: 'vm', flavorRef: '1', availability_zone: 'nova::host1' }), /Forcing a host/);
  });

  it('When a reference is an id, then it is kept as is', () => {
    assert.equal(refId(' abc '), 'abc');
    assert.equal(refId(undefined), '');
  });
});
