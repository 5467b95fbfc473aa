/* Stand-in for the marketing tags a GTM container injects, served for each of their script URLs;
 * which vendor it plays is read from its own src. Written from what the real scripts do:
 * - LinkedIn Insight (snap.licdn.com/li.lms-analytics/insight.min.js): an image to
 *   px.ads.linkedin.com/collect, localStorage li_adsId, cookie li_fat_id, and later fetch POSTs to
 *   px.ads.linkedin.com/wa/ (window.__linkedInSend() sends one more, as its timers do);
 * - Reddit (www.redditstatic.com/ads/pixel.js): cookie _rdt_uuid, image alb.reddit.com/rp.gif;
 * - Bing UET (bat.bing.com/bat.js): cookies _uetsid/_uetvid, localStorage _uetsid, image
 *   bat.bing.com/action/0;
 * - Snap (sc-static.net/scevent.min.js): cookie _scid, image tr.snapchat.com/p;
 * - AdRoll (s.adroll.com/j/roundtrip.js), known only to the long tail: image d.adroll.com/cm/r/out.
 * Marker: window.__standins gets the vendor's name. */
(function () {
  var w = window, d = document;
  var src = (d.currentScript && d.currentScript.src) || '';
  function img(url) { new Image().src = url; }
  function cookie(name) { d.cookie = name + '=' + Math.random().toString(36).slice(2) + '; path=/; max-age=7776000'; }
  var vendor = /licdn\.com/.test(src) ? 'linkedin' : /redditstatic/.test(src) ? 'reddit' : /bat\.bing/.test(src) ? 'bing'
    : /sc-static/.test(src) ? 'snap' : /adroll/.test(src) ? 'adroll' : 'unknown';
  (w.__standins = w.__standins || []).push(vendor);
  if (vendor === 'linkedin') {
    img('https://px.ads.linkedin.com/collect?pid=1234&fmt=gif');
    try { localStorage.setItem('li_adsId', 'li-' + Math.random().toString(36).slice(2)); } catch (e) { /* blocked */ }
    cookie('li_fat_id');
    w.__linkedInSend = function () {
      try { localStorage.setItem('li_adsId', 'li-again'); } catch (e) { /* blocked */ }
      return fetch('https://px.ads.linkedin.com/wa/', { method: 'POST', body: '{"pids":[1234]}', mode: 'no-cors' });
    };
  } else if (vendor === 'reddit') {
    cookie('_rdt_uuid');
    img('https://alb.reddit.com/rp.gif?id=t2_mktg&event=PageVisit');
  } else if (vendor === 'bing') {
    cookie('_uetsid');
    cookie('_uetvid');
    try { localStorage.setItem('_uetsid', 'u'); } catch (e) { /* blocked */ }
    img('https://bat.bing.com/action/0?ti=1234&evt=pageLoad');
  } else if (vendor === 'snap') {
    cookie('_scid');
    img('https://tr.snapchat.com/p?pid=mktg&ev=PAGE_VIEW');
  } else if (vendor === 'adroll') {
    img('https://d.adroll.com/cm/r/out?advertisable=MKTG');
  }
})();
