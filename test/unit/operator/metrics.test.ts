// The get-or-create metric helpers shared by the operator and the API server (crds/client/metrics.ts).
import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { counter, gauge, histogram } from '../../../crds/client/metrics.js';

describe('metric helpers', () => {
  const makers = [
    { name: 'counter', make: (r: Registry) => counter(r, { name: 'x_total', help: 'x', labelNames: ['a'] }) },
    { name: 'gauge', make: (r: Registry) => gauge(r, { name: 'x_total', help: 'x', labelNames: ['a'] }) },
    { name: 'histogram', make: (r: Registry) => histogram(r, { name: 'x_total', help: 'x', labelNames: ['a'], buckets: [1, 2] }) },
  ];
  for (const m of makers) {
    it(`When a ${m.name} is asked for twice on the same registry, then the same metric comes back, registered once`, () => {
      const r = new Registry();
      const first = m.make(r);
      assert.equal(m.make(r), first);
      assert.equal(r.getMetricsAsArray().length, 1);
    });

    it(`When a ${m.name} is asked for on two registries, then each gets its own`, () => {
      assert.notEqual(m.make(new Registry()), m.make(new Registry()));
    });
  }

  it('When a name is taken by a metric of another type, then asking for it fails loudly', () => {
    const r = new Registry();
    counter(r, { name: 'y', help: 'y' });
    assert.throws(() => gauge(r, { name: 'y', help: 'y' }), /already registered with another type/);
  });

  it('When a histogram is given buckets, then they are used', async () => {
    const r = new Registry();
    histogram(r, { name: 'h_seconds', help: 'h', buckets: [0.5, 5] }).observe(1);
    assert.match(await r.metrics(), /h_seconds_bucket\{le="5"\} 1/);
  });
});
