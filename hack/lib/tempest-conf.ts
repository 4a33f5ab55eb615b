// tempest.conf for openstack-sim: dynamic credentials (Tempest's default: a project, users and an
// isolated network per test class, made and cleaned up through the APIs) or pre-provisioned
// accounts, only the services this deployment serves, and no guest validation (servers are Pods on
// simulated nodes).
import { join } from 'node:path';
import { MAX_VERSION } from '../../api-server/src/services/nova/microversion.js';
import { EXTENSIONS } from '../../api-server/src/services/neutron/extensions/extensions.view.js';
import { MAX_VERSION as CINDER_MAX_VERSION, MIN_VERSION as CINDER_MIN_VERSION } from '../../api-server/src/services/cinder/cinder.microversion.js';
import { CINDER_EXTENSIONS } from '../../api-server/src/services/cinder/extensions/extensions.js';

export interface TempestEnv {
  authUrl: string;
  imageRef: string;
  /** A second image (cirros uploaded again, as DevStack's Tempest setup does), for the tests that need two. */
  imageRefAlt: string;
  flavorRef: string;
  flavorRefAlt: string;
  /** The seeded external network `public`. */
  publicNetworkId: string;
  accounts: { auth_url: string; username: string; password: string; project_name: string; admin: boolean }[];
  /** dynamic: Tempest's own default, use_dynamic_credentials = True; accounts: the pre-provisioned accounts file. */
  credentials: CredentialsMode;
}

export type CredentialsMode = 'dynamic' | 'accounts';

/** [auth] for either mode; the admin account is Tempest's admin in both. */
function authSection(ws: string, env: TempestEnv): Record<string, string | boolean> {
  const admin = env.accounts.find((a) => a.admin)!;
  const mode: Record<string, string | boolean> = env.credentials === 'dynamic' ? { use_dynamic_credentials: true, create_isolated_networks: true } : { use_dynamic_credentials: false, test_accounts_file: join(ws, 'etc', 'accounts.yaml') };
  return {
    ...mode,
    admin_username: admin.username,
    admin_password: admin.password,
    admin_project_name: admin.project_name,
    admin_domain_name: 'Default',
    default_credentials_domain_name: 'Default',
  };
}

type Sections = Record<string, Record<string, string | number | boolean>>;

/** Compute features this slice does not implement yet: Tempest skips their tests. */
const COMPUTE_FEATURES_OFF = [
  'live_migration', 'cold_migration',
  'interface_attach', 'metadata_service', 'config_drive', 'change_password', 'vnc_console',
  'personality', 'attach_encrypted_volume', 'stable_rescue', 'disk_config',
];

/**
 * Compute features Tempest leaves off by default that this slice implements. xenapi_apis gates
 * the server metadata write tests (Tempest's "metadata is read-only on non-Xen deployments"):
 * the metadata API is served here; the os-agents tests it also gates fail (Nova removed that API).
 */
const COMPUTE_FEATURES_ON = ['resize', 'xenapi_apis', 'console_output', 'rescue'];

function sections(ws: string, env: TempestEnv): Sections {
  return {
    DEFAULT: { log_dir: join(ws, 'logs'), log_file: 'tempest.log' },
    oslo_concurrency: { lock_path: join(ws, 'locks') },
    auth: authSection(ws, env),
    identity: { uri_v3: `${env.authUrl}/v3`, auth_version: 'v3', region: 'RegionOne', v3_endpoint_type: 'public' },
    'identity-feature-enabled': { api_v2: false, api_v3: true, trust: false, application_credentials: true, access_rules: false, project_tags: true },
    service_available: { nova: true, glance: true, neutron: true, cinder: true, swift: false, horizon: false, heat: false },
    network: { public_network_id: env.publicNetworkId, floating_network_name: 'public', project_network_cidr: '10.100.0.0/16', project_networks_reachable: false, shared_physical_network: false },
    // Exactly the extensions served: Tempest skips the tests of the others.
    'network-feature-enabled': { api_extensions: EXTENSIONS.map((e) => e.alias).join(','), ipv6: true, ipv6_subnet_attributes: true, floating_ips: true, port_security: true },
    compute: {
      image_ref: env.imageRef,
      image_ref_alt: env.imageRefAlt,
      flavor_ref: env.flavorRef,
      flavor_ref_alt: env.flavorRefAlt,
      min_compute_nodes: 1,
      min_microversion: '2.1',
      max_microversion: MAX_VERSION,
      build_timeout: 60,
      build_interval: 1,
    },
    'compute-feature-enabled': { ...Object.fromEntries(COMPUTE_FEATURES_OFF.map((f) => [f, false])), ...Object.fromEntries(COMPUTE_FEATURES_ON.map((f) => [f, true])) },
    image: { container_formats: 'bare', disk_formats: 'raw,qcow2', build_timeout: 60 },
    'image-feature-enabled': { api_v2: true, api_v1: false, import_image: true, os_glance_reserved: true },
    volume: { catalog_type: 'volumev3', min_microversion: CINDER_MIN_VERSION, max_microversion: CINDER_MAX_VERSION, build_timeout: 60, build_interval: 1, volume_size: 1 },
    // Backups, manage/unmanage and online extend are not served; snapshots and clones are records.
    'volume-feature-enabled': { api_v3: true, backup: false, snapshot: true, clone: true, manage_snapshot: false, manage_volume: false, extend_attached_volume: false, api_extensions: CINDER_EXTENSIONS.map((e) => e.alias).join(',') },
    validation: { run_validation: false },
  };
}

export function renderTempestConf(ws: string, env: TempestEnv): string {
  return Object.entries(sections(ws, env))
    .map(([name, values]) => `[${name}]\n${Object.entries(values).map(([k, v]) => `${k} = ${String(v)}`).join('\n')}\n`)
    .join('\n');
}
