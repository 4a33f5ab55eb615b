// The API server's stores come from the generated resource table: one per CRD, named as the Stores
// type names them, so adding a CRD adds its store without a hand edit.
import assert from 'node:assert/strict';
import { CustomResources } from '../../../crds/resources.generated.js';
import { storeKey, storesFor } from '../../../api-server/src/kube/stores.js';
import type { ResourceType } from '../../../crds/resources.js';
import type { ResourceStore } from '../../../api-server/src/kube/store.js';
import type { KubeObject } from '../../../crds/kube-object.js';

describe('API server stores', () => {
  it('When kinds are named, then the store key is the lower-camel plural the Stores type uses', () => {
    assert.deepEqual(['Server', 'RoleAssignment', 'TokenRevocation', 'QuotaClass'].map(storeKey), ['servers', 'roleAssignments', 'tokenRevocations', 'quotaClasses']);
  });

  it('When the stores are made, then every kind in the resource table gets exactly one, for its own resource', () => {
    const made: ResourceType[] = [];
    const stores = storesFor((res) => {
      made.push(res);
      return { resource: res } as unknown as ResourceStore<KubeObject>;
    });
    assert.equal(made.length, Object.keys(CustomResources).length + 1, 'and Nodes');
    assert.equal(stores.nodes.resource.kind, 'Node');
    for (const res of Object.values(CustomResources)) {
      const store = (stores as unknown as Record<string, { resource: ResourceType }>)[storeKey(res.kind)];
      assert.equal(store?.resource.plural, res.plural, res.kind);
    }
    assert.equal(stores.roleAssignments.resource.kind, 'RoleAssignment');
  });
});
