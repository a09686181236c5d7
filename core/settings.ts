/**
 * The settings model: types, defaults and the sanitizer that turns whatever
 * storage holds into complete, valid settings. Pure: the store that reads and
 * writes them is lib/storage/settings.ts.
 */
import { HIGHLIGHT_MODES, type HighlightMode } from './views/highlight-plan';

export const HIGHLIGHT_KINDS = ['person', 'organization', 'place', 'group', 'event', 'claim'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];
const UI_LANGUAGES = ['auto', 'de', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
const HIGHLIGHT_STYLES = ['tint', 'underline'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface Settings {
  /** Crosscheck on or off everywhere. */
  enabled: boolean;
  /** Host names where Crosscheck is turned off ("www.example.org"). */
  disabledSites: string[];
  /** Hover intent delay before a popover opens, in ms. */
  hoverDelayMs: number;
  /** Which kinds of highlight are shown. */
  kinds: Record<HighlightKind, boolean>;
  highlightStyle: HighlightStyle;
  /** Which mentions get a mark: the first of each item per section, every one, or only disagreements. */
  highlightMode: HighlightMode;
  highContrast: boolean;
  language: UiLanguage;
}

export const HOVER_DELAY_MIN = 0;
export const HOVER_DELAY_MAX = 2000;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  disabledSites: [],
  hoverDelayMs: 300,
  kinds: { person: true, organization: true, place: true, group: true, event: true, claim: true },
  highlightStyle: 'tint',
  highlightMode: 'first',
  highContrast: false,
  language: 'auto',
}) as Settings;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Whatever storage holds (an older version, a hand-edited value, garbage),
 * the rest of the extension gets a complete, valid `Settings`.
 */
export function sanitizeSettings(raw: unknown): Settings {
  const s = isRecord(raw) ? raw : {};
  const kinds = isRecord(s.kinds) ? s.kinds : {};
  const delay = typeof s.hoverDelayMs === 'number' && Number.isFinite(s.hoverDelayMs) ? s.hoverDelayMs : 300;
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(s.disabledSites)
      ? [...new Set(s.disabledSites.filter((x): x is string => typeof x === 'string' && x.length > 0))]
      : [],
    hoverDelayMs: Math.round(Math.min(HOVER_DELAY_MAX, Math.max(HOVER_DELAY_MIN, delay))),
    kinds: Object.fromEntries(
      HIGHLIGHT_KINDS.map((k) => [k, typeof kinds[k] === 'boolean' ? kinds[k] : DEFAULT_SETTINGS.kinds[k]]),
    ) as Record<HighlightKind, boolean>,
    highlightStyle: HIGHLIGHT_STYLES.includes(s.highlightStyle as HighlightStyle)
      ? (s.highlightStyle as HighlightStyle)
      : DEFAULT_SETTINGS.highlightStyle,
    highlightMode: HIGHLIGHT_MODES.includes(s.highlightMode as HighlightMode)
      ? (s.highlightMode as HighlightMode)
      : DEFAULT_SETTINGS.highlightMode,
    highContrast: typeof s.highContrast === 'boolean' ? s.highContrast : DEFAULT_SETTINGS.highContrast,
    language: UI_LANGUAGES.includes(s.language as UiLanguage) ? (s.language as UiLanguage) : DEFAULT_SETTINGS.language,
  };
}

/** Normalizes a host name for the per-site switch ("WWW.Example.org." → "www.example.org"). */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

export function isEnabledOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(siteKey(hostname));
}
