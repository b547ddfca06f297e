import { type Connector, connectorSchema } from '@connector-kit/core';
import { expect } from 'vitest';

/** The length of the long strings: far beyond any real name, label or message. */
export const LONG = 10_000;

const stacked = (base: string) =>
  Array.from(base, (c) => `${c}\u0334\u0321\u031b\u0349\u0337\u0327\u034e\u0336\u0335\u0338`).join('');

/** Text a third party could put in a name, a label, a list value or an institution message. */
export const HOSTILE_TEXT: readonly { name: string; text: string }[] = [
  { name: 'an img tag with onerror', text: '<img src=x onerror="window.__pwned=1">' },
  { name: 'a script tag', text: '<script>window.__pwned=1</script>' },
  { name: 'a javascript: URL', text: 'javascript:window.__pwned=1' },
  {
    name: 'an attribute breakout',
    text: '"><svg onload="window.__pwned=1"></svg><a href="javascript:window.__pwned=1">x</a><b x=\'',
  },
  { name: 'an iframe with srcdoc', text: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>' },
  { name: 'HTML entities', text: '&lt;b&gt;Bank &amp; Co&#x3C;/b&#62; &nbsp;' },
  {
    name: 'template syntax',
    text: "{{constructor.constructor('window.__pwned=1')()}} $\u007Bwindow.__pwned=1} <%= 1 %>",
  },
  { name: '10,000 characters without a break', text: 'W'.repeat(LONG) },
  { name: '10,000 characters of words', text: 'Banque Populaire '.repeat(LONG / 16).slice(0, LONG) },
  {
    name: 'right-to-left text with direction overrides',
    text: 'بنك الرياض \u202Eknab lamron\u202C בנק הפועלים \u2067isolate\u2069 \u200F',
  },
  { name: 'zero-width characters', text: 'Ba\u200Bnk\u200C \u200DCr\uFEFFédit\u2060 Mu\u00ADtuel' },
  { name: 'emoji, flags and skin tones', text: '🏦 Bänk 👩‍👩‍👧‍👦 🇫🇷🇩🇪 🧑🏽‍💻 💸💸💸' },
  { name: 'stacked combining marks', text: stacked('Zalgo Bank') },
  { name: 'control characters', text: 'Bank\u0007\u0008\u001b[31m red\r\nNext\tline\u007f' },
  { name: 'lone surrogates', text: 'Bank \ud800 and \udfff' },
];

/** Branding colors that try to get out of a CSS value or an attribute. */
export const HOSTILE_COLORS: readonly string[] = [
  'red;background:url(https://x)',
  'expression(alert(1))',
  '#12345g',
  '12b2ff;color:red',
  'url(javascript:window.__pwned=1)',
  '12b2ff" onload="window.__pwned=1',
  "12b2ff'><script>window.__pwned=1</script>",
  'var(--ck-color-accent)',
  'rgb(1 2 3) !important',
  '12b2ff\n;color:red',
  '0'.repeat(LONG),
];

/** Parts of the hostile colors that must never appear in the DOM. */
export const COLOR_MARKERS = [
  'url(https',
  'url(javascript',
  'expression',
  'javascript',
  'color:red',
  '12345g',
  'var(--ck-color-accent)',
  'rgb(1 2 3)',
  '!important',
  'onload',
  '<script',
];

/** A connector of the demo kind whose every text is `text`, with a form that shows each kind of field. */
export function hostileConnector(text: string, uuid = 'hostile-connector', color: unknown = '0077be'): Connector {
  const values = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ label: i === 0 ? text : `${text} ${i}`, value: `${i}:${text}` }));
  return connectorSchema.parse({
    id: 1,
    uuid,
    name: text,
    color,
    slug: text,
    code: text,
    hidden: false,
    beta: true,
    restricted: false,
    stability: { status: 'unstable', last_update: null },
    auth_mechanism: 'credentials',
    available_auth_mechanisms: ['credentials'],
    countries: [{ id: 'FR', name: text }],
    urls: [text],
    sources: [],
    fields: [
      { name: 'login', label: text, type: 'text', required: true, regex: null },
      { name: 'password', label: text, type: 'password', required: true },
      { name: text, label: text, type: 'text', required: false },
      { name: 'choice', label: text, type: 'list', required: true, values: values(2) },
      { name: 'region', label: text, type: 'list', required: true, values: values(5) },
    ],
  });
}

/** Attributes that load or run something. */
const ACTIVE_ATTRIBUTES = ['href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data', 'style'];

/** No element or attribute that could load or run anything came from the data, and nothing ran. */
export function expectInert(container: HTMLElement) {
  const active = container.querySelectorAll('img, script, iframe, object, embed, base, link, meta, video, audio');
  expect([...active].map((element) => element.outerHTML.slice(0, 80))).toEqual([]);
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.toLowerCase().startsWith('on'), `${attribute.name} on <${element.localName}>`).toBe(false);
      if (ACTIVE_ATTRIBUTES.includes(attribute.name)) {
        const value = attribute.value;
        const allowed =
          (attribute.name === 'href' && /^#[\w-]*$/.test(value)) ||
          (attribute.name === 'style' && !/url\(|expression|javascript|@import|behavior/i.test(value));
        expect(allowed, `${attribute.name}="${value.slice(0, 80)}" on <${element.localName}>`).toBe(true);
      }
    }
  }
  expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
}
