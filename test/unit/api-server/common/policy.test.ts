// The default personas: admin implies member implies reader; other roles grant only 'authenticated'.
import assert from 'node:assert/strict';
import { allows, effectiveRoles, type Policy } from '../../../../api-server/src/common/policy.js';
import type { AuthContext } from '../../../../api-server/src/common/route.js';

function caller(roles: string[], scoped = true): AuthContext {
  const now = new Date();
  const projectId = scoped ? 'p1' : undefined;
  return {
    userId: 'u', userName: 'u', userDomainId: 'default', projectId,
    roles: roles.map((name) => ({ id: name, name })), isAdmin: roles.includes('admin'),
    methods: ['password'], expiresAt: now, issuedAt: now, auditIds: [], token: 't',
  };
}

const POLICIES: Policy[] = ['public', 'authenticated', 'reader', 'member', 'admin'];

describe('Policy personas', () => {
  const cases: { persona: string; auth: AuthContext | undefined; allowed: Policy[] }[] = [
    { persona: 'no token', auth: undefined, allowed: ['public'] },
    { persona: 'unscoped token', auth: caller([], false), allowed: ['public', 'authenticated'] },
    { persona: 'a role outside the hierarchy', auth: caller(['foo']), allowed: ['public', 'authenticated'] },
    { persona: 'reader', auth: caller(['reader']), allowed: ['public', 'authenticated', 'reader'] },
    { persona: 'member', auth: caller(['member']), allowed: ['public', 'authenticated', 'reader', 'member'] },
    { persona: 'admin', auth: caller(['admin']), allowed: POLICIES },
  ];
  for (const c of cases) {
    it(`When the caller is ${c.persona}, then exactly ${c.allowed.join(', ')} admit it`, () => {
      assert.deepEqual(POLICIES.filter((p) => allows(p, c.auth)), c.allowed);
    });
  }

  it('When a member token carries no project, then member routes refuse it', () => {
    assert.equal(allows('member', caller(['member'], false)), false);
  });

  it('When roles are expanded, then admin implies manager, member and reader', () => {
    assert.deepEqual([...effectiveRoles(caller(['admin']))].sort(), ['admin', 'manager', 'member', 'reader']);
    assert.deepEqual([...effectiveRoles(caller(['foo']))], ['foo']);
  });
});
