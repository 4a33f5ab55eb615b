// Writes clouds.yaml for the seeded users and reads their passwords back on a warm restart.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import yaml from 'js-yaml';

export interface CloudUser {
  cloud: string;
  username: string;
  project: string;
}

export const CLOUD_USERS: CloudUser[] = [
  { cloud: 'openstack-sim', username: 'admin', project: 'admin' },
  { cloud: 'openstack-sim-demo', username: 'demo', project: 'demo' },
  { cloud: 'openstack-sim-alt-demo', username: 'alt_demo', project: 'alt_demo' },
];

interface CloudsFile {
  clouds: Record<string, { auth: { username: string; password: string } }>;
}

/** Passwords already written (so a restart keeps them), else fresh random ones. */
export function loadOrGeneratePasswords(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const existing = existsSync(path) ? (yaml.load(readFileSync(path, 'utf8')) as CloudsFile | undefined) : undefined;
  for (const u of CLOUD_USERS) {
    out[u.username] = existing?.clouds?.[u.cloud]?.auth?.password ?? randomBytes(18).toString('base64url');
  }
  return out;
}

export function writeCloudsYaml(path: string, authUrl: string, region: string, passwords: Record<string, string>): void {
  const clouds: Record<string, unknown> = {};
  for (const u of CLOUD_USERS) {
    clouds[u.cloud] = {
      auth: {
        auth_url: authUrl,
        username: u.username,
        password: passwords[u.username],
        project_name: u.project,
        user_domain_name: 'Default',
        project_domain_name: 'Default',
      },
      region_name: region,
      interface: 'public',
      identity_api_version: 3,
    };
  }
  writeFileSync(path, `# Written by npm start: credentials for the local openstack-sim deployment.\n${yaml.dump({ clouds })}`, { mode: 0o600 });
}
