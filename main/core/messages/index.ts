// Main's message catalogue: every sentence main writes, in each language,
// typed so that a language cannot miss a message or take other parameters.
// Use `messages()` at the moment the text is made (it reads the language of
// the call in progress), never at module load.
import { language, type Language } from '../i18n';
import { en, type Messages } from './en';
import { ru } from './ru';

const CATALOGUES: Record<Language, Messages> = { en, ru };

export function messages(): Messages {
  return CATALOGUES[language()];
}

export type { Messages };
