// Tracker cookies and storage keys are not written while their purpose is not allowed, so
// that a withdrawal sticks even while a tracker still runs in memory until the reload.
import { replaceMethod, replaceAccessor } from './patch.js';

export function guardStorage(guard, win) {
  // On the prototype, so that every document of this window (a frame's next one too) has it.
  replaceAccessor(guard, win.Document.prototype, 'cookie', (cookie) => {
    if (!guard.rawCookie) guard.rawCookie = (value) => cookie.set.call(document, value);
    return {
      get: cookie.get,
      set(value) {
        const name = String(value).split('=')[0].trim();
        if (guard.nameBlocks(true, name)) return;
        cookie.set.call(this, value);
      },
    };
  });
  replaceMethod(
    guard,
    win.Storage.prototype,
    'setItem',
    (rawSetItem) =>
      function (key, value) {
        if (guard.nameBlocks(false, String(key))) return;
        return rawSetItem.call(this, key, value);
      },
  );
}
