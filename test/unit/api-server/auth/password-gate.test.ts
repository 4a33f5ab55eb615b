import assert from 'node:assert/strict';
import { PasswordGate } from '../../../../api-server/src/auth/password-gate.js';
import { ApiError } from '../../../../api-server/src/common/errors.js';

/** A task that records when it runs and finishes only when told to. */
function task(log: string[], name: string): { run: () => Promise<string>; finish: () => void; fail: () => void } {
  let finish!: () => void;
  let fail!: () => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = () => reject(new Error(`${name} failed`));
  });
  return {
    run: async () => {
      log.push(`start ${name}`);
      await done;
      return name;
    },
    finish,
    fail,
  };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('password gate', () => {
  it('When more checks arrive than slots then only `concurrency` run, `queue` wait and the rest get 503 without running', async () => {
    const gate = new PasswordGate({ concurrency: 2, queue: 3 });
    const log: string[] = [];
    const tasks = Array.from({ length: 8 }, (_, i) => task(log, `t${i}`));
    const results = tasks.map((t) => gate.run(t.run).then((v) => v, (e: unknown) => e));
    await flush();
    assert.deepEqual(log, ['start t0', 'start t1']);
    assert.deepEqual(gate.load, { running: 2, waiting: 3 });
    for (const i of [5, 6, 7]) {
      const err = await results[i];
      assert.ok(err instanceof ApiError && err.status === 503, `t${i}: ${String(err)}`);
      assert.equal(err.headers['Retry-After'], '1');
    }
    tasks.forEach((t) => t.finish());
    assert.deepEqual(await Promise.all(results.slice(0, 5)), ['t0', 't1', 't2', 't3', 't4']);
    assert.ok(!log.some((l) => /t[567]/.test(l)), 'a refused check never runs');
    assert.deepEqual(gate.load, { running: 0, waiting: 0 });
  });

  it('When a running check ends then the oldest waiter takes its slot, and never more than `concurrency` run', async () => {
    const gate = new PasswordGate({ concurrency: 1, queue: 2 });
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => task(log, n));
    const runs = [a, b, c].map((t) => gate.run(t.run));
    await flush();
    assert.deepEqual(log, ['start a']);
    a.finish();
    await runs[0];
    await flush();
    assert.deepEqual(log, ['start a', 'start b']);
    assert.deepEqual(gate.load, { running: 1, waiting: 1 });
    b.finish();
    c.finish();
    await Promise.all(runs);
    assert.deepEqual(log, ['start a', 'start b', 'start c']);
  });

  it('When a check throws then its slot is freed', async () => {
    const gate = new PasswordGate({ concurrency: 1, queue: 0 });
    const log: string[] = [];
    const failing = task(log, 'x');
    const run = gate.run(failing.run);
    failing.fail();
    await assert.rejects(run, /x failed/);
    assert.equal(await gate.run(async () => 'next'), 'next');
  });

  it('When the limits are nonsense then the gate refuses to be built', () => {
    assert.throws(() => new PasswordGate({ concurrency: 0, queue: 1 }));
    assert.throws(() => new PasswordGate({ concurrency: 1, queue: -1 }));
  });
});
