// The benchmark's write counter reads the apiserver's own request counter.
import assert from 'node:assert/strict';
import { describeWrites, parseWrites, writesBetween } from '../../../hack/bench/apiserver-writes.js';

const sample = (pods: number, status: number) => [
  '# HELP apiserver_request_total Counter of apiserver requests',
  `apiserver_request_total{code="201",component="apiserver",dry_run="",group="",resource="pods",scope="resource",subresource="",verb="POST",version="v1"} ${pods}`,
  `apiserver_request_total{code="200",component="apiserver",dry_run="",group="openstack.sim",resource="servers",scope="resource",subresource="status",verb="PUT",version="v1alpha1"} ${status}`,
  'apiserver_request_total{code="200",component="apiserver",dry_run="",group="",resource="pods",scope="resource",subresource="",verb="GET",version="v1"} 99',
  'apiserver_request_total{code="200",component="apiserver",dry_run="",group="coordination.k8s.io",resource="leases",scope="resource",subresource="",verb="PUT",version="v1"} 50',
].join('\n');

describe('Benchmark apiserver write counts', () => {
  it('When the metrics are parsed, then only write verbs count, by resource and subresource, leases left out', () => {
    assert.deepEqual([...parseWrites(sample(3, 4))], [['pods', 3], ['servers/status', 4]]);
  });

  it('When two scrapes are compared, then the difference per item is reported', () => {
    const delta = writesBetween(parseWrites(sample(3, 4)), parseWrites(sample(13, 24)));
    assert.deepEqual([...delta], [['pods', 10], ['servers/status', 20]]);
    assert.equal(describeWrites(delta, 10), '3.0 (servers/status 2.0, pods 1.0)');
  });
});
