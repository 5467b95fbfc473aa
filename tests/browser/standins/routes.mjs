// Offline tracker routing for the browser tests.
// There is no internet: every request to a non-local host is answered here. Tracker script URLs get
// the matching stand-in from this folder, images a 1x1 GIF, documents/iframes a tiny empty page,
// everything else (beacons, fetches, XHR, styles, fonts, ...) an empty 204. Each non-local
// request is recorded as {url, type, method} in the caller's log array, so a test can assert
// what a page sent (or did not send) before and after consent.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const YANDEX_TLDS = 'ru|az|by|co\\.il|com|com\\.am|com\\.ge|com\\.tr|ee|fr|kg|kz|lt|lv|md|tj|tm|uz';
const METRICA_HOST = `(?:mc\\.yandex\\.(?:${YANDEX_TLDS})|mc\\.webvisor\\.(?:org|com))`;

// Matched against `${hostname}${pathname}` of the URL (query and hash are ignored).
export const TRACKER_SCRIPTS = Object.freeze(
  [
    {
      file: 'metrica-tag.js',
      pattern: new RegExp(`^${METRICA_HOST}/metrika/tag\\.js$`),
      example: 'https://mc.yandex.ru/metrika/tag.js?id=12345678',
    },
    {
      file: 'metrica-tag.js',
      pattern: /^cdn\.jsdelivr\.net\/npm\/yandex-metrica-watch(?:@[^/]+)?\/tag\.js$/,
      example: 'https://cdn.jsdelivr.net/npm/yandex-metrica-watch/tag.js',
    },
    {
      file: 'metrica-watch.js',
      pattern: new RegExp(`^${METRICA_HOST}/metrika/watch\\.js$`),
      example: 'https://mc.yandex.ru/metrika/watch.js',
    },
    {
      file: 'metrica-watch.js',
      pattern: /^cdn\.jsdelivr\.net\/npm\/yandex-metrica-watch(?:@[^/]+)?\/watch\.js$/,
      example: 'https://cdn.jsdelivr.net/npm/yandex-metrica-watch/watch.js',
    },
    {
      file: 'gtag.js',
      pattern: /^www\.googletagmanager\.com\/gtag\/js$/,
      example: 'https://www.googletagmanager.com/gtag/js?id=G-TEST123',
    },
    {
      file: 'gtm.js',
      pattern: /^www\.googletagmanager\.com\/gtm\.js$/,
      example: 'https://www.googletagmanager.com/gtm.js?id=GTM-TEST1',
    },
    {
      file: 'analytics.js',
      pattern: /^(?:www|ssl)\.google-analytics\.com\/analytics(?:_debug)?\.js$/,
      example: 'https://www.google-analytics.com/analytics.js',
    },
    {
      file: 'fbevents.js',
      pattern: /^connect\.facebook\.net\/[A-Za-z_]+\/fbevents\.js$/,
      example: 'https://connect.facebook.net/en_US/fbevents.js',
    },
    {
      file: 'tiktok.js',
      pattern: /^analytics\.tiktok\.com\/i18n\/pixel\/events\.js$/,
      example: 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=CXXXX&lib=ttq',
    },
    {
      file: 'topmailru.js',
      pattern: /^top-fwz1\.mail\.ru\/js\/code\.js$/,
      example: 'https://top-fwz1.mail.ru/js/code.js',
    },
    { file: 'clarity.js', pattern: /^www\.clarity\.ms\/tag\/[^/]+$/, example: 'https://www.clarity.ms/tag/abcdef123' },
    {
      file: 'hotjar.js',
      pattern: /^static\.hotjar\.com\/c\/hotjar-\d+\.js$/,
      example: 'https://static.hotjar.com/c/hotjar-1234567.js?sv=6',
    },
    {
      file: 'marketing-tags.js',
      pattern:
        /^(?:snap\.licdn\.com\/li\.lms-analytics\/insight\.min\.js|www\.redditstatic\.com\/ads\/pixel\.js|bat\.bing\.com\/bat\.js|sc-static\.net\/scevent\.min\.js|s\.adroll\.com\/j\/roundtrip\.js)$/,
      example: 'https://snap.licdn.com/li.lms-analytics/insight.min.js',
    },
    {
      file: 'vk-openapi.js',
      pattern: /^vk\.com\/js\/api\/openapi\.js$/,
      example: 'https://vk.com/js/api/openapi.js?169',
    },
    {
      file: 'ordinary-lib.js',
      pattern: /^cdn\.example-cdn\.com\/jquery\.min\.js$/,
      example: 'https://cdn.example-cdn.com/jquery.min.js',
    },
    {
      file: 'ordinary-lib.js',
      pattern: /^widgets\.example-booking\.kz\/widget\.js$/,
      example: 'https://widgets.example-booking.kz/widget.js',
    },
  ].map(Object.freeze),
);

// 1x1 transparent GIF.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const EMPTY_HTML = '<!doctype html><html><head><title></title></head><body></body></html>';
const CORS = { 'access-control-allow-origin': '*' };

function parse(url) {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Stand-in file name (e.g. 'metrica-tag.js') for a tracker/library script URL, or null. */
export function standinFor(url) {
  const u = parse(String(url));
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) return null;
  const key = u.hostname.toLowerCase() + u.pathname;
  const hit = TRACKER_SCRIPTS.find((entry) => entry.pattern.test(key));
  return hit ? hit.file : null;
}

export function isLocalHost(hostname) {
  if (hostname === 'namo.test' || hostname.endsWith('.namo.test')) return true; // mapped to 127.0.0.1
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]' || hostname === '::1';
}

const cache = new Map();
const read = (file) => readFileSync(join(here, file), 'utf8');
// The two Metrica stand-ins share their counter: metrica-counter.js is served in front of each;
// the session recorders (Webvisor in Metrica, Hotjar, Clarity) share recorder.js.
const RECORDERS = new Set(['metrica-tag.js', 'metrica-watch.js', 'hotjar.js', 'clarity.js']);
function standinSource(file) {
  if (!cache.has(file)) {
    const prefix =
      (RECORDERS.has(file) ? read('recorder.js') : '') +
      (file.startsWith('metrica-') ? read('metrica-counter.js') : '');
    cache.set(file, prefix + read(file));
  }
  return cache.get(file);
}

function responseFor(url, type, method) {
  if (method === 'OPTIONS') {
    return {
      status: 204,
      headers: { ...CORS, 'access-control-allow-methods': '*', 'access-control-allow-headers': '*' },
    };
  }
  const file = standinFor(url);
  if (file) return { status: 200, contentType: 'application/javascript', headers: CORS, body: standinSource(file) };
  if (type === 'script')
    return {
      status: 200,
      contentType: 'application/javascript',
      headers: CORS,
      body: '/* no stand-in for this URL */\n',
    };
  if (type === 'image') return { status: 200, contentType: 'image/gif', headers: CORS, body: GIF };
  if (type === 'document') return { status: 200, contentType: 'text/html', body: EMPTY_HTML };
  return { status: 204, headers: CORS };
}

/**
 * Route the requests of a Playwright BrowserContext that leave this machine: each is recorded
 * in `log` as {url, type, method, body} and answered offline. Local (127.0.0.1/localhost) requests
 * are not intercepted at all, so that they keep their real timing.
 */
export async function installTrackerRoutes(context, log = []) {
  const leavesMachine = (u) => /^https?:$/.test(u.protocol) && !isLocalHost(u.hostname);
  await context.route(leavesMachine, async (route) => {
    let request,
      url = '';
    try {
      request = route.request();
      url = request.url();
      const type = request.resourceType(),
        method = request.method();
      log.push({ url, type, method, body: request.postData() || '' });
      await route.fulfill(responseFor(url, type, method));
    } catch {
      // Page closed, route already handled, or a broken URL: never fail the test from here.
      await route.fulfill({ status: 204 }).catch(() => {});
    }
  });
  return log;
}
