// Holds tracker <script>, <img> and <iframe> elements: those created by code (their src
// setters and setAttribute), those written by document.write, and those the parser
// inserts (seen by a MutationObserver before they run, the way yett does it).

const HELD_TYPE = 'text/plain';

export function holdElements(guard) {
  const scriptProto = HTMLScriptElement.prototype;
  const rawSetAttribute = Element.prototype.setAttribute;
  const srcSetters = new Map();
  const typeDesc = Object.getOwnPropertyDescriptor(scriptProto, 'type');
  const heldScripts = new WeakMap();
  guard.raw = { setAttribute: rawSetAttribute, srcSetters, typeDesc, heldScripts };

  const kindOf = (el) =>
    el instanceof HTMLScriptElement
      ? 'script'
      : el instanceof HTMLImageElement
        ? 'img'
        : el instanceof HTMLIFrameElement
          ? 'iframe'
          : null;

  // Returns true when the element was held and its src must not be set now.
  function hold(el, url) {
    const kind = kindOf(el);
    const bit = kind && guard.blocks(url);
    if (!bit) return false;
    const entry = guard.held.find((h) => h.el === el);
    if (entry)
      Object.assign(entry, { bit, url }); // src set again: the latest wins
    else guard.held.push({ el, kind, bit, url });
    if (kind !== 'script') return true;
    if (!heldScripts.has(el)) heldScripts.set(el, { type: el.getAttribute('type') });
    typeDesc.set.call(el, HELD_TYPE);
    return false; // a script keeps its src (snippets look for it) but cannot run
  }

  for (const Ctor of [HTMLScriptElement, HTMLImageElement, HTMLIFrameElement]) {
    const desc = Object.getOwnPropertyDescriptor(Ctor.prototype, 'src');
    srcSetters.set(Ctor.prototype, desc.set);
    Object.defineProperty(Ctor.prototype, 'src', {
      configurable: true,
      enumerable: true,
      get: desc.get,
      set(value) {
        if (!hold(this, String(value))) desc.set.call(this, value);
      },
    });
  }

  // A held script keeps its placeholder type whatever the page sets; the wish is kept.
  Object.defineProperty(scriptProto, 'type', {
    configurable: true,
    enumerable: true,
    get: typeDesc.get,
    set(value) {
      const held = heldScripts.get(this);
      if (held && !held.released) held.type = String(value);
      else typeDesc.set.call(this, value);
    },
  });

  Element.prototype.setAttribute = function (name, value) {
    const n = String(name).toLowerCase();
    if (n === 'src' && kindOf(this) && hold(this, String(value)) === true) return;
    const held = n === 'type' && heldScripts.get(this);
    if (held && !held.released) {
      held.type = String(value);
      return;
    }
    return rawSetAttribute.call(this, name, value);
  };

  // Markup written by document.write: tracker src attributes become inert data.
  for (const name of ['write', 'writeln']) {
    const raw = Document.prototype[name];
    Document.prototype[name] = function (...parts) {
      return raw.apply(
        this,
        parts.map((html) => defuse(guard, String(html))),
      );
    };
  }

  new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) inspect(guard, node, hold);
  }).observe(document.documentElement, { childList: true, subtree: true });
}

// Parsed (or innerHTML'd) elements, and hand-tagged ones (data-consent).
function inspect(guard, node, hold) {
  if (node.nodeType !== 1) return;
  const tag = node.tagName;
  if (tag !== 'SCRIPT' && tag !== 'IMG' && tag !== 'IFRAME') {
    if (node.firstElementChild) {
      for (const el of node.querySelectorAll('script,img,iframe')) inspect(guard, el, hold);
    }
    return;
  }
  if (guard.released.has(node) || guard.held.some((h) => h.el === node)) return; // seen (or moved)
  if (node.hasAttribute('data-consent')) {
    guard.held.push({ el: node, kind: tag.toLowerCase(), manual: node.getAttribute('data-consent') });
    if (guard.release) guard.release(); // added after the decision: its purpose may be allowed
    return;
  }
  const url = node.getAttribute('src');
  if (!url) return;
  const executable = tag !== 'SCRIPT' || /^(|module|(text|application)\/(x-)?(java|ecma)script)$/i.test(node.type);
  if (!executable || !guard.blocks(url)) return;
  guard.preloaded.push({ tag: node.outerHTML.slice(0, node.outerHTML.indexOf('>') + 1), url });
  if (tag === 'SCRIPT') hold(node, url);
  else {
    hold(node, url);
    node.removeAttribute('src'); // stops the element's own load, if it has not finished
  }
}

function defuse(guard, html) {
  return html.replace(/<(script|img|iframe)\b[^>]*>/gi, (tag) => {
    const m = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const url = m && (m[1] || m[2] || m[3]);
    if (!url || !guard.blocks(url)) return tag;
    const purpose = ['', 'analytics', 'session_recording', '', 'marketing'][guard.purposeOf(url)];
    const mark = ' data-consent="' + purpose + '"';
    // The hand-tagging forms: <script type="text/plain" src> and <img|iframe data-src>.
    if (/^<script/i.test(tag)) {
      return tag
        .replace(/\stype\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, '')
        .replace(/^<script/i, '<script type="text/plain"' + mark);
    }
    return tag.replace(m[0], ' data-src="' + url.replace(/"/g, '&quot;') + '"' + mark);
  });
}
