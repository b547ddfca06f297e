export { ConnectorAvatar, type ConnectorAvatarProps } from './avatar/ConnectorAvatar.tsx';
export { contrastRatio, parseBrandColor, readableTextColor } from './avatar/color.ts';
export { initialsOf } from './avatar/initials.ts';
export { ErrorState, type ErrorStateProps } from './error-state/ErrorState.tsx';
export type { CommonMessages } from './i18n/common.ts';
export { type LocaleOptions, LocaleProvider, useLocale } from './i18n/context.tsx';
export { type DescribedError, describeError } from './i18n/errors.ts';
export type { FormMessages } from './i18n/form.ts';
export {
  type DeepPartial,
  localeDirection,
  matchLocale,
  SUPPORTED_LOCALES,
  type SupportedLocale,
} from './i18n/locale.ts';
export { type Messages, type MessagesOverride, messages } from './i18n/messages.ts';
export type { PickerMessages } from './i18n/picker.ts';
