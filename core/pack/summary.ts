/** What the options page shows of an installed pack (one row of its list). Pure module. */
import type { Localized } from '../dataset/schema';
import type { PackCounts } from './schema';

export interface PackSummary {
  id: string;
  title: Localized;
  revision: number;
  attribution: string;
  license: string;
  homepage: string | null;
  languages: string[];
  counts: PackCounts;
  enabled: boolean;
  /** Comes with the extension (cannot be removed; an imported update of it can). */
  bundled: boolean;
  /** Imported: a new pack, or an update that stands in for a bundled one. */
  imported: boolean;
  bytes: number;
}
