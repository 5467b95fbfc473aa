/*
 * Namo demo site — page behaviour.
 *
 * 1. The booking form: shows the thank-you message at once, and reports a
 *    "booking" goal to Yandex.Metrica and Google Analytics the way real sites
 *    do (with callbacks, counted, never waited for). consent-guard makes
 *    these callbacks fire even while the trackers are blocked.
 * 2. The developer panel before the footer, wired to the public
 *    window.ConsentGuard API: the state, and buttons that call it. The guard's
 *    own banner is what visitors use; this shows what a site's code can do.
 *
 * Loaded with `defer`, same origin, no inline handlers (CSP-friendly).
 */
(function () {
  'use strict';

  var YM_COUNTER = 98765432;
  var READY_TIMEOUT_MS = 10000;

  var STRINGS = {
    ru: {
      locale: 'ru-KZ',
      loading: 'Загружаем consent-guard…',
      loadingShort: 'загрузка…',
      failed: 'consent-guard не загрузился: ',
      failedShort: 'ошибка',
      actionFailed: 'Не удалось сохранить выбор: ',
      missing: 'window.ConsentGuard не найден (скрипт не загрузился или заблокирован)',
      readyTimeout: 'ConsentGuard.ready не выполнился за 10 с',
      decided: 'Выбор сделан',
      notDecided: 'Выбор ещё не сделан',
      necessary: 'необходимые',
      analytics: 'аналитика',
      session_recording: 'запись сессий',
      marketing: 'маркетинг',
      on: 'вкл',
      off: 'выкл',
      policy: 'версия политики',
      updated: 'изменено',
      shortUndecided: 'не выбрано',
      shortAll: 'всё включено',
      shortNone: 'всё выключено',
      shortOnly: 'включено: ',
      reloadShort: 'перезагрузите страницу'
    },
    kk: {
      locale: 'kk-KZ',
      loading: 'consent-guard жүктелуде…',
      loadingShort: 'жүктелуде…',
      failed: 'consent-guard жүктелмеді: ',
      failedShort: 'қате',
      actionFailed: 'Таңдауды сақтау мүмкін болмады: ',
      missing: 'window.ConsentGuard табылмады (скрипт жүктелмеген не бұғатталған)',
      readyTimeout: 'ConsentGuard.ready 10 секунд ішінде орындалмады',
      decided: 'Таңдау жасалды',
      notDecided: 'Таңдау әлі жасалған жоқ',
      necessary: 'қажетті',
      analytics: 'аналитика',
      session_recording: 'сессияларды жазу',
      marketing: 'маркетинг',
      on: 'қосулы',
      off: 'өшірулі',
      policy: 'саясат нұсқасы',
      updated: 'өзгертілді',
      shortUndecided: 'таңдалмаған',
      shortAll: 'бәрі қосулы',
      shortNone: 'бәрі өшірулі',
      shortOnly: 'қосулы: ',
      reloadShort: 'бетті жаңартыңыз'
    },
    en: {
      locale: 'en-GB',
      loading: 'Loading consent-guard…',
      loadingShort: 'loading…',
      failed: 'consent-guard failed to load: ',
      failedShort: 'error',
      actionFailed: 'Could not save your choice: ',
      missing: 'window.ConsentGuard is not defined (the script did not load or was blocked)',
      readyTimeout: 'ConsentGuard.ready did not settle within 10 s',
      decided: 'Choice made',
      notDecided: 'No choice made yet',
      necessary: 'necessary',
      analytics: 'analytics',
      session_recording: 'session recording',
      marketing: 'marketing',
      on: 'on',
      off: 'off',
      policy: 'policy version',
      updated: 'updated',
      shortUndecided: 'not chosen',
      shortAll: 'all allowed',
      shortNone: 'all rejected',
      shortOnly: 'allowed: ',
      reloadShort: 'reload the page'
    }
  };

  var lang = (document.documentElement.lang || 'ru').toLowerCase().slice(0, 2);
  var t = STRINGS[lang] || STRINGS.ru;

  function errorMessage(err) {
    if (err && err.message) return err.message;
    if (err === undefined || err === null || err === '') return 'unknown error';
    return String(err);
  }

  /* ------------------------------------------------------------------ */
  /* Booking form                                                        */
  /* ------------------------------------------------------------------ */

  function todayISO() {
    var d = new Date();
    var m = d.getMonth() + 1;
    var day = d.getDate();
    return d.getFullYear() + '-' + (m < 10 ? '0' : '') + m + '-' + (day < 10 ? '0' : '') + day;
  }

  function initBooking() {
    var form = document.querySelector('[data-booking-form]');
    var thanks = document.querySelector('[data-booking-thanks]');
    if (!form || !thanks) return;

    var date = form.querySelector('input[type="date"]');
    if (date) {
      date.min = todayISO();
      if (!date.value) date.value = date.min;
    }

    var submit = form.querySelector('[type="submit"]');
    var again = thanks.querySelector('[data-booking-again]');

    function showThanks(via) {
      thanks.setAttribute('data-via', via);
      form.hidden = true;
      thanks.hidden = false;
      thanks.focus({ preventScroll: true });
      thanks.scrollIntoView({ block: 'start' });
      if (submit) submit.disabled = false;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      // The booking is the café's: the thank-you shows at once. A site's form must never wait
      // on a tracker (with consent, on a slow or blocked network, tag.js may never answer).
      showThanks('form');

      // The goals are reported as real sites do, with callbacks; consent-guard calls them even
      // while the trackers are held. They are counted (data-callbacks), never waited for.
      var fired = 0;
      function callback() {
        var called = false;
        return function () {
          if (called) return;
          called = true;
          fired += 1;
          thanks.setAttribute('data-callbacks', String(fired));
        };
      }
      thanks.setAttribute('data-callbacks', '0');
      if (typeof ym === 'function') {
        try {
          ym(YM_COUNTER, 'reachGoal', 'booking', {}, callback());
        } catch (err) {
          /* the site goes on */
        }
      }
      if (typeof gtag === 'function') {
        try {
          gtag('event', 'booking', { event_callback: callback() });
        } catch (err) {
          /* the site goes on */
        }
      }
    });

    if (again) {
      again.addEventListener('click', function () {
        form.reset();
        if (date) date.value = date.min;
        thanks.hidden = true;
        thanks.removeAttribute('data-via');
        form.hidden = false;
        var first = form.querySelector('input');
        if (first) first.focus();
      });
    }
  }

  /* ------------------------------------------------------------------ */
  /* Developer panel: window.ConsentGuard                                 */
  /* ------------------------------------------------------------------ */

  function initConsentPanel() {
    var panel = document.querySelector('[data-cg-panel]');
    if (!panel) return;

    var status = panel.querySelector('[data-cg-status]');
    var short = panel.querySelector('[data-cg-short]');
    var reloadBox = panel.querySelector('[data-cg-reload]');
    var raw = panel.querySelector('[data-cg-raw]');
    var buttons = panel.querySelectorAll('[data-cg-action]');
    var wide = window.matchMedia ? window.matchMedia('(min-width: 48em)') : null;
    var reloadRequired = false;
    var loadFailed = false;

    // Collapsed at first: the guard's own banner greets first-time visitors; this panel is a
    // window on the public API for people trying the demo.

    function setChoiceButtons(enabled) {
      for (var i = 0; i < buttons.length; i++) {
        if (buttons[i].getAttribute('data-cg-action') !== 'reload') {
          buttons[i].disabled = !enabled;
        }
      }
    }

    function setStatus(text, state) {
      status.textContent = text;
      status.setAttribute('data-state', state);
    }

    function formatDate(value) {
      if (value === undefined || value === null || value === '') return '—';
      var d = new Date(value);
      if (isNaN(d.getTime())) return String(value);
      try {
        return d.toLocaleString(t.locale, {
          year: 'numeric', month: '2-digit', day: '2-digit',
          hour: '2-digit', minute: '2-digit'
        });
      } catch (e) {
        return d.toISOString();
      }
    }

    function shortSummary(state, p) {
      if (!state.decided) return t.shortUndecided;
      var keys = ['analytics', 'session_recording', 'marketing'];
      var allowed = [];
      for (var i = 0; i < keys.length; i++) {
        if (p[keys[i]]) allowed.push(t[keys[i]]);
      }
      if (allowed.length === keys.length) return t.shortAll;
      if (allowed.length === 0) return t.shortNone;
      return t.shortOnly + allowed.join(', ');
    }

    function render(state) {
      if (!state || typeof state !== 'object') return;
      if (state.reloadRequired === true) reloadRequired = true;

      var p = state.purposes || {};
      var parts = [state.decided ? t.decided : t.notDecided];
      var keys = ['necessary', 'analytics', 'session_recording', 'marketing'];
      for (var i = 0; i < keys.length; i++) {
        parts.push(t[keys[i]] + ': ' + (p[keys[i]] ? t.on : t.off));
      }
      parts.push(t.policy + ': ' + (state.policyVersion || '—'));
      parts.push(t.updated + ': ' + formatDate(state.updatedAt));

      setStatus(parts.join(' · '), 'ready');
      short.textContent = shortSummary(state, p);
      if (raw) {
        try {
          raw.textContent = JSON.stringify(state, null, 2);
        } catch (e) {
          raw.textContent = String(state);
        }
      }
      reloadBox.hidden = !reloadRequired;
      if (reloadRequired) {
        short.textContent = t.reloadShort;
        if (wide && wide.matches) panel.open = true;
      }
    }

    function fail(err) {
      loadFailed = true;
      setChoiceButtons(false);
      setStatus(t.failed + errorMessage(err), 'error');
      short.textContent = t.failedShort;
      // Never pop open over the page on a phone; the badge says "error".
      if (wide && wide.matches) panel.open = true;
    }

    setStatus(t.loading, 'loading');
    short.textContent = t.loadingShort;

    var CG = window.ConsentGuard;
    if (!CG || typeof CG !== 'object' && typeof CG !== 'function') {
      fail(new Error(t.missing));
      return;
    }

    function current() {
      return CG.get();
    }

    function run(action) {
      if (action === 'reload') {
        window.location.reload();
        return;
      }
      setChoiceButtons(false);
      var result;
      try {
        if (action === 'accept') {
          result = CG.acceptAll();
        } else if (action === 'reject') {
          result = CG.rejectAll();
        } else if (action === 'analytics') {
          result = CG.set({ analytics: true, session_recording: false, marketing: false });
        }
      } catch (err) {
        result = Promise.reject(err);
      }
      Promise.resolve(result).then(function () {
        render(current());
        // On a phone, get the panel out of the way once a choice is made.
        if (!reloadRequired && wide && !wide.matches) panel.open = false;
      }).catch(function (err) {
        setStatus(t.actionFailed + errorMessage(err), 'error');
      }).then(function () {
        if (!loadFailed) setChoiceButtons(true);
      });
    }

    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function (event) {
        run(event.currentTarget.getAttribute('data-cg-action'));
      });
    }

    // Subscribe right away so no change event is missed.
    try {
      if (typeof CG.on === 'function') {
        CG.on('change', function (state) {
          if (!loadFailed) render(state);
        });
      }
    } catch (err) {
      fail(err);
      return;
    }

    var timeout = new Promise(function (resolve, reject) {
      setTimeout(function () { reject(new Error(t.readyTimeout)); }, READY_TIMEOUT_MS);
    });

    Promise.race([Promise.resolve(CG.ready), timeout]).then(function () {
      if (loadFailed) return;
      render(current());
      setChoiceButtons(true);
    }).catch(fail);
  }

  initBooking();
  initConsentPanel();
})();
