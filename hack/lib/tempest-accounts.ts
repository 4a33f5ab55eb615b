// Pre-provisioned Tempest accounts, as DevStack's Tempest setup makes them, each user in a project
// of its own: members for the tests' primary/alt credentials and admins for the admin ones (a
// class holds its accounts for its whole run, so concurrent workers need several of each).
// Passwords are new on every run.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Project } from '../../crds/types.generated.js';
import { HttpKubeClient, loadKubeConfig } from '../../crds/client/http-client.js';
import { DEFAULT_SYSTEM_NAMESPACE } from '../../crds/naming.js';
import { Resources } from '../../crds/resources.js';
import { seed } from '../../api-server/src/bootstrap/seed.js';
import { waitFor } from './exec.js';

export interface TempestAccount {
  username: string;
  password: string;
  project_name: string;
  domain_name: 'Default';
  roles: string[];
}

function account(name: string, role: string): TempestAccount {
  return { username: name, password: randomBytes(15).toString('base64url'), project_name: name, domain_name: 'Default', roles: [role] };
}

export async function provisionAccounts(stateDir: string, members: number, admins: number): Promise<TempestAccount[]> {
  const kube = new HttpKubeClient(loadKubeConfig(join(stateDir, 'kubeconfig')));
  const accounts = [
    ...Array.from({ length: members }, (_, i) => account(`tempest-${i + 1}`, 'member')),
    ...Array.from({ length: admins }, (_, i) => account(`tempest-admin-${i + 1}`, 'admin')),
  ];
  const seeded = await seed(kube, DEFAULT_SYSTEM_NAMESPACE, {
    roles: ['admin', 'member', 'reader'],
    projects: accounts.map((a) => a.project_name),
    users: accounts.map((a) => ({ name: a.username, password: a.password, project: a.project_name, roles: [...a.roles, 'reader'] })),
    flavors: {},
    images: [],
    volumeTypes: [],
  });
  const ready = async (): Promise<boolean> => {
    for (const id of Object.values(seeded.projectIds)) {
      if (!(await kube.get<Project>(Resources.Project, id))?.status?.namespace) return false;
    }
    return true;
  };
  await waitFor('the Tempest projects\' namespaces', ready, 60_000);
  return accounts;
}
