// In place of a frame held by hand (<iframe data-consent="marketing" data-src="...">): a box of
// the frame's size that says whose content it is and which purpose shows it, with "Allow and
// show" (that purpose only, recorded in the receipt as layer "embed") and "Settings". The
// texts are the core's (embed_held, embed_allow, settings), in the page's language. Like the
// banner, it lives in a shadow root styled through the CSSOM only (strict style-src works).
import { button } from './button.js';

const BOX =
  'box-sizing:border-box;height:100%;display:flex;flex-direction:column;align-items:center;' +
  'justify-content:center;gap:10px;padding:16px;text-align:center;font:15px/1.4 system-ui,sans-serif;' +
  'background:#f3f4f6;color:#1b1f24;border:1px dashed #6b7380;border-radius:8px;overflow:auto;';
const BUTTON = 'font:inherit;padding:8px 14px;border-radius:6px;cursor:pointer;border:1px solid #0b57d0;';

// Gives every frame still held by hand a placeholder (once); release() takes it away.
export function placeholders(guard) {
  for (const held of guard.held) {
    if (held.kind === 'iframe' && held.manual && held.bit < 8 && !held.unplace && held.el.getAttribute('data-src')) {
      place(guard, held);
    }
  }
}

function place(guard, held) {
  const { el, manual: purpose } = held;
  const core = guard.core;
  let from;
  try {
    from = new URL(el.getAttribute('data-src'), location.href).hostname;
  } catch (e) {
    return; // not a URL: nothing would load there anyway
  }
  const rect = el.getBoundingClientRect();
  const size = (measured, attribute, fallback) =>
    measured ? measured + 'px' : /^\d+$/.test(attribute || '') ? attribute + 'px' : attribute || fallback;
  const host = document.createElement('div');
  host.className = 'consent-guard-placeholder';
  host.style.cssText =
    'display:block;max-width:100%;width:' +
    size(rect.width, el.getAttribute('width'), '300px') +
    ';height:' +
    size(rect.height, el.getAttribute('height'), '150px') +
    ';';
  const root = host.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.style.cssText = BOX;
  const text = document.createElement('p');
  text.style.margin = '0';
  text.textContent = core
    .text('embed_held')
    .replace('{host}', from)
    .replace('{purpose}', core.text('purpose_' + purpose));
  const allow = button(core.text('embed_allow'), BUTTON + 'background:#0b57d0;color:#fff;', () =>
    guard.impl.decide({ [purpose]: true }, { button: 'allow_embed', layer: 'embed' }),
  );
  const settings = button(core.text('settings'), BUTTON + 'background:#fff;color:#0b57d0;', () => guard.ui.open());
  const actions = document.createElement('div');
  actions.append(allow, ' ', settings);
  box.append(text, actions);
  root.append(box);

  // The frame stays where it is, out of sight, so that the page's own code still finds it.
  const display = [el.style.getPropertyValue('display'), el.style.getPropertyPriority('display')];
  el.style.setProperty('display', 'none', 'important');
  el.before(host);
  held.unplace = () => {
    host.remove();
    if (display[0]) el.style.setProperty('display', display[0], display[1]);
    else el.style.removeProperty('display');
  };
}
