// On withdrawal: delete what the withdrawn purposes left behind (the core names the
// cookies, the domain levels and the storage keys), then tell the visitor that a reload
// finishes the job, since tracker code already running cannot be unloaded (the notice is in
// the notices module, js/notices/).

export function purge(guard, withdrawn) {
  const stores = [];
  for (const name of ['localStorage', 'sessionStorage']) {
    try {
      stores.push(window[name]);
    } catch (e) {
      // storage is disabled in this browser: nothing to purge there
    }
  }
  const keys = [];
  for (const store of stores) for (let i = 0; i < store.length; i++) keys.push(store.key(i));
  const plan = JSON.parse(guard.core.purge(document.cookie, JSON.stringify(keys), withdrawn));
  for (const { name, domains } of plan.cookies) {
    for (const domain of domains) {
      guard.rawCookie(name + '=; Max-Age=0; Path=/' + (domain ? '; Domain=' + domain : ''));
    }
  }
  for (const key of plan.storage) for (const store of stores) store.removeItem(key);
  guard.notices().then((n) => n.showReloadNotice(guard.core), guard.noticesFailed);
}
