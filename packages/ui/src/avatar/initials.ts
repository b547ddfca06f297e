const segmenter =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * Below U+0300 nothing combines with a neighbour (combining marks, joiners, variation selectors, Hangul jamo and
 * surrogates all come later): a word whose first two characters are there starts with a one-character grapheme.
 */
const NO_COMBINING_BELOW = 0x300;

function firstGrapheme(word: string): string {
  // Most bank names are Latin: no segmenter needed (it costs more than the rest of the initials together).
  if (word.charCodeAt(0) < NO_COMBINING_BELOW && !(word.charCodeAt(1) >= NO_COMBINING_BELOW)) return word.charAt(0);
  if (segmenter) {
    for (const { segment } of segmenter.segment(word)) return segment;
    return '';
  }
  return Array.from(word)[0] ?? '';
}

/** Words that say little about a bank: skipped when the name has better ones. */
const FILLERS = new Set([
  'd',
  'l',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'der',
  'die',
  'das',
  'del',
  'di',
  'do',
  'da',
  'van',
  'of',
  'the',
  'et',
  'und',
  'y',
  'e',
  '&',
]);

/**
 * One or two letters that stand for a name: "Société Générale" → "SG", "N26" → "N", "Caisse d'Épargne" → "CÉ".
 * Works on grapheme clusters, so accents and emoji are never cut in half.
 */
export function initialsOf(name: string, locale?: string): string {
  const key = `${locale ?? ''}\u0000${name}`;
  let initials = cache.get(key);
  if (initials === undefined) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    initials = computeInitials(name, locale);
    cache.set(key, initials);
  }
  return initials;
}

/** Lists re-render rows as they scroll: the initials of a name are worked out once. */
const cache = new Map<string, string>();
const CACHE_SIZE = 5_000;

function computeInitials(name: string, locale: string | undefined): string {
  const words = name.split(/[\s'’\-_.,/()]+/u).filter((word) => /^[\p{L}\p{N}]/u.test(word));
  const meaningful = words.filter((word) => !FILLERS.has(word.toLowerCase()));
  const picked = (meaningful.length > 0 ? meaningful : words).slice(0, 2);
  const initials = picked.map(firstGrapheme).join('');
  if (!initials) return '?';
  try {
    return initials.toLocaleUpperCase(locale);
  } catch {
    // Not a valid language tag: the initials are still worth showing.
    return initials.toUpperCase();
  }
}
