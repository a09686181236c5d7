/**
 * One importable file of N synthetic stories, as a person would import it: a `.zip` of one pack file each
 * (`<id>.json`), read by the pack store's `importFile` (all or none). Used by the Node import figure and by the
 * browser part of the benchmark (imported through the options page's file input).
 */
import { strToU8, zipSync } from 'fflate';
import type { Pack } from '../../core/pack/schema';

export function storiesZip(packs: readonly Pack[]): { zip: Uint8Array; jsonBytes: number } {
  const files: Record<string, Uint8Array> = {};
  let jsonBytes = 0;
  for (const p of packs) {
    const bytes = strToU8(JSON.stringify(p));
    jsonBytes += bytes.length;
    files[`${p.pack.id}.json`] = bytes;
  }
  return { zip: zipSync(files, { level: 6 }), jsonBytes };
}
