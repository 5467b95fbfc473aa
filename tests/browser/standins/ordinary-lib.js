/* Stand-in for an ordinary, NON-tracker third-party script (a jQuery build from a CDN, a booking
 * widget). A consent guard must let it run untouched.
 * Marker: window.__ordinaryLib counts executions; window.__standins gets 'ordinary'. */
(function () {
  window.__ordinaryLib = (window.__ordinaryLib || 0) + 1;
  (window.__standins = window.__standins || []).push('ordinary');
})();
