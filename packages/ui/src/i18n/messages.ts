import type { CommonMessages } from './common.ts';
import type { ConnectMessages } from './connect.ts';
import type { FormMessages } from './form.ts';
import type { DeepPartial } from './locale.ts';
import type { PickerMessages } from './picker.ts';

/**
 * Every string the components show, for one language. English is built in; the other shipped tables are imported
 * from `@connector-kit/ui/locales`, and a table of your own is typed with this.
 */
export interface Messages {
  common: CommonMessages;
  picker: PickerMessages;
  form: FormMessages;
  connect: ConnectMessages;
}

/** Some strings or a whole table, merged over English (and over those of an enclosing provider of the same language). */
export type MessagesOverride = DeepPartial<Messages>;
