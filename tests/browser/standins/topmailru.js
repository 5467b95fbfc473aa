/* Stand-in for VK Ads / Top.Mail.ru code.js (top-fwz1.mail.ru/js/code.js).
 * Replays the window._tmr queue array ({id, type:'pageView'|'reachGoal', goal, ...}) and patches
 * _tmr.push to process later entries at once. Sets cookies tmr_lvid and tmr_lvidTS; each entry sends
 * new Image().src='https://top-fwz1.mail.ru/counter?id=<id>;js=13;e=<type>[;goal=..]'.
 * Marker: window.__standins gets 'topmailru'; window.__standinLog gets {vendor:'topmailru',...}. */
(function () {
  var w = window, d = document;
  (w.__standins = w.__standins || []).push('topmailru');
  function log(o) { o.vendor = 'topmailru'; (w.__standinLog = w.__standinLog || []).push(o); }
  var tmr = w._tmr = w._tmr || [];
  if (tmr.__standin) { log({ event: 'duplicate-load' }); return; }
  tmr.__standin = true;

  function process(e) {
    try {
      if (!e || typeof e !== 'object' || !e.id) return;
      if (!/(?:^|; )tmr_lvid=/.test(d.cookie)) {
        var hex = ''; for (var i = 0; i < 32; i++) hex += Math.floor(Math.random() * 16).toString(16);
        d.cookie = 'tmr_lvid=' + hex + '; path=/; max-age=34560000';
        d.cookie = 'tmr_lvidTS=' + Date.now() + '; path=/; max-age=34560000';
      }
      var type = e.type || 'pageView';
      new Image().src = 'https://top-fwz1.mail.ru/counter?id=' + encodeURIComponent(e.id) + ';js=13;e=' +
        encodeURIComponent(type) + (e.goal ? ';goal=' + encodeURIComponent(e.goal) : '') + ';u=' + encodeURIComponent(location.href);
      log({ event: 'hit', id: String(e.id), type: type, goal: e.goal });
    } catch (err) { log({ event: 'error', message: String(err) }); }
  }
  var queue = tmr.slice();
  tmr.push = function () {
    for (var i = 0; i < arguments.length; i++) { Array.prototype.push.call(tmr, arguments[i]); process(arguments[i]); }
    return tmr.length;
  };
  for (var j = 0; j < queue.length; j++) process(queue[j]);
})();
