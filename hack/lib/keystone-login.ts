// Password login against a running openstack-sim Keystone, project-scoped in the default domain:
// what the scripts and tests do before they call the other services.
export interface Login {
  token: string;
  projectId: string;
}

export async function passwordLogin(authUrl: string, username: string, password: string, project: string): Promise<Login> {
  const res = await fetch(`${authUrl}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: username, domain: { id: 'default' }, password } } },
        scope: { project: { name: project, domain: { id: 'default' } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: { project: { id: string } } };
  return { token: res.headers.get('x-subject-token')!, projectId: body.token.project.id };
}
