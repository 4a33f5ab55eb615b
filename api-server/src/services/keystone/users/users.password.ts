// POST /v3/users/{id}/password: the change with the original password, which is the proof of
// identity, so Keystone enforces no policy and wants no token here (a user whose password expired
// has none): anyone holding the original password may change it; a wrong one is 401. It revokes
// the user's earlier tokens by moving spec.tokensValidAfter to now; validation refuses older ones.
import { unauthorized } from '../../../common/errors.js';
import { setUserPassword } from '../../../auth/password-store.js';
import type { Handler } from '../handler.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import type { ChangePasswordBody } from './users.schema.js';
import { findUser, passwordExpiry } from './users.handlers.js';

export function changePasswordHandler(k: KeystoneDeps): Handler<ChangePasswordBody> {
  return async (ctx) => {
    const d = k.app;
    const user = findUser(d, ctx.params.userId);
    const ok = await k.tokens.verifyPassword(user, ctx.body.user.original_password);
    if (!ok) throw unauthorized('Error when changing user password: Invalid user / password');
    await setUserPassword(d.kube, d.config.systemNamespace, user.metadata.name, ctx.body.user.password);
    const now = new Date();
    await d.stores.users.update(user.metadata.name, undefined, (u) => {
      const expires = passwordExpiry(d, now);
      return { ...u, spec: { ...u.spec, tokensValidAfter: now.toISOString(), ...(expires ? { passwordExpiresAt: expires } : {}) } };
    });
    return { status: 204 };
  };
}
