// The consent banner: a first layer (a dialog at the bottom of the viewport that asks first:
// modal, see first-layer.js), a settings layer (modal, one switch per purpose) and a small
// reopen button, all in an open shadow root on
// <div id="consent-guard-banner"> so the site's CSS cannot reach in and ours cannot leak out.
// It only lays out what the core decided to say and reports the visitor's choice.
//
//   const banner = createBanner({ model, decide, onClose });
//   banner.show('first' | 'settings');  banner.hide();  banner.update(model[, state]);
//   banner.element;  banner.destroy();
//
// decide(choice) -> Promise<state>; choice is 'all', 'none' or { analytics, session_recording,
// marketing } (booleans). onClose({ reason: 'decision' | 'dismiss', state }) runs when the
// visitor's action leaves nothing but the reopen button. Rejections keep the banner open.
//
// The model (every string untrusted plain text, already in the page's language):
//   { language: 'ru', reason: null | 'policy-changed' | 'expired', gpc: false,
//     theme: 'light' | 'dark' | 'auto', reopen: 'bottom-left' | 'bottom-right' | 'none',
//     policyUrl: '/privacy.html' (https://, http:// or a site path; anything else: no link),
//     operator: { name, bin }, decided: false (optional: a decision is stored),
//     acceptChoice: { ... } (optional: what "Accept all" means under GPC),
//     texts: { title, intro, recipients, reason, gpcNotice, policyLink, acceptAll, rejectAll,
//              settings, settingsTitle, save, close, reopen, alwaysOn, services, recipient,
//              country },
//     purposes: [{ id, name, description, required, checked,
//                  services: [{ name, vendor, countries }] }] }
import { h } from './dom.js';
import { adoptStyles } from './styles.js';
import { deepActiveElement, focusQuietly, isShown, restoreFocus, trapTab } from './focus.js';
import { normalize, acceptAllChoice, checkedMap, mergeState } from './model.js';
import { buildFirst, buildReopen } from './first-layer.js';
import { buildSettings } from './settings-layer.js';
import { topLayer } from './top-layer.js';

export function createBanner({ model, decide, onClose, stylesheet, download } = {}) {
  if (typeof decide !== 'function') throw new TypeError('consent-guard banner: decide must be a function');
  const host = document.createElement('div');
  host.id = 'consent-guard-banner';
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, stylesheet);
  const wrap = h('div', { class: 'cg' });
  root.append(wrap);
  (document.body || document.documentElement).append(host);
  const top = topLayer(host);

  // layer: null | 'first' | 'settings'. back*: where focus goes when a layer closes.
  const s = {
    m: null,
    checked: {},
    decided: false,
    layer: null,
    busy: false,
    ui: null,
    backFirst: null,
    backSettings: null,
  };

  const actions = {
    acceptAll: (e) => choose(acceptAllChoice(s.m), 'accept_all', e),
    rejectAll: (e) => choose('none', 'reject_all', e),
    save: (e) => choose(s.ui.settings.values(), 'save', e),
    download,
    openSettings: () => show('settings'),
    closeSettings: () => closeSettings(),
  };

  function render() {
    const first = buildFirst(s.m, actions);
    const settings = buildSettings(s.m, actions);
    const reopen = buildReopen(s.m, actions.openSettings);
    s.ui = { first, settings, reopen };
    wrap.replaceChildren(first.element, settings.element, reopen);
    wrap.setAttribute('data-theme', s.m.theme);
    if (s.m.language) host.setAttribute('lang', s.m.language);
    else host.removeAttribute('lang');
    settings.sync(s.checked);
    paint();
  }

  function paint() {
    const { first, settings, reopen } = s.ui;
    first.element.hidden = s.layer !== 'first';
    settings.element.hidden = s.layer !== 'settings';
    reopen.hidden = s.layer !== null || !s.decided || s.m.reopen === 'none';
    if (s.layer || !reopen.hidden) top.show();
    else top.hide();
  }

  function load(model, state) {
    s.m = normalize(model);
    s.checked = mergeState(checkedMap(s.m), state);
    if (s.m.decided || (state && state.decided === true)) s.decided = true;
  }

  function show(layer) {
    if (layer === 'settings') return openSettings();
    if (s.layer === 'first') return;
    if (s.layer === null) s.backFirst = outsideFocus();
    s.layer = 'first';
    paint();
    focusQuietly(s.ui.first.title);
  }

  function openSettings() {
    if (s.layer === 'settings') return;
    s.backSettings = deepActiveElement();
    if (s.layer === null) s.backFirst = outsideFocus();
    s.ui.settings.sync(s.checked);
    s.layer = 'settings';
    paint();
    focusQuietly(s.ui.settings.title);
  }

  // Esc or the Close button: back to the first layer while undecided, otherwise away.
  function closeSettings() {
    const back = s.backSettings;
    s.backSettings = null;
    s.layer = s.decided ? null : 'first';
    paint();
    if (!restoreFocus([current(back), s.layer === 'first' ? s.ui.first.title : s.ui.reopen])) blurInside();
    if (s.layer === null) closed('dismiss');
  }

  // button: which one the visitor pressed, for the receipt (collectionMethod); event: the
  // click, refused when something of the page's covered the button.
  function choose(choice, button, event) {
    const via = { button, layer: s.layer === 'settings' ? 'settings' : 'banner' };
    if (s.busy) return Promise.resolve();
    if (event && event.currentTarget && top.covered(event.currentTarget)) {
      console.warn('consent-guard: a click on a covered banner button was refused; the banner is shown again');
      return Promise.resolve();
    }
    setBusy(true);
    return Promise.resolve()
      .then(() => decide(choice, via))
      .then(
        (state) => {
          setBusy(false);
          s.decided = true;
          s.checked = mergeState(s.checked, state);
          hide();
          closed('decision', state);
        },
        (error) => {
          setBusy(false);
          console.error('consent-guard: the choice could not be saved; the banner stays open.', error);
        },
      );
  }

  // Focus that was inside goes back where it came from, else to the reopen button.
  function hide() {
    const back = [current(s.backSettings), s.backFirst, s.ui.reopen];
    const hadFocus = root.activeElement;
    s.layer = null;
    s.backSettings = s.backFirst = null;
    paint();
    if (hadFocus && !isShown(hadFocus) && !restoreFocus(back)) blurInside();
  }

  function update(model, state) {
    const key = root.activeElement && root.activeElement.getAttribute('data-cg');
    load(model, state);
    render();
    if (key) focusQuietly(root.querySelector('[data-cg="' + key + '"]'));
  }

  function setBusy(busy) {
    s.busy = busy;
    for (const el of [s.ui.first.element, s.ui.settings.dialog]) {
      if (busy) el.setAttribute('aria-busy', 'true');
      else el.removeAttribute('aria-busy');
    }
  }

  function closed(reason, state) {
    if (typeof onClose !== 'function') return;
    try {
      onClose({ reason, state });
    } catch (error) {
      console.error(error);
    }
  }

  // The focused element outside the banner (null when it is inside, or nothing is).
  function outsideFocus() {
    const active = deepActiveElement();
    return active && active.getRootNode() !== root ? active : null;
  }

  // An element of ours from before a re-render: its counterpart now.
  function current(el) {
    if (!el || el.isConnected || el.getRootNode() === document) return el;
    const key = el.getAttribute('data-cg');
    return key ? root.querySelector('[data-cg="' + key + '"]') : null;
  }

  function blurInside() {
    if (root.activeElement) root.activeElement.blur();
  }

  // Both layers are modal: Tab cycles inside the one shown and focus cannot leave it; Esc
  // closes the settings layer (the first layer has no "later": a choice is one button away).
  function onKeydown(event) {
    const dialog = s.layer === 'settings' ? s.ui.settings.dialog : s.layer === 'first' ? s.ui.first.dialog : null;
    if (!dialog) return;
    if (event.key === 'Escape' && !event.isComposing && s.layer === 'settings') {
      event.preventDefault();
      event.stopPropagation();
      closeSettings();
    } else if (event.key === 'Tab') {
      trapTab(event, dialog, root);
    }
  }
  function onFocusin(event) {
    if (event.target === host) return;
    if (s.layer === 'settings') focusQuietly(s.ui.settings.title);
    else if (s.layer === 'first') focusQuietly(s.ui.first.title);
  }
  window.addEventListener('keydown', onKeydown, true);
  document.addEventListener('focusin', onFocusin, true);

  load(model);
  render();

  return {
    element: host,
    show: (layer) => show(layer === 'settings' ? 'settings' : 'first'),
    hide,
    /** The layer on screen: 'first', 'settings' or null. */
    get layer() {
      return s.layer;
    },
    update,
    destroy() {
      window.removeEventListener('keydown', onKeydown, true);
      document.removeEventListener('focusin', onFocusin, true);
      host.remove();
    },
  };
}
