// Timings in headless Chromium on this machine, over fresh page loads (median and p90):
//   - loader start to interception installed (User Timing marks consent-guard:start/intercepting)
//   - loader start to ready (consent-guard:ready: core fetched, compiled, configured, decision applied)
//   - acceptAll() to the first released tracker request
// Nothing is intercepted (Playwright routing would add a round trip to every request): with no
// network here, the released tracker request fails, but the browser starts it, and that moment
// is what is measured. Run after scripts/build.sh: node bench/timing.mjs [runs] [--rtt MS]
// --rtt adds MS of latency to every request (Chromium's network emulation), as on a phone's
// mobile network, where each round trip on the way to a release counts.
import { startServer, launch } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const rttAt = args.indexOf('--rtt');
const rtt = rttAt >= 0 ? Number(args.splice(rttAt, 2)[1]) : 0;
const runs = Number(args[0] || 30);
const server = await startServer();
const browser = await launch();
const samples = { loader: [], ready: [], release: [] };

for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (rtt) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: rtt,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  }
  let trackerRequestAt = null; // wall-clock ms
  page.on('request', (r) => {
    if (trackerRequestAt === null && r.url().includes('mc.yandex.ru')) trackerRequestAt = Date.now();
  });
  await page.goto(`${server.origin}/pages/bench-timing.html`);
  const t = await page.evaluate(async () => {
    await ConsentGuard.ready;
    const at = (name) => performance.getEntriesByName('consent-guard:' + name)[0].startTime;
    const clickedAt = performance.timeOrigin + performance.now();
    await ConsentGuard.acceptAll();
    return { loader: at('intercepting') - at('start'), ready: at('ready') - at('start'), clickedAt };
  });
  await page.waitForTimeout(100 + 3 * rtt);
  samples.loader.push(t.loader);
  samples.ready.push(t.ready);
  samples.release.push(trackerRequestAt - t.clickedAt);
  await context.close();
}
await browser.close();
server.close();

const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${at(0.5).toFixed(1).padStart(6)} ms   p90 ${at(0.9).toFixed(1).padStart(6)} ms`;
};
console.log(
  `headless Chromium, ${runs} fresh page loads from 127.0.0.1${rtt ? `, ${rtt} ms added to each request` : ''}`,
);
console.log(`loader start to interception installed   ${stat(samples.loader)}`);
console.log(`loader start to ready                     ${stat(samples.ready)}   target: median <= 60 ms`);
console.log(`acceptAll() to first released request     ${stat(samples.release)}`);
