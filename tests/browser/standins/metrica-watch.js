/* Stand-in for the legacy Yandex.Metrica watch.js (mc.yandex.ru/metrika/watch.js, jsDelivr mirror).
 * Defines the counter constructors Ya.Metrika and Ya.Metrika2, then runs every function queued in
 * window.yandex_metrika_callbacks / yandex_metrika_callbacks2 (later pushes run at once).
 * A counter behaves like the tag.js stand-in: cookies _ym_uid, _ym_d (+ _ym_visorc=w with webvisor),
 * localStorage _ym_uid, page-view beacon to /watch/ID, POSTs to /clmap/ID and /webvisor/ID,
 * reachGoal(target, params, cb) sends an image to /watch/ID?goal=... and calls cb asynchronously.
 * Marker: window.__standins gets 'metrica-watch'; window.__standinLog gets {vendor:'metrica',...}. */
(function () {
  var w = window;
  var m = window.__metricaStandin('metrica-watch'), Counter = m.Counter, log = m.log;

  function construct(o) {
    o = o || {};
    var prev = w['yaCounter' + o.id];
    if (prev && prev._standin) { log({ event: 'duplicate-init', id: o.id }); return prev; }
    var c = new Counter(o.id, o);
    if (!c._disabled) w['yaCounter' + o.id] = c;
    return c;
  }
  w.Ya = w.Ya || {};
  w.Ya.Metrika = construct;
  w.Ya.Metrika2 = w.Ya.Metrika2 || construct;

  function runCallbacks(name) {
    var cbs = w[name];
    if (!cbs || cbs.length === undefined) return;
    function run(f) { try { f(); } catch (e) { log({ event: 'error', message: String(e) }); } }
    for (var i = 0; i < cbs.length; i++) run(cbs[i]);
    cbs.push = function (f) { run(f); return 0; };
  }
  runCallbacks('yandex_metrika_callbacks');
  runCallbacks('yandex_metrika_callbacks2');
})();
