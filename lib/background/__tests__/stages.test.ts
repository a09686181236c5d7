import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptySummary } from '../../../core/page-summary';
import { SETTINGS_EVENT } from '../../messages';
import { nudgeOffTabs } from '../stages';
import { tabSummaries } from '../tab-state';

const summary = (active: boolean) => emptySummary('https://a.example/', 'a.example', active);

describe('nudgeOffTabs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('tells every frame of the tabs where Crosscheck was off (or not judged yet) to check again', async () => {
    const tab = (id: number, discarded = false) => ({ id, discarded }) as Browser.tabs.Tab;
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab(1), tab(2), tab(3), tab(4, true), tab(5)] as never);
    await tabSummaries.set(1, summary(false));
    await tabSummaries.set(2, summary(true));
    await tabSummaries.set(4, summary(false));
    const calls: { tabId: number; allFrames?: boolean; func?: unknown; args?: unknown[] }[] = [];
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection) => {
      const { target, func, args } = injection as {
        target: { tabId: number; allFrames?: boolean };
        func?: unknown;
        args?: unknown[];
      };
      calls.push({ tabId: target.tabId, allFrames: target.allFrames, func, args });
      if (target.tabId === 5) throw new Error('Cannot access contents of the page');
      return [];
    });
    await nudgeOffTabs();
    expect(calls.map((c) => c.tabId).sort()).toEqual([1, 3, 5]);
    expect(calls.every((c) => c.allFrames)).toBe(true);
    // What runs in the frame: the event the first stage listens for.
    const heard = vi.fn();
    document.addEventListener(SETTINGS_EVENT, heard);
    (calls[0]!.func as (...a: unknown[]) => void)(...(calls[0]!.args ?? []));
    document.removeEventListener(SETTINGS_EVENT, heard);
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
