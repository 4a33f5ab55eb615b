// Nova filters server names with a regular expression. Running a client's pattern through a
// backtracking engine would let one request stall the event loop (ReDoS), so patterns are matched
// by a linear-time NFA simulation over a subset: literals, escapes (\d \w \s and escaped
// punctuation), '.', classes [a-z0-9_-] (and [^...]), the quantifiers * + ? on one atom, and the
// anchors ^ $. Patterns outside the subset (groups, alternation, {n}) match as literal substrings.
//
// The simulation costs O(text x pattern) per match: every state is visited at most once per input
// character, including while following the skips of optional pieces (the epsilon-closure). The
// API also caps a pattern at MAX_PATTERN_LENGTH (the query schemas), since even a linear matcher
// run over every server in a large cloud multiplies with the pattern's length.

/** Longest pattern a query may carry; server names themselves are at most 255 characters. */
export const MAX_PATTERN_LENGTH = 255;

/** Counts the states a match visits, so tests can prove the bound without timing anything. */
export interface StepMeter {
  steps: number;
}

type Atom = (ch: string) => boolean;

interface Piece {
  atom: Atom;
  min: 0 | 1;
  repeat: boolean;
}

interface Compiled {
  pieces: Piece[];
  anchoredStart: boolean;
  anchoredEnd: boolean;
}

const ESCAPES: Record<string, Atom> = {
  d: (c) => c >= '0' && c <= '9',
  w: (c) => /^[A-Za-z0-9_]$/.test(c),
  s: (c) => /^\s$/.test(c),
};

function parseClass(src: string, i: number): { atom: Atom; next: number } | undefined {
  const end = src.indexOf(']', i + 2);
  if (end < 0) return undefined;
  let body = src.slice(i + 1, end);
  const negate = body.startsWith('^');
  if (negate) body = body.slice(1);
  const tests: Atom[] = [];
  for (let j = 0; j < body.length; j++) {
    const unescaped = body[j] === '\\' && j + 1 < body.length ? body[++j] : body[j];
    if (body[j + 1] === '-' && j + 2 < body.length) {
      const hi = body[j + 2];
      tests.push((c) => c >= unescaped && c <= hi);
      j += 2;
    } else tests.push((c) => c === unescaped);
  }
  return { atom: (c) => tests.some((t) => t(c)) !== negate, next: end + 1 };
}

function parseAtom(src: string, i: number): { atom: Atom; next: number } | undefined {
  const ch = src[i];
  if (ch === '.') return { atom: () => true, next: i + 1 };
  if (ch === '[') return parseClass(src, i);
  if (ch === '\\' && i + 1 < src.length) {
    const e = src[i + 1];
    if (/[A-Za-z0-9]/.test(e) && !ESCAPES[e]) return undefined;
    return { atom: ESCAPES[e] ?? ((c) => c === e), next: i + 2 };
  }
  if ('()|{}'.includes(ch) || '*+?'.includes(ch)) return undefined;
  return { atom: (c) => c === ch, next: i + 1 };
}

const QUANTIFIERS: Record<string, Pick<Piece, 'min' | 'repeat'>> = {
  '*': { min: 0, repeat: true },
  '+': { min: 1, repeat: true },
  '?': { min: 0, repeat: false },
};

export function compileSafe(src: string): Compiled | undefined {
  const anchoredStart = src.startsWith('^');
  const anchoredEnd = src.endsWith('$') && !src.endsWith('\\$');
  const body = src.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined);
  const pieces: Piece[] = [];
  for (let i = 0; i < body.length; ) {
    const parsed = parseAtom(body, i);
    if (!parsed) return undefined;
    const quant = QUANTIFIERS[body[parsed.next]];
    pieces.push({ atom: parsed.atom, ...(quant ?? { min: 1, repeat: false }) });
    i = parsed.next + (quant ? 1 : 0);
  }
  return { pieces, anchoredStart, anchoredEnd };
}

/**
 * States reachable without consuming input: optional pieces may be skipped. A walk stops at a
 * state already reached, whose own skips were followed then, so each state is visited once.
 */
function closure(states: Iterable<number>, pieces: Piece[], meter?: StepMeter): Set<number> {
  const out = new Set<number>();
  for (const start of states) {
    if (meter) meter.steps++;
    for (let s = start; !out.has(s); s++) {
      out.add(s);
      if (meter) meter.steps++;
      if (s >= pieces.length || pieces[s].min !== 0) break;
    }
  }
  return out;
}

function step(states: Set<number>, pieces: Piece[], ch: string, meter?: StepMeter): number[] {
  const next: number[] = [];
  for (const s of states) {
    if (meter) meter.steps++;
    if (s >= pieces.length || !pieces[s].atom(ch)) continue;
    next.push(s + 1);
    if (pieces[s].repeat) next.push(s);
  }
  return next;
}

/** Linear in text length times pattern length, whatever the pattern. */
export function safeTest(re: Compiled, text: string, meter?: StepMeter): boolean {
  const { pieces } = re;
  let states = closure([0], pieces, meter);
  for (let i = 0; i <= text.length; i++) {
    if (states.has(pieces.length) && (!re.anchoredEnd || i === text.length)) return true;
    if (i === text.length) break;
    const next = step(states, pieces, text[i], meter);
    // Unanchored: a match may also start at the next character.
    if (!re.anchoredStart) next.push(0);
    states = closure(next, pieces, meter);
    if (states.size === 0) return false;
  }
  return false;
}

/** A matcher for a client-supplied pattern: the safe subset, else a literal substring. */
export function patternMatcher(pattern: string): (text: string) => boolean {
  const compiled = compileSafe(pattern);
  return compiled ? (t) => safeTest(compiled, t) : (t) => t.includes(pattern);
}
