/* Stand-in for Yandex.Metrica tag.js (mc.yandex.<tld>/metrika/tag.js, jsDelivr mirror).
 * Like the real script it finds window.ym, replays the queued ym.a `arguments`, then replaces
 * window.ym with a direct processor (and patches the old queue's push). It also serves the
 * Ya.Metrika2 / yandex_metrika_callbacks2 install form.
 * Per counter: cookies _ym_uid, _ym_d (+ _ym_visorc=w with webvisor), localStorage _ym_uid,
 * window.yaCounterID, page-view beacon to /watch/ID, POSTs to /clmap/ID and /webvisor/ID.
 * Marker: window.__standins gets 'metrica-tag'; window.__standinLog gets {vendor:'metrica',...}. */
(function () {
  var w = window;
  var m = window.__metricaStandin('metrica-tag'), Counter = m.Counter, log = m.log;

  var pending = {}, disabled = {}; // calls made before a counter's init; disabled counters
  function call(args) {
    var id = args[0], method = args[1], rest = Array.prototype.slice.call(args, 2);
    var counter = disabled[id] || w['yaCounter' + id];
    if (method === 'init') {
      if (counter && counter._standin) { log({ event: 'duplicate-init', id: id }); return; }
      counter = new Counter(id, rest[0]);
      if (counter._disabled) disabled[id] = counter; // sends nothing, still calls callbacks
      else w['yaCounter' + id] = counter;
      var queued = pending[id] || []; delete pending[id];
      for (var i = 0; i < queued.length; i++) call(queued[i]);
      return;
    }
    if (!counter) { (pending[id] = pending[id] || []).push(args); return; }
    if (typeof counter[method] === 'function') return counter[method].apply(counter, rest);
    log({ event: 'unknown-method', id: id, method: method });
  }
  function safeCall(args) { try { return call(args); } catch (e) { log({ event: 'error', message: String(e) }); } }

  // Replay the snippet's queue, then take over window.ym.
  var old = w.ym, queue = (old && old.a) || [];
  var ym = function () { return safeCall(arguments); };
  ym.l = (old && old.l) || +new Date();
  w.ym = ym;
  for (var i = 0; i < queue.length; i++) safeCall(queue[i]);
  if (old && old.a) old.a.push = function () { for (var j = 0; j < arguments.length; j++) safeCall(arguments[j]); return 0; };

  // Ya.Metrika2 + yandex_metrika_callbacks2 install form.
  w.Ya = w.Ya || {};
  w.Ya.Metrika2 = function (o) {
    o = o || {};
    var prev = w['yaCounter' + o.id];
    if (prev && prev._standin) { log({ event: 'duplicate-init', id: o.id }); return prev; }
    var c = new Counter(o.id, o);
    if (!c._disabled) w['yaCounter' + o.id] = c;
    return c;
  };
  var cbs = w.yandex_metrika_callbacks2;
  if (cbs && cbs.length !== undefined) {
    for (var k = 0; k < cbs.length; k++) { try { cbs[k](); } catch (e) { log({ event: 'error', message: String(e) }); } }
    cbs.push = function (f) { try { f(); } catch (e) { log({ event: 'error', message: String(e) }); } return 0; };
  }
})();
