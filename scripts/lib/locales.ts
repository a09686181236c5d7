/**
 * The default locale's messages.json as the build writes it (wxt.config.ts,
 * `build:publicAssets`): its own messages, plus every interface language's
 * messages under `<lang>__<key>` ("de__close", "en__close").
 *
 * `browser.i18n` can only answer in the browser's language, and falls back
 * to the default locale for a name its language lacks; with these names it
 * answers in any language the user picks in the options, so the content
 * script need not bundle the message tables (lib/i18n.ts, `messageName`).
 * The files in public/_locales stay as translators edit them.
 */
export type Messages = Record<string, { message: string; description?: string; placeholders?: object }>;

export function withLanguageKeys(own: Messages, languages: Record<string, Messages>): Messages {
  const out: Messages = { ...own };
  // Message names are case-insensitive.
  const taken = new Set(Object.keys(own).map((k) => k.toLowerCase()));
  for (const [lang, messages] of Object.entries(languages)) {
    for (const [key, entry] of Object.entries(messages)) {
      const name = `${lang}__${key}`;
      if (taken.has(name.toLowerCase())) throw new Error(`messages.json: "${name}" is a generated name`);
      out[name] = entry;
    }
  }
  return out;
}
