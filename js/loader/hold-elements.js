// Holds tracker <script>, <img> and <iframe> elements: those created by code (their src
// setters and setAttribute, and insertion.js when they are inserted), those written in
// markup (document.write, a frame's srcdoc, innerHTML and the like), and those the parser
// inserts (seen by a MutationObserver before they run, the way yett does it). Installed in each guarded window (realm.js); the held list and the raw natives the
// runtime releases with are shared, and work on elements of any of those windows.
import { replaceMethod, replaceAccessor } from './patch.js';

const HELD_TYPE = 'text/plain';
const HTML = 'http://www.w3.org/1999/xhtml';

// guardChildren: guards this window's same-origin frames (insertion.js), after the parser
// inserted some.
export function holdElements(guard, win, guardChildren) {
  const raw = guard.raw || (guard.raw = rawNatives(guard, win));
  const { heldScripts, kindOf } = raw;

  for (const kind of ['script', 'img', 'iframe']) {
    const proto = win[CTOR[kind]].prototype;
    replaceAccessor(guard, proto, 'src', (desc) => ({
      get: desc.get,
      set(value) {
        if (!raw.hold(this, String(value))) desc.set.call(this, value);
      },
    }));
  }
  replaceAccessor(guard, win.HTMLIFrameElement.prototype, 'srcdoc', (desc) => ({
    get: desc.get,
    set(value) {
      desc.set.call(this, frameMarkup(guard, String(value)));
    },
  }));

  // A held script keeps its placeholder type whatever the page sets; the wish is kept.
  replaceAccessor(guard, win.HTMLScriptElement.prototype, 'type', (desc) => ({
    get: desc.get,
    set(value) {
      const held = heldScripts.get(this);
      if (held && !held.released) held.type = String(value);
      else desc.set.call(this, value);
    },
  }));

  replaceMethod(
    guard,
    win.Element.prototype,
    'setAttribute',
    (rawSetAttribute) =>
      function (name, value) {
        const n = String(name).toLowerCase();
        const kind = kindOf(this);
        if (n === 'src' && kind && raw.hold(this, String(value)) === true) return;
        if (n === 'srcdoc' && kind === 'iframe') value = frameMarkup(guard, String(value));
        const held = n === 'type' && heldScripts.get(this);
        if (held && !held.released) {
          held.type = String(value);
          return;
        }
        return rawSetAttribute.call(this, name, value);
      },
  );

  // Markup written by document.write: tracker src attributes become inert data.
  for (const name of ['write', 'writeln']) {
    replaceMethod(
      guard,
      win.Document.prototype,
      name,
      (rawWrite) =>
        function (...parts) {
          return rawWrite.apply(
            this,
            parts.map((html) => defuse(guard, String(html))),
          );
        },
    );
  }

  const observer = new win.MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) inspect(guard, node, true);
    guardChildren(); // a parsed <iframe>
  });
  observer.observe(win.document, { childList: true, subtree: true });
}

const CTOR = { script: 'HTMLScriptElement', img: 'HTMLImageElement', iframe: 'HTMLIFrameElement' };

// The natives the runtime releases with, from the page's own window, and the one hold().
function rawNatives(guard, win) {
  const el = win.Element.prototype;
  const localName = Object.getOwnPropertyDescriptor(el, 'localName').get;
  const namespace = Object.getOwnPropertyDescriptor(el, 'namespaceURI').get;
  const typeDesc = Object.getOwnPropertyDescriptor(win.HTMLScriptElement.prototype, 'type');
  const heldScripts = new WeakMap();
  const src = {};
  for (const kind in CTOR) src[kind] = Object.getOwnPropertyDescriptor(win[CTOR[kind]].prototype, 'src').set;
  // 'script' | 'img' | 'iframe' | null, for an element of any window (instanceof is not).
  const kindOf = (node) => {
    const name = namespace.call(node) === HTML && localName.call(node);
    return CTOR[name] ? name : null;
  };
  // Returns true when the element was held and its src must not be set now.
  function hold(el, url) {
    const kind = kindOf(el);
    const bit = kind && guard.blocks(url);
    if (!bit) return false;
    let entry = guard.held.find((h) => h.el === el);
    if (entry)
      Object.assign(entry, { bit, url }); // src set again: the latest wins
    else guard.held.push((entry = { el, kind, bit, url }));
    if (kind !== 'script') return true;
    const target = url.replace(/^[a-z]*:?\/\/|^/i, ''); // the registry's rules see host + path
    for (const [re, names] of guard.data.g) if (re.test(target) && !entry.unstub) entry.unstub = standIn(el, names);
    if (!heldScripts.has(el)) heldScripts.set(el, { type: el.getAttribute('type') });
    typeDesc.set.call(el, HELD_TYPE);
    return false; // a script keeps its src (snippets look for it) but cannot run
  }
  return { setAttribute: el.setAttribute, src, typeDesc, heldScripts, kindOf, hold };
}

const looked = new WeakSet(); // containers whose subtree inspect() went through

// Elements (and fragments) inserted by the parser (`parsed`: the preload scanner may have
// fetched them) or by code, and hand-tagged ones (data-consent).
export function inspect(guard, node, parsed) {
  const kind = node.nodeType === 1 && guard.raw.kindOf(node);
  if (!kind) {
    // A container inserted by code was looked through as it went in: the observer that reports
    // it again a moment later need not (the parser's containers come only to the observer).
    if (node.firstElementChild && !looked.has(node)) {
      looked.add(node);
      for (const el of node.querySelectorAll('script,img,iframe')) inspect(guard, el, parsed);
    }
    return;
  }
  if (guard.released.has(node) || guard.held.some((h) => h.el === node)) return; // seen (or moved)
  if (node.hasAttribute('data-consent')) {
    guard.held.push({ el: node, kind, manual: node.getAttribute('data-consent') });
    if (guard.release) guard.release(); // added after the decision: its purpose may be allowed
    return;
  }
  const srcdoc = kind === 'iframe' && node.getAttribute('srcdoc');
  const framed = srcdoc && frameMarkup(guard, srcdoc);
  if (framed !== srcdoc) guard.raw.setAttribute.call(node, 'srcdoc', framed);
  const url = node.getAttribute('src');
  if (!url) return;
  const executable = kind !== 'script' || /^(|module|(text|application)\/(x-)?(java|ecma)script)$/i.test(node.type);
  const bit = executable && guard.blocks(url);
  // The parser's elements are never delayed for a host only the core can place: a CDN's
  // library keeps its turn. Code's are, briefly (raw.hold).
  if (!bit || (parsed && bit === guard.data.u)) return;
  if (parsed) guard.preloaded.push({ tag: node.outerHTML.slice(0, node.outerHTML.indexOf('>') + 1), url });
  guard.raw.hold(node, url);
  if (kind !== 'script') node.removeAttribute('src'); // stops the element's own load, if it has not finished
}

// A frame's srcdoc: defused, and with code in it, led by the guard's own tag marked
// data-cg-frame. A srcdoc set on a frame that has shown a page already makes a new window,
// whose scripts would run before the page's guard could reach it: that tag guards it first
// (js/loader/index.js).
function frameMarkup(guard, html) {
  const nonce = guard.tag && guard.tag.nonce;
  const tag =
    '<script src="' +
    guard.base +
    'consent-guard.js"' +
    (nonce ? ' nonce="' + nonce + '"' : '') +
    ' data-cg-frame></script>';
  html = defuse(guard, html);
  return /<script/i.test(html) && !html.startsWith(tag) ? tag + html : html;
}

// Markup with tracker elements in their held, hand-tagged form (once: a tag marked
// data-consent is left as it is).
export function defuse(guard, html) {
  return html.replace(/<(script|img|iframe)\b[^>]*>/gi, (tag) => {
    const m = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const url = m && (m[1] || m[2] || m[3]);
    const bit = url && guard.blocks(url);
    if (!bit || bit & guard.data.u || /\sdata-consent\b/i.test(tag)) return tag;
    const purpose = Object.keys(guard.data.p).find((name) => guard.data.p[name] === bit);
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

// Stands in for the globals a page calls right after a held script's tag ("VK", the registry's
// page_globals: VK.init(...), VK.Widgets.Comments(...)), so that its inline code does not throw.
// Every call through a stand-in is queued; the returned function takes the stand-ins away just
// before the real script is let go (VK's defines VK.Widgets only if it is missing), and replays
// the calls on the real one once it has loaded.
function standIn(el, names) {
  const win = el.ownerDocument.defaultView;
  const queue = [];
  const proxy = (path) =>
    new Proxy(function () {}, {
      get: (fn, key) => (key === 'then' || typeof key === 'symbol' ? undefined : proxy(path.concat(key))),
      apply: (fn, self, args) => {
        queue.push([path, args]);
      },
    });
  const made = names.split(' ').filter((name) => win[name] === undefined);
  for (const name of made) win[name] = proxy([name]);
  return () => {
    for (const name of made) delete win[name];
    el.addEventListener('load', () => {
      for (const [path, args] of queue) {
        const owner = path.slice(0, -1).reduce((o, key) => o && o[key], win);
        const fn = owner && owner[path[path.length - 1]];
        if (typeof fn === 'function') fn.apply(owner, args);
      }
    });
  };
}
