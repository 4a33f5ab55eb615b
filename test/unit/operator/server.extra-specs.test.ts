// The flavor extra specs the Pod honours, one row per flavor: the container's resources (requests
// equal limits) and the node terms it requires.
import assert from 'node:assert/strict';
import { desiredPod } from '../../../operator/src/controllers/server/server.resources.js';
import type { Flavor } from '../../../crds/types.generated.js';
import { flavor, image, server } from './fixtures.js';

const withSpecs = (extraSpecs: Record<string, string>, vcpus = 2, ramMiB = 512): Flavor => ({ ...flavor('f1', vcpus, ramMiB), spec: { ...flavor('f1', vcpus, ramMiB).spec, extraSpecs } });

const cases: { name: string; flavor: Flavor; resources: Record<string, string>; terms?: object[] }[] = [
  { name: 'no extra specs: whole vCPUs and the RAM, nothing required', flavor: withSpecs({}), resources: { cpu: '2', memory: '512Mi' } },
  { name: 'hw:cpu_policy=dedicated: the same (already Guaranteed, whole CPUs)', flavor: withSpecs({ 'hw:cpu_policy': 'dedicated' }), resources: { cpu: '2', memory: '512Mi' } },
  { name: 'hw:mem_page_size=large: the RAM also as 2 MiB huge pages', flavor: withSpecs({ 'hw:mem_page_size': 'large' }), resources: { cpu: '2', memory: '512Mi', 'hugepages-2Mi': '512Mi' } },
  { name: 'hw:mem_page_size=1GB: 1 GiB huge pages', flavor: withSpecs({ 'hw:mem_page_size': '1GB' }, 2, 2048), resources: { cpu: '2', memory: '2048Mi', 'hugepages-1Gi': '2048Mi' } },
  { name: 'hw:mem_page_size=small: no huge pages', flavor: withSpecs({ 'hw:mem_page_size': 'small' }), resources: { cpu: '2', memory: '512Mi' } },
  { name: 'quota:cpu_quota 50000 of the default period: half a core', flavor: withSpecs({ 'quota:cpu_quota': '50000' }), resources: { cpu: '500m', memory: '512Mi' } },
  { name: 'quota:cpu_quota above the vCPUs: the vCPUs', flavor: withSpecs({ 'quota:cpu_quota': '500000', 'quota:cpu_period': '100000' }), resources: { cpu: '2', memory: '512Mi' } },
  { name: 'trait:CUSTOM_GPU=required and trait:HW_NIC=forbidden: the node must and must not carry the labels', flavor: withSpecs({ 'trait:CUSTOM_GPU': 'required', 'trait:HW_NIC': 'forbidden' }), resources: { cpu: '2', memory: '512Mi' }, terms: [{ key: 'trait.openstack.sim/CUSTOM_GPU', operator: 'Exists' }, { key: 'trait.openstack.sim/HW_NIC', operator: 'DoesNotExist' }] },
];

describe('flavor extra specs on the Pod', () => {
  for (const c of cases) {
    it(`When the flavor has ${c.name}`, () => {
      const pod = desiredPod(server(), c.flavor, image());
      const { requests, limits } = pod.spec.containers[0].resources ?? {};
      assert.deepEqual(requests, c.resources);
      assert.deepEqual(limits, c.resources, 'requests equal limits');
      const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
      assert.deepEqual(terms, c.terms ? [{ matchExpressions: c.terms }] : undefined);
    });
  }
});
