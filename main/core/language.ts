// The languages the app speaks. Kept apart from i18n.ts (which needs Node) so
// that the IPC contract, and through it the renderer, can name them.
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A language, or 'system' to follow the OS. Here, not in the IPC contract, so that core's i18n.ts can name it. */
export type LanguageSetting = 'system' | Language;
