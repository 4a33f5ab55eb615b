import assert from 'node:assert/strict';
import type { Flavor, FloatingIP, Image, Network, Port, Project, Server } from '../../../crds/types.generated.js';
import {
  serverKeyForPod,
  serversOnNode,
  serversWaitingFor,
  watchServers,
} from '../../../operator/src/controllers/server/server.controller.js';
import { projectKeyForNamespace } from '../../../operator/src/controllers/project/project.controller.js';
import { desiredNamespace } from '../../../operator/src/controllers/project/project.resources.js';
import { Informer } from '../../../crds/client/informer.js';
import { ZONE_LABEL } from '../../../crds/naming.js';
import { Resources } from '../../../crds/resources.js';
import type { Namespace, Node, Pod } from '../../../crds/kube-types.js';
import { FakeKube } from '../../support/fake-kube.js';
import { flavor, image, node, NS, pod, project, projectNs, server, SERVER_ID, startAll, stopAll } from './fixtures.js';

const KEY = `${NS}/${SERVER_ID}`;
const withStatus = (s: Server, status: NonNullable<Server['status']>['status'], host?: string): Server => ({ ...s, status: { status, host } });

describe('server watches', () => {
  it('When a pod is controlled by a server, then it maps to that server key; otherwise to nothing', () => {
    assert.equal(serverKeyForPod(pod(server())), KEY);
    assert.equal(serverKeyForPod({ ...pod(server()), metadata: { name: 'x', namespace: NS } }), undefined);
    const foreign = pod(server());
    foreign.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u', controller: true }];
    assert.equal(serverKeyForPod(foreign), undefined);
  });

  it('When a namespace is controlled by a project, then it maps to the project key', () => {
    assert.equal(projectKeyForNamespace(desiredNamespace(project())), 'p1');
    assert.equal(projectKeyForNamespace({ metadata: { name: 'kube-system' } }), undefined);
  });

  const waitingCases: { name: string; s: Server; ref: { flavor?: string; image?: string }; want: boolean }[] = [
    { name: 'a new server uses the flavor', s: server(), ref: { flavor: 'f1' }, want: true },
    { name: 'a server in ERROR uses the image', s: withStatus(server(), 'ERROR'), ref: { image: 'img1' }, want: true },
    { name: 'an ACTIVE server uses the flavor', s: withStatus(server(), 'ACTIVE'), ref: { flavor: 'f1' }, want: false },
    { name: 'a BUILD server uses another flavor', s: withStatus(server(), 'BUILD'), ref: { flavor: 'f2' }, want: false },
    { name: 'a deleted server uses the flavor', s: server({}, { deletionTimestamp: 'x' }), ref: { flavor: 'f1' }, want: false },
  ];
  for (const c of waitingCases) {
    it(`When ${c.name}, then it is ${c.want ? '' : 'not '}re-queued by a flavor/image change`, () => {
      assert.deepEqual(serversWaitingFor([c.s], c.ref), c.want ? [KEY] : []);
    });
  }

  it('When servers run on a node, then they are found by host', () => {
    const on = withStatus(server(), 'ACTIVE', 'node-1');
    const off = withStatus(server({}, { name: 'other' }), 'ACTIVE', 'node-2');
    assert.deepEqual(serversOnNode([on, off], 'node-1'), [KEY]);
  });

  it('When objects change in the caches, then the right server keys are enqueued', async () => {
    const kube = new FakeKube();
    const s = kube.seed(Resources.Server, server());
    kube.seed(Resources.Server, withStatus(server({}, { name: 'running', uid: 'u2' }), 'ACTIVE', 'node-1'));
    kube.seed(Resources.Node, node('node-1', 'az1'));
    const src = {
      servers: new Informer<Server>(kube, Resources.Server),
      pods: new Informer<Pod>(kube, Resources.Pod),
      flavors: new Informer<Flavor>(kube, Resources.Flavor),
      images: new Informer<Image>(kube, Resources.Image),
      nodes: new Informer<Node>(kube, Resources.Node),
      namespaces: new Informer<Namespace>(kube, Resources.Namespace),
      projects: new Informer<Project>(kube, Resources.Project),
      ports: new Informer<Port>(kube, Resources.Port),
      networks: new Informer<Network>(kube, Resources.Network),
      floatingIPs: new Informer<FloatingIP>(kube, Resources.FloatingIP),
    };
    await startAll(src);
    const keys: string[] = [];
    watchServers(src, (k) => keys.push(k));
    const take = (): string[] => keys.splice(0);

    kube.seed(Resources.Pod, pod(s));
    assert.deepEqual(take(), [KEY], 'pod → owner');
    kube.seed(Resources.Flavor, flavor());
    assert.deepEqual(take(), [KEY], 'flavor → waiting servers only');
    kube.seed(Resources.Image, image());
    assert.deepEqual(take(), [KEY], 'image → waiting servers only');
    await kube.mergePatch(Resources.Node, 'node-1', undefined, { metadata: { annotations: { a: 'b' } } });
    assert.deepEqual(take(), [], 'a node change without a zone change → nothing');
    await kube.mergePatch(Resources.Node, 'node-1', undefined, { metadata: { labels: { [ZONE_LABEL]: 'az2' } } });
    assert.deepEqual(take(), [`${NS}/running`], 'zone change → servers on the node');
    kube.seed(Resources.Project, project());
    assert.deepEqual(take(), [KEY], 'project → waiting servers in its namespace');
    kube.seed(Resources.Namespace, projectNs());
    assert.deepEqual(take(), [KEY], 'namespace → waiting servers in it');
    kube.seed(Resources.Project, project('p2'));
    assert.deepEqual(take(), [], 'another project → nothing');
    await kube.delete(Resources.Server, SERVER_ID, NS);
    assert.deepEqual(take(), [KEY], 'a deleted server is enqueued too');
    stopAll(src);
  });
});
