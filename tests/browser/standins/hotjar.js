/* Stand-in for Hotjar's site script (static.hotjar.com/c/hotjar-<site id>.js?sv=6).
 * Site id from window._hjSettings.hjid (or the script URL). Replays hj.q (the snippet's
 * `arguments` objects), then replaces window.hj with a direct processor. Sets cookies
 * _hjSessionUser_<id> and _hjSession_<id> and sends
 * fetch('https://in.hotjar.com/api/v2/client/sites/<id>/visit-data', {method:'POST', mode:'no-cors'}).
 * Its recording snapshot of form fields (logged as event 'record') masks fields under
 * data-hj-suppress unless a nearer data-hj-allow.
 * Marker: window.__standins gets 'hotjar'; window.__standinLog gets {vendor:'hotjar',...}. */
(function () {
  var w = window, d = document;
  (w.__standins = w.__standins || []).push('hotjar');
  function log(o) { o.vendor = 'hotjar'; (w.__standinLog = w.__standinLog || []).push(o); }
  var old = w.hj || {}, queue = old.q || [];
  if (old.__standin) { log({ event: 'duplicate-load' }); return; }
  var src = (d.currentScript && d.currentScript.src) || '';
  var id = String((w._hjSettings && w._hjSettings.hjid) || (src.match(/hotjar-(\d+)\.js/) || [])[1] || '0');

  function snapshotFields() {
    var out = [], els = d.querySelectorAll('input, textarea, select');
    for (var i = 0; i < els.length; i++) {
      var el = els[i], masked = el.type === 'password';
      for (var n = el; n && n.hasAttribute; n = n.parentElement) {
        if (n.hasAttribute('data-hj-allow')) { masked = false; break; }
        if (n.hasAttribute('data-hj-suppress')) { masked = true; break; }
      }
      var v = String(el.value || '');
      out.push({ name: el.name || el.id || '', masked: masked, value: masked ? v.replace(/./g, '\u2022') : v });
    }
    return out;
  }
  function hj() {
    try { log({ event: 'call', method: arguments[0], args: Array.prototype.slice.call(arguments, 1) }); }
    catch (e) { log({ event: 'error', message: String(e) }); }
  }
  hj.__standin = true;
  w.hj = hj;
  for (var i = 0; i < queue.length; i++) hj.apply(null, queue[i]);

  var now = Date.now();
  if (!new RegExp('(?:^|; )_hjSessionUser_' + id + '=').test(d.cookie)) {
    d.cookie = '_hjSessionUser_' + id + '=' + encodeURIComponent(JSON.stringify({ id: Math.random().toString(16).slice(2), created: now, existing: false })) + '; path=/; max-age=31536000';
  }
  d.cookie = '_hjSession_' + id + '=' + encodeURIComponent(JSON.stringify({ id: Math.random().toString(16).slice(2), c: now, s: 0, r: 0 })) + '; path=/; max-age=1800';
  log({ event: 'record', id: id, fields: snapshotFields() });
  fetch('https://in.hotjar.com/api/v2/client/sites/' + id + '/visit-data', { method: 'POST', mode: 'no-cors', body: 'x' }).catch(function () {});
  if (w.__recorderStandin) w.__recorderStandin('hotjar', 'https://in.hotjar.com/api/v2/client/sites/' + id + '/recording');
})();
