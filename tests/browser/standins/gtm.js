/* Stand-in for a Google Tag Manager container (www.googletagmanager.com/gtm.js?id=GTM-...).
 * Processes window.dataLayer objects (calls eventCallback asynchronously, also for later pushes),
 * ends the anti-flicker dataLayer.hide, defines window.google_tag_manager[<id>], and, like a real
 * container with tags, injects further tags at run time: the Meta Pixel (standard fbq queue stub
 * if absent, then a createElement('script') with src connect.facebook.net/en_US/fbevents.js,
 * appended to the document) with fbq('init','1234567890') and fbq('track','PageView').
 * Marker: window.__standins gets 'gtm'; window.__standinLog gets {vendor:'gtm',...}. */
(function () {
  var w = window, d = document;
  (w.__standins = w.__standins || []).push('gtm');
  function log(o) { o.vendor = 'gtm'; (w.__standinLog = w.__standinLog || []).push(o); }
  var called = w.__standinCalledCallbacks = w.__standinCalledCallbacks || [];
  function callOnce(holder, fn) {
    if (typeof fn !== 'function' || called.indexOf(holder) >= 0) return;
    called.push(holder);
    setTimeout(function () { fn(); }, 0);
  }

  var src = (d.currentScript && d.currentScript.src) || '';
  var id = (src.match(/[?&]id=([^&]+)/) || [])[1] || 'GTM-UNKNOWN';
  var gtm = w.google_tag_manager = w.google_tag_manager || {};
  if (gtm[id]) { log({ event: 'duplicate-load', id: id }); return; } // real containers load once
  gtm[id] = { dataLayer: { name: 'dataLayer' } };
  log({ event: 'load', id: id });

  var dl = w.dataLayer = w.dataLayer || [];
  function process(x) {
    if (x && typeof x === 'object' && Object.prototype.toString.call(x) === '[object Object]') {
      if (x.event) log({ event: 'dataLayer', name: x.event });
      callOnce(x, x.eventCallback);
    }
  }
  var seen = dl.slice(), prevPush = dl.push;
  dl.push = function () {
    var r = prevPush.apply(dl, arguments);
    for (var i = 0; i < arguments.length; i++) process(arguments[i]);
    return r;
  };
  for (var i = 0; i < seen.length; i++) process(seen[i]);
  if (dl.hide && typeof dl.hide.end === 'function') { dl.hide.end(); dl.hide.end = null; }
  dl.push({ event: 'gtm.dom' });

  // Tag: Meta Pixel base code, injected at run time as a container would.
  if (!w.fbq) {
    var n = w.fbq = function () { n.callMethod ? n.callMethod.apply(n, arguments) : n.queue.push(arguments); };
    if (!w._fbq) w._fbq = n;
    n.push = n; n.loaded = true; n.version = '2.0'; n.queue = [];
  }
  var s = d.createElement('script');
  s.async = true;
  s.src = 'https://connect.facebook.net/en_US/fbevents.js';
  (d.body || d.head || d.documentElement).appendChild(s);
  w.fbq('init', '1234567890');
  w.fbq('track', 'PageView');
  log({ event: 'inject', tag: 'meta-pixel', src: s.src });
})();
