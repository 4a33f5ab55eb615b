// Application credentials and scoped tokens through Debian's openstack CLI against the running
// deployment: a credential made with `application credential create` issues tokens that work
// until it is deleted; the admin gets domain- and system-scoped tokens once granted roles there
// (RoleAssignment CRs made with kubectl); and the catalog in the token agrees with `service list`,
// `endpoint list` and `region list`.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { Resources, typeMeta } from '../../crds/resources.js';
import { run } from '../../hack/lib/exec.js';
import { e2eStack, kubectl, openstack, openstackJson, until } from './support/stack.js';

/** The openstack CLI with explicit auth options and no cloud from clouds.yaml. */
async function cli(auth: string[], args: string[]): Promise<string> {
  const s = await e2eStack();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OS_')));
  return run('openstack', ['--os-auth-url', s.authUrl, '--os-identity-api-version', '3', ...auth, ...args], { quiet: true, env });
}

async function adminPassword(): Promise<string> {
  const s = await e2eStack();
  const clouds = yaml.load(readFileSync(s.cloudsYaml, 'utf8')) as { clouds: Record<string, { auth: { password: string } }> };
  return clouds.clouds['openstack-sim'].auth.password;
}

async function adminAuth(scope: string[]): Promise<string[]> {
  return ['--os-username', 'admin', '--os-password', await adminPassword(), '--os-user-domain-name', 'Default', ...scope];
}

async function apiStatus(path: string, token: string): Promise<number> {
  const s = await e2eStack();
  return (await fetch(`${s.apiUrl}${path}`, { headers: { 'X-Auth-Token': token } })).status;
}

describe('Identity: application credentials, scoped tokens and the catalog (openstack CLI)', function () {
  this.timeout(300_000);
  const name = `e2e-appcred-${Date.now()}`;
  let cred: { id: string; secret: string; project_id: string };

  it('When demo creates an application credential with --role and --expiration, then list and show have it and never the secret', async () => {
    const expiration = new Date(Date.now() + 86_400_000).toISOString().slice(0, 19);
    cred = await openstackJson('openstack-sim-demo', ['application', 'credential', 'create', '--role', 'member', '--expiration', expiration, '--description', 'e2e', name]);
    assert.ok(cred.secret.length >= 32);
    const listed = await openstackJson<{ ID: string; Name: string }[]>('openstack-sim-demo', ['application', 'credential', 'list']);
    assert.ok(listed.some((c) => c.ID === cred.id && c.Name === name));
    const shown = await openstackJson<Record<string, unknown>>('openstack-sim-demo', ['application', 'credential', 'show', name]);
    assert.equal(shown.id, cred.id);
    assert.equal(shown.description, 'e2e');
    assert.match(String(shown.expires_at), new RegExp(`^${expiration}`));
    assert.match(String(shown.roles), /member/);
    assert.equal(shown.secret, undefined);
  });

  it('When a token is issued with the credential, then it is scoped to demo, lists servers, and is refused once the credential is deleted', async () => {
    const auth = ['--os-auth-type', 'v3applicationcredential', '--os-application-credential-id', cred.id, '--os-application-credential-secret', cred.secret];
    const token = JSON.parse(await cli(auth, ['token', 'issue', '-f', 'json'])) as { id: string; project_id: string };
    assert.equal(token.project_id, cred.project_id);
    const servers = JSON.parse(await cli(auth, ['server', 'list', '-f', 'json'])) as unknown[];
    assert.ok(Array.isArray(servers));
    assert.equal(await apiStatus('/compute/v2.1/servers', token.id), 200);

    await openstack('openstack-sim-demo', ['application', 'credential', 'delete', cred.id]);
    await until('the deleted credential to stop authenticating', async () => ((await cli(auth, ['token', 'issue']).then(() => false, () => true)) ? true : undefined));
    assert.equal(await apiStatus('/compute/v2.1/servers', token.id), 401);
    const listed = await openstackJson<{ ID: string }[]>('openstack-sim-demo', ['application', 'credential', 'list']);
    assert.ok(!listed.some((c) => c.ID === cred.id));
  });

  describe('domain- and system-scoped tokens for the admin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osim-e2e-grants-'));
    const grants = join(dir, 'grants.yaml');
    before(async () => {
      const adminId = (await openstackJson<{ id: string }>('openstack-sim', ['user', 'show', 'admin'])).id;
      const roleId = (await openstackJson<{ id: string }>('openstack-sim', ['role', 'show', 'admin'])).id;
      const assignment = (suffix: string, target: object): object => ({ ...typeMeta(Resources.RoleAssignment), metadata: { name: `e2e-admin-${suffix}` }, spec: { userId: adminId, roleId, ...target } });
      const docs = [assignment('system', { system: 'all' }), assignment('domain-default', { domainId: 'default' })];
      writeFileSync(grants, docs.map((d) => yaml.dump(d)).join('---\n'));
    });
    after(async () => {
      await kubectl(['delete', '--ignore-not-found', '-f', grants]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    });

    it('When the admin holds no role on the domain or the system, then those scopes are refused', async () => {
      await assert.rejects(cli(await adminAuth(['--os-domain-id', 'default']), ['token', 'issue']), /401|authenticat/i);
      await assert.rejects(cli(await adminAuth(['--os-system-scope', 'all']), ['token', 'issue']), /401|authenticat/i);
    });

    it('When granted admin on the default domain and the system, then token issue gives a domain-scoped and a system-scoped token', async () => {
      await kubectl(['apply', '-f', grants]);
      const domainToken = await until('a domain-scoped token', async () => {
        const out = await cli(await adminAuth(['--os-domain-id', 'default']), ['token', 'issue', '-f', 'json']).catch(() => undefined);
        return out ? (JSON.parse(out) as Record<string, string>) : undefined;
      });
      assert.equal(domainToken.domain_id, 'default');
      assert.equal(domainToken.project_id, undefined);
      const byName = JSON.parse(await cli(await adminAuth(['--os-domain-name', 'Default']), ['token', 'issue', '-f', 'json'])) as Record<string, string>;
      assert.equal(byName.domain_id, 'default');
      const systemToken = await until('a system-scoped token', async () => {
        const out = await cli(await adminAuth(['--os-system-scope', 'all']), ['token', 'issue', '-f', 'json']).catch(() => undefined);
        return out ? (JSON.parse(out) as Record<string, string>) : undefined;
      });
      assert.equal(systemToken.system, 'all');
      // The system admin is the cloud admin: an admin-only Keystone list answers.
      assert.equal(await apiStatus('/identity/v3/users', systemToken.id), 200);
      // The domain-scoped token is no cloud admin.
      assert.equal(await apiStatus('/identity/v3/users', domainToken.id), 403);
    });
  });

  it('When the admin runs catalog list, service list, endpoint list and region list, then they agree', async () => {
    const catalog = await openstackJson<{ Name: string; Type: string; Endpoints: { interface: string; url: string; region: string }[] }[]>('openstack-sim', ['catalog', 'list']);
    const services = await openstackJson<{ ID: string; Name: string; Type: string }[]>('openstack-sim', ['service', 'list']);
    const endpoints = await openstackJson<{ 'Service Type': string; Interface: string; URL: string; Region: string }[]>('openstack-sim', ['endpoint', 'list']);
    const regions = await openstackJson<{ Region: string }[]>('openstack-sim', ['region', 'list']);
    const key = (s: { Name: string; Type: string }): string => `${s.Type}/${s.Name}`;
    assert.deepEqual(services.map(key).sort(), catalog.map(key).sort());
    assert.deepEqual(regions.map((r) => r.Region), ['RegionOne']);
    assert.equal(endpoints.length, catalog.length * 3);
    const projectId = (await openstackJson<{ project_id: string }>('openstack-sim', ['token', 'issue'])).project_id;
    for (const svc of catalog) {
      for (const iface of ['public', 'internal', 'admin']) {
        const ep = endpoints.find((e) => e['Service Type'] === svc.Type && e.Interface === iface);
        assert.ok(ep, `${svc.Type} ${iface} endpoint listed`);
        assert.equal(ep.Region, 'RegionOne');
        const url = ep.URL.replace('$(project_id)s', projectId);
        assert.ok(svc.Endpoints.some((e) => e.interface === iface && e.url === url && e.region === ep.Region), `${svc.Type} ${iface}: ${url} in the catalog's ${JSON.stringify(svc.Endpoints)}`);
      }
    }
  });
});
