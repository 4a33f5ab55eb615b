// How a failed Kubernetes call reaches an OpenStack client: never a 500 for something the client or
// the cluster's load caused, and a 500 only for our own bugs (RBAC, a request the apiserver calls bad).
import assert from 'node:assert/strict';
import { KubeApiError } from '../../../../crds/client/client.js';
import { KubeStatusError, KubeTimeoutError } from '../../../../crds/client/http-client.js';
import { isConnectionError, mapKubeError } from '../../../../api-server/src/common/errors.js';

const socketError = (code: string): Error => Object.assign(new Error(`connect ${code} 127.0.0.1:6443`), { code });

const TERMINATING =
  'servers.openstack.sim "s1" is forbidden: unable to create new content in namespace os-0123abcd because it is being terminated';

interface Case {
  name: string;
  reason: string;
  err: unknown;
  want: { status: number; message?: RegExp; retryAfter?: string } | undefined;
}

const cases: Case[] = [
  { name: '404', reason: 'a missing object is the client\'s 404', err: new KubeApiError(404, 'NotFound', 'servers "x" not found'), want: { status: 404, message: /not found/ } },
  { name: '409 AlreadyExists', reason: 'a duplicate name is the client\'s 409', err: new KubeApiError(409, 'AlreadyExists', 'servers "x" already exists'), want: { status: 409, message: /already exists/ } },
  { name: '409 Conflict', reason: 'a stale write that escaped the retry is a 409, not our bug', err: new KubeApiError(409, 'Conflict', 'the object has been modified'), want: { status: 409, message: /another request/ } },
  { name: '403 terminating namespace', reason: 'creating in a project being deleted is a conflict with that delete', err: new KubeApiError(403, 'Forbidden', TERMINATING), want: { status: 409, message: /^Project 0123abcd is being deleted\.$/ } },
  { name: '403 terminating, unusual wording', reason: 'without a namespace in the message it still says what happened', err: new KubeApiError(403, 'Forbidden', 'forbidden because it is being terminated'), want: { status: 409, message: /project is being deleted/ } },
  { name: '403 RBAC', reason: 'our ServiceAccount lacking a permission is our bug', err: new KubeApiError(403, 'Forbidden', 'User "system:serviceaccount:x:api" cannot create resource "servers"'), want: { status: 500, message: /403 Forbidden/ } },
  {
    name: '422 with causes',
    reason: 'the CRD schema rejected a value: the client sees which field and why',
    err: new KubeStatusError({ code: 422, reason: 'Invalid', message: 'Server.openstack.sim "s1" is invalid: spec.name: Invalid value', details: { causes: [{ reason: 'FieldValueInvalid', field: 'spec.name', message: 'Invalid value: "": spec.name in body should be at least 1 chars long' }] } }),
    want: { status: 400, message: /^Invalid input: spec\.name: Invalid value: "": spec\.name in body should be at least 1 chars long$/ },
  },
  {
    name: '422 with two causes',
    reason: 'every rejected field is named',
    err: new KubeStatusError({ code: 422, reason: 'Invalid', message: 'invalid', details: { causes: [{ field: 'spec.a', message: 'too long' }, { message: 'no field' }] } }),
    want: { status: 400, message: /^Invalid input: spec\.a: too long; no field$/ },
  },
  { name: '422 without causes', reason: 'the Status message stands in for the causes', err: new KubeApiError(422, 'Invalid', 'Server.openstack.sim "s1" is invalid: spec: Required value'), want: { status: 400, message: /spec: Required value/ } },
  { name: '429 with Retry-After', reason: 'throttling passes the apiserver\'s Retry-After on', err: new KubeApiError(429, 'TooManyRequests', 'slow down', 3), want: { status: 503, retryAfter: '3' } },
  { name: '429 without Retry-After', reason: 'the default wait is one second', err: new KubeApiError(429, 'TooManyRequests', 'slow down'), want: { status: 503, retryAfter: '1' } },
  { name: '500', reason: 'an apiserver failure is an outage', err: new KubeApiError(500, 'InternalError', 'etcd is down'), want: { status: 503, retryAfter: '1' } },
  { name: '504 with a fractional Retry-After', reason: 'Retry-After is whole seconds', err: new KubeApiError(504, 'Timeout', 'timeout', 1.5), want: { status: 503, retryAfter: '2' } },
  { name: '503 with Retry-After 0', reason: 'a client is never told to retry at once', err: new KubeApiError(503, 'ServiceUnavailable', 'starting', 0), want: { status: 503, retryAfter: '1' } },
  { name: 'connection refused', reason: 'an unreachable apiserver is an outage', err: socketError('ECONNREFUSED'), want: { status: 503, retryAfter: '1' } },
  { name: 'connection reset', reason: 'a dropped connection is an outage', err: socketError('ECONNRESET'), want: { status: 503, retryAfter: '1' } },
  { name: 'request timeout', reason: 'http-client\'s deadline is an outage', err: new KubeTimeoutError({ method: 'GET', path: '/api' }, 10), want: { status: 503, retryAfter: '1' } },
  { name: '400 from the apiserver', reason: 'a request the apiserver cannot parse is our bug', err: new KubeApiError(400, 'BadRequest', 'bad'), want: { status: 500 } },
  { name: 'not a Kubernetes error', reason: 'other errors are the router\'s business', err: new TypeError('x is undefined'), want: undefined },
];

describe('mapKubeError', () => {
  for (const c of cases) {
    it(`When the cluster answers ${c.name}, then ${c.want ? `the client gets ${c.want.status}` : 'it is not mapped'} (${c.reason})`, () => {
      const got = mapKubeError(c.err);
      if (!c.want) {
        assert.equal(got, undefined);
        return;
      }
      assert.ok(got, 'mapped');
      assert.equal(got.status, c.want.status);
      if (c.want.message) assert.match(got.message, c.want.message);
      assert.equal(got.headers['Retry-After'], c.want.retryAfter);
    });
  }
});

describe('isConnectionError', () => {
  const table: { name: string; err: unknown; want: boolean }[] = [
    { name: 'ECONNREFUSED', err: socketError('ECONNREFUSED'), want: true },
    { name: 'ETIMEDOUT (our deadline)', err: new KubeTimeoutError({ method: 'GET', path: '/' }, 1), want: true },
    { name: 'EHOSTUNREACH', err: socketError('EHOSTUNREACH'), want: true },
    { name: 'a code that is not a socket failure', err: socketError('ERR_INVALID_ARG_TYPE'), want: false },
    { name: 'undefined', err: undefined, want: false },
  ];
  for (const t of table) {
    it(`When the error is ${t.name}, then it is ${t.want ? '' : 'not '}a connection error`, () => {
      assert.equal(isConnectionError(t.err), t.want);
    });
  }
});
