// The CRDs are the source of truth: they must be structural and valid JSON schemas, the generated
// types must match them, and what the mappers write must validate against them.
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import { generate, loadCrds, toJsonSchema as plain } from '../../hack/gen-types.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toServerResource } from '../../api-server/src/services/nova/servers/servers.mapper.js';
import { DEFAULT_FLAVORS } from '../../api-server/src/bootstrap/seed-plan.js';

const ajv = new Ajv({ strict: false });
ajv.addFormat('date-time', true).addFormat('int64', true);

function schemaOf(kind: string): object {
  const crd = loadCrds().find((c) => c.spec.names.kind === kind);
  if (!crd) throw new Error(`no CRD for ${kind}`);
  return crd.spec.versions[0].schema.openAPIV3Schema;
}

describe('CRDs (meta)', () => {
  it('When every CRD is loaded, then it is group openstack.sim, v1alpha1, and its schema compiles', () => {
    const crds = loadCrds();
    assert.ok(crds.length >= 8);
    for (const crd of crds) {
      const doc = crd as unknown as { spec: { group: string; versions: { name: string }[] } };
      assert.equal(doc.spec.group, 'openstack.sim');
      assert.equal(doc.spec.versions[0].name, 'v1alpha1');
      assert.doesNotThrow(() => ajv.compile(plain(crd.spec.versions[0].schema.openAPIV3Schema) as object), crd.spec.names.kind);
    }
  });

  it('When every CRD is loaded, then no key has an empty value (a flow-style line split by an unquoted comma)', () => {
    const empties = (node: unknown, path: string): string[] => {
      if (node === null) return [path];
      if (typeof node !== 'object') return [];
      return Object.entries(node).flatMap(([k, v]) => empties(v, `${path}.${k}`));
    };
    for (const crd of loadCrds()) assert.deepEqual(empties(crd, crd.spec.names.kind), [], 'quote the text with a comma in it');
  });

  it('When the types are regenerated, then they equal the committed file', async () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', 'crds', 'types.generated.ts'), 'utf8');
    assert.equal(await generate(), committed);
  });

  it('When the server mapper writes a CR, then it validates against the Server CRD', () => {
    const validate = ajv.compile(plain(schemaOf('Server')) as object);
    const cr = toServerResource(
      { projectId: 'p'.repeat(32), userId: 'u'.repeat(32), name: 'vm' },
      { name: 'vm', flavorRef: '1', imageRef: 'img', metadata: { a: 'b' }, availability_zone: 'zone-a', networks: [{ uuid: 'n' }] },
    );
    assert.ok(validate(cr), JSON.stringify(validate.errors));
  });

  it('When the seeded flavors are written, then they validate against the Flavor CRD', () => {
    const validate = ajv.compile(plain(schemaOf('Flavor')) as object);
    for (const [id, spec] of Object.entries(DEFAULT_FLAVORS)) {
      assert.ok(validate({ apiVersion: 'openstack.sim/v1alpha1', kind: 'Flavor', metadata: { name: id }, spec }), JSON.stringify(validate.errors));
    }
  });
});
