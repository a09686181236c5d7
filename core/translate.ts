/**
 * The shape of a translation function, shared by the view builders and the
 * components; lib/i18n.ts makes one from `browser.i18n`.
 */
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, ...subs: (string | number)[]) => string;
