import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DomWatcher } from '../dom-watcher';

const tick = () => new Promise((r) => setTimeout(r, 60));

describe('DomWatcher', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  function setup(own = new WeakSet<Node>(), split = new WeakSet<Node>()) {
    const onContent = vi.fn();
    const repair = vi.fn();
    const w = new DomWatcher(document.body, {
      isOwn: (n) => own.has(n),
      isSplitText: (n) => split.has(n),
      repairSplitText: repair,
      onContent,
    });
    w.start();
    return { w, onContent, repair };
  }

  it('hands new page content over in a later frame, outermost roots only', async () => {
    const { w, onContent } = setup();
    const section = document.createElement('section');
    const p = document.createElement('p');
    p.textContent = 'Selenskyj';
    section.append(p);
    document.body.append(section);
    p.append(' und Putin');
    expect(onContent).not.toHaveBeenCalled(); // the observer only queues
    await tick();
    expect(onContent).toHaveBeenCalledTimes(1);
    expect(onContent.mock.calls[0]![0]).toEqual([section]);
    w.stop();
  });

  it('skips its own nodes and its own mutations', async () => {
    const own = new WeakSet<Node>();
    const { w, onContent } = setup(own);
    const mark = document.createElement('mark');
    own.add(mark);
    document.body.append(mark);
    w.withoutObserving(() => document.body.append(document.createElement('div')));
    await tick();
    expect(onContent).not.toHaveBeenCalled();
    expect(w.stats.skippedOwn).toBeGreaterThan(0);
    w.stop();
  });

  it('repairs a split text node the page rewrote at once, in the observer callback', async () => {
    const split = new WeakSet<Node>();
    const p = document.createElement('p');
    const text = document.createTextNode('Trump und Putin');
    p.append(text);
    document.body.append(p);
    split.add(text);
    const { w, repair } = setup(new WeakSet(), split);
    text.data = 'neu';
    await Promise.resolve(); // a microtask: before any frame
    expect(repair).toHaveBeenCalledWith(text);
    w.stop();
  });

  it('stops watching on stop()', async () => {
    const { w, onContent } = setup();
    w.stop();
    document.body.append(document.createElement('p'));
    await tick();
    expect(onContent).not.toHaveBeenCalled();
  });
});
