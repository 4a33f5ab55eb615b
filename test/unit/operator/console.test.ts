// The KWOK console: what the simulated guest prints (pure), and what the console reconciler does
// for a server's Pod: one file per Pod incarnation, a Logs object pointing at it (applied once),
// old files cleared on a new boot and when the server goes, and no retry storm on a cluster
// without the Logs kind.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeApiError } from '../../../crds/client/client.js';
import { Informer } from '../../../crds/client/informer.js';
import type { KubeObject } from '../../../crds/kube-object.js';
import type { Pod } from '../../../crds/kube-types.js';
import { Resources } from '../../../crds/resources.js';
import { consoleLines, criLog, echoedLines, md5Fingerprint } from '../../../operator/src/controllers/console/console.log.js';
import { ConsoleReconciler } from '../../../operator/src/controllers/console/console.reconciler.js';
import type { ObjectCache } from '../../../operator/src/runtime/objects.js';
import { FakeKube } from '../../support/fake-kube.js';
import { flavor, image, NS, pod, server, SERVER_ID, startAll, stopAll } from './fixtures.js';

const KEY = `${NS}/${SERVER_ID}`;
const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@host';
const SCRIPT = Buffer.from('#!/bin/sh\necho "hello from user data"\nexit 0\n  echo second\n').toString('base64');

describe('console.log: what a simulated guest prints', () => {
  it('When a server with a key and a user-data script boots, then its console names it, the key\'s MD5 fingerprint, the script\'s echoes and a login prompt', () => {
    const s = server({ name: 'web', keyData: ED25519, userData: SCRIPT });
    const lines = consoleLines({ server: s, pod: pod(s, 'running'), flavor: flavor(), image: image() });
    assert.ok(lines.some((l) => l.includes(`instance ${SERVER_ID} "web", first boot #0`)), lines.join('\n'));
    assert.ok(lines.some((l) => l.includes(`ssh-ed25519 ${md5Fingerprint(ED25519)}`)));
    assert.deepEqual(lines.filter((l) => l.includes('from user data') || l === 'second'), ['hello from user data', 'second']);
    assert.match(lines[lines.length - 1], / login: $/);
  });

  it('When the Pod is the boot after a crash dump, then its console starts with the NMI\'s panic and kdump', () => {
    const s = server({ boot: { serial: 2, kind: 'CrashDump' } });
    const p = pod(s, 'running');
    const lines = consoleLines({ server: s, pod: { ...p, metadata: { ...p.metadata, annotations: { ...p.metadata.annotations, 'openstack.sim/boot-serial': '2' } } } });
    assert.match(lines[0], /Kernel panic - not syncing: NMI/);
    assert.ok(lines.some((l) => l.includes('after a crash dump #2')), lines.join('\n'));
  });

  it('When a key line is fingerprinted, then it is OpenSSH\'s colon-separated MD5 of the decoded blob', () => {
    assert.match(md5Fingerprint(ED25519)!, /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    assert.equal(md5Fingerprint('garbage'), undefined);
  });

  it('When user data is not a script, then nothing of it is echoed', () => {
    assert.deepEqual(echoedLines('#cloud-config\npackages: [echo]\n'), []);
  });

  it('When lines are written for KWOK, then each is one CRI log line stamped after the Pod\'s start', () => {
    const text = criLog(['a', 'b'], new Date('2026-01-01T00:00:00Z'));
    assert.equal(text, '2026-01-01T00:00:00.000000000Z stdout F a\n2026-01-01T00:00:00.010000000Z stdout F b\n');
  });
});

describe('ConsoleReconciler', () => {
  let dir: string;
  let kube: FakeKube;
  let informers: Informer<KubeObject>[];
  let r: ConsoleReconciler;
  const caches = (): Record<string, ObjectCache<KubeObject>> => ({ servers: informers[0], pods: informers[1], flavors: informers[2], images: informers[3] });
  const actions = (): string[] => kube.actions.splice(0).filter((a) => a.verb !== 'list' && a.verb !== 'watch').map((a) => `${a.verb} ${a.kind} ${a.key}`);
  const settle = () => new Promise((res) => setTimeout(res, 20));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osim-console-'));
    kube = new FakeKube();
    const s = server();
    kube.seed(Resources.Server, s);
    kube.seed(Resources.Pod, { ...pod(s, 'running'), metadata: { ...pod(s, 'running').metadata, uid: 'uid-1' } });
    informers = [Resources.Server, Resources.Pod, Resources.Flavor, Resources.Image].map((res) => new Informer<KubeObject>(kube, res, {}));
    await startAll(Object.fromEntries(informers.entries()));
    r = new ConsoleReconciler({ kube, dir, ...caches() } as unknown as ConstructorParameters<typeof ConsoleReconciler>[0]);
    kube.actions.length = 0;
  });
  afterEach(() => {
    stopAll(Object.fromEntries(informers.entries()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('When a server\'s Pod runs on a node, then its console file is written once and a Logs object owned by the Pod points at it, applied once', async () => {
    await r.reconcile(KEY);
    assert.deepEqual(actions(), [`apply Logs ${KEY}`]);
    const logs = kube.peek<KubeObject & { spec: { logs: { logsFile: string }[] } }>(Resources.KwokLogs, SERVER_ID, NS)!;
    assert.equal(logs.metadata.ownerReferences?.[0].uid, 'uid-1');
    assert.match(readFileSync(logs.spec.logs[0].logsFile, 'utf8'), / stdout F Linux version/);
    await r.reconcile(KEY);
    assert.deepEqual(actions(), [], 'nothing again');
  });

  it('When the Pod is replaced (a new boot), then a new file replaces the old one and the Logs object is pointed at it', async () => {
    await r.reconcile(KEY);
    const first = readdirSync(dir);
    const live = kube.peek<Pod>(Resources.Pod, SERVER_ID, NS)!;
    await kube.delete(Resources.Pod, SERVER_ID, NS);
    kube.seed(Resources.Pod, { ...live, metadata: { ...live.metadata, uid: 'uid-2', resourceVersion: undefined } });
    await settle();
    actions();
    await r.reconcile(KEY);
    assert.deepEqual(actions(), [`apply Logs ${KEY}`]);
    const now = readdirSync(dir);
    assert.equal(now.length, 1);
    assert.notDeepEqual(now, first);
    assert.match(now[0], /uid-2/);
  });

  it('When the server is gone, then its console files go', async () => {
    await r.reconcile(KEY);
    await kube.delete(Resources.Server, SERVER_ID, NS);
    await settle();
    await r.reconcile(KEY);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('When the cluster has no Logs kind, then the reconcile succeeds and does not try again', async () => {
    kube.failNext.set('apply', new KubeApiError(404, 'NotFound', 'the server could not find the requested resource'));
    await r.reconcile(KEY);
    actions();
    await r.reconcile(KEY);
    assert.deepEqual(actions(), []);
    assert.ok(existsSync(dir));
  });
});
