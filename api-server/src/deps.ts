// What the API server's services need from the outside world, injected by main.ts (and by tests).
import type { QuotaAdmission } from './quota/quota.admission.js';
import type { Registry } from 'prom-client';
import type { KubeClient, PodLogReader } from '../../crds/client/client.js';
import type { Logger as SharedLogger } from '../../crds/client/logger.js';
import type { CustomResourceTypes } from '../../crds/types.generated.js';
import type { Node } from '../../crds/kube-types.js';
import type { ResourceStore } from './kube/store.js';
import type { AuthContext } from './common/route.js';
import type { ImageDataStore } from './services/glance/image-data/image-data.store.js';

export interface ApiConfig {
  /** Externally visible root URL (scheme://host:port), used in the catalog and self links. */
  publicUrl: string;
  region: string;
  /** Namespace holding the API server's own Secrets (token keys, password hashes). */
  systemNamespace: string;
  tokenTtlSeconds: number;
  /**
   * Hops of reverse proxies to trust for X-Forwarded-Proto/-Host when publicUrl is empty (Express's
   * "trust proxy"); 0, the default, trusts none, so links use the scheme and Host the client used.
   */
  trustedProxies?: number;
  /** Check every success body against its route's response schema (on in tests only). */
  validateResponses?: boolean;
  /**
   * What DELETE /v3/projects/{id} does with a project that still owns servers, volumes, networks
   * and the like: 'refuse' (the default) answers 409 naming them; 'cascade' deletes them first.
   */
  projectDeleteMode?: 'refuse' | 'cascade';
  /** Keystone's [security_compliance] password_expires_days; unset, passwords never expire. */
  passwordExpiresDays?: number;
  /**
   * How long POST /v3/projects waits for the operator to make the project's Namespace before it
   * answers, so that a client's next call (a network, a server) finds it; unset, it does not wait.
   */
  projectNamespaceWaitMs?: number;
}

/** A kind's store name: Server → servers, RoleAssignment → roleAssignments. */
export type StoreKey<K extends string> = K extends `${string}s` ? `${Uncapitalize<K>}es` : `${Uncapitalize<K>}s`;

/**
 * One informer-backed store per kind of ours, derived from the generated resource table, plus the
 * built-in kinds the APIs read: Nodes (their zone labels are the availability zones).
 */
export type Stores = { [K in keyof CustomResourceTypes as StoreKey<K>]: ResourceStore<CustomResourceTypes[K]> } & { nodes: ResourceStore<Node> };

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
  /** Where Glance keeps image bytes (a directory; never etcd). */
  imageData: ImageDataStore;
  /** Pods' logs: a server's console output. */
  podLogs: PodLogReader;
  /** Atomic quota admission: claims and releases on each project's Quota ledgers. */
  quotas: QuotaAdmission;
}
