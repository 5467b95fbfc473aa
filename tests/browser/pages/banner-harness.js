// The banner test pages' own script (same-origin, so it runs under the strict CSP too).
// Loaded after /pages/banner-bundle.js (the banner module as an IIFE, served by the test).
// The query string picks the sample model and the situation:
//   lang=ru|kk|en  gpc=1  theme=light|dark|auto  reopen=bottom-left|bottom-right|none
//   reason=1 (policy changed)  decided=1  evil=1 (markup in operator strings)  long=1
//   policy=<policyUrl>  show=first|settings|none (default first)
// The decide stub records every choice on window.__choices (window.__failNext: reject once).
(function () {
  'use strict';

  var TEXTS = {
    ru: {
      title: 'Файлы cookie и аналитика',
      intro:
        'ТОО «Намо» (БИН 180540012343) использует необходимые cookie, чтобы сайт работал. С вашего согласия мы также подключаем аналитику, запись сессий и маркетинг. Выбор можно изменить в любой момент.',
      recipients: 'Данные получают: Яндекс (Россия), Google (США).',
      reason: 'Мы обновили политику конфиденциальности (версия 2026-05-01). Пожалуйста, подтвердите выбор ещё раз.',
      gpcNotice:
        'Ваш браузер передаёт сигнал Global Privacy Control, поэтому маркетинг останется выключенным, пока вы не включите его сами.',
      policyLink: 'Политика конфиденциальности',
      acceptAll: 'Принять все',
      rejectAll: 'Отклонить все',
      settings: 'Настроить',
      settingsTitle: 'Настройки cookie',
      save: 'Сохранить выбор',
      close: 'Закрыть',
      reopen: 'Настройки cookie',
      alwaysOn: 'Всегда включены',
      services: 'Сервисы',
      recipient: 'Получатель',
      country: 'Страна',
    },
    kk: {
      title: 'Cookie файлдары және аналитика',
      intro:
        'ТОО «Намо» (БСН 180540012343) сайт жұмыс істеуі үшін қажетті cookie файлдарын пайдаланады. Келісім берсеңіз, аналитиканы, сессияларды жазуды және маркетингті де қосамыз. Таңдауыңызды кез келген уақытта өзгерте аласыз.',
      recipients: 'Деректерді алатындар: Яндекс (Ресей), Google (АҚШ).',
      reason: 'Құпиялылық саясатын жаңарттық (2026-05-01 нұсқасы). Таңдауыңызды қайта растаңыз.',
      gpcNotice:
        'Браузеріңіз Global Privacy Control сигналын жібереді, сондықтан маркетингті өзіңіз қоспайынша, ол өшірулі тұрады.',
      policyLink: 'Құпиялылық саясаты',
      acceptAll: 'Барлығын қабылдау',
      rejectAll: 'Барлығынан бас тарту',
      settings: 'Баптау',
      settingsTitle: 'Cookie баптаулары',
      save: 'Таңдауды сақтау',
      close: 'Жабу',
      reopen: 'Cookie баптаулары',
      alwaysOn: 'Әрдайым қосулы',
      services: 'Қызметтер',
      recipient: 'Алушы',
      country: 'Ел',
    },
    en: {
      title: 'Cookies and analytics',
      intro:
        'Namo LLP (BIN 180540012343) uses the cookies this site needs to work. With your consent we also use analytics, session recording and marketing. You can change your choice at any time.',
      recipients: 'Data is sent to: Yandex (Russia), Google (USA).',
      reason: 'We have updated our privacy policy (version 2026-05-01). Please confirm your choice again.',
      gpcNotice: 'Your browser sends Global Privacy Control, so marketing stays off unless you switch it on yourself.',
      policyLink: 'Privacy policy',
      acceptAll: 'Accept all',
      rejectAll: 'Reject all',
      settings: 'Settings',
      settingsTitle: 'Cookie settings',
      save: 'Save choices',
      close: 'Close',
      reopen: 'Cookie settings',
      alwaysOn: 'Always on',
      services: 'Services',
      recipient: 'Recipient',
      country: 'Country',
    },
  };

  // [id, name, description] per language.
  var PURPOSES = {
    ru: [
      ['necessary', 'Необходимые', 'Нужны, чтобы сайт работал и помнил ваш выбор. Отключить их нельзя.'],
      ['analytics', 'Аналитика', 'Статистика посещений: какие страницы смотрят и откуда приходят посетители. Помогает нам понять, что улучшить.'],
      ['session_recording', 'Запись сессий', 'Запись действий на странице — движений мыши, нажатий и прокрутки, — чтобы находить неудобные места сайта.'],
      ['marketing', 'Маркетинг', 'Показ рекламы и оценка её эффективности, в том числе в социальных сетях.'],
    ],
    kk: [
      ['necessary', 'Қажетті', 'Сайт жұмыс істеуі және таңдауыңызды есте сақтауы үшін керек. Оларды өшіруге болмайды.'],
      ['analytics', 'Аналитика', 'Сайтқа кіру статистикасы: қай беттер қаралады және келушілер қайдан келеді. Бұл бізге сайтта нені жақсарту керегін түсінуге көмектеседі.'],
      ['session_recording', 'Сессияларды жазу', 'Беттегі әрекеттерді жазу: тінтуір қозғалысы, басулар және айналдыру. Сайттағы ыңғайсыз жерлерді табу үшін қажет.'],
      ['marketing', 'Маркетинг', 'Жарнама көрсету және оның тиімділігін бағалау, соның ішінде әлеуметтік желілерде.'],
    ],
    en: [
      ['necessary', 'Necessary', 'Needed for the site to work and to remember your choice. They cannot be switched off.'],
      ['analytics', 'Analytics', 'Visit statistics: which pages are viewed and where visitors come from. It helps us see what to improve.'],
      ['session_recording', 'Session recording', 'Recording of what happens on the page (mouse movements, clicks, scrolling) to find the parts of the site that are hard to use.'],
      ['marketing', 'Marketing', 'Showing ads and measuring how well they work, including on social networks.'],
    ],
  };

  var COUNTRY = { ru: ['Россия', 'США'], kk: ['Ресей', 'АҚШ'], en: ['Russia', 'USA'] };

  function services(lang, id) {
    var ru = COUNTRY[lang][0];
    var us = COUNTRY[lang][1];
    if (id === 'analytics')
      return [
        { name: 'Yandex.Metrica', vendor: 'Yandex LLC', countries: ru },
        { name: 'Google Analytics', vendor: 'Google LLC', countries: us },
      ];
    if (id === 'session_recording') return [{ name: 'Yandex.Metrica Webvisor', vendor: 'Yandex LLC', countries: ru }];
    return [];
  }

  function sampleModel(q) {
    var lang = TEXTS[q.get('lang')] ? q.get('lang') : 'ru';
    var texts = Object.assign({}, TEXTS[lang]);
    var reason = q.get('reason') === '1';
    var gpc = q.get('gpc') === '1';
    if (!reason) texts.reason = '';
    if (!gpc) texts.gpcNotice = '';
    var model = {
      language: lang,
      reason: reason ? 'policy-changed' : null,
      gpc: gpc,
      theme: q.get('theme') || 'auto',
      reopen: q.get('reopen') || 'bottom-left',
      policyUrl: q.has('policy') ? q.get('policy') : '/privacy.html',
      operator: { name: 'ТОО «Намо»', bin: '180540012343' },
      // As the core sends it (wasm/src/banner.cpp): under GPC, everything but marketing.
      acceptChoice: { analytics: true, session_recording: true, marketing: !gpc },
      texts: texts,
      purposes: PURPOSES[lang].map(function (p) {
        return {
          id: p[0],
          name: p[1],
          description: p[2],
          required: p[0] === 'necessary',
          checked: p[0] === 'necessary',
          services: services(lang, p[0]),
        };
      }),
    };
    if (q.get('decided') === '1') model.decided = true;
    if (q.get('evil') === '1') poison(model);
    if (q.get('long') === '1') lengthen(model);
    return model;
  }

  // Markup in every operator-controlled string: it must show up as text and never run.
  function poison(model) {
    var img = '<img src=x onerror="window.pwned=1">';
    model.operator.name = 'ТОО «Намо»' + img;
    model.texts.title = '<b>Cookie</b>' + img;
    model.texts.intro = 'ТОО «Намо»' + img + ' <script>window.pwned=2<\/script>';
    model.texts.recipients = '<a href="javascript:window.pwned=3">Яндекс</a>';
    model.texts.policyLink = '<i>Политика</i>';
    // policyUrl is not poisoned here: the core refuses unsafe links before any model is made
    // (link_target, tests/vectors/config.json).
    model.policyUrl = '';
    model.purposes[1].name = '<u onmouseover="window.pwned=5">Аналитика</u>';
    model.purposes[1].description = '<svg onload="window.pwned=6"></svg>';
    model.purposes[1].services[0].name = '<iframe src="javascript:window.top.pwned=7"></iframe>';
    model.purposes[1].services[0].vendor = '<style>*{display:none}</style>Yandex LLC';
  }

  // Unbroken and very long strings: they must wrap, never overflow or be cut.
  function lengthen(model) {
    var word = 'Сверхдлинноеназваниеоператорабезединогопробела'.repeat(2);
    model.texts.intro = word + ' ' + model.texts.intro + ' ' + model.texts.intro;
    model.texts.recipients = model.texts.recipients + ' https://example.kz/' + 'a'.repeat(90);
    model.purposes[1].services[0].name = 'Yandex.Metrica' + 'Counter'.repeat(12);
    model.purposes[1].name = model.purposes[1].name + ' ' + 'Ж'.repeat(50);
  }

  var query = new URLSearchParams(location.search);
  window.__model = sampleModel(query);
  window.__sampleModel = function (params) {
    return sampleModel(new URLSearchParams(params));
  };
  window.__choices = [];
  window.__closes = [];
  window.__failNext = false;
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
  });

  function decide(choice) {
    window.__choices.push(JSON.parse(JSON.stringify(choice)));
    if (window.__failNext) {
      window.__failNext = false;
      return Promise.reject(new Error('stub: the cookie could not be written'));
    }
    var purposes = { necessary: true, analytics: false, session_recording: false, marketing: false };
    Object.keys(purposes).forEach(function (id) {
      if (id === 'necessary') return;
      purposes[id] = choice === 'all' ? true : choice === 'none' ? false : choice[id] === true;
    });
    return new Promise(function (resolve) {
      setTimeout(function () {
        resolve({ decided: true, purposes: purposes });
      }, 20);
    });
  }

  var banner = window.CGBanner.createBanner({
    model: window.__model,
    decide: decide,
    onClose: function (info) {
      window.__closes.push(info.reason);
    },
  });
  window.__banner = banner;

  // The site's own "cookie settings" links.
  document.addEventListener('click', function (event) {
    var opener = event.target.closest && event.target.closest('[data-consent-guard-open]');
    if (!opener) return;
    event.preventDefault();
    banner.show('settings');
  });

  var show = query.get('show') || 'first';
  if (show === 'first' || show === 'settings') banner.show(show);
  else if (window.__model.decided) banner.hide();
})();
