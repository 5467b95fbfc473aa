// window.ConsentGuard: the public contract (see README and consent-guard.d.ts). Until the
// core is ready, calls are queued, not lost; the runtime then answers them in order.

export function createApi(guard) {
  const queue = guard.queue;
  const call = (name, arg) =>
    guard.impl
      ? guard.impl[name](arg)
      : guard.failure
        ? Promise.reject(new Error('consent-guard: ' + guard.failure))
        : new Promise((resolve, reject) => queue.push({ name, arg, resolve, reject }));
  const api = {
    ready: guard.ready.then(() => api),
    get() {
      if (guard.impl) return guard.impl.get();
      const purposes = {};
      for (const name in guard.data.p) purposes[name] = !guard.data.p[name]; // only necessary is on
      const version = guard.tag && guard.tag.getAttribute('data-policy-version');
      return { decided: false, purposes, policyVersion: version || null, updatedAt: null, decisionId: null };
    },
    acceptAll: () => call('decide', 'all'),
    rejectAll: () => call('decide', 'none'),
    set: (choice) => call('decide', choice),
    open() {
      call('open').catch(() => {}); // opens the settings layer once the core is ready
    },
    receipts: () => call('receipts'),
    maskingReport: () => (guard.masking ? guard.masking.report() : []),
    on(event, fn) {
      listenersOf(guard, event).push(fn);
      return api;
    },
    off(event, fn) {
      const list = listenersOf(guard, event);
      const i = list.indexOf(fn);
      if (i >= 0) list.splice(i, 1);
      return api;
    },
  };
  api.ready.catch(() => {});
  return Object.freeze(api);
}

function listenersOf(guard, event) {
  const list = guard.listeners[event];
  if (!list) throw new TypeError('consent-guard: unknown event "' + event + '" (use "change")');
  return list;
}
