// What the API server's services need from the outside world, injected by main.ts (and by tests).
import type { Registry } from 'prom-client';
import type { KubeClient } from '../../crds/client/client.js';
import type { Logger as SharedLogger } from '../../crds/client/logger.js';
import type { Flavor, Image, Project, Role, RoleAssignment, Server, TokenRevocation, User } from '../../crds/types.generated.js';
import type { ResourceStore } from './kube/store.js';
import type { AuthContext } from './common/route.js';

export interface ApiConfig {
  /** Externally visible root URL (scheme://host:port), used in the catalog and self links. */
  publicUrl: string;
  region: string;
  /** Namespace holding the API server's own Secrets (token keys, password hashes). */
  systemNamespace: string;
  tokenTtlSeconds: number;
  /** Check every success body against its route's response schema (on in tests only). */
  validateResponses?: boolean;
}

export interface Stores {
  servers: ResourceStore<Server>;
  flavors: ResourceStore<Flavor>;
  images: ResourceStore<Image>;
  projects: ResourceStore<Project>;
  users: ResourceStore<User>;
  roles: ResourceStore<Role>;
  roleAssignments: ResourceStore<RoleAssignment>;
  tokenRevocations: ResourceStore<TokenRevocation>;
}

/** The shared JSON logger's interface (crds/client/logger.ts), named here for the services. */
export type Logger = SharedLogger;

/** Validates tokens for every service; implemented by the Keystone token provider. */
export interface Authenticator {
  authenticate(token: string): Promise<AuthContext>;
}

export interface AppDeps {
  config: ApiConfig;
  kube: KubeClient;
  stores: Stores;
  metrics: Registry;
  log: Logger;
}
