/**
 * The emulator's HTML pages (the bank's page, the bank app, the Webview): one accessible layout, no JavaScript, no
 * external resource, and every value escaped by the `html` template tag so a hostile connector name or parameter
 * stays text.
 */
import type { ConnectorField } from '@connector-kit/core';
import { type Answer, emptyAnswer, type HttpError } from '../http.ts';

/** HTML that is already safe: the `html` tag inserts it as is, and escapes everything else. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** A template tag: `html\`<p>${name}</p>\`` escapes `name` unless it is `SafeHtml` (or a list of them). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  for (const [index, value] of values.entries()) out += render(value) + (strings[index + 1] ?? '');
  return new SafeHtml(out);
}

const STYLE = `
:root{color-scheme:light dark;--bg:#f5f6f8;--fg:#16191d;--muted:#464d56;--card:#fff;--border:#8a939e;
--accent:#0b57d0;--on-accent:#fff;--danger:#a8221a;--focus:#0b57d0;--note:#fff4d6;--note-fg:#4a3500}
@media (prefers-color-scheme:dark){:root{--bg:#121418;--fg:#eceff3;--muted:#b9c0c8;--card:#1c2027;--border:#6b7480;
--accent:#9cc0ff;--on-accent:#0b1526;--danger:#ffb4ab;--focus:#9cc0ff;--note:#3a2f10;--note-fg:#ffe8a8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:36rem;margin:0 auto;padding:1rem 1rem 3rem}
.note{margin:0 0 1.5rem;padding:.5rem .75rem;border-radius:.5rem;background:var(--note);color:var(--note-fg);
font-size:.875rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
p{margin:.5rem 0}
.muted{color:var(--muted)}
.card{background:var(--card);border:1px solid var(--border);border-radius:.75rem;padding:1rem;margin:1rem 0}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input,select{width:100%;min-height:2.75rem;padding:.5rem .75rem;font:inherit;color:var(--fg);background:var(--card);
border:1px solid var(--border);border-radius:.5rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
button{min-height:2.75rem;padding:.5rem 1.25rem;font:inherit;font-weight:600;color:var(--on-accent);
background:var(--accent);border:2px solid var(--accent);border-radius:.5rem;cursor:pointer}
button.secondary{color:var(--accent);background:transparent}
button.danger{color:var(--danger);background:transparent;border-color:var(--danger)}
button.choice{width:100%;text-align:left;color:var(--fg);background:var(--card);border-color:var(--border)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
ul.plain{list-style:none;margin:0;padding:0}
ul.plain>li{margin:.5rem 0}
.row{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.75rem}
details{margin-top:2rem}
summary{cursor:pointer;font-weight:600}
dl{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.25rem 1rem;margin:.75rem 0}
dt,dd{margin:0;overflow-wrap:anywhere}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875em}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap;border:0}
`;

/** Headers every page and every redirect of a page carries. */
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The page's Content-Security-Policy: nothing but its inline style; forms may post to the emulator and be
 * redirected to the app's `redirect_uri`.
 */
export function contentSecurityPolicy(formTargets: readonly string[]): string {
  const targets = [...new Set(formTargets)].join(' ') || "'none'";
  return `default-src 'none'; style-src 'unsafe-inline'; form-action ${targets}; frame-ancestors 'none'; base-uri 'none'`;
}

export interface PageOptions {
  /** The `<h1>`, also in the `<title>`. */
  heading: string;
  /** The page's content after its heading. */
  body: SafeHtml;
  status?: number;
  /** The emulator's origin, which the page's forms post to. */
  origin: string;
  /** The origin the forms' answers redirect to (the app's `redirect_uri`), when there is one. */
  redirectOrigin?: string | null;
  /** The query parameters the page was given, shown to the developer; `code` and `token` are left out. */
  received?: readonly (readonly [string, string])[];
}

/** The parameters a page shows, without the secrets it was given. */
export function shownParameters(query: URLSearchParams): [string, string][] {
  return [...query].filter(([name]) => name !== 'code' && name !== 'token');
}

function receivedDetails(received: readonly (readonly [string, string])[]): SafeHtml {
  const rows = received.map(
    ([name, value]) =>
      html`<dt><code>${name}</code></dt><dd>${value === '' ? html`<span class="muted">(empty)</span>` : html`<code>${value}</code>`}</dd>`,
  );
  return html`<details><summary>Parameters this page received</summary>${
    rows.length > 0 ? html`<dl>${rows}</dl>` : html`<p class="muted">None.</p>`
  }</details>`;
}

export function pageAnswer(options: PageOptions): Answer {
  const document = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${options.heading} · connector-kit emulator</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<main>
<p class="note">Emulated by connector-kit — nothing leaves this machine</p>
<h1>${options.heading}</h1>
${options.body}
${receivedDetails(options.received ?? [])}
</main>
</body>
</html>
`;
  const targets = [options.origin, ...(options.redirectOrigin ? [options.redirectOrigin] : [])];
  return {
    kind: 'text',
    status: options.status ?? 200,
    body: document.value,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(targets),
      ...PAGE_HEADERS,
    },
  };
}

/** A refused page request: an HTML page with the error's status, and no redirect anywhere. */
export function errorPage(error: HttpError, origin: string, received: readonly (readonly [string, string])[]): Answer {
  return pageAnswer({
    heading: 'This page cannot be shown',
    body: html`<p>${error.message}</p><p class="muted">Error code: <code>${error.code}</code></p>`,
    status: error.status,
    origin,
    received,
  });
}

/** A redirect from a page (`302` to the bank, `303` after a form), without a referrer. */
export function redirectAnswer(status: 302 | 303, location: string): Answer {
  return emptyAnswer(status, { Location: location, ...PAGE_HEADERS });
}

/** The input type of a connector field. */
function inputType(field: ConnectorField): string {
  switch (field.type) {
    case 'password':
      return 'password';
    case 'date':
      return 'date';
    case 'email':
      return 'email';
    default:
      return 'text';
  }
}

/**
 * A connector field as a labelled control: an input (a password input for a password field) or a `<select>` for a
 * list. `inputName` is its form name (prefixed, so a field cannot take a button's name); `value` prefills it.
 */
export function fieldControl(
  field: ConnectorField,
  inputId: string,
  inputName: string,
  value: string | null,
): SafeHtml {
  const required = field.required !== false;
  const label = field.label || field.name;
  const marker = required ? null : html` <span class="muted">(optional)</span>`;
  if (field.type === 'list') {
    const options = (field.values ?? []).map(
      (option) =>
        html`<option value="${option.value}"${option.value === value ? new SafeHtml(' selected') : null}>${option.label || option.value}</option>`,
    );
    return html`<label for="${inputId}">${label}${marker}</label><select id="${inputId}" name="${inputName}"${required ? new SafeHtml(' required') : null}>${options}</select>`;
  }
  const autocomplete = field.type === 'password' ? 'current-password' : 'off';
  return html`<label for="${inputId}">${label}${marker}</label><input id="${inputId}" name="${inputName}" type="${inputType(field)}" autocomplete="${autocomplete}"${
    value === null ? null : html` value="${value}"`
  }${required ? new SafeHtml(' required') : null}${field.type === 'number' ? new SafeHtml(' inputmode="numeric"') : null}>`;
}
