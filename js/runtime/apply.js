// Applies one answer of the core (a stored decision, or a new one) to the page.
import { release } from './release.js';
import { purge } from './purge.js';
import { scan } from './page-scan.js';

function gtag() {
  (window.dataLayer = window.dataLayer || []).push(arguments);
}

export function applyAnswer(guard, answer, isNewDecision) {
  // What is withdrawn stops at once; what is allowed is let through only once the page is
  // masked (the masking module marks it first), and then as the latest answer says.
  guard.allowed &= answer.allowed;
  guard.latestAllowed = answer.allowed;
  for (const socket of guard.sockets) if (guard.blocks(socket.url)) socket.close(1000); // muted already
  guard.whenMasked(answer.masking).then(
    () => {
      guard.allowed = guard.latestAllowed;
      release(guard);
    },
    (e) => console.error('consent-guard: masking could not start, so nothing is released: ' + ((e && e.message) || e)),
  );
  guard.metricaPatch = answer.metricaPatch;
  if (answer.cookie) document.cookie = answer.cookie;
  if (answer.state.decided) scan(guard); // picks up ids of snippets parsed since the last look
  const consentMode = answer.consentMode;
  if (consentMode) {
    gtag('set', 'ads_data_redaction', consentMode.adsDataRedaction);
    gtag('set', 'url_passthrough', consentMode.urlPassthrough);
    gtag('consent', 'update', consentMode.update);
  }
  for (const args of (window.ym && window.ym.a) || []) {
    if (args[1] === 'init' && args[2] && typeof args[2] === 'object') Object.assign(args[2], answer.metricaPatch);
  }
  for (const action of answer.actions) {
    try {
      runAction(action);
    } catch (e) {
      console.error('consent-guard: a vendor switch failed (' + (action.set || action.call) + ')', e);
    }
  }
  if (answer.withdrawn) purge(guard, answer.withdrawn);
  if (!isNewDecision) return;
  const event = Object.assign({}, answer.state, answer.withdrawn ? { reloadRequired: true } : {});
  for (const fn of guard.listeners.change.slice()) {
    try {
      fn(event);
    } catch (e) {
      setTimeout(() => {
        throw e; // a listener's error is the page's: report it without stopping the others
      });
    }
  }
}

function runAction(action) {
  if ('set' in action) {
    window[action.set] = action.value;
    return;
  }
  const path = action.call.split('.');
  let owner = window;
  for (const key of path.slice(0, -1)) owner = owner && owner[key];
  const fn = owner && owner[path[path.length - 1]];
  if (typeof fn === 'function') fn.apply(owner, action.args);
}
