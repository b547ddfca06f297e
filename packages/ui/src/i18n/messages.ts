import { type CommonMessages, commonMessages } from './common.ts';
import { type FormMessages, formMessages } from './form.ts';
import type { DeepPartial, LocaleTable, SupportedLocale } from './locale.ts';
import { type PickerMessages, pickerMessages } from './picker.ts';

/** Every string the components show, for one locale. */
export interface Messages {
  common: CommonMessages;
  picker: PickerMessages;
  form: FormMessages;
}

/** An override of some strings; the rest come from the locale's table. */
export type MessagesOverride = DeepPartial<Messages>;

function table(locale: SupportedLocale): Messages {
  return { common: commonMessages[locale], picker: pickerMessages[locale], form: formMessages[locale] };
}

export const messages: LocaleTable<Messages> = {
  en: table('en'),
  fr: table('fr'),
  de: table('de'),
  es: table('es'),
  it: table('it'),
  nl: table('nl'),
  pt: table('pt'),
};
