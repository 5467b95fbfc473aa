// While a tracker is held, pages still call it and wait for its callbacks: a form that
// submits in a reachGoal callback, a link that follows in hitCallback, a page hidden by
// GTM's anti-flicker snippet. Those callbacks are called here (asynchronously, once), and
// disarmed in the queued call so that the tracker, once allowed, does not call them again.

const noop = () => {};
const METRICA_METHODS = [
  'reachGoal',
  'hit',
  'params',
  'userParams',
  'notBounce',
  'extLink',
  'file',
  'getClientID',
  'setUserID',
  'addFileExtension',
  'firstPartyParams',
  'replacePhones',
];

function fireCallbacks(args, keys) {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg === 'function') {
      args[i] = noop;
      setTimeout(arg);
    } else if (arg && typeof arg === 'object') {
      for (const key of keys) {
        const fn = arg[key];
        if (typeof fn === 'function') {
          arg[key] = noop;
          setTimeout(fn);
        }
      }
    }
  }
}

export function installStubs(guard) {
  // Which purpose each queue function follows is the core's answer (Core::stubs), asked again
  // at each scan, as the tags seen on the page change it: a page with only Google Ads tags has
  // its gtag callbacks answered here until marketing is allowed.
  guard.stubsFollow = JSON.parse(guard.core.stubs());
  const held = (name) => (guard.stubsFollow[name] & ~guard.allowed) !== 0;
  wrapQueueFunction('ym', 'ym', ['callback'], (args) => {
    if (args[1] !== 'init') return;
    if (args[2] && typeof args[2] === 'object') Object.assign(args[2], guard.metricaPatch);
    ensureCounter(args[0]);
  });
  for (const args of (window.ym && window.ym.a) || []) {
    if (args[1] === 'init') ensureCounter(args[0]);
  }
  wrapQueueFunction('ga', window.GoogleAnalyticsObject || 'ga', ['hitCallback']);
  legacyMetrica(guard);

  const dataLayer = window.dataLayer;
  if (Array.isArray(dataLayer) && !dataLayer.__cg) {
    const disarm = (item) => {
      if (!held('dataLayer')) return;
      const isArgs = Object.prototype.toString.call(item) === '[object Arguments]';
      fireCallbacks(isArgs ? [item[2]] : [item], ['event_callback', 'eventCallback']);
    };
    const rawPush = dataLayer.push;
    dataLayer.push = function () {
      for (const item of arguments) disarm(item);
      return rawPush.apply(this, arguments);
    };
    dataLayer.__cg = true;
    dataLayer.forEach(disarm);
  }
  // GTM's anti-flicker snippet hides the page until GTM loads: with GTM held, end it now.
  const hide = dataLayer && dataLayer.hide;
  if (held('dataLayer') && hide && typeof hide.end === 'function') {
    hide.end();
    hide.end = null;
  }

  // stub: the core's name for it (follows); name: the page's global.
  function wrapQueueFunction(stub, name, keys, onCall) {
    const original = window[name];
    if (typeof original !== 'function' || original.__cg) return;
    const wrapper = function () {
      if (onCall) onCall(arguments);
      if (held(stub)) fireCallbacks(arguments, keys);
      return original.apply(this, arguments);
    };
    for (const key of Object.keys(original)) wrapper[key] = original[key]; // ym.a, ym.l, ga.q
    wrapper.__cg = true;
    window[name] = wrapper;
    for (const args of wrapper.a || wrapper.q || []) {
      if (onCall) onCall(args);
      if (held(stub)) fireCallbacks(args, keys);
    }
  }
}

// yaCounterID.reachGoal(...) in onclick handlers must not throw while tag.js is held.
function counterStub(id) {
  const counter = {};
  for (const method of METRICA_METHODS) {
    counter[method] = (...args) => {
      if (typeof window.ym === 'function') window.ym(id, method, ...args);
      else fireCallbacks(args, ['callback']);
    };
  }
  return counter;
}

function ensureCounter(id) {
  if (id && !window['yaCounter' + id]) window['yaCounter' + id] = counterStub(id);
}

// Legacy watch.js: the page queues callbacks that call `new Ya.Metrika({...})`. Until
// watch.js arrives, Ya.Metrika is a stub (so yaCounterID exists); when it arrives, its
// constructor gets the core's option patch (webvisor:false without session_recording).
function legacyMetrica(guard) {
  for (const [list, name] of [
    ['yandex_metrika_callbacks', 'Metrika'],
    ['yandex_metrika_callbacks2', 'Metrika2'],
  ]) {
    const callbacks = window[list];
    if (!Array.isArray(callbacks)) continue;
    const Ya = (window.Ya = window.Ya || {});
    const desc = Object.getOwnPropertyDescriptor(Ya, name);
    if (desc && desc.get) continue;
    let real = Ya[name];
    Object.defineProperty(Ya, name, {
      configurable: true,
      enumerable: true,
      get: () => real || Stub,
      set(value) {
        real = typeof value === 'function' ? patched(value) : value;
      },
    });
    if (!real) {
      for (const callback of callbacks) {
        try {
          callback();
        } catch (e) {
          // the page's own callback failed; Metrica would swallow it too
        }
      }
    }
  }
  function Stub(options) {
    return counterStub(options && options.id);
  }
  function patched(Real) {
    function Counter(options) {
      if (options && typeof options === 'object') Object.assign(options, guard.metricaPatch);
      return new Real(options);
    }
    Object.assign(Counter, Real);
    Counter.prototype = Real.prototype;
    return Counter;
  }
}
