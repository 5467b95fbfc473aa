/* Stand-in for Google's legacy analytics.js (www.google-analytics.com/analytics.js).
 * Replays the ga.q queue, then replaces window.ga (or window[GoogleAnalyticsObject]) with a
 * direct processor. 'create' makes a tracker and sets the _ga cookie (not with storage:'none'
 * or window['ga-disable-<UA id>']); 'send' sends
 * new Image().src='https://www.google-analytics.com/collect?v=1&t=<hitType>&tid=..&cid=..&dl=..'
 * and calls hitCallback asynchronously; ga(function(tracker){}) ready callbacks are run.
 * Marker: window.__standins gets 'analytics.js'; window.__standinLog gets {vendor:'analytics.js',...}. */
(function () {
  var w = window, d = document;
  (w.__standins = w.__standins || []).push('analytics.js');
  function log(o) { o.vendor = 'analytics.js'; (w.__standinLog = w.__standinLog || []).push(o); }
  function cookie(name) { var m = d.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)')); return m ? m[1] : null; }
  var name = w.GoogleAnalyticsObject || 'ga';
  var old = w[name] || {}, queue = old.q || [];
  if (old.__standin) { log({ event: 'duplicate-load' }); return; }
  var trackers = {};

  function Tracker(fields) {
    var t = this, disabled = !!w['ga-disable-' + fields.trackingId];
    t.name = fields.name || 't0';
    var cid = (cookie('_ga') || '').replace(/^GA1\.\d\./, '') || (Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000));
    if (!disabled && fields.storage !== 'none') d.cookie = '_ga=GA1.1.' + cid + '; path=/; max-age=63072000';
    t.get = function (k) { return k === 'clientId' ? cid : k === 'name' ? t.name : fields[k]; };
    t.set = function (k, v) { if (typeof k === 'object') { for (var x in k) fields[x] = k[x]; } else fields[k] = v; };
    t.send = function () {
      var args = Array.prototype.slice.call(arguments), f = {};
      if (args.length && typeof args[args.length - 1] === 'object') f = args.pop();
      var type = f.hitType || args[0] || 'pageview';
      if (!disabled) {
        new Image().src = 'https://www.google-analytics.com/collect?v=1&t=' + encodeURIComponent(type) +
          '&tid=' + encodeURIComponent(fields.trackingId) + '&cid=' + cid + '&dl=' + encodeURIComponent(location.href) +
          (type === 'event' ? '&ec=' + encodeURIComponent(f.eventCategory || args[1] || '') : '');
      }
      log({ event: 'send', tid: fields.trackingId, hitType: type, disabled: disabled });
      if (typeof f.hitCallback === 'function') setTimeout(function () { f.hitCallback(); }, 0);
    };
    t.require = function () {};
  }

  function call(args) {
    var cmd = args[0];
    if (typeof cmd === 'function') { var t0 = trackers.t0; setTimeout(function () { cmd(t0); }, 0); return; }
    var parts = String(cmd).split('.'), tname = parts.length > 1 ? parts[0] : 't0', method = parts.pop();
    var rest = Array.prototype.slice.call(args, 1);
    if (method === 'create') {
      // ga('create', [trackingId], [cookieDomain], [name], [fieldsObject]) in any mix
      var f = {}, pos = ['trackingId', 'cookieDomain', 'name'], p = 0;
      for (var j = 0; j < rest.length; j++) {
        if (rest[j] && typeof rest[j] === 'object') { for (var k in rest[j]) f[k] = rest[j][k]; }
        else if (typeof rest[j] === 'string' && p < pos.length) f[pos[p++]] = rest[j];
      }
      var t = new Tracker(f);
      trackers[t.name] = t;
      log({ event: 'create', tid: f.trackingId, name: t.name });
      return;
    }
    var tr = trackers[tname];
    if (tr && typeof tr[method] === 'function') tr[method].apply(tr, rest);
    else if (method === 'send' && rest.length && typeof rest[rest.length - 1] === 'object' && typeof rest[rest.length - 1].hitCallback === 'function') {
      var hc = rest[rest.length - 1].hitCallback; setTimeout(function () { hc(); }, 0); // no tracker: still call back
    }
  }
  function ga() { try { call(arguments); } catch (e) { log({ event: 'error', message: String(e) }); } }
  ga.l = old.l || +new Date();
  ga.loaded = true;
  ga.__standin = true;
  ga.getAll = function () { var a = []; for (var k in trackers) a.push(trackers[k]); return a; };
  ga.getByName = function (n) { return trackers[n] || null; };
  ga.create = function () { call(['create'].concat(Array.prototype.slice.call(arguments))); return trackers.t0; };
  w[name] = ga;
  for (var i = 0; i < queue.length; i++) ga.apply(null, queue[i]);
})();
