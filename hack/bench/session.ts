// An admin session against the running deployment, from the clouds.yaml `npm start` wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { projectNamespace } from '../../crds/naming.js';
import { passwordLogin } from '../lib/keystone-login.js';

export interface ApiSession {
  namespace: string;
  createServer(name: string): Promise<string>;
  deleteServer(id: string): Promise<void>;
}

interface Clouds {
  clouds: Record<string, { auth: { auth_url: string; username: string; password: string; project_name: string } }>;
}

export async function apiSession(stateDir: string): Promise<ApiSession> {
  const auth = (yaml.load(readFileSync(join(stateDir, 'clouds.yaml'), 'utf8')) as Clouds).clouds['openstack-sim'].auth;
  const base = auth.auth_url.replace(/\/identity$/, '');
  const { token, projectId } = await passwordLogin(auth.auth_url, auth.username, auth.password, auth.project_name);
  const headers = { 'X-Auth-Token': token, 'Content-Type': 'application/json' };
  const images = (await (await fetch(`${base}/image/v2/images?name=cirros`, { headers })).json()) as { images: { id: string }[] };
  const imageRef = images.images[0].id;
  return {
    namespace: projectNamespace(projectId),
    createServer: async (name) => {
      const r = await fetch(`${base}/compute/v2.1/servers`, { method: 'POST', headers, body: JSON.stringify({ server: { name, flavorRef: '1', imageRef } }) });
      if (r.status !== 202) throw new Error(`create failed: ${r.status} ${await r.text()}`);
      return ((await r.json()) as { server: { id: string } }).server.id;
    },
    deleteServer: async (id) => {
      await fetch(`${base}/compute/v2.1/servers/${id}`, { method: 'DELETE', headers });
    },
  };
}
