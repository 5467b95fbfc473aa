/* Stand-in for the Meta Pixel's fbevents.js (connect.facebook.net/<locale>/fbevents.js).
 * Defines fbq.callMethod and replays fbq.queue (the base code's `arguments` objects).
 * 'init' registers a pixel; 'track'/'trackCustom'/'trackSingle' send
 * new Image().src='https://www.facebook.com/tr?id=<pixel>&ev=<event>&dl=..' and set the _fbp cookie.
 * Meta's consent switch: after fbq('consent','revoke') nothing is sent and no cookie is set; the
 * events are held and sent on fbq('consent','grant').
 * Marker: window.__standins gets 'fbevents'; window.__standinLog gets {vendor:'fbevents',...}. */
(function () {
  var w = window, d = document;
  (w.__standins = w.__standins || []).push('fbevents');
  function log(o) { o.vendor = 'fbevents'; (w.__standinLog = w.__standinLog || []).push(o); }
  var fbq = w.fbq;
  if (!fbq) {
    fbq = w.fbq = function () { fbq.callMethod ? fbq.callMethod.apply(fbq, arguments) : fbq.queue.push(arguments); };
    fbq.push = fbq; fbq.queue = [];
  }
  if (fbq.__standin) { log({ event: 'duplicate-load' }); return; } // already running
  fbq.__standin = true;
  fbq.loaded = true;
  fbq.version = '2.9.200';

  var pixels = [], revoked = false, held = [];
  function send(pixel, ev) {
    if (revoked) { held.push([pixel, ev]); log({ event: 'held', pixel: pixel, ev: ev }); return; }
    if (!/(?:^|; )_fbp=/.test(d.cookie)) {
      d.cookie = '_fbp=fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e9) + '; path=/; max-age=7776000';
    }
    new Image().src = 'https://www.facebook.com/tr?id=' + encodeURIComponent(pixel) + '&ev=' +
      encodeURIComponent(ev) + '&dl=' + encodeURIComponent(location.href);
    log({ event: 'hit', pixel: pixel, ev: ev });
  }
  fbq.callMethod = function (cmd, a, b) {
    try {
      if (cmd === 'init') { if (pixels.indexOf(String(a)) < 0) pixels.push(String(a)); log({ event: 'init', pixel: String(a) }); }
      else if (cmd === 'consent') {
        revoked = a === 'revoke';
        log({ event: 'consent', value: a });
        if (!revoked) { var h = held; held = []; for (var j = 0; j < h.length; j++) send(h[j][0], h[j][1]); }
      } else if (cmd === 'track' || cmd === 'trackCustom') { for (var i = 0; i < pixels.length; i++) send(pixels[i], a); }
      else if (cmd === 'trackSingle' || cmd === 'trackSingleCustom') send(String(a), b);
      else log({ event: 'call', method: cmd });
    } catch (e) { log({ event: 'error', message: String(e) }); }
  };
  var queue = fbq.queue || [];
  fbq.queue = [];
  for (var k = 0; k < queue.length; k++) fbq.callMethod.apply(fbq, queue[k]);
})();
