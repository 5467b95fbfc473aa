// One window's interception: the page's own, and that of every same-origin frame (an
// about:blank or srcdoc iframe is a fresh set of natives, the classic way around a guard),
// installed before the page's code or the frame's can use them.
import { holdElements } from './hold-elements.js';
import { holdNetwork } from './hold-network.js';
import { guardStorage } from './guard-storage.js';
import { watchInsertion } from './insertion.js';

// On each guarded Window (a new one after a navigation), whichever copy of the loader guarded it.
const GUARDED = Symbol.for('consent-guard realm');

export function guardRealm(guard, win) {
  try {
    if (win[GUARDED]) return;
    win.document; // throws for a cross-origin frame: out of any page script's reach
  } catch (e) {
    return;
  }
  Object.defineProperty(win, GUARDED, { value: true });
  const guardChildren = watchInsertion(guard, win, guardRealm);
  holdElements(guard, win, guardChildren);
  holdNetwork(guard, win);
  guardStorage(guard, win);
}
