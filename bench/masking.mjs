// Time from a form field's insertion to its masking, in headless Chromium (issue 4; target:
// before the next animation frame). The guard masks in its MutationObserver callback; an
// observer created after it is notified after it in the same microtask checkpoint, and the
// moment that observer runs is when the markers are in place. Each sample also checks, in
// the next requestAnimationFrame, that every personal field carries the markers.
// Run after scripts/build.sh: node bench/masking.mjs [samples per scenario]
import { startServer, launch } from '../tests/browser/harness.mjs';

const samples = Number(process.argv[2] || 200);
const server = await startServer();
const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(`${server.origin}/pages/masking.html`);
// Masking starts once a purpose is allowed (its module loads then): accept, wait for it.
await page.evaluate(async () => {
  await ConsentGuard.acceptAll();
  while (!ConsentGuard.maskingReport().length) await new Promise((r) => setTimeout(r, 20));
});

const scenarios = {
  'a pop-up form, 3 fields (Tilda)': (i) =>
    `<form><div class="t-input-title">Аты-жөніңіз</div><input name="Input_1" aria-label="Аты-жөніңіз">` +
    `<input name="Input_2" placeholder="Телефон нөміріңіз"><input name="Input_3" placeholder="Қонақтар саны"></form>`,
  'a booking widget, 12 labelled fields': () =>
    Array.from(
      { length: 3 },
      (_, k) =>
        `<label>Имя гостя ${k}<input name="name${k}"></label><label>Телефон<input type="tel" name="phone${k}"></label>` +
        `<label>E-mail<input name="mail${k}"></label><label>Количество гостей<input name="guests${k}"></label>`,
    ).join(''),
  'a single-page app view, 60 fields and 300 text nodes': () =>
    Array.from(
      { length: 60 },
      (_, k) => `<div><h3>Шаг ${k}</h3><label>${k % 2 ? 'Ваше имя' : 'Комментарий'}<input name="f${k}"></label></div>`,
    ).join('') +
    Array.from(
      { length: 300 },
      (_, k) => `<p>Плов — ${2000 + k} ₸${k % 50 ? '' : ', звоните +7 701 555 12 34'}</p>`,
    ).join(''),
};

console.log(`headless Chromium, ${samples} insertions per scenario; latency = insertion to markers in place`);
for (const [name, html] of Object.entries(scenarios)) {
  const result = await page.evaluate(
    async ({ html, samples }) => {
      const latencies = [];
      let beforeFrame = 0;
      const host = document.getElementById('later');
      for (let i = 0; i < samples; i++) {
        const box = document.createElement('div');
        box.innerHTML = html;
        let maskedAt = 0;
        const after = new MutationObserver(() => {
          if (!maskedAt) maskedAt = performance.now();
        });
        after.observe(host, { childList: true, subtree: true });
        const t0 = performance.now();
        host.appendChild(box);
        await new Promise((r) => requestAnimationFrame(r));
        const personal = box.querySelectorAll(
          '[name^=Input_1],[name^=Input_2],[name^=name],[name^=phone],[name^=mail]',
        );
        if ([...personal].every((el) => el.classList.contains('ym-disable-keys'))) beforeFrame++;
        latencies.push(maskedAt - t0);
        after.disconnect();
        box.remove();
      }
      return { latencies, beforeFrame };
    },
    { html: html(0), samples },
  );
  const s = result.latencies.sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(2);
  console.log(
    `${name.padEnd(54)} median ${at(0.5)} ms   p99 ${at(0.99)} ms   masked before the next frame: ${result.beforeFrame}/${samples}`,
  );
}
await browser.close();
server.close();
