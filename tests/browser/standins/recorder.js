/* Shared by the session-recorder stand-ins (Webvisor in the Metrica ones, Hotjar, Clarity):
 * routes.mjs serves this file in front of them. window.__recorderStandin(vendor, endpoint)
 * records the page the way a recorder does (a snapshot of every text and field value, then
 * every typed value and every added or changed text, in open shadow roots too) and POSTs it
 * as JSON to `endpoint` every 50 ms and on pagehide. It honours its vendor's documented
 * markers and nothing else, so that a test sees exactly what the markers keep out:
 *   webvisor  values: ym-disable-keys / -metrika-nokeys unless a nearer ym-record-keys;
 *             text:   ym-hide-content unless a nearer ym-show-content
 *   hotjar    both:   data-hj-suppress unless a nearer data-hj-allow
 *   clarity   both:   data-clarity-mask unless a nearer data-clarity-unmask
 * Masked values are sent as bullets of the same length (as Webvisor does). Webvisor also
 * stands in for Metrica's contact-data capture: on blur and submit, e-mail and phone fields
 * not under ym-disable-keys are hashed (FNV-1a, hex) and sent to /watch/ID?contact=...
 * `send(body)`, when given, carries the recorded batches instead (Webvisor's WebSocket). */
window.__recorderStandin = function (vendor, endpoint, send) {
  var w = window, d = document;
  var RULES = {
    webvisor: { value: [['ym-record-keys'], ['ym-disable-keys', '-metrika-nokeys']], text: [['ym-show-content'], ['ym-hide-content']] },
    hotjar: { value: [['@data-hj-allow'], ['@data-hj-suppress']], text: [['@data-hj-allow'], ['@data-hj-suppress']] },
    clarity: { value: [['@data-clarity-unmask'], ['@data-clarity-mask']], text: [['@data-clarity-unmask'], ['@data-clarity-mask']] },
  }[vendor];
  var queue = [];
  function has(el, marker) {
    return marker.charAt(0) === '@' ? el.hasAttribute(marker.slice(1)) : el.classList.contains(marker);
  }
  function parentOf(n) { return n.parentElement || (n.getRootNode && n.getRootNode().host) || null; }
  // The nearest marker decides: [allow markers, mask markers].
  function masked(el, rule) {
    for (var n = el; n && n.nodeType === 1; n = parentOf(n)) {
      if (rule[0].some(function (m) { return has(n, m); })) return false;
      if (rule[1].some(function (m) { return has(n, m); })) return true;
    }
    return false;
  }
  function bullets(v) { return String(v).replace(/[^\s]/g, '\u2022'); }
  function fieldValue(el) {
    var v = String(el.value || '');
    return masked(el, RULES.value) || el.type === 'password' ? bullets(v) : v;
  }
  function textOf(t) {
    var el = t.parentElement;
    if (!el || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(el.tagName)) return null;
    return masked(el, RULES.text) ? bullets(t.data) : t.data;
  }
  function nameOf(el) { return el.name || el.id || el.localName; }
  function snapshot(root) {
    var walker = d.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 3) {
        var t = textOf(n);
        if (t && t.trim()) queue.push({ t: 'text', v: t });
      } else {
        if (/^(INPUT|TEXTAREA|SELECT)$/.test(n.tagName)) queue.push({ t: 'field', n: nameOf(n), v: fieldValue(n) });
        if (n.shadowRoot) { snapshot(n.shadowRoot); observe(n.shadowRoot); }
      }
    }
  }
  var observer = new MutationObserver(function (records) {
    records.forEach(function (r) {
      if (r.type === 'characterData') {
        var t = textOf(r.target);
        if (t) queue.push({ t: 'text', v: t });
      } else {
        r.addedNodes.forEach(function (n) {
          if (n.nodeType === 3) { var t = textOf(n); if (t) queue.push({ t: 'text', v: t }); }
          else if (n.nodeType === 1) snapshot(n.parentNode || n);
        });
      }
    });
  });
  function observe(root) { observer.observe(root, { childList: true, subtree: true, characterData: true }); }
  function target(e) { return (e.composedPath && e.composedPath()[0]) || e.target; }
  d.addEventListener('input', function (e) {
    var el = target(e);
    if (el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) queue.push({ t: 'input', n: nameOf(el), v: fieldValue(el) });
  }, true);
  if (vendor === 'webvisor') {
    var contact = function (el) {
      if (!el || !/^(INPUT)$/.test(el.tagName) || !/email|tel|phone|mail/i.test(el.type + ' ' + el.name) || !el.value) return;
      for (var n = el; n && n.nodeType === 1; n = parentOf(n)) if (has(n, 'ym-disable-keys')) return;
      var h = 2166136261;
      for (var i = 0; i < el.value.length; i++) { h ^= el.value.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
      new Image().src = endpoint.replace('/webvisor/', '/watch/') + '?contact=' + h.toString(16);
    };
    d.addEventListener('blur', function (e) { contact(target(e)); }, true);
    d.addEventListener('submit', function (e) {
      var els = e.target.elements || [];
      for (var i = 0; i < els.length; i++) contact(els[i]);
    }, true);
  }
  function flush(beacon) {
    if (!queue.length) return;
    var body = JSON.stringify({ vendor: vendor, events: queue.splice(0) });
    if (send) send(body);
    else if (beacon) navigator.sendBeacon(endpoint, body);
    else fetch(endpoint, { method: 'POST', body: body, mode: 'no-cors', keepalive: true }).catch(function () {});
  }
  snapshot(d.documentElement);
  observe(d.documentElement);
  setInterval(flush, 50);
  w.addEventListener('pagehide', function () { flush(true); });
  (w.__recorders = w.__recorders || []).push(vendor);
  return { flush: flush };
};
