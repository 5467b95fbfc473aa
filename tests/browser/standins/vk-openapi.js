/* Stand-in for VK's openapi.js (vk.com/js/api/openapi.js), as the real file behaves: it creates
 * window.VK only if missing, fills VK.init, and defines VK.Widgets (and VK.Api) only when they
 * are absent ("if (!VK.Widgets) { ... }"), so a leftover stand-in would keep the real widgets out.
 * VK.init({apiId}) stores the app id; VK.Widgets.Comments(id, options) throws "VK not
 * initialized" without it, and otherwise puts an iframe of vk.com/widget_comments.php in the
 * element. Marker: window.__standins gets 'vk-openapi'. */
(function () {
  var w = window, d = document;
  (w.__standins = w.__standins || []).push('vk-openapi');
  if (!w.VK) w.VK = {};
  var VK = w.VK;
  VK._apiId = null;
  VK.init = function (options) {
    if (!options || !options.apiId) throw 'VK.init() called without an apiId';
    VK._apiId = options.apiId;
    return true;
  };
  if (!VK.Widgets) {
    VK.Widgets = {};
    VK.Widgets.Comments = function (objId, options) {
      if (!VK._apiId) throw Error('VK not initialized. Please use VK.init');
      var el = d.getElementById(objId);
      var frame = d.createElement('iframe');
      frame.src = 'https://vk.com/widget_comments.php?app=' + VK._apiId + '&limit=' + ((options || {}).limit || 10);
      frame.className = 'vk-widget';
      el.appendChild(frame);
      return 1;
    };
  }
  if (!VK.Api) VK.Api = { call: function () {} };
})();
