/* Shared by the Metrica stand-ins: routes.mjs serves this file in front of metrica-tag.js and
 * metrica-watch.js, which call window.__metricaStandin(marker) to get the counter and helpers.
 * A counter: cookies _ym_uid, _ym_d (+ _ym_visorc=w with webvisor), localStorage _ym_uid,
 * page-view beacon to /watch/ID, POSTs to /clmap/ID and /webvisor/ID, reachGoal images.
 * As real tag.js does: it uses sendBeacon only if it looks native ("[native code]"), else
 * fetch with keepalive; it loads mc.yandex.ru/metrika/metrika_match.html in a hidden frame and
 * keeps localStorage _ym<ID>_lsid. With window.__metricaServerSettings:
 *   sync: calls the cookie-sync partners (an.yandex.ru/sync_cookie, adstat, Yango's asas,
 *         Beeline, spadsync) with images;
 *   socket: sends Webvisor over wss://mc.yandex.ru/solid.ws: frames {"resource":
 *         "webvisor/<ID>","part":n,"data":...} and {"type":"ping"} every pingMs (5000 as in
 *         tag.js); if the socket is refused or fails, the parts go by HTTP instead:
 *         POST /webvisor/<ID>?wv-part=n&wv-type=7&wv-check=... */
window.__metricaStandin = function (marker) {
  var w = window, d = document;
  (w.__standins = w.__standins || []).push(marker);
  function log(o) { o.vendor = 'metrica'; (w.__standinLog = w.__standinLog || []).push(o); }
  function later(fn, args) { if (typeof fn === 'function') setTimeout(function () { fn.apply(null, args || []); }, 0); }
  function cookie(name) { var m = d.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)')); return m ? m[1] : null; }
  function setCookie(name, value) { d.cookie = name + '=' + value + '; path=/; max-age=31536000'; }
  var HOST = 'https://mc.yandex.ru';

  // What Webvisor would record for each form field: masked by ym-disable-keys (or legacy
  // -metrika-nokeys) on the field or an ancestor, unless a nearer ym-record-keys opts it in.
  function snapshotFields() {
    var out = [], els = d.querySelectorAll('input, textarea, select');
    for (var i = 0; i < els.length; i++) {
      var el = els[i], masked = el.type === 'password';
      for (var n = el; n && n.classList; n = n.parentElement) {
        if (n.classList.contains('ym-record-keys')) { masked = false; break; }
        if (n.classList.contains('ym-disable-keys') || n.classList.contains('-metrika-nokeys')) { masked = true; break; }
      }
      var v = String(el.value || '');
      out.push({ name: el.name || el.id || '', masked: masked, value: masked ? v.replace(/./g, '\u2022') : v });
    }
    return out;
  }

  function clientId() {
    var uid = cookie('_ym_uid');
    if (!uid) { try { uid = JSON.parse(localStorage.getItem('_ym_uid') || 'null'); } catch (e) { uid = null; } }
    return uid || String(Math.floor(Date.now() / 1000)) + String(Math.floor(Math.random() * 1e9));
  }

  function Counter(id, opts) {
    var c = this, disabled = !!(w['disableYaCounter' + id] || (w.Ya && w.Ya.disableMetrica));
    opts = opts || {};
    c.id = id; c._standin = true; c._disabled = disabled;
    var uid = clientId();
    function hit(url) { if (!disabled) new Image().src = url; }
    c.reachGoal = function (target, params, cb, ctx) {
      if (typeof params === 'function') { ctx = cb; cb = params; params = undefined; }
      log({ event: 'reachGoal', id: id, target: target, params: params });
      hit(HOST + '/watch/' + id + '?goal=' + encodeURIComponent(target));
      if (typeof cb === 'function') setTimeout(function () { cb.call(ctx || c); }, 0);
      return c;
    };
    c.hit = function (url, o) {
      o = o || {};
      hit(HOST + '/watch/' + id + '?page-url=' + encodeURIComponent(url || location.href));
      later(o.callback); return c;
    };
    c.params = function (p) { log({ event: 'params', id: id, params: p }); hit(HOST + '/watch/' + id + '?params=1'); return c; };
    c.userParams = function (p) { log({ event: 'userParams', id: id, params: p }); return c; };
    c.setUserID = function (u) { log({ event: 'setUserID', id: id, userId: u }); return c; };
    c.notBounce = function (o) { later((o || {}).callback); return c; };
    c.extLink = c.file = function (url, o) { hit(HOST + '/watch/' + id + '?link=' + encodeURIComponent(url)); later((o || {}).callback); return c; };
    c.getClientID = function (cb) { later(cb, [uid]); return uid; };
    c.destruct = function () { disabled = true; };

    if (disabled) { log({ event: 'disabled', id: id, opts: opts }); return; }
    log({ event: 'init', id: id, opts: opts });
    setCookie('_ym_uid', uid);
    setCookie('_ym_d', String(Math.floor(Date.now() / 1000)));
    try { localStorage.setItem('_ym_uid', JSON.stringify(uid)); } catch (e) { /* storage blocked */ }
    var settings = w.__metricaServerSettings || {};
    var nativeBeacon = /\[native code\]/.test(String(navigator.sendBeacon));
    var beacon = function (url) {
      if (nativeBeacon) navigator.sendBeacon(url);
      else fetch(url, { method: 'POST', keepalive: true, mode: 'no-cors' }).catch(function () {});
    };
    try { localStorage.setItem('_ym' + id + '_lsid', String(Math.floor(Math.random() * 1e9))); } catch (e) { /* blocked */ }
    var match = d.createElement('iframe');
    match.style.display = 'none';
    match.src = HOST + '/metrika/metrika_match.html#' + id;
    (d.body || d.documentElement).appendChild(match);
    if (!opts.defer) beacon(HOST + '/watch/' + id + '?page-url=' + encodeURIComponent(opts.url || location.href));
    // Real tag.js (2026 builds) also counts on a random subdomain of its host, and, when its
    // server settings say so (here: window.__metricaServerSettings.sync), calls cookie-sync
    // partners with images.
    hit('https://' + Math.random().toString(36).slice(2, 10) + '.mc.yandex.ru/watch/' + id + '?rn=1');
    if (w.__metricaServerSettings && w.__metricaServerSettings.sync) {
      ['https://an.yandex.ru/sync_cookie', 'https://adstat.yandex.ru/track?service=metrika', 'https://eu.asas.yango.com/mapuid/yandex/?uid=' + uid,
        'https://fcpe.beeline.ru/sync/me?uid=' + uid, 'https://spadsync.com/partner?uid=' + uid].forEach(hit);
      log({ event: 'cookie-sync', id: id });
    }
    if (opts.clickmap) fetch(HOST + '/clmap/' + id, { method: 'POST', body: 'x', mode: 'no-cors' }).catch(function () {});
    if (opts.webvisor === true) {
      setCookie('_ym_visorc', 'w');
      log({ event: 'webvisor', id: id, fields: snapshotFields() });
      var send = settings.socket ? webvisorSocket(id, settings.pingMs || 5000) : null;
      if (!send) fetch(HOST + '/webvisor/' + id, { method: 'POST', body: 'x', mode: 'no-cors' }).catch(function () {});
      if (w.__recorderStandin) w.__recorderStandin('webvisor', HOST + '/webvisor/' + id, send);
    }
    if (opts.triggerEvent) d.dispatchEvent(new Event('yacounter' + id + 'inited'));
  }
  // Webvisor's transport in 2026 builds: one socket, parts as JSON frames, a ping; HTTP parts
  // when the socket cannot be had. Returns send(body) for the recorder.
  function webvisorSocket(id, pingMs) {
    var part = 0, waiting = [], socket = null;
    function viaHttp(body) {
      fetch(HOST + '/webvisor/' + id + '?wv-part=' + (++part) + '&wv-type=7&wv-check=' + (body.length % 9973),
        { method: 'POST', body: body, mode: 'no-cors' }).catch(function () {});
    }
    function frame(body) { socket.send(JSON.stringify({ resource: 'webvisor/' + id, part: ++part, data: body })); }
    function fallBack() { socket = null; log({ event: 'webvisor-http', id: id }); waiting.splice(0).forEach(viaHttp); }
    try {
      socket = new WebSocket('wss://mc.yandex.ru/solid.ws?wmode=0&counter=' + id);
    } catch (e) {
      log({ event: 'socket-refused', id: id, message: String(e && e.message) });
    }
    if (socket) {
      socket.onopen = function () {
        log({ event: 'webvisor-socket', id: id });
        waiting.splice(0).forEach(frame);
        setInterval(function () { if (socket && socket.readyState === 1) socket.send('{"type":"ping"}'); }, pingMs);
      };
      socket.onerror = fallBack;
    }
    return function (body) {
      if (!socket) viaHttp(body);
      else if (socket.readyState === 1) frame(body);
      else if (socket.readyState === 0) waiting.push(body);
    };
  }
  return { Counter: Counter, log: log };
};
