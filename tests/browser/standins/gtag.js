/* Stand-in for Google's gtag.js (www.googletagmanager.com/gtag/js?id=G-...).
 * Replays window.dataLayer, then patches dataLayer.push to process later entries at once.
 * gtag() commands (Arguments objects): consent default/update (Consent Mode state), set, js,
 * config (G- ids: page_view hit; AW- ids: _gcl_au cookie), event (hit + event_callback), get.
 * With analytics_storage granted (or no consent command at all) sets _ga and _ga_<id w/o "G-">;
 * when denied sends a cookieless ping. Hits: navigator.sendBeacon to
 * https://region1.google-analytics.com/g/collect?v=2&tid=..&en=..&gcs=G1<ad><analytics>&dl=..
 * Plain objects with eventCallback get it called; dataLayer.hide.end() ends the anti-flicker.
 * Marker: window.__standins gets 'gtag'; window.__standinLog gets {vendor:'gtag',...}. */
(function () {
  var w = window, d = document;
  (w.__standins = w.__standins || []).push('gtag');
  function log(o) { o.vendor = 'gtag'; (w.__standinLog = w.__standinLog || []).push(o); }
  function setCookie(name, value) { d.cookie = name + '=' + value + '; path=/; max-age=63072000'; }
  function cookie(name) { var m = d.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)')); return m ? m[1] : null; }
  function isArgs(x) { return Object.prototype.toString.call(x) === '[object Arguments]'; }
  // eventCallbacks already called (by this or the gtm.js stand-in): each is called once.
  var called = w.__standinCalledCallbacks = w.__standinCalledCallbacks || [];
  function callOnce(holder, fn) {
    if (typeof fn !== 'function' || called.indexOf(holder) >= 0) return;
    called.push(holder);
    setTimeout(function () { fn(); }, 0);
  }

  var src = (d.currentScript && d.currentScript.src) || '';
  var loadedId = (src.match(/[?&]id=([^&]+)/) || [])[1] || null;
  log({ event: 'load', id: loadedId });

  var dl = w.dataLayer = w.dataLayer || [];
  // A second gtag.js (e.g. one per id) shares the first one's runtime: no replay, no double hits.
  if (w.__standinGtagRuntime) return;
  w.__standinGtagRuntime = true;
  var consent = {}, configs = [];
  function granted(key) { return consent[key] !== 'denied'; }
  function gcs() { return 'G1' + (granted('ad_storage') ? '1' : '0') + (granted('analytics_storage') ? '1' : '0'); }
  function gaCookies(id) {
    if (!granted('analytics_storage')) return;
    var now = Math.floor(Date.now() / 1000);
    if (!cookie('_ga')) setCookie('_ga', 'GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + now);
    setCookie('_ga_' + id.replace(/^G-/, ''), 'GS2.1.s' + now + '$o1$g0$t' + now + '$j60$l0$h0');
  }
  // Like gtag.js: after a default with wait_for_update, hits wait for the update (or the timeout).
  var waiting = null;
  function flush() {
    if (!waiting) return;
    var list = waiting.list; clearTimeout(waiting.timer); waiting = null;
    for (var i = 0; i < list.length; i++) send(list[i][0], list[i][1]);
  }
  function send(id, name) {
    if (waiting) { waiting.list.push([id, name]); return; }
    if (w['ga-disable-' + id]) { log({ event: 'opted-out', id: id }); return; }
    gaCookies(id);
    var cid = granted('analytics_storage') ? '&cid=' + encodeURIComponent(cookie('_ga') || '') : '';
    navigator.sendBeacon('https://region1.google-analytics.com/g/collect?v=2&tid=' + id + '&en=' +
      encodeURIComponent(name) + '&gcs=' + gcs() + cid + '&dl=' + encodeURIComponent(location.href));
    log({ event: 'hit', id: id, en: name, gcs: gcs() });
  }

  function command(a) {
    var cmd = a[0], p = a[2] || {};
    if (cmd === 'consent' && (a[1] === 'default' || a[1] === 'update')) {
      for (var k in p) if (k !== 'wait_for_update' && k !== 'region') consent[k] = p[k];
      if (a[1] === 'default' && p.wait_for_update > 0 && !waiting) {
        waiting = { list: [], timer: setTimeout(flush, p.wait_for_update) };
      }
      log({ event: 'consent', mode: a[1], state: JSON.parse(JSON.stringify(consent)) });
      if (a[1] === 'update') { flush(); for (var i = 0; i < configs.length; i++) gaCookies(configs[i]); }
    } else if (cmd === 'config' && typeof a[1] === 'string') {
      var id = a[1];
      log({ event: 'config', id: id, params: p });
      if (/^G-/.test(id)) {
        if (configs.indexOf(id) < 0) configs.push(id);
        if (p.send_page_view !== false) send(id, 'page_view');
      } else if (/^AW-/.test(id) && granted('ad_storage')) {
        setCookie('_gcl_au', '1.1.' + Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000));
      }
    } else if (cmd === 'event') {
      var targets = p.send_to ? [].concat(p.send_to) : configs;
      for (var j = 0; j < targets.length; j++) if (/^G-/.test(targets[j])) send(targets[j], a[1]);
      callOnce(a, p.event_callback);
    } else if (cmd === 'get' && typeof a[3] === 'function') {
      var cb = a[3], val = a[2] === 'client_id' ? (cookie('_ga') || '').replace(/^GA1\.\d\./, '') : undefined;
      setTimeout(function () { cb(val); }, 0);
    } else if (cmd === 'set' || cmd === 'js') {
      log({ event: cmd, value: a[1] });
    }
  }
  function process(x) {
    try {
      if (isArgs(x)) command(x);
      else if (x && typeof x === 'object') callOnce(x, x.eventCallback);
    } catch (e) { log({ event: 'error', message: String(e) }); }
  }

  var seen = dl.slice();
  var prevPush = dl.push;
  dl.push = function () {
    var r = prevPush.apply(dl, arguments);
    for (var i = 0; i < arguments.length; i++) process(arguments[i]);
    return r;
  };
  for (var i = 0; i < seen.length; i++) process(seen[i]);
  if (dl.hide && typeof dl.hide.end === 'function') { dl.hide.end(); dl.hide.end = null; }
})();
