import assert from 'node:assert/strict';
import { findCondition, isConditionTrue, setCondition, type Condition } from '../../../operator/src/runtime/conditions.js';
import { statusEqual } from '../../../operator/src/runtime/objects.js';
import { LATER } from './fixtures.js';

const ready = (status: Condition['status'], reason = 'PodRunning', at = '2024-05-01T10:00:00Z'): Condition => ({
  type: 'Ready',
  status,
  reason,
  message: 'm',
  lastTransitionTime: at,
});

describe('setCondition', () => {
  const cases: { name: string; list: Condition[] | undefined; next: Omit<Condition, 'lastTransitionTime'>; wantTime: string; wantLen: number }[] = [
    {
      name: 'When the list is empty, then the condition is added with the current time',
      list: undefined,
      next: { type: 'Ready', status: 'True', reason: 'PodRunning', message: 'm' },
      wantTime: '2024-05-01T10:05:00Z',
      wantLen: 1,
    },
    {
      name: 'When the status is unchanged, then the transition time is kept even if the reason changes',
      list: [ready('False', 'PodPending')],
      next: { type: 'Ready', status: 'False', reason: 'Unschedulable', message: 'x' },
      wantTime: '2024-05-01T10:00:00Z',
      wantLen: 1,
    },
    {
      name: 'When the status changes, then the transition time moves to now',
      list: [ready('False', 'PodPending')],
      next: { type: 'Ready', status: 'True', reason: 'PodRunning', message: 'm' },
      wantTime: '2024-05-01T10:05:00Z',
      wantLen: 1,
    },
    {
      name: 'When another type is set, then the existing entries stay and the new one is appended',
      list: [ready('True')],
      next: { type: 'Synced', status: 'True', reason: 'ReconcileSuccess', message: 'm' },
      wantTime: '2024-05-01T10:05:00Z',
      wantLen: 2,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const before = structuredClone(c.list);
      const out = setCondition(c.list, c.next, LATER);
      assert.equal(out.length, c.wantLen);
      const got = findCondition(out, c.next.type);
      assert.equal(got?.lastTransitionTime, c.wantTime);
      assert.equal(got?.reason, c.next.reason);
      assert.deepEqual(c.list, before, 'the input list is not mutated');
    });
  }

  it('When asked whether a condition is True, then only status True counts', () => {
    assert.equal(isConditionTrue([ready('True')], 'Ready'), true);
    assert.equal(isConditionTrue([ready('Unknown')], 'Ready'), false);
    assert.equal(isConditionTrue(undefined, 'Ready'), false);
  });
});

describe('statusEqual', () => {
  const cases: { name: string; a: object; b: object; want: boolean }[] = [
    { name: 'When only key order differs, then equal', a: { x: 1, y: { a: 1, b: 2 } }, b: { y: { b: 2, a: 1 }, x: 1 }, want: true },
    { name: 'When only transition times differ, then equal', a: { conditions: [ready('True')] }, b: { conditions: [ready('True', 'PodRunning', 'other')] }, want: true },
    { name: 'When a reason differs, then not equal', a: { conditions: [ready('True')] }, b: { conditions: [ready('True', 'Other')] }, want: false },
    { name: 'When a member is undefined on one side only, then equal', a: { x: 1, y: undefined }, b: { x: 1 }, want: true },
    { name: 'When a value differs, then not equal', a: { x: 1 }, b: { x: 2 }, want: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(statusEqual(c.a, c.b), c.want));
});
