// Keystone's [security_compliance] lockout, with the count in annotations on the user's password
// Secret so that every replica shares it, and an injectable clock for the duration.
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { KubeApiError } from '../../../../crds/client/client.js';
import type { User } from '../../../../crds/types.generated.js';
import { FAILED_AUTH_AT, FAILED_AUTH_COUNT } from '../../../../api-server/src/auth/lockout.js';
import { passwordSecretName } from '../../../../api-server/src/auth/password-store.js';
import type { SecretObject } from '../../../../api-server/src/auth/secret.js';
import { createTokenProvider, type TokenProvider, type TokenProviderOptions } from '../../../../api-server/src/auth/token-provider.js';
import { ApiError } from '../../../../api-server/src/common/errors.js';
import { FAST_SCRYPT, InstrumentedHash, makeWorld, passwordAuth, serveKeystone, SYSTEM_NS, type World } from './identity-fixture.js';

const LOCKOUT = { lockoutFailureAttempts: 3, lockoutDurationSeconds: 60 };

const lockedMessage = (userId: string): string => `The account is locked for user: ${userId}.`;
const isLocked = (userId: string) => (err: unknown): boolean => err instanceof ApiError && err.status === 401 && err.message === lockedMessage(userId);

describe('account lockout', () => {
  let w: World;
  let hash: InstrumentedHash;
  let alice: User;
  const replicas: TokenProvider[] = [];
  let policy: Omit<TokenProviderOptions, 'now'>;

  async function world(options: Omit<TokenProviderOptions, 'now'> = LOCKOUT): Promise<void> {
    hash = new InstrumentedHash();
    policy = options;
    w = await makeWorld({ ...options, verifyHash: hash.verify });
    alice = w.stores.users.get(w.ids.users.alice) as User;
  }
  afterEach(() => {
    replicas.splice(0).forEach((r) => r.stop());
    w.stop();
  });

  /** Another API server replica on the same cluster and clock. */
  async function replica(): Promise<TokenProvider> {
    const other = createTokenProvider(w.deps, { ...policy, passwordParams: FAST_SCRYPT, revocationSweepIntervalSeconds: 0, now: () => w.clock.now });
    await other.start();
    replicas.push(other);
    return other;
  }
  const annotations = (): Record<string, string> =>
    w.kube.peek<SecretObject>(Resources.Secret, passwordSecretName(w.ids.users.alice), SYSTEM_NS)?.metadata.annotations ?? {};
  const fail = async (tokens: TokenProvider, times: number): Promise<void> => {
    for (let i = 0; i < times; i++) assert.equal(await tokens.verifyPassword(alice, 'wrong'), false);
  };

  it('When wrong passwords arrive at once and the apiserver is slow, then no more than N checks run scrypt (one slot)', async () => {
    await world({ ...LOCKOUT, passwordChecks: { concurrency: 1, queue: 16 } });
    // Each write of the counter takes a while: a check waiting for the slot must still see it.
    const replace = w.kube.replace.bind(w.kube);
    w.kube.replace = async (res, obj) => {
      await new Promise((r) => setTimeout(r, 10));
      return replace(res, obj);
    };
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => w.tokens.verifyPassword(alice, 'wrong')));
    assert.equal(hash.calls, 3, 'scrypt ran only for the attempts before the lock');
    assert.equal(results.filter((r) => r.status === 'rejected' && isLocked(alice.metadata.name)(r.reason)).length, 7);
  });

  it('When a user fails N times then even the right password is refused as locked, without running scrypt', async () => {
    await world();
    await fail(w.tokens, 3);
    assert.equal(annotations()[FAILED_AUTH_COUNT], '3');
    assert.equal(annotations()[FAILED_AUTH_AT], new Date(w.clock.now).toISOString());
    const checks = hash.calls;
    await assert.rejects(w.tokens.verifyPassword(alice, 'alice-pw'), isLocked(alice.metadata.name));
    await assert.rejects(w.tokens.verifyPassword(alice, 'wrong'), isLocked(alice.metadata.name));
    assert.equal(hash.calls, checks);
  });

  it('When the lockout duration has passed then the right password works and the count is cleared', async () => {
    await world();
    await fail(w.tokens, 3);
    w.clock.now += 60_000 - 1;
    await assert.rejects(w.tokens.verifyPassword(alice, 'alice-pw'), isLocked(alice.metadata.name));
    w.clock.now += 1;
    assert.equal(await w.tokens.verifyPassword(alice, 'alice-pw'), true);
    assert.equal(annotations()[FAILED_AUTH_COUNT], undefined);
    assert.equal(annotations()[FAILED_AUTH_AT], undefined);
  });

  it('When a lock ran out and the next attempt fails then counting starts over', async () => {
    await world();
    await fail(w.tokens, 3);
    w.clock.now += 60_000;
    await fail(w.tokens, 1);
    assert.equal(annotations()[FAILED_AUTH_COUNT], '1');
    assert.equal(await w.tokens.verifyPassword(alice, 'alice-pw'), true);
  });

  it('When a success comes before the N-th failure then the count resets and N more failures are needed', async () => {
    await world();
    await fail(w.tokens, 2);
    assert.equal(await w.tokens.verifyPassword(alice, 'alice-pw'), true);
    await fail(w.tokens, 2);
    assert.equal(annotations()[FAILED_AUTH_COUNT], '2');
    assert.equal(await w.tokens.verifyPassword(alice, 'alice-pw'), true);
  });

  it('When failures happen on different replicas then they add up and every replica refuses the user', async () => {
    await world();
    const other = await replica();
    await fail(w.tokens, 2);
    await fail(other, 1);
    await assert.rejects(w.tokens.verifyPassword(alice, 'alice-pw'), isLocked(alice.metadata.name));
    await assert.rejects((await replica()).verifyPassword(alice, 'alice-pw'), isLocked(alice.metadata.name));
  });

  it('When another writer changed the Secret between the read and the write then the failure is still counted', async () => {
    await world();
    w.kube.failNext.set('replace', new KubeApiError(409, 'Conflict', 'the object has been modified'));
    await fail(w.tokens, 1);
    assert.equal(annotations()[FAILED_AUTH_COUNT], '1');
  });

  it('When failures race on two replicas then each one is counted', async () => {
    await world({ lockoutFailureAttempts: 100, lockoutDurationSeconds: 60 });
    const other = await replica();
    const attempts = [w.tokens, other, w.tokens, other, w.tokens, other].map((t) => t.verifyPassword(alice, 'wrong'));
    assert.deepEqual(await Promise.all(attempts), [false, false, false, false, false, false]);
    assert.equal(annotations()[FAILED_AUTH_COUNT], '6');
    assert.ok(w.kube.actions.filter((a) => a.verb === 'replace' && a.kind === 'Secret').length > 6, 'the race produced conflicts that were retried');
  });

  it('When the duration is 0 then the account stays locked until the count is removed by hand', async () => {
    await world({ lockoutFailureAttempts: 2, lockoutDurationSeconds: 0 });
    await fail(w.tokens, 2);
    w.clock.now += 7 * 24 * 3600_000;
    await assert.rejects(w.tokens.verifyPassword(alice, 'alice-pw'), isLocked(alice.metadata.name));
  });

  it('When lockout is off (the default) then failures write nothing and never lock', async () => {
    await world({});
    const writes = (): number => w.kube.actions.filter((a) => a.kind === 'Secret' && a.verb !== 'get').length;
    const before = writes();
    await fail(w.tokens, 10);
    assert.equal(writes(), before);
    assert.equal(await w.tokens.verifyPassword(alice, 'alice-pw'), true);
  });

  it('When the user is unknown then nothing is written and nothing locks', async () => {
    await world({ lockoutFailureAttempts: 1, lockoutDurationSeconds: 60 });
    const writes = w.kube.actions.length;
    for (let i = 0; i < 3; i++) assert.equal(await w.tokens.verifyPassword(undefined, 'x'), false);
    assert.deepEqual(w.kube.actions.slice(writes).map((a) => a.verb), ['get', 'get', 'get']);
  });

  it('When a locked user logs in over HTTP then 401 carries Keystone’s AccountLocked message', async () => {
    await world();
    const http = await serveKeystone(w);
    try {
      const post = (password: string): Promise<Response> =>
        fetch(`${http.url}/identity/v3/auth/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(passwordAuth({ name: 'alice' }, password)) });
      for (let i = 0; i < 3; i++) {
        const res = await post('wrong');
        assert.equal(res.status, 401);
        assert.equal(((await res.json()) as { error: { message: string } }).error.message, 'The request you have made requires authentication.');
      }
      const res = await post('alice-pw');
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { error: { code: 401, title: 'Unauthorized', message: lockedMessage(w.ids.users.alice) } });
      w.clock.now += 60_000;
      assert.equal((await post('alice-pw')).status, 201);
    } finally {
      await http.close();
    }
  });
});
