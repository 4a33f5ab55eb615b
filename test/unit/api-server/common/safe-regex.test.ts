import assert from 'node:assert/strict';
import { compileSafe, patternMatcher, safeTest, type StepMeter } from '../../../../api-server/src/common/safe-regex.js';

describe('patternMatcher (Nova name filters without ReDoS)', () => {
  const cases: { reason: string; pattern: string; text: string; want: boolean }[] = [
    { reason: 'Tempest regex with class and +', pattern: '^.*\\-instance\\-[0-9]+$', text: 'ListServers-instance-123', want: true },
    { reason: 'Tempest regex with trailing .*', pattern: '^.*\\-instance\\-.*$', text: 'tempest-instance-abc', want: true },
    { reason: 'a plain substring', pattern: '-instance', text: 'x-instance-1', want: true },
    { reason: 'anchored class, inside', pattern: '^p[12]$', text: 'p1', want: true },
    { reason: 'anchored class, outside', pattern: '^p[12]$', text: 'p3', want: false },
    { reason: 'anchored end refuses a longer name', pattern: '^vm$', text: 'vm1', want: false },
    { reason: 'dot needs one character', pattern: 'a.c', text: 'ac', want: false },
    { reason: 'optional atom present', pattern: 'colou?r', text: 'colour', want: true },
    { reason: 'optional atom absent', pattern: 'colou?r', text: 'color', want: true },
    { reason: 'negated class', pattern: '^[^0-9]+$', text: 'abc', want: true },
    { reason: 'groups fall back to a literal substring', pattern: '^(a+)+$', text: 'aaaa', want: false },
    { reason: 'the literal fallback still finds the text', pattern: '(a+)+', text: 'x(a+)+y', want: true },
  ];
  for (const c of cases) {
    it(`When the pattern is ${c.reason}, then it ${c.want ? 'matches' : 'does not match'}`, () => {
      assert.equal(patternMatcher(c.pattern)(c.text), c.want);
    });
  }

  it('When a pattern would backtrack exponentially elsewhere, then it still finishes on a 255-character name', () => {
    const match = patternMatcher(`^${'a*'.repeat(100)}b$`);
    // Bounded by input x pattern size: no timing assertion, the call simply has to return.
    assert.equal(match('a'.repeat(255)), false);
    assert.equal(match(`${'a'.repeat(254)}b`), true);
  });

  /** States visited matching `text` against `pattern`, counted by the matcher itself. */
  function steps(pattern: string, text: string): number {
    const compiled = compileSafe(pattern);
    assert.ok(compiled, `${pattern.slice(0, 20)}... is in the safe subset`);
    const meter: StepMeter = { steps: 0 };
    safeTest(compiled, text, meter);
    return meter.steps;
  }

  it('When a pattern is hundreds of optional pieces (the ".*" x N attack), then the visited states stay within text x pattern', () => {
    // Every '.*' is skippable, so a closure that re-walks the skips from each state costs pattern²
    // per character; each state must be visited at most a constant number of times instead.
    // The trailing 'b' never matches, so every character of the name is tried.
    const pieces = 300;
    const text = 'a'.repeat(255);
    const visited = steps(`${'.*'.repeat(pieces)}b`, text);
    // A handful of visits per state per character; the quadratic closure needed ~50 times this.
    const bound = 6 * (text.length + 1) * (pieces + 2);
    assert.ok(visited <= bound, `${visited} states visited, more than ${bound}`);
  });

  it('When the pattern doubles in length, then the work at most doubles (linear, not quadratic)', () => {
    const text = `${'ab'.repeat(100)}c`;
    const small = steps(`${'a?b?'.repeat(100)}z`, text);
    const large = steps(`${'a?b?'.repeat(200)}z`, text);
    assert.ok(large <= 2.2 * small, `work grew from ${small} to ${large} states`);
  });
});
