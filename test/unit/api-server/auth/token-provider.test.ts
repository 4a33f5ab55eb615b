import assert from 'node:assert/strict';
import { Resources, API_VERSION } from '../../../../crds/resources.js';
import type { Project, RoleAssignment, User } from '../../../../crds/types.generated.js';
import type { TokenRevocation } from '../../../../crds/types.generated.js';
import { keySetFromSecret, rotateKeys, type KeySet } from '../../../../api-server/src/auth/token-keys.js';
import { openToken } from '../../../../api-server/src/auth/token-codec.js';
import { revocationName } from '../../../../api-server/src/auth/revocations.js';
import { createTokenProvider } from '../../../../api-server/src/auth/token-provider.js';
import { ApiError } from '../../../../api-server/src/common/errors.js';
import { makeWorld, SYSTEM_NS, type World } from './identity-fixture.js';

const is401 = (err: unknown): boolean => err instanceof ApiError && err.status === 401;

describe('token provider', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeWorld();
  });
  afterEach(() => w.stop());

  const issueAdmin = (): string => w.tokens.issue({ userId: w.ids.users.admin, methods: ['password'], projectId: w.ids.projects.admin }).token;

  it('When a project-scoped token is issued then validating it returns the identity and roles', async () => {
    const token = issueAdmin();
    const ctx = await w.tokens.validate(token);
    assert.equal(ctx.userId, w.ids.users.admin);
    assert.equal(ctx.userName, 'admin');
    assert.equal(ctx.projectId, w.ids.projects.admin);
    assert.equal(ctx.projectName, 'admin');
    assert.equal(ctx.projectDomainId, 'default');
    assert.deepEqual(ctx.roles.map((r) => r.name).sort(), ['admin', 'member']);
    assert.equal(ctx.isAdmin, true);
    assert.deepEqual(ctx.methods, ['password']);
    assert.equal(ctx.auditIds.length, 1);
    assert.equal(ctx.token, token);
    assert.equal(ctx.expiresAt.getTime(), w.clock.now + 3600_000);
  });

  it('When an unscoped token is issued then it has no project, no roles and is not admin', async () => {
    const ctx = await w.tokens.validate(w.tokens.issue({ userId: w.ids.users.admin, methods: ['password'], projectId: null }).token);
    assert.equal(ctx.projectId, undefined);
    assert.deepEqual(ctx.roles, []);
    assert.equal(ctx.isAdmin, false);
  });

  it('When a member token is validated then it is not admin', async () => {
    const ctx = await w.tokens.validate(w.tokens.issue({ userId: w.ids.users.alice, methods: ['password'], projectId: w.ids.projects.demo }).token);
    assert.equal(ctx.isAdmin, false);
    assert.deepEqual(ctx.roles.map((r) => r.name), ['member']);
  });

  it('When a re-scoped token is issued then it keeps the expiry and carries the original audit id', () => {
    const first = w.tokens.issue({ userId: w.ids.users.admin, methods: ['password'], projectId: null });
    w.clock.now += 60_000;
    const second = w.tokens.issue({ userId: w.ids.users.admin, methods: ['token'], projectId: w.ids.projects.admin, parent: first });
    const third = w.tokens.issue({ userId: w.ids.users.admin, methods: ['token'], projectId: null, parent: second });
    assert.equal(second.expiresAt.getTime(), first.expiresAt.getTime());
    assert.deepEqual(second.auditIds.slice(1), [first.auditIds[0]]);
    assert.deepEqual(third.auditIds.slice(1), [first.auditIds[0]]);
    assert.deepEqual([...second.methods].sort(), ['password', 'token']);
  });

  it('When a token with UUID ids and two audit ids is issued then it is shorter than 300 characters', () => {
    const first = w.tokens.issue({ userId: w.ids.users.admin, methods: ['password'], projectId: w.ids.projects.admin });
    const second = w.tokens.issue({ userId: w.ids.users.admin, methods: ['token'], projectId: w.ids.projects.admin, parent: first });
    assert.ok(second.token.length < 300, `${second.token.length} characters`);
    assert.ok(first.token.length < second.token.length);
  });

  it('When the token has expired then it is rejected with 401', async () => {
    const token = issueAdmin();
    w.clock.now += 3600_000 - 1;
    await w.tokens.validate(token);
    w.clock.now += 1;
    await assert.rejects(w.tokens.validate(token), is401);
  });

  it('When characters of the token are changed then it is rejected with 401', async () => {
    const token = issueAdmin();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < token.length; i += 3) {
      const swapped = alphabet[(alphabet.indexOf(token[i]) + 1 + (i % 7)) % alphabet.length];
      const tampered = `${token.slice(0, i)}${swapped}${token.slice(i + 1)}`;
      await assert.rejects(w.tokens.validate(tampered), is401, `position ${i}`);
    }
  });

  const invalid = ['', 'x', 'gAAAAABk', 'a'.repeat(400)];
  for (const t of invalid) {
    it(`When the token is ${JSON.stringify(t.slice(0, 10))} then it is rejected with 401`, async () => {
      await assert.rejects(w.tokens.validate(t), is401);
    });
  }

  it('When the keys rotate then a token signed by a still-active key validates, and after its key is dropped it does not', async () => {
    const token = issueAdmin();
    await rotateKeys(w.kube, SYSTEM_NS);
    await w.tokens.validate(token); // its key is now a secondary
    const newer = issueAdmin();
    await rotateKeys(w.kube, SYSTEM_NS);
    await assert.rejects(w.tokens.validate(token), is401);
    await w.tokens.validate(newer);
  });

  it('When another replica rotates then this one signs with the promoted key without a restart', async () => {
    const other = createTokenProvider(w.deps, { now: () => w.clock.now });
    await other.start();
    try {
      const rotated = await rotateKeys(w.kube, SYSTEM_NS);
      const primaryOnly = { ...(keySetFromSecret(rotated) as KeySet) };
      primaryOnly.all = [primaryOnly.primary];
      // Each replica follows the Secret: what either signs now opens with the new primary alone.
      assert.ok(openToken(primaryOnly, issueAdmin()));
      assert.ok(openToken(primaryOnly, other.issue({ userId: w.ids.users.admin, methods: ['password'], projectId: null }).token));
    } finally {
      other.stop();
    }
  });

  it('When a token is revoked then it and tokens re-scoped from it are rejected, others are not', async () => {
    const first = w.tokens.issue({ userId: w.ids.users.admin, methods: ['password'], projectId: null });
    const rescoped = w.tokens.issue({ userId: w.ids.users.admin, methods: ['token'], projectId: w.ids.projects.admin, parent: first });
    const unrelated = issueAdmin();
    await w.tokens.revoke(first, first);
    const cr = w.kube.peek<TokenRevocation>(Resources.TokenRevocation, revocationName(first.auditIds[0]));
    assert.equal(cr?.spec.auditId, first.auditIds[0]);
    assert.equal(cr?.spec.expiresAt, first.expiresAt.toISOString());
    assert.match(cr?.metadata.name ?? '', /^[0-9a-f]{32}$/);
    await assert.rejects(w.tokens.validate(first.token), is401);
    await assert.rejects(w.tokens.validate(rescoped.token), is401);
    await w.tokens.validate(unrelated);
  });

  it('When a re-scoped token is revoked then its parent stays valid', async () => {
    const first = w.tokens.issue({ userId: w.ids.users.admin, methods: ['password'], projectId: null });
    const rescoped = w.tokens.issue({ userId: w.ids.users.admin, methods: ['token'], projectId: w.ids.projects.admin, parent: first });
    await w.tokens.revoke(rescoped, rescoped);
    await w.tokens.revoke(rescoped, rescoped); // twice is fine
    await assert.rejects(w.tokens.validate(rescoped.token), is401);
    await w.tokens.validate(first.token);
  });

  it('When another replica revoked the token then the revocation is seen through the store', async () => {
    const ctx = await w.tokens.validate(issueAdmin());
    w.kube.seed<TokenRevocation>(Resources.TokenRevocation, {
      apiVersion: API_VERSION,
      kind: 'TokenRevocation',
      metadata: { name: revocationName(ctx.auditIds[0]) },
      spec: { auditId: ctx.auditIds[0], expiresAt: ctx.expiresAt.toISOString() },
    });
    await assert.rejects(w.tokens.validate(ctx.token), is401);
  });

  it('When the user is disabled after issue then the token is rejected', async () => {
    const token = issueAdmin();
    const user = w.kube.peek<User>(Resources.User, w.ids.users.admin) as User;
    await w.kube.replace(Resources.User, { ...user, spec: { ...user.spec, enabled: false } });
    await assert.rejects(w.tokens.validate(token), is401);
  });

  it('When the user\'s tokens are revoked within a second, then the token from before is rejected and the login after it is not', async () => {
    const second = Math.floor(w.clock.now / 1000) * 1000 + 10_000;
    w.clock.now = second + 100;
    const before = issueAdmin();
    const user = w.kube.peek<User>(Resources.User, w.ids.users.admin) as User;
    await w.kube.replace(Resources.User, { ...user, spec: { ...user.spec, tokensValidAfter: new Date(second + 400).toISOString() } });
    w.clock.now = second + 500;
    const after = issueAdmin();
    await assert.rejects(w.tokens.validate(before), is401);
    assert.equal((await w.tokens.validate(after)).userId, w.ids.users.admin);
  });

  it('When the project is disabled after issue then the token is rejected', async () => {
    const token = issueAdmin();
    const project = w.kube.peek<Project>(Resources.Project, w.ids.projects.admin) as Project;
    await w.kube.replace(Resources.Project, { ...project, spec: { ...project.spec, enabled: false } });
    await assert.rejects(w.tokens.validate(token), is401);
  });

  it('When the admin role is removed after issue then the token loses admin', async () => {
    const token = issueAdmin();
    const grant = w.stores.roleAssignments.list().find((a) => a.spec.userId === w.ids.users.admin && a.spec.roleId === w.ids.roles.admin) as RoleAssignment;
    await w.kube.delete(Resources.RoleAssignment, grant.metadata.name);
    const ctx = await w.tokens.validate(token);
    assert.equal(ctx.isAdmin, false);
    assert.deepEqual(ctx.roles.map((r) => r.name), ['member']);
  });

  it('When the user is deleted after issue then the token is rejected', async () => {
    const token = w.tokens.issue({ userId: w.ids.users.alice, methods: ['password'], projectId: null }).token;
    await w.kube.delete(Resources.User, w.ids.users.alice);
    await assert.rejects(w.tokens.validate(token), is401);
  });
});
