import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame } from '../frame';

describe('afterNextFrame', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('resumes only after the page ran its frame callbacks', async () => {
    let frame: (() => void) | undefined;
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => {
      frame = cb;
      return 1;
    });
    let resumed = false;
    const wait = afterNextFrame(10_000).then(() => (resumed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(resumed).toBe(false);
    frame!();
    await wait;
    expect(resumed).toBe(true);
  });

  it('resumes anyway when no frame comes (a hidden tab)', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    const t0 = performance.now();
    await afterNextFrame(30);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
  });
});

describe('afterNextFrame in a hidden tab', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('does not wait for a frame that will not come', async () => {
    const raf = vi.fn(() => 1);
    vi.stubGlobal('requestAnimationFrame', raf);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await afterNextFrame(10_000);
    expect(raf).not.toHaveBeenCalled();
  });
});
