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

  // A marketing-heavy container (read in a real one, GTM-W4C29QZ version 349): besides GA4, Custom
  // HTML tags that inject LinkedIn Insight, Reddit, Bing UET, Snap, TikTok and a VK pixel, and an
  // ad network only the long tail knows (AdRoll). Each is a createElement('script') with a src.
  if (id === 'GTM-MKTG1') {
    var tags = [
      ['ga4', 'https://www.googletagmanager.com/gtag/js?id=G-MKTG1'],
      ['linkedin', 'https://snap.licdn.com/li.lms-analytics/insight.min.js'],
      ['reddit', 'https://www.redditstatic.com/ads/pixel.js'],
      ['bing', 'https://bat.bing.com/bat.js'],
      ['snap', 'https://sc-static.net/scevent.min.js'],
      ['tiktok', 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=CMKTG'],
      ['adroll', 'https://s.adroll.com/j/roundtrip.js'],
    ];
    for (var t = 0; t < tags.length; t++) {
      var tag = d.createElement('script');
      tag.async = true;
      tag.src = tags[t][1];
      (d.head || d.documentElement).appendChild(tag);
      log({ event: 'inject', tag: tags[t][0], src: tag.src });
    }
    // The VK pixel's Custom HTML: an image, as VK's noscript form.
    new Image().src = 'https://vk.com/rtrg?p=VK-RTRG-MKTG1';
    return;
  }

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
