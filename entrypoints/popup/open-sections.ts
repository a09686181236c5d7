/** Which sections of the popup's brief the reader left open, kept across openings. */
import { storage } from 'wxt/utils/storage';

const item = storage.defineItem<string[]>('local:popupOpenSections', { fallback: [] });

export async function getOpenSections(): Promise<string[]> {
  const value = await item.getValue();
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

export function setOpenSections(ids: Iterable<string>): Promise<void> {
  return item.setValue([...new Set(ids)]);
}
