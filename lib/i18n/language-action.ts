import type { Locale } from './locales';

/** A server action that saves a language choice; pages hand theirs to the shared switches. */
export type LanguageAction = (prev: unknown, payload: { locale: Locale }) => Promise<unknown>;
