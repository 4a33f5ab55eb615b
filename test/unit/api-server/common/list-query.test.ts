import assert from 'node:assert/strict';
import { ApiError } from '../../../../api-server/src/common/errors.js';
import { allTags, anyOf, pickFields, runListQuery, tagFilters, type ListSpec } from '../../../../api-server/src/common/list-query.js';
import { nextQuery } from '../../../../api-server/src/common/pagination.js';
import type { AuthContext } from '../../../../api-server/src/common/route.js';

interface Net {
  id: string;
  name: string;
  status: string;
  size: number;
  tags: string[];
}

const nets: Net[] = [
  { id: 'a', name: 'blue', status: 'ACTIVE', size: 3, tags: ['x', 'y'] },
  { id: 'b', name: 'red', status: 'DOWN', size: 1, tags: ['y'] },
  { id: 'c', name: 'green', status: 'ACTIVE', size: 2, tags: [] },
  { id: 'd', name: 'blue', status: 'BUILD', size: 2, tags: ['x'] },
];

const spec: ListSpec<Net> = {
  collection: 'networks',
  filters: {
    name: anyOf((n) => n.name),
    status: anyOf((n) => n.status),
    // An admin-only filter: ignored for anyone else.
    size: (values, auth) => (auth.isAdmin ? (n: Net) => values.includes(String(n.size)) : undefined),
    ...tagFilters<Net>((n) => n.tags),
  },
  sortKeys: { name: (n) => n.name, size: (n) => n.size, status: (n) => n.status },
  ignoredSortKeys: ['vcpus'],
  adminOnlySortKeys: ['status'],
  defaultSort: { key: 'name', dir: 'asc' },
  idOf: (n) => n.id,
  maxLimit: 3,
};

const user = { isAdmin: false, projectId: 'p' } as AuthContext;
const admin = { isAdmin: true, projectId: 'p' } as AuthContext;

const ids = (q: Record<string, unknown>, s: ListSpec<Net> = spec, auth = user): string[] => runListQuery(s, nets, q, auth).items.map((n) => n.id);

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (err instanceof ApiError) return err.status;
    throw err;
  }
}

describe('runListQuery (the one list pipeline)', () => {
  const orders: { reason: string; query: Record<string, unknown>; auth?: AuthContext; want: string[] }[] = [
    { reason: 'no query: the default key, ties broken by id', query: {}, want: ['a', 'd', 'c'] },
    { reason: 'a repeated filter value is an OR', query: { status: ['DOWN', 'BUILD'] }, want: ['d', 'b'] },
    { reason: 'two filters are an AND', query: { name: 'blue', status: 'ACTIVE' }, want: ['a'] },
    { reason: 'an unknown query key is ignored', query: { colour: 'x', name: 'red' }, want: ['b'] },
    { reason: 'an admin-only filter from a non-admin is ignored', query: { size: '2', limit: '9' }, want: ['a', 'd', 'c'] },
    { reason: 'an admin-only filter from an admin applies', query: { size: '2' }, auth: admin, want: ['d', 'c'] },
    { reason: 'sort_key with sort_dir desc, ties by id in that direction', query: { sort_key: 'size', sort_dir: 'desc' }, want: ['a', 'd', 'c'] },
    { reason: 'two sort keys, the missing direction taking the first one', query: { sort_key: ['name', 'size'], sort_dir: 'desc' }, want: ['b', 'c', 'a'] },
    { reason: 'an ignored sort key is dropped with its direction', query: { sort_key: ['vcpus', 'size'], sort_dir: ['desc', 'asc'] }, want: ['b', 'c', 'd'] },
    { reason: 'an admin may use an admin-only sort key', query: { sort_key: 'status' }, auth: admin, want: ['a', 'c', 'd'] },
    { reason: 'tags needs every tag of the comma list', query: { tags: 'x,y' }, want: ['a'] },
    { reason: 'tags-any needs one of them', query: { 'tags-any': 'x,y' }, want: ['a', 'd', 'b'] },
    { reason: 'not-tags drops items with every tag', query: { 'not-tags': 'x,y' }, want: ['d', 'c', 'b'] },
    { reason: 'not-tags-any drops items with any tag', query: { 'not-tags-any': 'x', 'tags-any': 'y' }, want: ['b'] },
  ];
  for (const c of orders) {
    it(`When ${c.reason}, then the items are ${c.want.join(',')}`, () => {
      assert.deepEqual(ids(c.query, spec, c.auth), c.want);
    });
  }

  const refusals: { reason: string; query: Record<string, unknown>; spec?: ListSpec<Net>; status: number }[] = [
    { reason: 'an unknown sort key', query: { sort_key: 'colour' }, status: 400 },
    { reason: 'an admin-only sort key from a non-admin', query: { sort_key: 'status' }, status: 403 },
    { reason: 'a bad sort direction', query: { sort_dir: 'up' }, status: 400 },
    { reason: 'more directions than keys', query: { sort_key: 'name', sort_dir: ['asc', 'desc'] }, status: 400 },
    { reason: 'unpaired directions where pairs are required', query: { sort_key: ['name', 'size'], sort_dir: 'asc' }, spec: { ...spec, pairedSortDirs: true }, status: 400 },
    { reason: 'sort= mixed with sort_key', query: { sort: 'name:asc', sort_key: 'size' }, spec: { ...spec, sortParam: true }, status: 400 },
    { reason: 'an unknown marker', query: { marker: 'zz' }, status: 400 },
    { reason: 'a negative limit', query: { limit: '-1' }, status: 400 },
  ];
  for (const c of refusals) {
    it(`When the query has ${c.reason}, then ${c.status}`, () => {
      assert.equal(statusOf(() => runListQuery(c.spec ?? spec, nets, c.query, user)), c.status);
    });
  }

  it('When sort= is accepted, then it reads key:dir pairs with the default direction for a bare key', () => {
    const sortable = { ...spec, sortParam: true };
    assert.deepEqual(ids({ sort: 'size:desc,name' }, sortable), ['a', 'd', 'c']);
    assert.deepEqual(ids({ sort: 'size' }, sortable), ['b', 'c', 'd']);
  });

  it('When pages are followed by marker, then every item comes once and only a full page with more has a next marker', () => {
    const first = runListQuery(spec, nets, { limit: '2' }, user);
    assert.deepEqual(first.items.map((n) => n.id), ['a', 'd']);
    assert.equal(first.nextMarker, 'd');
    const second = runListQuery(spec, nets, { limit: '2', marker: first.nextMarker }, user);
    assert.deepEqual(second.items.map((n) => n.id), ['c', 'b']);
    assert.equal(second.nextMarker, undefined);
    assert.deepEqual(runListQuery(spec, nets, { marker: 'b' }, user).items, [], 'a marker on the last item gives an empty page');
  });

  it('When the marker no longer passes the filters, then the page still starts after its place in the order', () => {
    // 'd' (blue) is not red or green, yet paging after it continues in name order.
    assert.deepEqual(ids({ name: ['red', 'green'], marker: 'd' }), ['c', 'b']);
  });

  it('When the limit is above the maximum or absent, then the page is capped; a default limit applies without one', () => {
    assert.equal(runListQuery(spec, nets, { limit: '100' }, user).items.length, 3);
    assert.equal(runListQuery(spec, nets, {}, user).items.length, 3);
    assert.equal(runListQuery({ ...spec, defaultLimit: 1 }, nets, {}, user).items.length, 1);
    assert.equal(runListQuery(spec, nets, { limit: '0' }, user).items.length, 0);
  });

  it('When the marker is unknown, then the spec\'s own message is used', () => {
    assert.throws(() => runListQuery({ ...spec, markerNotFound: (m) => `No net ${m}` }, nets, { marker: 'zz' }, user), /No net zz/);
  });

  it('When fields= is given, then only a spec that supports it returns them, and pickFields keeps only those keys', () => {
    assert.equal(runListQuery(spec, nets, { fields: ['id', 'name'] }, user).fields, undefined);
    const page = runListQuery({ ...spec, fields: true }, nets, { fields: ['id', 'name'] }, user);
    assert.deepEqual(page.fields, ['id', 'name']);
    assert.deepEqual(page.items.map((n) => pickFields(n, page.fields)), [{ id: 'a', name: 'blue' }, { id: 'd', name: 'blue' }, { id: 'c', name: 'green' }]);
    assert.deepEqual(pickFields(nets[0], undefined), nets[0]);
  });

  it('When allTags is given repeated values, then each value is one whole tag', () => {
    const match = allTags<Net>((n) => n.tags)(['x', 'y'], user)!;
    assert.deepEqual(nets.filter(match).map((n) => n.id), ['a']);
    assert.deepEqual(nets.filter(allTags<Net>((n) => n.tags)(['x,y'], user)!), []);
  });

  it('When the next query is built, then every filter is kept, repeats included, with the new marker', () => {
    const q = new URLSearchParams(nextQuery({ status: ['ACTIVE', 'DOWN'], limit: '2', marker: 'old', sort_key: 'name' }, 'new'));
    assert.deepEqual(q.getAll('status'), ['ACTIVE', 'DOWN']);
    assert.equal(q.get('limit'), '2');
    assert.equal(q.get('sort_key'), 'name');
    assert.deepEqual(q.getAll('marker'), ['new']);
  });
});
