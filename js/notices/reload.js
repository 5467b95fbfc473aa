// A small status message after a withdrawal: "reload to finish". It lives in a shadow
// root (the site's CSS cannot reach it) and is styled through the CSSOM only, so it works
// under a strict style-src.
import { button } from './button.js';

// Above the banner's "cookie settings" button (12px from the bottom, at least 32px high, in the
// top layer): the visitor may want it right after a withdrawal, and the notice must not hide it.
const STYLE = {
  host: 'position:fixed;left:12px;right:12px;bottom:60px;z-index:2147483647;max-width:560px;margin:0 auto;',
  box: 'font:15px/1.4 system-ui,sans-serif;background:#1f2933;color:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 4px 16px rgba(0,0,0,.3);',
  button: 'font:inherit;margin:8px 8px 0 0;padding:6px 12px;border-radius:6px;border:1px solid #fff;cursor:pointer;',
};

export function showReloadNotice(core) {
  if (document.getElementById('consent-guard-notice')) return;
  const host = document.createElement('div');
  host.id = 'consent-guard-notice';
  host.style.cssText = STYLE.host;
  const root = host.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.style.cssText = STYLE.box;
  const text = document.createElement('p');
  text.style.margin = '0';
  text.textContent = core.text('reload_notice');
  const reload = button(core.text('reload_button'), STYLE.button + 'background:#fff;color:#1f2933;', () =>
    location.reload(),
  );
  const dismiss = button(core.text('dismiss_button'), STYLE.button + 'background:transparent;color:#fff;', () =>
    host.remove(),
  );
  box.append(text, reload, dismiss);
  root.append(box);
  (document.body || document.documentElement).append(host);
}
