// A decision in one tab applies at once in the site's other open tabs: the deciding tab
// says so on a BroadcastChannel, the others re-read the cookie through the core.
import { applyAnswer } from './apply.js';

export function syncTabs(guard, site) {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel('consent-guard:' + site);
  guard.broadcast = () => channel.postMessage('decided');
  channel.onmessage = () => {
    applyAnswer(guard, JSON.parse(guard.core.restore(document.cookie, Date.now())), true);
    if (guard.ui) guard.ui.decided();
  };
}
