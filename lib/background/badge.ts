import type { PageSummary } from '../../core/page-summary';

/** The toolbar badge for a tab: the number of recognized items; "!" and red when there are disagreements. */
export function badgeFor(summary: PageSummary | null): { text: string; color: string; title: string } {
  if (!summary || !summary.active || !summary.relevant || summary.items.length === 0) {
    return { text: '', color: '#1f4e8c', title: 'Crosscheck' };
  }
  const n = summary.items.length;
  const count = n > 99 ? '99+' : String(n);
  return summary.disputed
    ? { text: `${count}!`, color: '#b3261e', title: `Crosscheck: ${n} recognized, sources disagree` }
    : { text: count, color: '#1f4e8c', title: `Crosscheck: ${n} recognized` };
}
