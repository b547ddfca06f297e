import { existsSync, readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileFieldPattern, compileFieldPatternAsync, type FieldPattern, preloadSafeRegexEngine } from './pattern.ts';

interface Row {
  module: string;
  regex: string;
  accepts: string[];
  rejects: string[];
}

function readRows(url: URL): Row[] {
  const [, ...lines] = readFileSync(url, 'utf8').split('\n').filter(Boolean);
  return lines.map((line) => {
    const [module = '', , regex = '', accepts = '', rejects = ''] = line.split('\t');
    return { module, regex, accepts: accepts.split('|'), rejects: rejects.split('|') };
  });
}

const FIXTURE = new URL('./field-regexes.fixture.tsv', import.meta.url);
const SHARED = new URL('../../../../../shared/data/field-regexes.tsv', import.meta.url);

function expectRow(row: Row) {
  const pattern = compileFieldPattern(row.regex);
  expect(pattern, row.regex).not.toBeNull();
  for (const value of row.accepts)
    expect(pattern?.test(value), `${row.regex} accepts ${JSON.stringify(value)}`).toBe(true);
  for (const value of row.rejects)
    expect(pattern?.test(value), `${row.regex} rejects ${JSON.stringify(value)}`).toBe(false);
}

/** Milliseconds one call takes. */
function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
});

// First in the file: nothing has loaded re2js yet.
describe('the lazily loaded engine', () => {
  it('accepts long values of an ambiguous pattern until re2js is loaded, then answers exactly', async () => {
    const pattern = compileFieldPattern('(a+)+$') as FieldPattern;
    expect(pattern).not.toBeNull();
    // Short values are always tested natively, exactly.
    expect(pattern.test('aaa')).toBe(true);
    expect(pattern.test('aa!')).toBe(false);
    // Too long for a backtracking engine, and re2js is not there yet (a dynamic import resolves later): accepted.
    const hostile = `${'a'.repeat(40)}!`;
    expect(time(() => expect(pattern.test(hostile)).toBe(true))).toBeLessThan(10);

    // Compiling started the load; the async variant waits for it.
    expect(await compileFieldPatternAsync('(a+)+$')).toBe(pattern);
    expect(pattern.test(hostile)).toBe(false);
    expect(pattern.test('a'.repeat(41))).toBe(true);
  });

  it('needs no engine for plain patterns, and the async variant resolves them as well', async () => {
    const pattern = await compileFieldPatternAsync('\\d{6}');
    expect(pattern?.test('123456')).toBe(true);
    expect(await compileFieldPatternAsync(null)).toBeNull();
    await expect(preloadSafeRegexEngine()).resolves.toBeUndefined();
  });
});

describe('field-regexes.tsv', () => {
  const rows = readRows(FIXTURE);

  it('has the 14 rows of the shared data set', () => {
    expect(rows).toHaveLength(14);
  });

  it.each(rows.map((row) => [row.module, row] as const))('%s accepts and rejects as listed', (_, row) => {
    expectRow(row);
  });

  it.skipIf(!existsSync(SHARED))('matches the shared data set, row for row', () => {
    const shared = readRows(SHARED);
    expect(shared).toEqual(rows);
    for (const row of shared) expectRow(row);
  });

  it('is tested natively, without re2js, for values of that size', () => {
    // 36 characters is the longest value of `\S{8,36}`; the email alternative is the most ambiguous pattern.
    expect(compileFieldPattern('([0-9]{9}|.+@.+\\..+)')?.test(`${'a'.repeat(20)}@example.fr`)).toBe(true);
    expect(compileFieldPattern('\\S{8,36}')?.test('a'.repeat(37))).toBe(false);
  });
});

describe('translation', () => {
  const cases: [pattern: string, accepts: string[], rejects: string[]][] = [
    // Full match, and Python's `$` before one trailing newline.
    ['\\d{3}', ['123', '123\n'], ['1234', '12', 'a123', '123\n\n']],
    ['abc|def', ['abc', 'def'], ['abcdef', 'abcx', 'xdef']],
    // Inline flags.
    ['(?i)abc', ['abc', 'ABC', 'aBc'], ['abd']],
    ['(?i)[a-z]+é', ['ABCÉ'], ['ABC']],
    ['a.b', ['a-b', 'a\rb', 'a b'], ['a\nb']],
    ['(?s)a.b', ['a\nb', 'a-b'], ['ab']],
    ['(?s:.)x.', ['\nx-'], ['\nx\n']],
    ['(?i:a)b', ['ab', 'Ab'], ['ac']],
    ['(?m)a$\\n^b', ['a\nb'], ['ab']],
    ['a$\\nb', [], ['a\nb']],
    ['(?im)^A$', ['a'], ['b']],
    ['(?-i)a', ['a'], ['b']],
    // Anchors.
    ['\\Aabc\\z', ['abc'], ['abc\n', 'xabc']],
    ['abc\\Z', ['abc', 'abc\n'], ['abc\n\n']],
    ['^abc$', ['abc', 'abc\n'], ['abcd']],
    ['\\bfoo\\b', ['foo'], ['bar']],
    ['a\\Bb', ['ab'], []],
    // Possessive quantifiers and atomic groups: the superset.
    ['a++b', ['ab', 'aaab'], ['b']],
    ['\\d*+x', ['x', '12x'], ['12']],
    ['a?+b', ['b', 'ab'], ['aab']],
    ['a{1,3}+b', ['aaab'], ['aaaab', 'b']],
    ['(?>a+)b', ['aab'], ['b']],
    ['a+?b', ['aab'], ['b']],
    // POSIX classes, Unicode-aware.
    ['[[:digit:]]+', ['0123', '١٢٣'], ['a', '1a']],
    ['[[:alpha:]]+', ['abcé', 'Straße'], ['a1', '_']],
    ['[[:alnum:]]+', ['a1é'], ['a-1']],
    ['[[:space:]]+', [' \t', '\u00a0'], ['a']],
    ['[[:upper:]]+', ['ABÉ'], ['Ab']],
    ['[[:lower:]]+', ['abé'], ['aB']],
    ['[[:punct:]]+', ['!$-.'], ['a']],
    ['[[:xdigit:]]+', ['09afAF'], ['g']],
    ['[[:word:]]+', ['a_1é'], ['a-b']],
    ['[[:digit:]-]+', ['12-34'], ['12 34']],
    // Named groups and backreferences.
    ['(?P<x>a|b)(?P=x)', ['aa', 'bb'], ['ab']],
    ['(?<x>a)\\k<x>', ['aa'], ['ab']],
    ['(a)\\1', ['aa'], ['ab']],
    // Unicode-aware shorthands, as in Python 3.
    ['\\w+', ['abc', 'éàü', 'Straße', '変数', 'a_1'], ['a-b', 'a b', '']],
    ['\\d+', ['123', '١٢٣'], ['a', '']],
    ['\\W', ['-', ' '], []],
    ['\\s\\S', [' a', '\u00a0a', '\ta'], ['ab']],
    ['[\\w.-]+@[\\w-]+\\.\\w+', ['jean.dupont@exemple.fr', 'élodie@société.fr'], ['jean@exemple', '@exemple.fr']],
    // Literal braces, as in Python.
    ['a{', ['a{'], ['a']],
    ['x{}', ['x{}'], ['x']],
    ['a{,2}', ['', 'a', 'aa'], ['aaa']],
    ['a{2,}', ['aa', 'aaaa'], ['a']],
    ['a{,}', ['', 'aaa'], ['b']],
    ['}]', ['}]'], []],
    // Escapes.
    ['\\x41\\u0042\\x{43}\\101\\0', ['ABCA\0'], []],
    ['\\t\\n\\r\\f\\v\\a\\e', ['\t\n\r\f\v\x07\x1b'], []],
    ['\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\\\/\\-', ['.*+?()[]{}|^$\\/-'], []],
    ['\\p{Lu}\\P{Lu}', ['Ab'], ['AB']],
    // Character classes.
    ['[]a]+', [']a'], ['b']],
    ['[^]a]', ['b'], [']', 'a']],
    ['[a-]+', ['-a'], ['b']],
    ['[\\w-.]+', ['a-.'], ['a b']],
    ['[\\d\\s]+', ['1 2'], ['a']],
    ['[\\b]', ['\b'], ['b']],
    ['[\\]\\\\^-]+', [']\\^-'], ['a']],
    ['[а-я]+', ['привет'], ['hello']],
    // Literals beyond the BMP, and anything else as it is.
    ['😀{2}', ['😀😀'], ['😀']],
    ['é+ç', ['ééç'], ['ç']],
    ['a b', ['a b'], ['ab']],
    // Other groups.
    ['a(?#a comment)b', ['ab'], ['a(?#a comment)b']],
    ['(?:ab)+', ['abab'], ['aba']],
    ['(?=.*\\d).{3,}', ['ab1'], ['abc', 'a1']],
    ['.*(?<=x)', ['abx'], ['abc']],
    ['(?!admin$)\\w+', ['user'], ['admin']],
    ['a|', ['a', ''], ['b']],
  ];

  it.each(cases)('%j', (source, accepts, rejects) => {
    const pattern = compileFieldPattern(source);
    expect(pattern, source).not.toBeNull();
    for (const value of accepts) expect(pattern?.test(value), `accepts ${JSON.stringify(value)}`).toBe(true);
    for (const value of rejects) expect(pattern?.test(value), `rejects ${JSON.stringify(value)}`).toBe(false);
    expect(pattern?.source).toBe(source);
  });

  it.each([
    // Invalid.
    '(',
    ')',
    'a)',
    '[',
    '[a',
    '[]',
    '*a',
    'a**',
    'a{2}{3}',
    '+',
    '{2}',
    'a{2,1}',
    '[z-a]',
    '[a-\\d]',
    '\\',
    '(?<n>a)(?<n>b)',
    '\\k<missing>',
    '(?P=missing)',
    '(a)\\2',
    '^*',
    '(?=a)*',
    '\\b+',
    // Unsupported.
    '(?x)a b',
    '(?(1)a|b)',
    '(a)(?(1)b|c)',
    '(?R)',
    '(a)(?1)',
    '(?<n>a)(?&n)',
    '(?P<n>a)(?P>n)',
    '(?|(a)|(b))',
    '(*UTF)a',
    '\\Qa.b\\E',
    '\\G',
    'a\\Kb',
    '\\R',
    '\\X',
    '\\h',
    '(a)\\g1',
    '\\N{EM DASH}',
    '\\q',
    '\\8',
    '[[:^digit:]]',
    '[[:graph:]]',
    '[[:constructor:]]',
    '\\p{Greek}',
    '\ufdd0',
  ])('%j cannot be honoured: null', (source) => {
    expect(compileFieldPattern(source)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('reads null, undefined and the empty string as no pattern, silently', () => {
    expect(compileFieldPattern(null)).toBeNull();
    expect(compileFieldPattern(undefined)).toBeNull();
    expect(compileFieldPattern('')).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses patterns over 1,000 characters, and takes exactly 1,000', () => {
    expect(compileFieldPattern('a'.repeat(1001))).toBeNull();
    expect(compileFieldPattern('a'.repeat(1000))?.test('a'.repeat(1000))).toBe(true);
  });
});

describe('warnings', () => {
  it('warns once per distinct pattern, with at most its first 80 characters', () => {
    const long = `(${'x'.repeat(200)}`;
    compileFieldPattern(long);
    compileFieldPattern(long);
    compileFieldPattern('(?(2)x|y)');
    compileFieldPattern('(?(2)x|y)');
    expect(warn).toHaveBeenCalledTimes(2);
    const message = String(warn.mock.calls[0]?.[0]);
    expect(message).toContain(long.slice(0, 80));
    expect(message).not.toContain(long.slice(0, 81));
    expect(String(warn.mock.calls[1]?.[0])).toContain('(?(2)x|y)');
  });

  it('never logs a tested value', () => {
    const pattern = compileFieldPattern('\\d{6}') as FieldPattern;
    pattern.test('my secret 123');
    pattern.test('123456');
    const lookaround = compileFieldPattern('(?=(a+)+\\d).*') as FieldPattern | null;
    lookaround?.test('my secret 123');
    for (const [message] of warn.mock.calls) expect(String(message)).not.toContain('secret');
  });
});

describe('hostile patterns', () => {
  const hostile = [
    '(a+)+$',
    '(a|aa)*c',
    '(.*a){20}',
    '(a*)*b',
    '(\\w+\\s?)*$',
    '([a-zA-Z]+)*\\d',
    '(a|a?)+$',
    '^(([a-z])+.)+[A-Z]([a-z])+$',
    '.*.*.*.*.*.*.*.*x',
    '(?:a?){30}a{30}',
    '(x+x+)+y',
    '(a+)+\\1',
    '(?=(a+)+$)\\w*',
    '((a{0,1000}){0,1000}){0,1000}',
    'a'.repeat(10_000),
    `(${'a|'.repeat(400)}b)*c`,
    '([',
  ];
  const inputs = (n: number) => [
    'a'.repeat(n),
    `${'a'.repeat(n)}!`,
    `${'ab'.repeat(n / 2)}!`,
    `${'a '.repeat(n / 2)}!`,
    'x'.repeat(n),
  ];

  it.each(hostile.map((p) => [p.slice(0, 40), p]))('%s neither throws nor hangs', async (_, source) => {
    let pattern: FieldPattern | null = null;
    // Before and after re2js is loaded.
    expect(time(() => (pattern = compileFieldPattern(source)))).toBeLessThan(200);
    for (const value of inputs(40)) expect(time(() => pattern?.test(value))).toBeLessThan(50);
    await preloadSafeRegexEngine();
    // The first run of a freshly loaded engine includes its warm-up.
    compileFieldPattern('(b+)+$')?.test(`${'b'.repeat(40)}!`);
    for (const n of [10, 20, 30, 40, 60, 100, 300, 1000, 3000]) {
      for (const value of inputs(n)) {
        expect(time(() => expect(() => pattern?.test(value)).not.toThrow())).toBeLessThan(50);
      }
    }
  });

  it('answers exactly with the engine loaded', async () => {
    await preloadSafeRegexEngine();
    const cases: [string, string, boolean][] = [
      ['(a+)+$', `${'a'.repeat(40)}!`, false],
      ['(a+)+$', 'a'.repeat(40), true],
      ['(a|aa)*c', `${'a'.repeat(40)}c`, true],
      ['(a|aa)*c', `${'a'.repeat(40)}!`, false],
      ['(.*a){20}', 'a'.repeat(40), true],
      ['(.*a){20}', `${'a'.repeat(40)}!`, false],
      ['([0-9]{9}|.+@.+\\..+)', `${'jean.dupont'.repeat(20)}@example.fr`, true],
      ['([0-9]{9}|.+@.+\\..+)', `${'jean.dupont'.repeat(20)}@example`, false],
      ['(?i)(a+)+b', `${'A'.repeat(50)}B`, true],
      ['[[:space:]]+(x+)+', `\u00a0${'x'.repeat(50)}`, true],
    ];
    for (const [source, value, expected] of cases) {
      expect(compileFieldPattern(source)?.test(value), `${source} on ${value.length} characters`).toBe(expected);
    }
  });
});

describe('properties', () => {
  const syntax = fc.constantFrom(
    ...'()[]{}\\|^$.*+?-,:<>=!#P1029adwsbzAZkxupQE'.split(''),
    '(?',
    '[:',
    ':]',
    '\\d',
    '(?P<n>',
    '(?P=n)',
  );

  it('compileFieldPattern never throws, and its test never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: syntax, maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 60 })),
        fc.string({ maxLength: 50 }),
        (source, value) => {
          const pattern = compileFieldPattern(source);
          if (pattern) expect(typeof pattern.test(value)).toBe('boolean');
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('the two dialects', () => {
  // Both patterns are ambiguous enough that values of 3 characters are tested natively, of 60 by re2js.
  const lengths = [1, 58];

  it('break lines at \\n only under (?m), natively and in re2js', async () => {
    await preloadSafeRegexEngine();
    const pattern = compileFieldPattern('(?m)(x+)+$\\n^b') as FieldPattern;
    expect(pattern).not.toBeNull();
    for (const n of lengths) {
      expect(pattern.test(`${'x'.repeat(n)}\nb`), `${n + 2} characters`).toBe(true);
      expect(pattern.test(`${'x'.repeat(n)}\rb`), `${n + 2} characters`).toBe(false);
      expect(pattern.test(`${'x'.repeat(n)}\u2028b`), `${n + 2} characters`).toBe(false);
    }
  });

  it('read \\s as Unicode spaces, natively and in re2js', async () => {
    await preloadSafeRegexEngine();
    const pattern = compileFieldPattern('\\s\\S(x+)+') as FieldPattern;
    expect(pattern).not.toBeNull();
    for (const n of lengths) {
      expect(pattern.test(`\u00a0y${'x'.repeat(n)}`), `${n + 2} characters`).toBe(true);
      expect(pattern.test(`\u2003y${'x'.repeat(n)}`), `${n + 2} characters`).toBe(true);
      expect(pattern.test(`_y${'x'.repeat(n)}`), `${n + 2} characters`).toBe(false);
    }
  });

  it('refuse code points beyond U+10FFFF', () => {
    expect(compileFieldPattern('\\x{110000}')).toBeNull();
    expect(compileFieldPattern('[a-\\x{110000}]')).toBeNull();
    expect(compileFieldPattern('\\x{10FFFF}')?.test('\u{10ffff}')).toBe(true);
  });
});
