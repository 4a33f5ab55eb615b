// TokenRevocation garbage collection (Keystone's [revoke] expiration_buffer) and the per-user
// cap on stored revocations, with an injectable clock.
import assert from 'node:assert/strict';
import { API_VERSION, Resources } from '../../../../crds/resources.js';
import { KubeApiError } from '../../../../crds/client/client.js';
import type { TokenRevocation } from '../../../../crds/types.generated.js';
import { revocationName } from '../../../../api-server/src/auth/revocations.js';
import { USER_ID_LABEL } from '../../../../api-server/src/auth/password-store.js';
import { ApiError } from '../../../../api-server/src/common/errors.js';
import type { AuthContext } from '../../../../api-server/src/common/route.js';
import { makeWorld, serveKeystone, until, type World } from './identity-fixture.js';

const BUFFER_S = 1800;
const is401 = (err: unknown): boolean => err instanceof ApiError && err.status === 401;
const is403 = (err: unknown): boolean => err instanceof ApiError && err.status === 403;

describe('token revocations', () => {
  let w: World;
  afterEach(() => w.stop());

  const exists = (name: string): boolean => w.kube.peek(Resources.TokenRevocation, name) !== undefined;
  function seedRevocation(name: string, expiresAt: string): void {
    w.kube.seed<TokenRevocation>(Resources.TokenRevocation, {
      apiVersion: API_VERSION,
      kind: 'TokenRevocation',
      metadata: { name },
      spec: { auditId: `audit-${name}`, expiresAt },
    });
  }

  describe('garbage collection', () => {
    beforeEach(async () => {
      w = await makeWorld({ revocationExpirationBufferSeconds: BUFFER_S });
    });

    const at = (offsetMs: number): string => new Date(w.clock.now + offsetMs).toISOString();
    const cases = [
      { name: 'names tokens expired longer ago than the buffer', expires: () => at(-BUFFER_S * 1000 - 1), kept: false },
      { name: 'names tokens expired exactly the buffer ago', expires: () => at(-BUFFER_S * 1000), kept: false },
      { name: 'names tokens expired within the buffer', expires: () => at(-BUFFER_S * 1000 + 1), kept: true },
      { name: 'names tokens still valid', expires: () => at(3600_000), kept: true },
      { name: 'has an unreadable expiry', expires: () => 'sometime', kept: true },
    ];

    for (const c of cases) {
      it(`When a revocation ${c.name} then the sweep ${c.kept ? 'keeps' : 'deletes'} it`, async () => {
        seedRevocation('subject', c.expires());
        await until(() => w.stores.tokenRevocations.get('subject') !== undefined, 'the cache');
        assert.equal(await w.tokens.sweepRevocations(), c.kept ? 0 : 1);
        assert.equal(exists('subject'), c.kept);
      });
    }

    it('When a token is revoked then the sweep keeps its revocation until its expiry plus the buffer, and the token stays refused', async () => {
      const token = w.tokens.issue({ userId: w.ids.users.alice, methods: ['password'], projectId: w.ids.projects.demo });
      await w.tokens.revoke(token, token);
      const name = revocationName(token.auditIds[0]);
      w.clock.now = token.expiresAt.getTime() + BUFFER_S * 1000 - 1;
      assert.equal(await w.tokens.sweepRevocations(), 0);
      assert.ok(exists(name));
      w.clock.now += 1;
      assert.equal(await w.tokens.sweepRevocations(), 1);
      assert.ok(!exists(name));
      // Gone from the store too, and the token is refused for having expired.
      await until(() => w.stores.tokenRevocations.get(name) === undefined, 'the cache to drop it');
      await assert.rejects(w.tokens.validate(token.token), is401);
    });

    it('When another replica deleted the revocation first then the sweep carries on', async () => {
      seedRevocation('gone', at(-BUFFER_S * 1000 - 1));
      seedRevocation('also', at(-BUFFER_S * 1000 - 1));
      await until(() => w.stores.tokenRevocations.list().length === 2, 'the cache');
      w.kube.failNext.set('delete', new KubeApiError(404, 'NotFound', 'tokenrevocations "gone" not found'));
      assert.equal(await w.tokens.sweepRevocations(), 1);
      assert.equal(w.kube.actions.filter((a) => a.verb === 'delete').length, 2);
    });
  });

  it('When the provider is started with a sweep interval then it sweeps by itself', async () => {
    w = await makeWorld({ revocationSweepIntervalSeconds: 0.005, revocationExpirationBufferSeconds: 0 });
    seedRevocation('old', new Date(w.clock.now - 1).toISOString());
    await until(() => !exists('old'), 'the periodic sweep');
  });

  describe('per-user cap', () => {
    beforeEach(async () => {
      w = await makeWorld({ maxRevocationsPerUser: 2, revocationExpirationBufferSeconds: BUFFER_S });
    });

    const aliceToken = (parent?: AuthContext): AuthContext =>
      w.tokens.issue({ userId: w.ids.users.alice, methods: parent ? ['token'] : ['password'], projectId: w.ids.projects.demo, parent });

    it('When a member has revoked as many tokens as the cap then the next revocation is 403 and that token stays valid', async () => {
      const root = aliceToken();
      for (let i = 0; i < 2; i++) {
        const child = aliceToken(root);
        await w.tokens.revoke(child, child);
      }
      const labelled = w.stores.tokenRevocations.list().filter((r) => r.metadata.labels?.[USER_ID_LABEL] === w.ids.users.alice);
      assert.equal(labelled.length, 2);
      const third = aliceToken(root);
      await assert.rejects(w.tokens.revoke(third, third), is403);
      await w.tokens.validate(third.token);
    });

    it('When a member revokes many tokens at once while the apiserver is slow, then still only the cap is stored', async () => {
      const create = w.kube.create.bind(w.kube);
      w.kube.create = async (res, obj) => {
        await new Promise((r) => setTimeout(r, 20));
        return create(res, obj);
      };
      const tokens = Array.from({ length: 10 }, () => aliceToken());
      const results = await Promise.allSettled(tokens.map((t) => w.tokens.revoke(t, t)));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 2, 'revocations in flight count toward the cap');
      assert.ok(results.filter((r) => r.status === 'rejected').every((r) => is403((r).reason)));
      const labelled = w.stores.tokenRevocations.list().filter((r) => r.metadata.labels?.[USER_ID_LABEL] === w.ids.users.alice);
      assert.equal(labelled.length, 2);
    });

    it('When an admin revokes a capped user’s token then it is revoked anyway', async () => {
      const admin = w.tokens.issue({ userId: w.ids.users.admin, methods: ['password'], projectId: w.ids.projects.admin });
      for (let i = 0; i < 2; i++) {
        const t = aliceToken();
        await w.tokens.revoke(t, t);
      }
      const victim = aliceToken();
      await w.tokens.revoke(victim, admin);
      await assert.rejects(w.tokens.validate(victim.token), is401);
    });

    it('When the capped revocations are swept then the user may revoke again', async () => {
      const first = aliceToken();
      const second = aliceToken();
      await w.tokens.revoke(first, first);
      await w.tokens.revoke(second, second);
      w.clock.now = first.expiresAt.getTime() + BUFFER_S * 1000;
      await w.tokens.sweepRevocations();
      await until(() => w.stores.tokenRevocations.list().length === 0, 'the cache to empty');
      const fresh = aliceToken();
      await w.tokens.revoke(fresh, fresh);
      await assert.rejects(w.tokens.validate(fresh.token), is401);
    });

    it('When a member over the cap revokes over HTTP then 403 comes in Keystone format', async () => {
      const http = await serveKeystone(w);
      try {
        const del = async (t: AuthContext): Promise<Response> =>
          fetch(`${http.url}/identity/v3/auth/tokens`, { method: 'DELETE', headers: { 'X-Auth-Token': t.token, 'X-Subject-Token': t.token } });
        assert.equal((await del(aliceToken())).status, 204);
        assert.equal((await del(aliceToken())).status, 204);
        const res = await del(aliceToken());
        assert.equal(res.status, 403);
        const body = (await res.json()) as { error: { code: number; message: string } };
        assert.equal(body.error.code, 403);
        assert.match(body.error.message, /maximum of 2/);
      } finally {
        await http.close();
      }
    });
  });
});
