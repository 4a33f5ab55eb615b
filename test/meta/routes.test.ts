// Walks every route of every service, as Nova's test_schemas walks its router: each must declare
// its schemas, success status and expected errors consistently.
import assert from 'node:assert/strict';
import type { RouteDef } from '../../api-server/src/common/route.js';
import { compileSchema } from '../../api-server/src/common/validate.js';
import { allServices } from '../../api-server/src/services/index.js';
import { makeWorld, type World } from '../unit/api-server/auth/identity-fixture.js';

const BODYLESS = new Set(['get', 'head', 'delete']);

function describeRoute(mount: string, r: RouteDef): string {
  return `${r.method.toUpperCase()} ${mount}${r.path}`;
}

describe('Route declarations (meta)', () => {
  let world: World;
  let routes: { mount: string; route: RouteDef }[];
  before(async () => {
    world = await makeWorld();
    routes = allServices(world.deps, world.tokens).flatMap((m) => m.service.routes.map((route) => ({ mount: m.mount, route })));
  });
  after(() => world.stop());

  it('When the services are walked, then there are routes for identity, compute, image, network, volume and the metadata API', () => {
    const mounts = new Set(routes.map((r) => r.mount));
    assert.deepEqual([...mounts].sort(), ['/compute', '/identity', '/image', '/metadata', '/network', '/volume']);
    assert.ok(routes.length >= 30, `only ${routes.length} routes`);
  });

  it('When a route is declared, then its query schema compiles and it has a success status', () => {
    for (const { mount, route } of routes) {
      const name = describeRoute(mount, route);
      assert.equal(typeof route.query, 'object', `${name}: no query schema`);
      assert.doesNotThrow(() => compileSchema(route.query), `${name}: query schema does not compile`);
      assert.ok(route.successStatus >= 200 && route.successStatus < 400, `${name}: success status ${route.successStatus}`);
      assert.ok(Array.isArray(route.expectedErrors), `${name}: no expected errors`);
      assert.ok(route.expectedErrors.every((c) => c >= 400 && c < 600), `${name}: expected errors must be 4xx/5xx`);
    }
  });

  /**
   * A write whose path says it all, with nothing in or out: Neutron's PUT /{res}/{id}/tags/{tag}
   * (201), Glance's image tags and deactivate/reactivate actions (204).
   */
  const isPathAction = (route: RouteDef): boolean => route.body === null && route.response === null && [201, 204].includes(route.successStatus);

  it('When a route takes a body, then it has a compiling body schema and may answer 400', () => {
    for (const { mount, route } of routes) {
      const name = describeRoute(mount, route);
      if (BODYLESS.has(route.method)) {
        assert.equal(route.body, null, `${name}: GET/HEAD/DELETE must declare no body`);
        continue;
      }
      if (isPathAction(route)) continue;
      assert.ok(route.body, `${name}: no body schema`);
      assert.doesNotThrow(() => compileSchema(route.body!), `${name}: body schema does not compile`);
      assert.ok(route.expectedErrors.includes(400), `${name}: a body route must list 400`);
    }
  });

  it('When a route answers a body, then it declares a response schema that compiles, and a policy', () => {
    const policies = new Set(['public', 'authenticated', 'reader', 'member', 'admin']);
    for (const { mount, route } of routes) {
      const name = describeRoute(mount, route);
      assert.ok(policies.has(route.policy), `${name}: unknown policy ${String(route.policy)}`);
      // Nova's server actions and interface detach, and Glance's import, answer 202 Accepted with no
      // body; Cinder's metadata key delete a bare 200.
      const accepted = route.response === null && ((route.successStatus === 202 && (/\/(action|import)$/.test(route.path) || route.method === 'delete')) || (route.successStatus === 200 && route.method === 'delete'));
      const bodiless = route.method === 'head' || route.successStatus === 204 || isPathAction(route) || accepted;
      if (bodiless) {
        assert.equal(route.response, null, `${name}: answers no body, so declares no response schema`);
        continue;
      }
      assert.ok(route.response, `${name}: no response schema`);
      assert.doesNotThrow(() => compileSchema(route.response!), `${name}: response schema does not compile`);
    }
  });

  it('When a route has a path parameter, then it may answer 404', () => {
    for (const { mount, route } of routes) {
      if (!/:[A-Za-z_]+/.test(route.path)) continue;
      assert.ok(route.expectedErrors.includes(404), `${describeRoute(mount, route)}: must list 404`);
    }
  });

  it('When the routes are walked, then no method and path is declared twice', () => {
    const seen = new Set<string>();
    for (const { mount, route } of routes) {
      const key = describeRoute(mount, route);
      assert.ok(!seen.has(key), `${key} declared twice`);
      seen.add(key);
    }
  });
});
