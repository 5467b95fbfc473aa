// The settings layer: a modal dialog over a backdrop with one switch per purpose
// (<input type="checkbox" role="switch"> with a <label>), its description, an expandable
// list of its services (name, recipient, countries), and Save / Accept all / Reject all.
import { h, button, para } from './dom.js';

// actions: { save, acceptAll, rejectAll, closeSettings, download (optional) }
// Returns { element (the backdrop, hidden), dialog, title, sync(checked), values() }.
export function buildSettings(m, actions) {
  const t = m.texts;
  const switches = [];
  const title = h(
    'h2',
    { id: 'cg-settings-title', class: 'cg-title', tabindex: '-1', 'data-cg': 'settings-title' },
    t.settingsTitle,
  );
  const close = h(
    'button',
    { type: 'button', class: 'cg-close', 'aria-label': t.close, title: t.close, 'data-cg': 'close' },
    '×',
  );
  close.addEventListener('click', actions.closeSettings);

  const items = m.purposes.map((p, i) => purposeItem(p, i, t, switches));
  const body = h(
    'div',
    { class: 'cg-modal__body' },
    m.gpc ? para(t.gpcNotice, { class: 'cg-note' }) : null,
    h('ul', { class: 'cg-purposes' }, items),
    m.decided && actions.download ? downloadButton(t, actions.download) : null,
  );
  const buttons = h(
    'div',
    { class: 'cg-actions' },
    button(t.save, 'save', actions.save, 'cg-btn--wide'),
    button(t.acceptAll, 'settings-accept', actions.acceptAll),
    button(t.rejectAll, 'settings-reject', actions.rejectAll),
  );
  const dialog = h(
    'div',
    { class: 'cg-modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'cg-settings-title' },
    h('div', { class: 'cg-modal__head' }, title, close),
    body,
    buttons,
  );
  const element = h('div', { class: 'cg-backdrop', hidden: true }, dialog);
  // A press on the backdrop must not take focus out of the dialog.
  element.addEventListener('mousedown', (e) => e.target === element && e.preventDefault());

  return {
    element,
    dialog,
    title,
    sync(checked) {
      for (const { p, input } of switches) input.checked = p.required || checked[p.id] === true;
    },
    values() {
      return Object.fromEntries(switches.filter(({ p }) => !p.required).map(({ p, input }) => [p.id, input.checked]));
    },
  };
}

// The visitor's own copy of their signed consent receipts, as a JSON file.
function downloadButton(t, download) {
  const el = h('button', { type: 'button', class: 'cg-link cg-download', 'data-cg': 'download' }, t.downloadReceipts);
  el.addEventListener('click', download);
  return h('p', { class: 'cg-download-row' }, el);
}

function purposeItem(p, i, t, switches) {
  const id = 'cg-switch-' + i;
  const about = 'cg-about-' + i;
  const always = p.required && t.alwaysOn ? h('span', { id: 'cg-always-' + i, class: 'cg-badge' }, t.alwaysOn) : null;
  const input = h('input', {
    type: 'checkbox',
    role: 'switch',
    id,
    class: 'cg-switch',
    'data-cg': 'switch-' + i,
    'aria-describedby': [always && always.id, p.description && about].filter(Boolean).join(' ') || null,
    checked: p.checked,
    disabled: p.required,
  });
  switches.push({ p, input });
  return h(
    'li',
    { class: 'cg-purpose' },
    h(
      'div',
      { class: 'cg-purpose__row' },
      h('div', { class: 'cg-purpose__names' }, h('label', { class: 'cg-purpose__name', for: id }, p.name), always),
      input,
    ),
    para(p.description, { id: about, class: 'cg-purpose__about' }),
    services(p, i, t),
  );
}

function services(p, i, t) {
  if (!p.services.length) return null;
  const label = (t.services || '') + ' (' + p.services.length + ')';
  return h(
    'details',
    { class: 'cg-services' },
    h('summary', { 'data-cg': 'services-' + i }, label),
    h(
      'ul',
      {},
      p.services.map((s) =>
        h(
          'li',
          { class: 'cg-service' },
          h('span', { class: 'cg-service__name' }, s.name),
          h('dl', {}, field(t.recipient, s.vendor), field(t.country, s.countries)),
        ),
      ),
    ),
  );
}

function field(term, value) {
  return value ? h('div', {}, h('dt', {}, term), h('dd', {}, value)) : null;
}
