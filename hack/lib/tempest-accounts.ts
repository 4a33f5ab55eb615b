// Pre-provisioned Tempest accounts, as DevStack's Tempest setup makes them: one member user in a
// project of its own per concurrent test class, plus the admin. Passwords are new on every run.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Project } from '../../crds/types.generated.js';
import { HttpKubeClient, loadKubeConfig } from '../../operator/src/kube/http-client.js';
import { DEFAULT_SYSTEM_NAMESPACE } from '../../operator/src/kube/naming.js';
import { Resources } from '../../operator/src/kube/resources.js';
import { seed } from '../../api-server/src/bootstrap/seed.js';
import { waitFor } from './exec.js';

export interface TempestAccount {
  username: string;
  password: string;
  project_name: string;
  domain_name: 'Default';
  roles: string[];
}

export async function provisionMemberAccounts(stateDir: string, count: number): Promise<TempestAccount[]> {
  const kube = new HttpKubeClient(loadKubeConfig(join(stateDir, 'kubeconfig')));
  const names = Array.from({ length: count }, (_, i) => `tempest-${i + 1}`);
  const accounts = names.map((n) => ({ username: n, password: randomBytes(15).toString('base64url'), project_name: n, domain_name: 'Default' as const, roles: ['member'] }));
  const seeded = await seed(kube, DEFAULT_SYSTEM_NAMESPACE, {
    roles: ['member', 'reader'],
    projects: names,
    users: accounts.map((a) => ({ name: a.username, password: a.password, project: a.project_name, roles: ['member', 'reader'] })),
    flavors: {},
    images: [],
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
