/* Stand-in for Microsoft Clarity's tag (www.clarity.ms/tag/<project id>).
 * Replays clarity.q (the snippet's `arguments` objects), then replaces window.clarity with a direct
 * processor. Sets cookies _clck and _clsk and sends
 * fetch('https://a.clarity.ms/collect', {method:'POST', body:'x', mode:'no-cors'}).
 * clarity('consent', false) (or consentv2 with analytics_Storage 'denied') runs cookieless: the
 * cookies are removed and not set again. Its recording snapshot of form fields (logged as
 * event 'record') masks fields under data-clarity-mask unless a nearer data-clarity-unmask.
 * Marker: window.__standins gets 'clarity'; window.__standinLog gets {vendor:'clarity',...}. */
(function () {
  var w = window, d = document;
  (w.__standins = w.__standins || []).push('clarity');
  function log(o) { o.vendor = 'clarity'; (w.__standinLog = w.__standinLog || []).push(o); }
  var old = w.clarity || {}, queue = old.q || [];
  if (old.__standin) { log({ event: 'duplicate-load' }); return; }
  var src = (d.currentScript && d.currentScript.src) || '';
  var project = (src.match(/\/tag\/([^/?#]+)/) || [])[1] || 'unknown';
  var cookiesAllowed = true;

  function setCookies() {
    if (!cookiesAllowed) return;
    var now = Date.now();
    if (!/(?:^|; )_clck=/.test(d.cookie)) d.cookie = '_clck=' + Math.random().toString(36).slice(2, 9) + '|2|f' + now + '|0|' + project + '; path=/; max-age=31536000';
    d.cookie = '_clsk=' + Math.random().toString(36).slice(2, 9) + '|' + now + '|1|1|a.clarity.ms/collect; path=/; max-age=86400';
  }
  function dropCookies() {
    d.cookie = '_clck=; path=/; max-age=0';
    d.cookie = '_clsk=; path=/; max-age=0';
  }
  function snapshotFields() {
    var out = [], els = d.querySelectorAll('input, textarea, select');
    for (var i = 0; i < els.length; i++) {
      var el = els[i], masked = el.type === 'password';
      for (var n = el; n && n.hasAttribute; n = n.parentElement) {
        if (n.hasAttribute('data-clarity-unmask')) { masked = false; break; }
        if (n.hasAttribute('data-clarity-mask')) { masked = true; break; }
      }
      var v = String(el.value || '');
      out.push({ name: el.name || el.id || '', masked: masked, value: masked ? v.replace(/./g, '\u2022') : v });
    }
    return out;
  }
  function collect() {
    fetch('https://a.clarity.ms/collect', { method: 'POST', body: 'x', mode: 'no-cors' }).catch(function () {});
  }
  function call(a) {
    var cmd = a[0];
    if (cmd === 'consent') { cookiesAllowed = a[1] !== false; if (cookiesAllowed) setCookies(); else dropCookies(); }
    else if (cmd === 'consentv2') {
      cookiesAllowed = !(a[1] && a[1].analytics_Storage === 'denied');
      if (cookiesAllowed) setCookies(); else dropCookies();
    } else if (cmd === 'event') collect();
    log({ event: 'call', method: cmd, args: Array.prototype.slice.call(a, 1) });
  }
  function clarity() { try { call(arguments); } catch (e) { log({ event: 'error', message: String(e) }); } }
  clarity.__standin = true;
  clarity.v = '0.8.standin';
  w.clarity = clarity;
  for (var i = 0; i < queue.length; i++) clarity.apply(null, queue[i]);

  setCookies();
  log({ event: 'record', project: project, cookies: cookiesAllowed, fields: snapshotFields() });
  collect();
  if (w.__recorderStandin) w.__recorderStandin('clarity', 'https://a.clarity.ms/collect');
})();
