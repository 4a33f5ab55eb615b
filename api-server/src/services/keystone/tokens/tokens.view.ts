// The {"token": {...}} document returned by POST and GET /v3/auth/tokens (wire contract §1.2).
// Unscoped tokens carry neither roles nor a catalog, as in Keystone.
import type { AuthContext } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { isoMicrosZ } from '../../../common/time.js';
import { domainRef } from '../../../auth/default-domain.js';
import type { CatalogService } from '../catalog.js';
import type { TokenDocument } from './tokens.schema.js';

type TokenBody = TokenDocument['token'];

function projectPart(stores: Stores, auth: AuthContext): Pick<TokenBody, 'project' | 'roles'> {
  if (!auth.projectId) return {};
  return {
    project: { id: auth.projectId, name: auth.projectName ?? '', domain: domainRef(stores, auth.projectDomainId ?? '') },
    roles: auth.roles.map((r) => ({ id: r.id, name: r.name })),
  };
}

/** catalog undefined: the caller asked for ?nocatalog, or the token is unscoped. */
export function tokenView(stores: Stores, auth: AuthContext, catalog: CatalogService[] | undefined): TokenDocument {
  return {
    token: {
      methods: auth.methods,
      user: {
        id: auth.userId,
        name: auth.userName,
        domain: domainRef(stores, auth.userDomainId),
        password_expires_at: null,
      },
      audit_ids: auth.auditIds,
      expires_at: isoMicrosZ(auth.expiresAt),
      issued_at: isoMicrosZ(auth.issuedAt),
      ...projectPart(stores, auth),
      is_domain: false,
      ...(catalog ? { catalog } : {}),
    },
  };
}
