/**
 * Waits until the page has rendered a frame, then resumes in a task of its
 * own: a `requestAnimationFrame` callback runs just before the frame's style,
 * layout and paint, and a task posted from it runs after them. Between paint
 * slices this lets the page lay out each slice's marks on their own, rather
 * than many slices' marks in one long rendering task after
 * `scheduler.yield()` put the slices ahead of the frame.
 *
 * A hidden tab renders no frames: there it only yields. Should a frame not
 * come anyway (a page that stops `requestAnimationFrame`), it resumes after
 * `maxWaitMs`.
 */
import { later, yieldToPage } from '../timers';

export function afterNextFrame(maxWaitMs = 100): Promise<void> {
  // A hidden tab renders nothing between slices: no frame to wait for.
  if (typeof requestAnimationFrame !== 'function' || globalThis.document?.visibilityState === 'hidden') {
    return yieldToPage();
  }
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      cancelTimer();
      resolve();
    };
    const cancelTimer = later(finish, maxWaitMs);
    try {
      requestAnimationFrame(() => void yieldToPage().then(finish));
    } catch {
      finish();
    }
  });
}
