// The page's own code under a strict CSP: it may not be inline.
window.cspPage = { readyState: 'pending' };
window.ConsentGuard.ready.then(
  () => { window.cspPage.readyState = 'resolved'; },
  (e) => { window.cspPage.readyState = 'rejected: ' + e.message; },
);
