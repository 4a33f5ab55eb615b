// A flood of password logins must not stall everyone else: scrypt checks are bounded (2 running,
// 4 waiting here), the excess is refused at once with 503 + Retry-After in Keystone's format, and
// token validation, which never runs scrypt, answers while the admitted logins are still held.
import assert from 'node:assert/strict';
import { InstrumentedHash, makeWorld, passwordAuth, serveKeystone, until, type HttpWorld } from '../auth/identity-fixture.js';

const FLOOD = 40;
const LIMITS = { concurrency: 2, queue: 4 };

describe('Keystone under a login flood', () => {
  let w: HttpWorld;
  let hash: InstrumentedHash;
  beforeEach(async () => {
    hash = new InstrumentedHash({ held: true });
    w = await serveKeystone(await makeWorld({ passwordChecks: LIMITS, verifyHash: hash.verify }));
  });
  afterEach(async () => {
    hash.release();
    await w.close();
  });

  const login = (i: number): Promise<Response> =>
    fetch(`${w.url}/identity/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // Half of them for a user that does not exist: those cost a (dummy) scrypt check too.
      body: JSON.stringify(i % 2 ? passwordAuth({ name: 'mallory' }, 'guess') : passwordAuth({ name: 'alice' }, 'alice-pw')),
    });

  it(`When ${FLOOD} logins arrive at once then at most ${LIMITS.concurrency} scrypt checks overlap and the excess gets 503 quickly`, async () => {
    const answered: Response[] = [];
    const flood = Array.from({ length: FLOOD }, (_, i) => login(i).then((res) => (answered.push(res), res)));
    const refused = FLOOD - LIMITS.concurrency - LIMITS.queue;
    // The refused ones answer while every admitted check is still held.
    await until(() => answered.length === refused && hash.running === LIMITS.concurrency, 'the excess to be refused');
    for (const res of answered) {
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('Retry-After'), '1');
      const body = (await res.json()) as { error: { code: number; title: string; message: string } };
      assert.equal(body.error.code, 503);
      assert.equal(body.error.title, 'Service Unavailable');
    }
    assert.equal(hash.calls, LIMITS.concurrency, 'waiting checks have not started scrypt');

    hash.release();
    const all = await Promise.all(flood);
    const admitted = all.filter((r) => r.status !== 503);
    assert.equal(admitted.length, LIMITS.concurrency + LIMITS.queue);
    assert.ok(admitted.every((r) => r.status === 201 || r.status === 401));
    assert.equal(hash.maxRunning, LIMITS.concurrency);
    assert.equal(hash.calls, LIMITS.concurrency + LIMITS.queue);
  });

  it('When a token is validated during the flood then it succeeds before the flood’s logins finish', async () => {
    const token = w.tokens.issue({ userId: w.ids.users.alice, methods: ['password'], projectId: w.ids.projects.demo }).token;
    let finished = 0;
    const flood = Array.from({ length: FLOOD }, (_, i) => login(i).then((res) => (finished++, res)));
    await until(() => hash.running === LIMITS.concurrency, 'the gate to fill');

    const res = await fetch(`${w.url}/identity/v3/auth/tokens`, { headers: { 'X-Auth-Token': token, 'X-Subject-Token': token } });
    assert.equal(res.status, 200);
    const catalog = await fetch(`${w.url}/identity/v3/auth/catalog`, { headers: { 'X-Auth-Token': token } });
    assert.equal(catalog.status, 200);
    // No admitted login has finished: they are all still held behind scrypt.
    assert.ok(FLOOD - finished >= LIMITS.concurrency + LIMITS.queue, `${finished} of ${FLOOD} finished`);

    hash.release();
    await Promise.all(flood);
  });
});
