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

// Limits.

/** log2 of the backtracking steps native `RegExp` may take on one value: a few milliseconds at worst. */
const STEP_BUDGET_LOG2 = 22;
/** Longer patterns are refused: no real field regex comes near, and compiling stays cheap. */
const MAX_PATTERN_LENGTH = 1000;
/** The longest value a form plausibly sees: a pattern that needs re2js below it loads re2js when compiled. */
const PLAUSIBLE_VALUE_LENGTH = 1000;
/** A pattern RE2 cannot run must be safe natively up to this length, or it is refused. */
const MIN_NATIVE_LENGTH_WITHOUT_RE2 = 256;
/** The first step of the binary search for `max`: it explores lengths up to 2^21 - 1, far beyond any field. */
const FIRST_SEARCH_STEP = 2 ** 20;
/** Compiled patterns kept; the cache is emptied when full, so a page that compiles many cannot grow it forever. */
const CACHE_SIZE = 500;
/** Patterns remembered as warned about; past this many, no more warnings, so the set stays bounded too. */
const MAX_WARNED = 1000;
/** Characters of a pattern quoted in a warning: enough to recognise it, never a whole pasted blob. */
const WARNING_EXCERPT_LENGTH = 80;

// What the translation emits.

/**
 * The three tokens the two engines spell differently; the rest of the translation is the same source for both.
 * JavaScript's `\s` covers Unicode spaces and RE2's does not; JavaScript's `m` flag also breaks lines at `\r`,
 * U+2028 and U+2029, where Python breaks them at `\n` only.
 */
interface Dialect {
  /** `\s`, as class contents. */
  readonly spaces: string;
  /** `^` under `(?m)`: the start, or just after a `\n`. */
  readonly lineStart: string;
  /** `$` under `(?m)`: the end, or just before a `\n`. */
  readonly lineEnd: string;
}

/** Native `RegExp`, with the `u` flag. */
const NATIVE: Dialect = { spaces: '\\s', lineStart: '(?<![^\\n])', lineEnd: '(?![^\\n])' };
/** re2js. */
const RE2: Dialect = { spaces: '\\s\\v\\p{Z}', lineStart: '(?m:^)', lineEnd: '(?m:$)' };

/** `\w` as class contents: Python 3's `\w` is Unicode-aware. */
const WORD = '\\p{L}\\p{M}\\p{N}_';
/** The class escapes but `\s` (the dialect's), as class contents; `\D`, `\W`, `\S` stay ASCII, a superset. */
const CLASS_ESCAPES: Readonly<Record<string, string>> = { d: '\\p{Nd}', w: WORD, D: '\\D', W: '\\W', S: '\\S' };
/** The POSIX classes but `space` (the dialect's `\s`), as class contents, Unicode-aware. */
const POSIX_CLASSES: Readonly<Record<string, string>> = {
  digit: '\\p{Nd}',
  alpha: '\\p{L}\\p{M}',
  alnum: '\\p{L}\\p{M}\\p{N}',
  upper: '\\p{Lu}',
  lower: '\\p{Ll}',
  punct: '\\p{P}\\p{S}',
  xdigit: '0-9A-Fa-f',
  word: WORD,
};
/** The escaped letters that stand for a control character, and its code point. */
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { a: 7, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11 };
/** What `\b` means inside a class: backspace. */
const BACKSPACE = 8;
/** `$` and `\Z`: the end, or before one final newline, as in Python. */
const END_OR_FINAL_NEWLINE = '(?:\\n?$)';
/** The assertions written as an escaped letter; `\b` and `\B` are dropped (a superset). */
const ESCAPED_ASSERTIONS: Readonly<Record<string, string>> = { A: '^', z: '$', Z: END_OR_FINAL_NEWLINE, b: '', B: '' };
/** `.`: any character but `\n`. */
const ANY_BUT_NEWLINE = '[^\\n]';
/** `.` under `(?s)`: any character. */
const ANY = '[\\s\\S]';
/** The lookarounds, after `(?`. */
const LOOKAROUNDS = ['=', '!', '<=', '<!'];
/** The last Unicode code point: `\x{…}` may name a number beyond it. */
const MAX_CODE_POINT = 0x10ffff;
/** The noncharacters U+FDD0-U+FDD2, refused in patterns as documented above: no field regex uses them. */
const REFUSED_NONCHARACTERS = /[\ufdd0-\ufdd2]/;

// What the parser reads, each at one position (sticky).

/** An octal escape in a class: one to three digits. */
const OCTAL_IN_CLASS = /[0-7]{1,3}/y;
/** An octal escape outside a class: `\0…`, or three digits from `\100`, since `\1`-`\99` are backreferences there. */
const OCTAL = /0[0-7]{0,2}|[1-3][0-7]{2}/y;
/** `\x{h…}`, `\xhh` and `\uhhhh`. */
const HEX_ESCAPE = /x\{([\da-f]{1,6})\}|x([\da-f]{2})|u([\da-f]{4})/iy;
/** `\p{…}` and `\P{…}`, passed on as they are: both engines know the usual properties. */
const PROPERTY_ESCAPE = /[pP]\{[\w=]+\}/y;
/** `\k<name>`, or a group number `\1`-`\99` (three digits from `\100` are octal). */
const BACKREFERENCE = /k<([\p{L}\p{N}_]+)>|(?![1-3][0-7]{2})([1-9]\d?)/uy;
/** `[:name:]` in a class; a negated `[:^name:]` is read only to be refused. */
const POSIX_CLASS = /\[:(\^?\w+):\]/y;
/** `*`, `+`, `?`, `{n}`, `{n,}`, `{,m}`, `{n,m}` and `{,}`; `{}` opens no quantifier: two literal braces. */
const QUANTIFIER = /[*+?]|\{(?!\})(\d*)(,?)(\d*)\}/y;
/** The rest of a comment group `(?#…)`. */
const COMMENT = /#[^)]*\)/y;
/** The rest of `(?flags)` or `(?flags:`: flags turned on, flags turned off after a `-`, then `)` or `:`. */
const INLINE_FLAGS = /([aiLmsu]*)(?:-([ims]*))?([:)])/y;
/** The rest of `(?<name>` and `(?P<name>`. */
const GROUP_NAME = /([\p{L}\p{N}_]+)>/uy;
/** The rest of `(?P=name)`. */
const REFERENCED_NAME = /([\p{L}\p{N}_]+)\)/uy;

// Pieces and their cost. A cost is kept as a base-2 logarithm, so that exponential growth stays a small number.

/**
 * A translated piece of a pattern and what it may cost a backtracking engine, for a value of length n. A piece that
 * only ever matches one way has paths 0 (one path) and no lookaround work.
 */
interface Piece {
  /** The piece, translated. */
  readonly source: string;
  /** log2 of an upper bound of the backtracking paths through the piece. */
  readonly paths: number;
  /** log2 of an upper bound of the work of the lookarounds in the piece. */
  readonly lookarounds: number;
  /** Whether a quantifier may follow the piece. */
  readonly quantifiable?: boolean;
}

/** How many times a quantifier repeats its piece, at least and at most. */
interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** log2 of zero: the cost of no work at all. */
const LOG2_ZERO = Number.NEGATIVE_INFINITY;
/** The upper bound of `*`, `+` and `{n,}`. */
const UNBOUNDED = Number.POSITIVE_INFINITY;

/** log2(2^a + 2^b): the sum of two costs. */
function log2Sum(a: number, b: number): number {
  return Math.log2(2 ** a + 2 ** b);
}

/** Refuses the pattern: invalid, or beyond what the translation supports. */
function unsupported(): never {
  throw new SyntaxError();
}

/** A piece that matches in one way only: a literal, a class, an assertion. */
function singlePath(source: string, quantifiable = false): Piece {
  return { source, paths: 0, lookarounds: LOG2_ZERO, quantifiable };
}

/** Nothing: the start of a sequence, and what comments and inline flags translate to. */
const EMPTY = singlePath('');

/** `first` then `second`: their paths multiply, and the lookarounds of `second` run once per path through `first`. */
function followedBy(first: Piece, second: Piece): Piece {
  return {
    source: first.source + second.source,
    paths: first.paths + second.paths,
    lookarounds: log2Sum(first.lookarounds, first.paths + second.lookarounds),
  };
}

/** `first|second`: the paths of the branches add up. */
function either(first: Piece, second: Piece): Piece {
  return {
    source: `${first.source}|${second.source}`,
    paths: log2Sum(first.paths, second.paths),
    lookarounds: log2Sum(first.lookarounds, second.lookarounds),
  };
}

/** `piece` repeated within `bounds`, for values of `valueLength` characters. Lazy stays lazy. */
function repeated(piece: Piece, { min, max }: Bounds, lazy: boolean, valueLength: number): Piece {
  // At most this many iterations: each one past `min` consumes a character.
  const iterations = Math.min(max, min + valueLength + 1);
  return {
    source: `(?:${piece.source}){${min},${max === UNBOUNDED ? '' : max}}${lazy ? '?' : ''}`,
    // The piece's paths once per iteration, times the possible iteration counts.
    paths: iterations * piece.paths + Math.log2(iterations - min + 1),
    lookarounds: piece.lookarounds + (iterations * piece.paths + Math.log2(iterations)),
  };
}

/** A group that opens with `open`, capturing or not: it costs what its body costs. */
function enclosed(open: string, body: Piece): Piece {
  return { ...body, source: `${open}${body.source})`, quantifiable: true };
}

/** A lookaround that opens with `open`. It is atomic: one path through it, and all its work is lookaround work. */
function lookaround(open: string, body: Piece): Piece {
  return { source: `${open}${body.source})`, paths: 0, lookarounds: log2Sum(body.paths, body.lookarounds) };
}

/** The bounds of a quantifier that `QUANTIFIER` matched. */
function bounds([token, low = '', comma, high = '']: RegExpExecArray): Bounds {
  if (token.length === 1) return { min: token === '+' ? 1 : 0, max: token === '?' ? 1 : UNBOUNDED };
  const min = Number(low);
  const max = comma ? (high ? Number(high) : UNBOUNDED) : min;
  return max < min ? unsupported() : { min, max };
}

/** A code point as a literal in both engines, in a class or out: ASCII punctuation and controls as `\xHH`. */
function literal(code: number): string {
  if (code > MAX_CODE_POINT) unsupported();
  const character = String.fromCodePoint(code);
  if (REFUSED_NONCHARACTERS.test(character)) unsupported();
  return code < 128 && !/\w/.test(character) ? `\\x${code.toString(16).padStart(2, '0')}` : character;
}

/**
 * An escaped character, but for octal, hex and property escapes: class contents for `\d`, `\s`…, or a code point.
 * An escaped letter or digit without a meaning here is refused; any other escaped character is itself.
 */
function escapedCharacter(code: number, inClass: boolean, dialect: Dialect): number | string {
  const character = String.fromCodePoint(code);
  if (character === 's') return dialect.spaces;
  if (Object.hasOwn(CLASS_ESCAPES, character)) return CLASS_ESCAPES[character] as string;
  if (Object.hasOwn(CONTROL_ESCAPES, character)) return CONTROL_ESCAPES[character] as number;
  if (inClass && character === 'b') return BACKSPACE;
  return /[\da-z]/i.test(character) ? unsupported() : code;
}

/** A POSIX class by name, as class contents. Negated and unknown classes are refused. */
function posixClass(name: string, dialect: Dialect): string {
  if (name === 'space') return dialect.spaces;
  return Object.hasOwn(POSIX_CLASSES, name) ? (POSIX_CLASSES[name] as string) : unsupported();
}

// The parser.

/** A pattern translated for one engine, and its cost. */
interface Translation {
  /** The pattern in the engine's dialect, matching whole values. */
  source: string;
  /** log2 of the work bound for a value of the length asked for. */
  cost: number;
  /** Whether RE2 can run it: it has no backreference nor lookaround. */
  re2: boolean;
  ignoreCase: boolean;
}

/**
 * Translates a PCRE/Python pattern into `dialect`, its cost computed for values of `valueLength` characters; throws
 * on what it cannot translate. It reads the pattern from left to right, one function per construct.
 */
function translate(pattern: string, valueLength: number, dialect: Dialect): Translation {
  /** Where the parser is in the pattern. */
  let position = 0;
  /** Whether `(?i)` was seen: it makes the whole pattern case-insensitive. */
  let ignoreCase = false;
  /** Whether `(?m)` is on at the position. */
  let multiline = false;
  /** Whether `(?s)` is on at the position. */
  let dotAll = false;
  /** Whether no backreference nor lookaround was seen. */
  let re2 = true;

  /** Moves past `text` if it is next. */
  const eat = (text: string): boolean => {
    const found = pattern.startsWith(text, position);
    if (found) position += text.length;
    return found;
  };

  /** Matches a sticky regex at the position and moves past the match. */
  const read = (regex: RegExp): RegExpExecArray | null => {
    regex.lastIndex = position;
    const match = regex.exec(pattern);
    if (match) position = regex.lastIndex;
    return match;
  };

  /** The next code point; refuses the end of the pattern. */
  const codePoint = (): number => {
    const code = pattern.codePointAt(position) ?? unsupported();
    position += code > 0xffff ? 2 : 1;
    return code;
  };

  /** A quantifier, if one is next. */
  const quantifier = (): Bounds | undefined => {
    const match = read(QUANTIFIER);
    return match ? bounds(match) : undefined;
  };

  /** Branches: `a|b|…`. */
  const alternation = (): Piece => {
    let piece = sequence();
    while (eat('|')) piece = either(piece, sequence());
    return piece;
  };

  /** Quantified pieces one after the other, up to a `|` or a `)`. */
  const sequence = (): Piece => {
    let piece = EMPTY;
    while (position < pattern.length && pattern[position] !== '|' && pattern[position] !== ')') {
      piece = followedBy(piece, quantified(atom()));
    }
    return piece;
  };

  /** `piece`, and the quantifier after it if any. A possessive quantifier loses its `+` (a superset). */
  const quantified = (piece: Piece): Piece => {
    const repeat = quantifier();
    if (!repeat) return piece;
    if (!piece.quantifiable) unsupported();
    const lazy = eat('?');
    if (!lazy) eat('+');
    // A quantifier cannot follow another: `a**`, `a{2}{3}`.
    if (quantifier()) unsupported();
    return repeated(piece, repeat, lazy, valueLength);
  };

  /** One piece: a group, a class, `.`, an assertion, a literal, an escape. */
  const atom = (): Piece => {
    // A quantifier with nothing to repeat.
    if (quantifier()) unsupported();
    if (eat('(')) return group();
    if (eat('[')) return characterClass();
    if (eat('.')) return singlePath(dotAll ? ANY : ANY_BUT_NEWLINE, true);
    if (eat('^')) return singlePath(multiline ? dialect.lineStart : '^');
    if (eat('$')) return singlePath(multiline ? dialect.lineEnd : END_OR_FINAL_NEWLINE);
    return eat('\\') ? escaped() : singlePath(literal(codePoint()), true);
  };

  /** After a `\` outside a class: an assertion, a backreference, or an escape. */
  const escaped = (): Piece => {
    const letter = pattern.charAt(position);
    if (Object.hasOwn(ESCAPED_ASSERTIONS, letter)) {
      position++;
      return singlePath(ESCAPED_ASSERTIONS[letter] as string);
    }
    const [reference, name, number] = read(BACKREFERENCE) ?? [];
    if (reference) {
      re2 = false;
      // In a group of its own, so that a digit after it is not read as part of the number.
      return singlePath(number ? `(?:\\${number})` : `\\k<${name}>`, true);
    }
    const meaning = escapeSequence(false);
    return singlePath(typeof meaning === 'number' ? literal(meaning) : `[${meaning}]`, true);
  };

  /** What follows a `\` that is neither an assertion nor a backreference: a code point, or class contents. */
  const escapeSequence = (inClass: boolean): number | string => {
    const octal = read(inClass ? OCTAL_IN_CLASS : OCTAL);
    if (octal) return Number.parseInt(octal[0], 8);
    const hex = read(HEX_ESCAPE);
    if (hex) return Number.parseInt((hex[1] ?? hex[2] ?? hex[3]) as string, 16);
    const property = read(PROPERTY_ESCAPE);
    if (property) return `\\${property[0]}`;
    return escapedCharacter(codePoint(), inClass, dialect);
  };

  /** `[…]` or `[^…]`, after the `[`. A `]` first in the class is a literal, as in Python. */
  const characterClass = (): Piece => {
    let source = eat('^') ? '[^' : '[';
    do source += classMember();
    while (pattern[position] !== ']');
    position++;
    return singlePath(`${source}]`, true);
  };

  /** One member of a class: class contents, a code point, or a range of code points. */
  const classMember = (): string => {
    const low = classItem();
    if (typeof low === 'string') return low;
    // A `-` last in the class is a literal.
    if (pattern[position] !== '-' || pattern[position + 1] === ']' || position + 1 >= pattern.length) {
      return literal(low);
    }
    position++;
    const high = classItem();
    // Class contents cannot end a range, and a range cannot go backwards.
    if (typeof high === 'string' || high < low) unsupported();
    return `${literal(low)}-${literal(high)}`;
  };

  /** A POSIX class or an escape, as class contents or a code point, or a code point as it is. */
  const classItem = (): number | string => {
    const posix = read(POSIX_CLASS);
    if (posix) return posixClass(posix[1] as string, dialect);
    return eat('\\') ? escapeSequence(true) : codePoint();
  };

  /** A group, after its `(`: a capture, a named capture, a lookaround, inline flags, a comment… */
  const group = (): Piece => {
    // Flags set inside a group, scoped `(?s:…)` included, end with it.
    const outer = { multiline, dotAll };
    const body = (): Piece => {
      const piece = alternation();
      if (!eat(')')) unsupported();
      multiline = outer.multiline;
      dotAll = outer.dotAll;
      return piece;
    };
    if (!eat('?')) return enclosed('(', body());
    // An atomic group `(?>…)` loses its atomicity (a superset).
    if (eat(':') || eat('>')) return enclosed('(?:', body());
    if (read(COMMENT)) return EMPTY;
    for (const kind of LOOKAROUNDS) {
      if (eat(kind)) {
        re2 = false;
        return lookaround(`(?${kind}`, body());
      }
    }
    if (eat('P<') || eat('<')) return enclosed(`(?<${groupName(GROUP_NAME)}>`, body());
    if (eat('P=')) {
      re2 = false;
      return singlePath(`\\k<${groupName(REFERENCED_NAME)}>`, true);
    }
    const [, on = '', off = '', end] = read(INLINE_FLAGS) ?? unsupported();
    setFlags(on, true);
    setFlags(off, false);
    // `(?flags:…)` is a group; bare `(?flags)` lasts until the end of the enclosing group.
    return end === ':' ? enclosed('(?:', body()) : EMPTY;
  };

  /** A group name, read with `regex`, which also reads what closes it. */
  const groupName = (regex: RegExp): string => (read(regex) ?? unsupported())[1] as string;

  /** Turns inline flags on or off; `a`, `u` and `L` change nothing here. */
  const setFlags = (letters: string, on: boolean): void => {
    for (const letter of letters) {
      // `(?i)` anywhere makes the whole pattern case-insensitive (a superset): `-i` does not undo it.
      if (letter === 'i') ignoreCase ||= on;
      if (letter === 'm') multiline = on;
      if (letter === 's') dotAll = on;
    }
  };

  const body = alternation();
  // Only a `)` that closes no group stops the parser before the end.
  if (position < pattern.length) unsupported();
  return {
    source: `^(?:${body.source})\\n?$`,
    // Each path walks the value at most once.
    cost: log2Sum(body.paths, body.lookarounds) + Math.log2(valueLength + 1),
    re2,
    ignoreCase,
  };
}

// Compiling and testing.

let engine: typeof RE2JS | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads re2js, the linear-time engine that tests values too long for native `RegExp` to test safely. Resolves once
 * it is loaded; never rejects (on failure it resolves too, and the next call tries again).
 */
export function preloadSafeRegexEngine(): Promise<void> {
  loading ??= import('re2js').then(
    (module) => {
      engine = module.RE2JS;
    },
    () => {
      loading = undefined;
    },
  );
  return loading;
}

/** A compiled pattern, and whether values of plausible length need re2js. */
interface Compiled {
  readonly pattern: FieldPattern | null;
  readonly needsEngine?: boolean;
}

const cache = new Map<string, Compiled>();
const warned = new Set<string>();

/** The longest value native `RegExp` may test within the budget (-1 for none): the cost grows with the length. */
function longestNativeValue(source: string): number {
  let longest = -1;
  for (let step = FIRST_SEARCH_STEP; step >= 1; step /= 2) {
    if (translate(source, longest + step, NATIVE).cost <= STEP_BUDGET_LOG2) longest += step;
  }
  return longest;
}

function build(source: string): Compiled {
  let reason = 'too long';
  if (source.length <= MAX_PATTERN_LENGTH) {
    reason = 'invalid or unsupported';
    try {
      const { source: translated, re2, ignoreCase } = translate(source, 0, NATIVE);
      const native = new RegExp(translated, ignoreCase ? 'iu' : 'u');
      const max = longestNativeValue(source);
      const needsEngine = re2 && max < PLAUSIBLE_VALUE_LENGTH;
      if (re2 || max >= MIN_NATIVE_LENGTH_WITHOUT_RE2) {
        /** re2js's program for long values, compiled on first use; `null` if re2js refuses the pattern. */
        let program: RE2JS | null | undefined;
        const test = (value: string): boolean => {
          try {
            if (value.length <= max) return native.test(value);
            if (engine && re2) {
              if (program === undefined) {
                try {
                  program = engine.compile(`${ignoreCase ? '(?i)' : ''}${translate(source, 0, RE2).source}`);
                } catch {
                  // re2js refuses some patterns (a count over 1,000): their long values stay accepted.
                  program = null;
                }
              }
              return program?.test(value) ?? true;
            }
            // Accepted until re2js is there; a load that failed is tried again.
            if (needsEngine) void preloadSafeRegexEngine();
          } catch {
            // `test` never throws: should an engine fail on a value, the value is accepted (the server checks it).
          }
          return true;
        };
        if (needsEngine) void preloadSafeRegexEngine();
        return { pattern: { source, test }, needsEngine };
      }
      reason = 'unsafe';
    } catch {
      // Whatever the failure, the parser refusing a construct or `RegExp` the translation (a duplicate group
      // name…), the pattern cannot be honoured; compiling never throws.
    }
  }
  if (!warned.has(source) && warned.size < MAX_WARNED) {
    warned.add(source);
    console.warn(`connector-kit: field regex not checked (${reason}): ${source.slice(0, WARNING_EXCERPT_LENGTH)}`);
  }
  return { pattern: null };
}

function compile(source: string | null | undefined): Compiled {
  if (typeof source !== 'string' || !source) return { pattern: null };
  let compiled = cache.get(source);
  if (!compiled) {
    if (cache.size >= CACHE_SIZE) cache.clear();
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
  return compile(pattern).pattern;
}

/**
 * Like `compileFieldPattern`, but resolves once re2js is loaded when the pattern needs it, so that `test` gives exact
 * answers for every value from then on (unless the engine failed to load). Never rejects.
 */
export async function compileFieldPatternAsync(pattern: string | null | undefined): Promise<FieldPattern | null> {
  const { pattern: compiled, needsEngine } = compile(pattern);
  if (needsEngine) await preloadSafeRegexEngine();
  return compiled;
}
