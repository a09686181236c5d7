/** The English and German view locales for tests. */
import { translator } from '../../../lib/i18n';
import type { ViewLocale } from '../locale';

export const en: ViewLocale = translator('en');
export const de: ViewLocale = translator('de');
