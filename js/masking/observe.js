// Keeps what visitors type and personal data shown on the page out of session recordings
// (issue 4). The masking module decides which fields and text blocks carry personal data and
// which markers each recorder honours; this finds the fields and text, asks, and marks them:
// the initial page before anything allowed is released, and whatever is added later in the
// same microtask checkpoint as its insertion (a MutationObserver), so before the next
// frame and before any recorder's own observer (created later, so notified later).
import { clip, describeField, markOf } from './describe.js';
import { addMarkers, hasMarkers, hasUnmask, removeUnmask } from './markers.js';
// The limits, the elements whose text is never a block, and the cheap first look at a text
// (MAYBE_PERSONAL: text that cannot hold a phone number, an IIN or an e-mail address is not
// worth a trip to the core): the core's rules (wasm/include/cg/page_reading.h).
import { BLOCK_CHARS, SKIP_TEXT, MAYBE_PERSONAL } from 'cg:page-reading';

const FIELDS = 'input,textarea,select';

const BANNER_HOST = 'consent-guard-banner';
const skipBanner = { acceptNode: (n) => (n.id === BANNER_HOST ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) };

// module: the masking module (its mask(request) call, see wasm/bindings/masking_embind.cpp).
export function startMasking(module) {
  const first = JSON.parse(module.mask(JSON.stringify({ markers: true })));
  const markers = first.markers;
  const masked = new Map(); // element -> {kind, signal, target}
  const roots = new WeakSet();
  const unmaskAttrs = markers.unmask.attributes;
  // Every attribute the core's lists name (its masks and opt-ins): a page that strips any of
  // them, or puts an opt-in back, is seen and masked again.
  const watchedAttributes = [
    ...new Set([
      'class',
      ...Object.keys(markers.field.attributes),
      ...Object.keys(markers.text.attributes),
      ...unmaskAttrs,
    ]),
  ];
  const observer = new MutationObserver(onMutations);

  function mark(el, verdict, target) {
    const set = target === 'field' ? markers.field : markers.text;
    addMarkers(el, set);
    removeUnmask(el, markers.unmask);
    masked.set(el, { kind: verdict.kind, signal: verdict.signal, target });
    if (masked.size > 2 * kept) prune(); // single-page apps replace their forms again and again
  }

  // Forgets elements that left the page, so that they can be collected.
  let kept = 256;
  function prune() {
    for (const [el] of masked) if (!el.isConnected) masked.delete(el);
    kept = Math.max(256, masked.size);
  }

  // Classifies and marks the fields and text blocks in `nodes` (elements or text nodes).
  function process(nodes) {
    const fields = [];
    const blocks = new Set();
    for (const node of nodes) {
      // One walk over each added subtree (elements and shadow roots; text nodes on their own)
      // finds its fields, text, shadow roots and iframes; the banner's subtree is skipped.
      if (node.nodeType !== 1 && node.nodeType !== 3 && node.nodeType !== 11) continue;
      if (node.nodeType !== 11) visit(node, fields, blocks);
      if (node.nodeType === 3 || node.id === BANNER_HOST) continue;
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, skipBanner);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) visit(n, fields, blocks);
    }
    const texts = Array.from(blocks);
    if (!fields.length && !texts.length) return;
    const request = {
      fields: fields.map(describeField),
      texts: texts.map((el) => ({ text: clip(el.textContent, BLOCK_CHARS), mark: markOf(el) })),
    };
    const answer = JSON.parse(module.mask(JSON.stringify(request)));
    if (!answer.ok) throw new Error('masking: ' + answer.error.message);
    answer.fields.forEach((v, i) => v.mask && mark(fields[i], v, 'field'));
    answer.texts.forEach((v, i) => v.mask && mark(texts[i], v, 'text'));
  }

  function visit(n, fields, blocks) {
    if (n.nodeType === 3) return collectText(n, blocks);
    if (n.id === BANNER_HOST) return;
    if (n.matches(FIELDS)) fields.push(n);
    if (n.shadowRoot) watch(n.shadowRoot);
    if (n.localName === 'iframe') watchFrame(n);
  }

  function collectText(node, blocks) {
    const el = node.parentElement;
    if (el && !SKIP_TEXT.has(el.tagName) && MAYBE_PERSONAL.test(node.data)) blocks.add(el);
  }

  function onMutations(records) {
    const nodes = [];
    for (const r of records) {
      if (r.type === 'childList') nodes.push(...r.addedNodes);
      else if (r.type === 'characterData') nodes.push(r.target);
      else restore(r.target);
    }
    if (nodes.length) process(nodes);
  }

  // The page changed a marked element's classes (frameworks re-render className) or put an
  // opt-in marker back: mask again.
  function restore(el) {
    const entry = masked.get(el);
    if (entry) {
      const set = entry.target === 'field' ? markers.field : markers.text;
      if (!hasMarkers(el, set)) addMarkers(el, set);
    }
    if (hasUnmask(el, markers.unmask)) for (const [m] of masked) if (el.contains(m)) removeUnmask(m, markers.unmask);
  }

  function watch(root) {
    if (roots.has(root)) return;
    roots.add(root);
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: watchedAttributes,
    });
    process([root.nodeType === 9 ? root.documentElement : root].filter(Boolean));
  }

  function watchFrame(frame) {
    const visit = () => {
      let doc = null;
      try {
        doc = frame.contentDocument; // null, or a SecurityError, for another origin
      } catch (e) {}
      if (doc && doc.documentElement) watch(doc);
    };
    if (!frame.__cgWatched) {
      frame.__cgWatched = true;
      frame.addEventListener('load', visit);
    }
    visit();
  }

  // Shadow roots attached from now on: watched from the start (open ones only: a closed root
  // is out of every page script's reach, recorders' included).
  const attach = Element.prototype.attachShadow;
  if (attach) {
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      if (init && init.mode === 'open' && this.id !== BANNER_HOST) watch(root);
      return root;
    };
  }

  watch(document);
  // A field parsed before its <label for> arrived was classified without it: once the page
  // is parsed, look again (marks are only ever added).
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => process([document.documentElement]), { once: true });
  }
  return {
    report() {
      prune();
      const out = [];
      for (const [element, e] of masked) {
        if (element.isConnected) out.push({ element, target: e.target, kind: e.kind, signal: e.signal });
      }
      return out;
    },
  };
}
