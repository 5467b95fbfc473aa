/* Stand-in for the TikTok Pixel SDK (analytics.tiktok.com/i18n/pixel/events.js?sdkid=..&lib=ttq).
 * window[TiktokAnalyticsObject||'ttq'] is the snippet's array of queued [method, ...args] entries
 * with stub methods; this replays the queue, empties it, and replaces every method with a direct
 * one. page()/track() set the _ttp cookie and send
 * navigator.sendBeacon('https://analytics.tiktok.com/api/v2/pixel', '{"event":..,"pixel_code":..}').
 * TikTok's consent switch: after holdConsent()/revokeConsent() nothing is sent and no cookie is set;
 * held events go out on grantConsent().
 * Marker: window.__standins gets 'tiktok'; window.__standinLog gets {vendor:'tiktok',...}. */
(function () {
  var w = window, d = document;
  (w.__standins = w.__standins || []).push('tiktok');
  function log(o) { o.vendor = 'tiktok'; (w.__standinLog = w.__standinLog || []).push(o); }
  var name = w.TiktokAnalyticsObject || 'ttq';
  var ttq = w[name] = w[name] || [];
  if (ttq.__standin) { log({ event: 'duplicate-load' }); return; }
  ttq.__standin = true;

  var held = null; // array while consent is held
  function pixelIds() { var ids = []; for (var k in (ttq._i || {})) ids.push(k); return ids; }
  function send(ev, props) {
    if (held) { held.push([ev, props]); log({ event: 'held', ev: ev }); return; }
    if (!/(?:^|; )_ttp=/.test(d.cookie)) d.cookie = '_ttp=' + Math.random().toString(36).slice(2) + Date.now().toString(36) + '; path=/; max-age=33696000';
    var ids = pixelIds();
    navigator.sendBeacon('https://analytics.tiktok.com/api/v2/pixel', JSON.stringify({ event: ev, pixel_code: ids[0] || null, properties: props || {} }));
    log({ event: 'hit', ev: ev, pixels: ids });
  }
  var methods = {
    page: function () { send('Pageview'); },
    track: function (ev, props) { send(ev, props); },
    identify: function (u) { log({ event: 'identify', keys: Object.keys(u || {}) }); },
    holdConsent: function () { held = held || []; log({ event: 'consent', value: 'hold' }); },
    revokeConsent: function () { held = []; log({ event: 'consent', value: 'revoke' }); },
    grantConsent: function () {
      var h = held || []; held = null; log({ event: 'consent', value: 'grant' });
      for (var i = 0; i < h.length; i++) send(h[i][0], h[i][1]);
    },
    load: function (id) { ttq._i = ttq._i || {}; ttq._i[id] = ttq._i[id] || []; log({ event: 'load', id: id }); }
  };
  function call(m, args) {
    try { if (methods[m]) methods[m].apply(null, args); else log({ event: 'call', method: m }); }
    catch (e) { log({ event: 'error', message: String(e) }); }
  }
  var queue = Array.prototype.slice.call(ttq);
  ttq.length = 0;
  var all = (ttq.methods || []).concat(['load', 'page', 'track']);
  for (var i = 0; i < all.length; i++) (function (m) { ttq[m] = function () { call(m, Array.prototype.slice.call(arguments)); return ttq; }; })(all[i]);
  ttq.instance = function () { return ttq; };
  ttq.push = function (e) { if (e && e.length) call(e[0], Array.prototype.slice.call(e, 1)); return 0; };
  for (var j = 0; j < queue.length; j++) if (queue[j] && queue[j].length) call(queue[j][0], Array.prototype.slice.call(queue[j], 1));
})();
