/**
 * Field regexes from the connectors API, made safe to run in the browser.
 *
 * What a server pattern means. Powens connectors descend from woob, where a field regex is PCRE/Python flavoured and
 * always matched against the WHOLE value (`^` and `$` are added when missing). A pattern is untrusted input: it may be
 * invalid, or catastrophically slow under a backtracking engine. The server validates every value again, so when the
 * browser cannot be exact it errs toward ACCEPTING: a value wrongly accepted here is rejected by the server, a value
 * wrongly rejected here is a user locked out.
 *
 * Translation: one small parser emits one source that runs both on native `RegExp` (with the `u` flag) and on RE2.
 * - Full match: `^(?:pattern)\n?$` (Python's `$` also matches before one trailing newline).
 * - `(?i)` anywhere (also scoped or negated) makes the whole pattern case-insensitive, a superset. `(?s)` and `(?m)`
 *   apply from where they stand to the end of their group, and scoped `(?s:…)`, `(?m:…)` to their group, as in PCRE.
 *   `(?a)`, `(?u)`, `(?L)` are ignored. `(?x)` is not supported.
 * - `\A` is the start; `\z` the end; `\Z` and `$` the end or before a final newline; under `(?m)`, `^` and `$` also
 *   match at line breaks.
 * - `\d` is `\p{Nd}` and `\w` is `[\p{L}\p{M}\p{N}_]` (Python 3 is Unicode-aware); `\D`, `\W`, `\S` keep their ASCII
 *   meaning, a superset of Python's; `\s` covers Unicode spaces; `.` is any character but `\n`; `\b` and `\B` are
 *   dropped (a superset).
 * - POSIX classes `[[:digit:]]`, `[[:alpha:]]`, `[[:alnum:]]`, `[[:space:]]`, `[[:upper:]]`, `[[:lower:]]`,
 *   `[[:punct:]]` (punctuation and symbols), `[[:xdigit:]]`, `[[:word:]]`, Unicode-aware.
 * - Possessive quantifiers `a++ a*+ a?+ {n,m}+` and atomic groups `(?>…)` lose their possessiveness (a superset).
 *   `{,n}` is `{0,n}`; a `{` that opens no quantifier is a literal, as in Python.
 * - `(?P<name>…)` is `(?<name>…)`, `(?P=name)` is `\k<name>`; `\1`-`\99`, `\0`, `\ooo`, `\xhh`, `\x{h…}`, `\uhhhh`,
 *   `\p{…}` (as JavaScript knows it) and the usual character escapes are understood.
 * - Anything else returns `null`: invalid syntax, conditionals `(?(1)…)`, recursion and subroutines `(?R)`, `(?1)`,
 *   `(?&name)`, `(?P>name)`, branch reset `(?|…)`, verbs `(*…)`, `(?x)`, `\Q…\E`, `\G`, `\K`, `\R`, `\X`, `\h`,
 *   `\g…`, `\N{…}`, any other escaped letter or digit, negated POSIX classes, the noncharacters U+FDD0-U+FDD2, and
 *   patterns over 1,000 characters.
 * Known imprecision: inside a negative lookaround the supersets above become subsets.
 *
 * Never freezing the page. For a value of length n the parser also bounds the number of paths a backtracking engine
 * may explore: each variable quantifier multiplies it by its possible iteration counts, each alternation by its
 * branches, a repeated group by its body's paths once per iteration (so `(a+)+` and `(.*a){20}` grow exponentially
 * with n, `.*.*.*` polynomially), and lookarounds, being atomic, add to it. Hence `max`: the longest value native
 * `RegExp` may test within a budget of about 2^22 steps (a few milliseconds at worst).
 * - A value no longer than `max` is tested by native `RegExp`: synchronous and exact.
 * - A longer value is tested by re2js, a linear-time RE2 port, once it is loaded. It is about 50 kB, so it is never in
 *   the main bundle: `import('re2js')` loads it on demand.
 * - Before re2js is loaded, such a value is ACCEPTED (the server validates again). A pattern whose `max` is under
 *   1,000 starts the load when it is compiled (and again when a test needs it, should a load have failed), so the
 *   engine is usually there before a user has typed a value long enough to need it. `compileFieldPatternAsync`
 *   resolves once the engine is there, for a form that wants exact answers from its first keystroke;
 *   `preloadSafeRegexEngine` loads it.
 * - If re2js fails to load, or refuses a pattern (e.g. a count over 1,000), long values stay accepted.
 * - RE2 has no backreferences nor lookarounds. A pattern that uses them and whose `max` is under 256 cannot be
 *   honoured: it compiles to `null`. Otherwise its values longer than `max` are accepted.
 * `test` never throws: an engine error accepts the value.
 *
 * `null` is returned, with one `console.warn` per distinct pattern (its first 80 characters, never a tested value),
 * for every pattern that cannot be honoured. `null`, `undefined` and `''` mean "no pattern": `null`, silently.
 * Compiled patterns are cached by source.
 */
import type { RE2JS } from 're2js';

/** A compiled field pattern: `test` is synchronous, bounded in time, and never throws. */
export interface FieldPattern {
  /** The pattern as the server sent it. */
  readonly source: string;
  /** Whether the whole value matches the pattern. */
  test(value: string): boolean;
}

/** log2 of the backtracking budget allowed to native `RegExp`. */
const BUDGET = 22;
const INF = Number.POSITIVE_INFINITY;
const NONE = -INF;
/** log2(2^a + 2^b). */
const lse = (a: number, b: number) => Math.log2(2 ** a + 2 ** b);

/**
 * A parsed piece: its source; log2 of an upper bound of the backtracking paths through it and of the extra work of
 * its lookarounds, for a value of length n; whether a quantifier may follow it.
 */
type Piece = [source: string, paths: number, extra: number, quantifiable?: boolean];

/**
 * The translation is one source for both engines, but for three tokens (noncharacters, refused in patterns): the
 * `\s` class contents, and `^` and `$` under `(?m)`. Native `\s` already covers Unicode spaces; RE2's does not.
 */
const NATIVE = ['\\s', '(?<![^\\n])', '(?![^\\n])'];
const RE2 = ['\\s\\v\\p{Z}', '(?m:^)', '(?m:$)'];
const dialect = (source: string, forms: string[]) =>
  source.replace(/[\ufdd0-\ufdd2]/g, (t) => forms[t.charCodeAt(0) - 0xfdd0] as string);

const WORD = '\\p{L}\\p{M}\\p{N}_';
/** Class escapes, as class contents. */
const SETS: Record<string, string> = { d: '\\p{Nd}', w: WORD, s: '\ufdd0', D: '\\D', W: '\\W', S: '\\S' };
const POSIX: Record<string, string> = {
  digit: '\\p{Nd}',
  alpha: '\\p{L}\\p{M}',
  alnum: '\\p{L}\\p{M}\\p{N}',
  space: '\ufdd0',
  upper: '\\p{Lu}',
  lower: '\\p{Ll}',
  punct: '\\p{P}\\p{S}',
  xdigit: '0-9A-Fa-f',
  word: WORD,
};
const CHARS: Record<string, number> = { a: 7, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11 };

interface Translation {
  source: string;
  /** log2 of the work bound for a value of length n. */
  cost: number;
  re2: boolean;
  ignoreCase: boolean;
}

/** Translates a PCRE/Python pattern, its cost computed for values of length n; throws on what it cannot translate. */
function translate(s: string, n: number): Translation {
  let i = 0;
  let re2 = true;
  let ignoreCase = false;
  let multiline = false;
  let dotAll = false;

  const fail = (): never => {
    throw new SyntaxError();
  };
  const eat = (t: string) => {
    const found = s.startsWith(t, i);
    if (found) i += t.length;
    return found;
  };
  /** Matches a sticky regex at `i` and moves past the match. */
  const read = (re: RegExp) => {
    re.lastIndex = i;
    const m = re.exec(s);
    if (m) i = re.lastIndex;
    return m;
  };
  /** A code point as a literal in both engines: ASCII punctuation and controls as `\xHH`. */
  const lit = (cp: number) => {
    const c = String.fromCodePoint(cp);
    if (cp >= 0xfdd0 && cp <= 0xfdd2) fail();
    return cp < 128 && !/\w/.test(c) ? `\\x${cp.toString(16).padStart(2, '0')}` : c;
  };
  const codePoint = () => {
    const cp = s.codePointAt(i) ?? fail();
    i += cp > 0xffff ? 2 : 1;
    return cp;
  };
  const name = (end: string) => (read(new RegExp(`([\\p{L}\\p{N}_]+)${end}`, 'uy')) ?? fail())[1] as string;

  /** What follows a `\` that is neither an assertion nor a group reference: a code point, or class contents. */
  const escaped = (inClass: boolean): number | string => {
    const oct = read(inClass ? /[0-7]{1,3}/y : /0[0-7]{0,2}|[1-3][0-7]{2}/y);
    if (oct) return Number.parseInt(oct[0], 8);
    const hex = read(/x\{([\da-f]{1,6})\}|x([\da-f]{2})|u([\da-f]{4})/iy);
    if (hex) return Number.parseInt((hex[1] ?? hex[2] ?? hex[3]) as string, 16);
    const prop = read(/[pP]\{[\w=]+\}/y);
    if (prop) return `\\${prop[0]}`;
    const c = String.fromCodePoint(codePoint());
    if (Object.hasOwn(SETS, c)) return SETS[c] as string;
    if (Object.hasOwn(CHARS, c)) return CHARS[c] as number;
    if (inClass && c === 'b') return 8;
    return /[\da-z]/i.test(c) ? fail() : (c.codePointAt(0) as number);
  };

  const charClass = (): Piece => {
    let out = eat('^') ? '[^' : '[';
    const item = (): number | string => {
      const posix = read(/\[:(\^?\w+):\]/y);
      if (posix) return Object.hasOwn(POSIX, posix[1] as string) ? (POSIX[posix[1] as string] as string) : fail();
      return eat('\\') ? escaped(true) : codePoint();
    };
    for (let first = true; first || s[i] !== ']'; first = false) {
      const a = item();
      if (typeof a === 'string') {
        out += a;
        continue;
      }
      out += lit(a);
      if (s[i] === '-' && s[i + 1] !== ']' && i + 1 < s.length) {
        i++;
        const b = item();
        if (typeof b === 'string' || b < a) fail();
        out += `-${lit(b as number)}`;
      }
    }
    i++;
    return [`${out}]`, 0, NONE, true];
  };

  /** A quantifier at `i`, if any, as [min, max]. A `{` that opens no quantifier is left alone, a literal. */
  const quantifier = (): [number, number] | undefined => {
    const m = read(/[*+?]|\{(\d*)(,?)(\d*)\}/y);
    if (!m) return undefined;
    const q = m[0];
    if (q.length < 2) return [q === '+' ? 1 : 0, q === '?' ? 1 : INF];
    if (q.length < 3) {
      i -= 2;
      return undefined;
    }
    const min = Number(m[1]);
    const max = m[2] ? (m[3] ? Number(m[3]) : INF) : min;
    return max < min ? fail() : [min, max];
  };

  const group = (): Piece => {
    const saved = [multiline, dotAll] as const;
    const inner = (open: string, look?: boolean): Piece => {
      const [body, paths, extra] = alternation();
      if (!eat(')')) fail();
      [multiline, dotAll] = saved;
      if (look) re2 = false;
      return look ? [`${open}${body})`, 0, lse(paths, extra)] : [`${open}${body})`, paths, extra, true];
    };
    if (!eat('?')) return inner('(');
    if (eat(':') || eat('>')) return inner('(?:');
    if (read(/#[^)]*\)/y)) return ['', 0, NONE];
    for (const kind of ['=', '!', '<=', '<!']) if (eat(kind)) return inner(`(?${kind}`, true);
    if (eat('P<') || eat('<')) return inner(`(?<${name('>')}>`);
    if (eat('P=')) {
      re2 = false;
      return [`\\k<${name('\\)')}>`, 0, NONE, true];
    }
    const flags = read(/([aiLmsu]*)(?:-([ims]*))?([:)])/y) ?? fail();
    for (const [letters, on] of [
      [flags[1], true],
      [flags[2], false],
    ] as const) {
      for (const f of letters ?? '') {
        if (f === 'i') ignoreCase ||= on;
        if (f === 'm') multiline = on;
        if (f === 's') dotAll = on;
      }
    }
    // `(?flags:…)` is a group; bare `(?flags)` lasts until the end of the enclosing group.
    return flags[3] === ':' ? inner('(?:') : ['', 0, NONE];
  };

  const atom = (): Piece => {
    if (quantifier()) fail();
    if (eat('(')) return group();
    if (eat('[')) return charClass();
    if (eat('.')) return [dotAll ? '[\\s\\S]' : '[^\\n]', 0, NONE, true];
    // Assertions: `\b` and `\B` are dropped; `$` and `\Z` allow one final newline.
    const end = '(?:\\n?$)';
    for (const [token, assertion] of [
      ['^', multiline ? '\ufdd1' : '^'],
      ['$', multiline ? '\ufdd2' : end],
      ['\\Z', end],
      ['\\A', '^'],
      ['\\z', '$'],
      ['\\b', ''],
      ['\\B', ''],
    ] as const) {
      if (eat(token)) return [assertion, 0, NONE];
    }
    if (!eat('\\')) return [lit(codePoint()), 0, NONE, true];
    const ref = read(/k<([\p{L}\p{N}_]+)>|(?![1-3][0-7]{2})([1-9]\d?)/uy);
    if (ref) {
      re2 = false;
      return [ref[2] ? `(?:\\${ref[2]})` : `\\k<${ref[1]}>`, 0, NONE, true];
    }
    const x = escaped(false);
    return [typeof x === 'number' ? lit(x) : `[${x}]`, 0, NONE, true];
  };

  const sequence = (): Piece => {
    let out = '';
    let paths = 0;
    let extra = NONE;
    while (i < s.length && s[i] !== '|' && s[i] !== ')') {
      let [a, p, e, quantifiable] = atom();
      const q = quantifier();
      if (q) {
        if (!quantifiable) fail();
        const [min, max] = q;
        // Lazy stays lazy; possessive loses its `+`.
        let suffix = '';
        if (eat('?')) suffix = '?';
        else eat('+');
        if (quantifier()) fail();
        // At most this many iterations: each one past `min` consumes a character.
        const k = Math.min(max, min + n + 1);
        e += k * p + Math.log2(k);
        p = k * p + Math.log2(k - min + 1);
        a = `(?:${a}){${min},${max === INF ? '' : max}}${suffix}`;
      }
      out += a;
      extra = lse(extra, paths + e);
      paths += p;
    }
    return [out, paths, extra];
  };

  const alternation = (): Piece => {
    let [out, paths, extra] = sequence();
    while (eat('|')) {
      const [a, p, e] = sequence();
      out += `|${a}`;
      paths = lse(paths, p);
      extra = lse(extra, e);
    }
    return [out, paths, extra];
  };

  const [body, paths, extra] = alternation();
  if (i < s.length) fail();
  return { source: `^(?:${body})\\n?$`, cost: lse(paths, extra) + Math.log2(n + 1), re2, ignoreCase };
}

let engine: typeof RE2JS | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads re2js, the linear-time engine that tests values too long for native `RegExp` to test safely. Resolves once
 * it is loaded; never rejects (on failure it resolves too, and the next call tries again).
 */
export function preloadSafeRegexEngine(): Promise<void> {
  loading ??= import('re2js').then(
    (m) => {
      engine = m.RE2JS;
    },
    () => {
      loading = undefined;
    },
  );
  return loading;
}

/** A compiled pattern, and whether plausible values (up to 1,000 characters) need re2js. */
type Compiled = [pattern: FieldPattern | null, lazy?: boolean];

const cache = new Map<string, Compiled>();
const warned = new Set<string>();

function build(source: string): Compiled {
  let reason = 'too long';
  if (source.length <= 1000) {
    try {
      const t = translate(source, 0);
      const native = new RegExp(dialect(t.source, NATIVE), t.ignoreCase ? 'iu' : 'u');
      // The longest value native RegExp may test within the budget.
      let max = -1;
      for (let step = 2 ** 20; step >= 1; step /= 2) if (translate(source, max + step).cost <= BUDGET) max += step;
      const lazy = t.re2 && max < 1000;
      if (t.re2 || max >= 256) {
        let re2: RE2JS | null | undefined;
        const test = (value: string) => {
          try {
            if (value.length <= max) return native.test(value);
            if (engine && t.re2) {
              if (re2 === undefined) {
                try {
                  re2 = engine.compile(`${t.ignoreCase ? '(?i)' : ''}${dialect(t.source, RE2)}`);
                } catch {
                  re2 = null;
                }
              }
              return re2?.test(value) ?? true;
            }
            if (lazy) void preloadSafeRegexEngine();
          } catch {}
          return true;
        };
        if (lazy) void preloadSafeRegexEngine();
        return [{ source, test }, lazy];
      }
      reason = 'unsafe';
    } catch {
      reason = 'invalid or unsupported';
    }
  }
  if (!warned.has(source) && warned.size < 1000) {
    warned.add(source);
    console.warn(`connector-kit: field regex not checked (${reason}): ${source.slice(0, 80)}`);
  }
  return [null];
}

function compile(source: string | null | undefined): Compiled {
  if (typeof source !== 'string' || !source) return [null];
  let compiled = cache.get(source);
  if (!compiled) {
    if (cache.size >= 500) cache.clear();
    compiled = build(source);
    cache.set(source, compiled);
  }
  return compiled;
}

/**
 * Compiles a field regex from the API. Returns `null` when there is no pattern, or when it cannot be honoured safely
 * (and then warns once). Never throws. See the top of this file for how values are tested.
 */
export function compileFieldPattern(pattern: string | null | undefined): FieldPattern | null {
  return compile(pattern)[0];
}

/**
 * Like `compileFieldPattern`, but resolves once re2js is loaded when the pattern needs it, so that `test` gives exact
 * answers for every value from then on (unless the engine failed to load). Never rejects.
 */
export async function compileFieldPatternAsync(pattern: string | null | undefined): Promise<FieldPattern | null> {
  const [compiled, lazy] = compile(pattern);
  if (lazy) await preloadSafeRegexEngine();
  return compiled;
}
