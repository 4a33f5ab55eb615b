import assert from 'node:assert/strict';
import { WriteTracker } from '../../../operator/src/runtime/write-tracker.js';

const at = (rv: string | undefined) => ({ metadata: { name: 'x', resourceVersion: rv } });

describe('WriteTracker', () => {
  const cases: { name: string; written?: string; cached: string | undefined; want: boolean }[] = [
    { name: 'nothing was written, then the cache is not stale', cached: '5', want: false },
    { name: 'the cache is older than our write, then it is stale', written: '10', cached: '9', want: true },
    { name: 'the cache has our write, then it is not stale', written: '10', cached: '10', want: false },
    { name: 'the cache is newer than our write, then it is not stale', written: '10', cached: '12', want: false },
    { name: 'numbers differ in length, then they compare as numbers', written: '10', cached: '9999', want: false },
    { name: 'versions are not numeric and differ, then it is stale', written: 'b', cached: 'a', want: true },
    { name: 'the cached copy has no version, then it is not stale', written: '10', cached: undefined, want: false },
  ];
  for (const c of cases) {
    it(`When ${c.name}`, () => {
      const t = new WriteTracker();
      if (c.written) t.record('k', at(c.written));
      assert.equal(t.isStale('k', at(c.cached)), c.want);
    });
  }

  it('When the cache has caught up, then the entry is dropped (no unbounded growth)', () => {
    const t = new WriteTracker();
    t.record('k', at('10'));
    t.isStale('k', at('11'));
    assert.equal(t.size, 0);
    t.record('k', at('12'));
    t.forget('k');
    assert.equal(t.size, 0);
  });
});
