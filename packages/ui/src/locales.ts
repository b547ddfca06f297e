/**
 * The message tables of every shipped language, one named export each: import the ones you use and pass them as
 * `messages`, with `locale` set to the same language. English is also built into the components.
 *
 * ```tsx
 * import { fr } from '@connector-kit/ui/locales';
 *
 * <LocaleProvider locale="fr" messages={fr}>…</LocaleProvider>
 * ```
 */
export { de } from './i18n/locales/de.ts';
export { en } from './i18n/locales/en.ts';
export { es } from './i18n/locales/es.ts';
export { fr } from './i18n/locales/fr.ts';
export { it } from './i18n/locales/it.ts';
export { nl } from './i18n/locales/nl.ts';
export { pt } from './i18n/locales/pt.ts';
