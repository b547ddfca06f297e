/**
 * Text folding for connector search: case-, accent- and punctuation-blind, close to what `Intl.Collator` with
 * `sensitivity: 'base'` considers equal.
 *
 * - Each code point is decomposed with NFKD (so compatibility forms fold too: `ﬁ` → `fi`, full-width `Ａ` → `a`,
 *   `²` → `2`), lower-cased, and stripped of combining marks and default-ignorable characters (soft hyphen,
 *   zero-width joiners, variation selectors...).
 * - A small table covers the letters that Unicode does not decompose: `ß` → `ss`, `œ` → `oe`, `æ` → `ae`, `ø` → `o`,
 *   `ł` → `l`, `đ`/`ð` → `d`, `ı` → `i`, ...
 * - Everything that is not a letter or a digit (spaces, apostrophes, hyphens, dots, symbols, control characters, lone
 *   surrogates) is a word break. Runs of breaks become one space; the result has no leading or trailing space.
 *
 * Folding works code point by code point, so every folded character comes from exactly one code point of the
 * original text. That is what lets the search map a match in folded text back to the original string.
 */

/** Letters that NFKD leaves whole, and their base-letter spelling. Keys are lower case. */
const LETTER_TABLE: Readonly<Record<string, string>> = {
  ß: 'ss',
  œ: 'oe',
  æ: 'ae',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  ȷ: 'j',
  ħ: 'h',
  ŧ: 't',
  ς: 'σ',
};

const SPACE = 32;
const REMOVED = /^[\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}]$/u;
const WORD_CHARACTER = /^[\p{L}\p{N}\p{Mc}]$/u;

/** Folded form of each ASCII character, as a char code; a space marks a word break. */
const ASCII_CODES = Uint8Array.from({ length: 128 }, (_, code) => {
  if (code >= 65 && code <= 90) return code + 32;
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return code;
  return SPACE;
});

/** Folds of the code points from U+0080 to U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic...), filled on first use. */
const smallFolds: (string | undefined)[] = new Array<string | undefined>(0x800).fill(undefined);
/** Folds of the other code points met so far, up to a bound. */
const largeFolds = new Map<number, string>();
const LARGE_FOLDS_LIMIT = 10_000;

/**
 * Folded form of one code point: `''` when it disappears (a combining mark), `' '` when it is a word break, else one
 * or more word characters (possibly with inner breaks, as in `½` → `1 2`). The result folds to itself.
 */
function foldCodePoint(codePoint: number): string {
  if (codePoint < 0x800) {
    const known = smallFolds[codePoint];
    if (known !== undefined) return known;
    const folded = computeFold(String.fromCharCode(codePoint), 0);
    smallFolds[codePoint] = folded;
    return folded;
  }
  const known = largeFolds.get(codePoint);
  if (known !== undefined) return known;
  const folded = computeFold(String.fromCodePoint(codePoint), 0);
  if (largeFolds.size < LARGE_FOLDS_LIMIT) largeFolds.set(codePoint, folded);
  return folded;
}

function computeFold(character: string, depth: number): string {
  // A lone surrogate (a pair, one code point beyond U+FFFF, has length 2 and is folded like any other).
  if (character.length === 1 && character >= '\uD800' && character <= '\uDFFF') return ' ';
  const decomposed = character.normalize('NFKD').toLowerCase();
  let out = '';
  for (const part of decomposed) {
    if (REMOVED.test(part)) continue;
    const mapped = LETTER_TABLE[part];
    if (mapped !== undefined) {
      out += mapped;
    } else if (!WORD_CHARACTER.test(part)) {
      out += ' ';
    } else if (part === character || depth >= 3) {
      out += part;
    } else {
      // Decomposition or case mapping produced a new character: fold it too, so the result is stable.
      out += computeFold(part, depth + 1);
    }
  }
  return out;
}

/** Where each character of a folded text comes from in the original text. */
export interface FoldOffsets {
  /** `starts[i]`: index in the original text of the code point that produced folded character `i`. */
  readonly starts: readonly number[];
  /** `ends[i]`: end (exclusive) in the original text of that code point, including the marks that followed it. */
  readonly ends: readonly number[];
}

export interface FoldedText {
  readonly folded: string;
  /** `null` when folded character `i` is original character `i` for every `i` (the common case). */
  readonly offsets: FoldOffsets | null;
}

// State of the fold in progress, and scratch buffers reused by every call: folding allocates little besides its
// results. Plain arrays: `String.fromCharCode.apply` reads those much faster than typed arrays, they grow by
// themselves, and a slice of one (the offsets of a result) is cheaper to make than a typed array.
const codes: number[] = [];
const starts: number[] = [];
const ends: number[] = [];
/** Number of folded characters so far. */
let size = 0;
/** Whether folded character `i` is original character `i` for every `i` so far. */
let identity = true;
/** A word break waits to be written before the next word character (never at the start). */
let pendingBreak = false;
let breakStart = 0;
let breakEnd = 0;

/** Records a word break coming from the original range `[start, end)`. */
function addBreak(start: number, end: number): void {
  if (!pendingBreak) breakStart = start;
  pendingBreak = size > 0;
  breakEnd = end;
}

/** Appends a folded character coming from the original range `[start, end)`, after the pending break if any. */
function addCharacter(code: number, start: number, end: number): void {
  if (pendingBreak) {
    pendingBreak = false;
    addCharacter(SPACE, breakStart, breakEnd);
  }
  codes[size] = code;
  starts[size] = start;
  ends[size] = end;
  if (start !== size || end !== size + 1) identity = false;
  size++;
}

const CHUNK = 8192;

function codesToString(length: number): string {
  codes.length = length;
  if (length <= CHUNK) return String.fromCharCode.apply(null, codes);
  let out = '';
  for (let from = 0; from < length; from += CHUNK) {
    out += String.fromCharCode.apply(null, codes.slice(from, from + CHUNK));
  }
  return out;
}

function fold(text: string, withOffsets: boolean): FoldedText {
  const length = text.length;
  size = 0;
  identity = true;
  pendingBreak = false;
  // Original end of the last code point that produced word characters, and where its characters start in the output.
  let groupEnd = -1;
  let groupFirst = 0;
  let index = 0;
  while (index < length) {
    let codePoint = text.charCodeAt(index);
    // A surrogate pair is one code point; a lone surrogate is a code point of its own.
    if (codePoint >= 0xd800 && codePoint <= 0xdbff) codePoint = text.codePointAt(index) as number;
    const next = codePoint > 0xffff ? index + 2 : index + 1;
    if (codePoint < 128) {
      // Fast path for ASCII, the bulk of connector names.
      const code = ASCII_CODES[codePoint] as number;
      if (code === SPACE) {
        addBreak(index, next);
      } else {
        addCharacter(code, index, next);
        groupFirst = size - 1;
        groupEnd = next;
      }
    } else {
      const piece = foldCodePoint(codePoint);
      if (piece.length === 0) {
        // A mark: it belongs to the character before it.
        identity = false;
        if (groupEnd === index) {
          for (let i = groupFirst; i < size; i++) ends[i] = next;
          groupEnd = next;
        }
      }
      let firstOfPiece = -1;
      for (let i = 0; i < piece.length; i++) {
        const code = piece.charCodeAt(i);
        if (code === SPACE) {
          addBreak(index, next);
        } else {
          addCharacter(code, index, next);
          if (firstOfPiece < 0) firstOfPiece = size - 1;
        }
      }
      if (firstOfPiece >= 0) {
        groupFirst = firstOfPiece;
        groupEnd = next;
      }
    }
    index = next;
  }
  const folded = codesToString(size);
  const offsets =
    !withOffsets || (identity && size === length) ? null : { starts: starts.slice(0, size), ends: ends.slice(0, size) };
  if (size > 4096) {
    // Do not keep the memory of one huge text.
    for (const buffer of [codes, starts, ends]) buffer.length = 0;
  }
  return { folded, offsets };
}

/**
 * Folds text for matching: lower case, no accents, letters that Unicode keeps whole spelled out (`ß` → `ss`),
 * punctuation and spaces reduced to single spaces between words, trimmed. `foldText(foldText(x)) === foldText(x)`.
 *
 * @example foldText("Caisse d'Épargne") // "caisse d epargne"
 * @example foldText('Straße – Œuvre') // "strasse oeuvre"
 */
export function foldText(text: string): string {
  return fold(text, false).folded;
}

/** Folds text and records where each folded character comes from, to map matches back to the original text. */
export function foldTextWithOffsets(text: string): FoldedText {
  return fold(text, true);
}

/** Maps a range `[start, end)` of a folded text to the range of the original text it comes from. */
export function toOriginalRange(
  offsets: FoldOffsets | null,
  start: number,
  end: number,
): { readonly start: number; readonly end: number } {
  if (offsets === null) return { start, end };
  return { start: offsets.starts[start] ?? 0, end: offsets.ends[end - 1] ?? 0 };
}
