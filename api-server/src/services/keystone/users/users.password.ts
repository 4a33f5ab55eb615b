// POST /v3/users/{id}/password: the user's own change (identity:change_password: only the user),
// with the original password checked (401 when wrong, as Keystone). It revokes the user's
// earlier tokens by moving spec.tokensValidAfter to now; token validation refuses older ones.
import { unauthorized } from '../../../common/errors.js';
import { setUserPassword } from '../../../auth/password-store.js';
import type { Handler } from '../handler.js';
import { policyDenied } from '../collection.js';
import type { KeystoneDeps } from '../keystone.deps.js';
import type { ChangePasswordBody } from './users.schema.js';
import { findUser, passwordExpiry } from './users.handlers.js';

export function changePasswordHandler(k: KeystoneDeps): Handler<ChangePasswordBody> {
  return async (ctx) => {
    const d = k.app;
    const user = findUser(d, ctx.params.userId);
    if (ctx.auth.userId !== user.metadata.name) throw policyDenied('change_password');
    const ok = await k.tokens.verifyPassword(user, ctx.body.user.original_password);
    if (!ok) throw unauthorized('The request you have made requires authentication.');
    await setUserPassword(d.kube, d.config.systemNamespace, user.metadata.name, ctx.body.user.password);
    const now = new Date();
    await d.stores.users.update(user.metadata.name, undefined, (u) => {
      const expires = passwordExpiry(d, now);
      return { ...u, spec: { ...u.spec, tokensValidAfter: now.toISOString(), ...(expires ? { passwordExpiresAt: expires } : {}) } };
    });
    return { status: 204 };
  };
}
