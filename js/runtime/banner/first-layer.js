// The first layer: a dialog at the bottom of the viewport that asks first (modal: the page
// behind is dimmed and cannot be used until the visitor answers, so nothing of it can sit
// half-hidden under the banner, a pop-up's Send button least of all), with who asks, why, who
// receives the data, the policy link, and three buttons. Accept all and Reject all are built
// the same way (same class, same grid cell size); Settings is the secondary one.
import { h, button, para } from './dom.js';

// actions: { acceptAll, rejectAll, openSettings }
// Returns { element (the backdrop), dialog, title }; the element starts hidden.
export function buildFirst(m, actions) {
  const t = m.texts;
  const title = h('h2', { id: 'cg-first-title', class: 'cg-title', tabindex: '-1', 'data-cg': 'title' }, t.title);
  const reason = para(t.reason, { id: 'cg-reason', class: 'cg-reason' });
  const intro = h('p', { id: 'cg-intro' }, t.intro);
  const gpc = m.gpc ? para(t.gpcNotice, { class: 'cg-note' }) : null;
  const link =
    m.policyHref && t.policyLink
      ? h('p', {}, h('a', { class: 'cg-link', href: m.policyHref, 'data-cg': 'policy' }, t.policyLink))
      : null;
  const body = h('div', { class: 'cg-first__body' }, title, reason, intro, para(t.recipients), gpc, link);

  const settings = button(t.settings, 'settings', actions.openSettings, 'cg-btn--secondary cg-btn--wide');
  settings.setAttribute('aria-haspopup', 'dialog');
  const buttons = h(
    'div',
    { class: 'cg-actions' },
    button(t.acceptAll, 'accept', actions.acceptAll),
    button(t.rejectAll, 'reject', actions.rejectAll),
    settings,
  );

  const dialog = h(
    'div',
    {
      class: 'cg-first',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'cg-first-title',
      'aria-describedby': reason ? 'cg-reason cg-intro' : 'cg-intro',
    },
    body,
    buttons,
  );
  const element = h('div', { class: 'cg-backdrop cg-backdrop--first', hidden: true }, dialog);
  // A press on the backdrop must not take focus out of the dialog.
  element.addEventListener('mousedown', (e) => e.target === element && e.preventDefault());
  return { element, dialog, title };
}

// The small button that stays after a decision and opens the settings layer.
export function buildReopen(m, onClick) {
  const side = m.reopen === 'bottom-right' ? 'right' : 'left';
  const el = h(
    'button',
    { type: 'button', class: 'cg-reopen cg-reopen--' + side, 'data-cg': 'reopen', onclick: onClick, hidden: true },
    m.texts.reopen,
  );
  el.setAttribute('aria-haspopup', 'dialog');
  return el;
}
