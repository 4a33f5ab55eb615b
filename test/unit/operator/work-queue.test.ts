import assert from 'node:assert/strict';
import { WorkQueue, type QueueMetrics } from '../../../operator/src/runtime/work-queue.js';
import {
  ItemExponentialRateLimiter,
  MaxOfRateLimiter,
  TokenBucketRateLimiter,
  defaultControllerRateLimiter,
} from '../../../operator/src/runtime/rate-limiter.js';

/** Takes whatever is queued right now, without waiting. */
async function drain(q: WorkQueue): Promise<string[]> {
  const out: string[] = [];
  while (q.length > 0) out.push((await q.get()) as string);
  return out;
}

describe('WorkQueue', () => {
  it('When a key is added several times before a worker takes it, then it is handed out once', async () => {
    const q = new WorkQueue();
    q.add('a');
    q.add('b');
    q.add('a');
    assert.deepEqual(await drain(q), ['a', 'b']);
  });

  it('When a key is added while it is being processed, then it is handed out again only after done()', async () => {
    const q = new WorkQueue();
    q.add('a');
    const key = await q.get();
    q.add('a');
    q.add('a');
    assert.equal(q.length, 0, 'not queued while processing');
    q.done(key as string);
    assert.deepEqual(await drain(q), ['a'], 'queued once after done');
    q.done('a');
    assert.equal(q.length, 0);
  });

  it('When workers wait on an empty queue, then an add wakes exactly one of them', async () => {
    const q = new WorkQueue();
    const w1 = q.get();
    const w2 = q.get();
    q.add('a');
    assert.equal(await w1, 'a');
    q.add('a'); // still processing: must not reach w2
    q.add('b');
    assert.equal(await w2, 'b');
  });

  it('When many workers race over repeated adds, then no key is ever processed by two at once', async () => {
    const q = new WorkQueue();
    const active = new Set<string>();
    let overlaps = 0;
    let processed = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        const key = await q.get();
        if (key === undefined) return;
        if (active.has(key)) overlaps++;
        active.add(key);
        await new Promise((r) => setTimeout(r, 1));
        active.delete(key);
        processed++;
        q.done(key);
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    for (let round = 0; round < 20; round++) {
      for (const k of ['a', 'b', 'c']) q.add(k);
      await new Promise((r) => setTimeout(r, 1));
    }
    await new Promise((r) => setTimeout(r, 20));
    q.shutdown();
    await Promise.all(workers);
    assert.equal(overlaps, 0);
    assert.ok(processed >= 3);
  });

  it('When a key is added with a delay, then it is not handed out before the delay and is after it', async () => {
    const q = new WorkQueue();
    const t0 = Date.now();
    q.addAfter('a', 40);
    assert.equal(q.length, 0);
    assert.equal(await q.get(), 'a');
    assert.ok(Date.now() - t0 >= 35, `waited ${Date.now() - t0}ms`);
  });

  it('When a key is delayed twice, then the earlier time wins and it is handed out once', async () => {
    const q = new WorkQueue();
    q.addAfter('a', 500);
    q.addAfter('a', 10);
    q.addAfter('a', 300);
    const t0 = Date.now();
    assert.equal(await q.get(), 'a');
    assert.ok(Date.now() - t0 < 250);
    q.done('a');
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(q.length, 0);
    q.shutdown();
  });

  it('When a zero delay is given, then the key is queued at once', () => {
    const q = new WorkQueue();
    q.addAfter('a', 0);
    assert.equal(q.length, 1);
  });

  it('When retries are rate limited, then the key comes back after growing delays until forgotten', async () => {
    const q = new WorkQueue({ rateLimiter: new ItemExponentialRateLimiter(20, 1000) });
    q.addRateLimited('a');
    q.addRateLimited('a');
    assert.equal(q.numRequeues('a'), 2);
    const t0 = Date.now();
    assert.equal(await q.get(), 'a');
    assert.ok(Date.now() - t0 >= 15, 'first retry waits the base delay');
    q.forget('a');
    assert.equal(q.numRequeues('a'), 0);
    q.shutdown();
  });

  it('When the queue shuts down, then waiting workers get undefined and later adds are ignored', async () => {
    const q = new WorkQueue();
    const waiting = q.get();
    q.addAfter('later', 10);
    q.shutdown();
    assert.equal(await waiting, undefined);
    q.add('a');
    q.addRateLimited('b');
    assert.equal(q.length, 0);
    assert.equal(await q.get(), undefined);
  });

  it('When metrics are attached, then adds, depth, retries and waits are reported', async () => {
    const seen = { added: 0, depth: [] as number[], retried: 0, waited: 0 };
    const metrics: QueueMetrics = {
      added: () => seen.added++,
      depth: (n) => seen.depth.push(n),
      retried: () => seen.retried++,
      waited: () => seen.waited++,
    };
    const q = new WorkQueue({ metrics, rateLimiter: new ItemExponentialRateLimiter(1, 1) });
    q.add('a');
    q.add('a');
    q.add('b');
    await q.get();
    q.addRateLimited('c');
    assert.equal(seen.added, 2);
    assert.equal(seen.retried, 1);
    assert.equal(seen.waited, 1);
    assert.deepEqual(seen.depth.slice(0, 3), [1, 2, 1]);
    q.shutdown();
  });
});

describe('rate limiters', () => {
  it('When an item keeps failing, then its delay doubles from 5ms and caps at 1000s (client-go defaults)', () => {
    const rl = new ItemExponentialRateLimiter();
    const delays = Array.from({ length: 5 }, () => rl.when('k'));
    assert.deepEqual(delays, [5, 10, 20, 40, 80]);
    for (let i = 0; i < 40; i++) rl.when('k');
    assert.equal(rl.when('k'), 1_000_000);
    assert.equal(rl.when('other'), 5, 'keys back off independently');
    rl.forget('k');
    assert.equal(rl.when('k'), 5);
  });

  const bucketCases: { name: string; qps: number; burst: number; calls: number; want: number[] }[] = [
    { name: 'within the burst, then no delay', qps: 1, burst: 3, calls: 3, want: [0, 0, 0] },
    { name: 'beyond the burst, then one token per 1/qps', qps: 10, burst: 2, calls: 4, want: [0, 0, 100, 200] },
  ];
  for (const c of bucketCases) {
    it(`When retries arrive at the same instant ${c.name}`, () => {
      const rl = new TokenBucketRateLimiter(c.qps, c.burst, () => 1000);
      assert.deepEqual(Array.from({ length: c.calls }, () => rl.when()), c.want);
    });
  }

  it('When time passes, then the bucket refills up to its burst', () => {
    let t = 0;
    const rl = new TokenBucketRateLimiter(10, 2, () => t);
    rl.when();
    rl.when();
    assert.equal(rl.when(), 100);
    t = 10_000;
    assert.deepEqual([rl.when(), rl.when(), rl.when()], [0, 0, 100]);
  });

  it('When limiters are combined, then the longest delay wins', () => {
    const rl = new MaxOfRateLimiter(new ItemExponentialRateLimiter(5, 1000), new TokenBucketRateLimiter(1, 1, () => 0));
    assert.equal(rl.when('a'), 5);
    assert.equal(rl.when('a'), 1000);
    assert.equal(rl.retries('a'), 2);
    assert.equal(defaultControllerRateLimiter().when('x'), 5);
  });
});
