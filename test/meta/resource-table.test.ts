// The resource table is generated from the CRDs, so no hand-written source may name one of our
// kinds' kind, plural or apiVersion as a literal: it must go through Resources (crds/resources.ts).
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCrds } from '../../hack/gen-types.js';
import { CustomResources } from '../../crds/resources.generated.js';

const root = join(import.meta.dirname, '..', '..');

function handWrittenSources(): string[] {
  const tracked = execSync("git ls-files -co --exclude-standard 'api-server/*.ts' 'operator/*.ts' 'crds/*.ts' 'hack/*.ts'", { cwd: root, encoding: 'utf8' });
  return tracked.split('\n').filter((f) => f && !f.endsWith('.generated.ts') && existsSync(join(root, f)));
}

/** Literals that would duplicate the table: `kind: 'Server'`, `plural: 'servers'`, `'openstack.sim/v1alpha1'`. */
export function tableLiterals(source: string, kinds: string[], plurals: string[]): string[] {
  const patterns = [
    new RegExp(`kind:\\s*['"\`](${kinds.join('|')})['"\`]`, 'g'),
    new RegExp(`plural:\\s*['"\`](${plurals.join('|')})['"\`]`, 'g'),
    /['"`]openstack\.sim\/v1alpha1/g,
    /\/apis\/openstack\.sim\//g,
  ];
  return patterns.flatMap((p) => source.match(p) ?? []);
}

describe('Resource table (meta)', () => {
  const crds = loadCrds();
  const kinds = crds.map((c) => c.spec.names.kind);
  const plurals = crds.map((c) => c.spec.names.plural);

  it('When the generated table is read, then it has exactly one entry per CRD with its plural and scope', () => {
    assert.deepEqual(Object.keys(CustomResources).sort(), [...kinds].sort());
    for (const crd of crds) {
      const row = CustomResources[crd.spec.names.kind as keyof typeof CustomResources];
      assert.equal(row.plural, crd.spec.names.plural);
      assert.equal(row.namespaced, crd.spec.scope === 'Namespaced');
      assert.equal(row.group, crd.spec.group);
    }
  });

  it('When a hand-written literal names a kind or plural, then the scan finds it (the check can fail)', () => {
    assert.deepEqual(tableLiterals("const o = { kind: 'Server', plural: 'servers' };", kinds, plurals), ["kind: 'Server'", "plural: 'servers'"]);
    assert.deepEqual(tableLiterals("{ kind: 'Pod' }", kinds, plurals), []);
  });

  it('When the chart\'s hand-written templates are scanned, then no RBAC rule names one of our kinds (they are generated)', () => {
    const dir = join(root, 'charts', 'openstack-sim', 'templates');
    const templates = readdirSync(dir).filter((f) => !f.includes('.generated.'));
    assert.ok(templates.length >= 5);
    const ours = new RegExp(`resources:.*\\b(${plurals.join('|')})\\b`);
    const found = templates.flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => ours.test(l)).map((l) => `${f}: ${l.trim()}`));
    assert.deepEqual(found, []);
    assert.ok(ours.test('    resources: [servers/status]'), 'the scan finds a rule on one of our kinds');
  });

  it('When every hand-written source is scanned, then none names a kind, plural or apiVersion of ours', () => {
    const files = handWrittenSources();
    assert.ok(files.length > 50, `only ${files.length} files scanned`);
    const found = files.flatMap((f) => tableLiterals(readFileSync(join(root, f), 'utf8'), kinds, plurals).map((hit) => `${f}: ${hit}`));
    assert.deepEqual(found, []);
  });
});
