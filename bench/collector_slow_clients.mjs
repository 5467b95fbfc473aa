// Slow and idle clients against cg-collector (issue 12): 100 connections that send their
// headers a byte every 50 ms and 100 that connect and say nothing, while a well-behaved client
// asks /healthz over keep-alive. Prints that client's latency (p50, p99, max) with and without
// the slow crowd, and the collector's resident memory before and with it.
//   node bench/collector_slow_clients.mjs [BUILD_DIR] [REQUESTS]
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const build = process.argv[2] || 'build/native';
const requests = Number(process.argv[3] || 500);
const collector = join(build, 'operator/collector/cg-collector');
const dir = mkdtempSync(join(tmpdir(), 'cg-slow-'));
const site = ['--site', 'https://namo.kz'];
execFileSync(collector, ['init', '--data-dir', dir, ...site]);
const server = spawn(collector, ['serve', '--data-dir', dir, ...site, '--listen', '127.0.0.1:0', '--rate', '0']);
const port = await new Promise((resolve, reject) => {
  let log = '';
  server.stderr.on('data', (d) => {
    log += d;
    const m = /"port":(\d+)/.exec(log);
    if (m) resolve(Number(m[1]));
  });
  server.on('exit', () => reject(new Error('cg-collector stopped: ' + log)));
});
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]);

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
async function latencies() {
  const out = [];
  for (let i = 0; i < requests; i++) {
    const start = process.hrtime.bigint();
    await new Promise((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => res.resume().on('end', resolve))
        .on('error', reject),
    );
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  out.sort((a, b) => a - b);
  const at = (q) => out[Math.min(out.length - 1, Math.floor(q * out.length))].toFixed(2);
  return `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${out[out.length - 1].toFixed(2)} ms`;
}

const alone = await latencies();
const rssBefore = rss();
const sockets = [];
for (let i = 0; i < 200; i++) {
  const s = connect(port, '127.0.0.1');
  s.on('error', () => {});
  sockets.push(s);
}
const head = 'POST /receipts HTTP/1.1\r\nHost: namo.kz\r\nContent-Type: application/jose\r\nX-Pad: ' + 'a'.repeat(400);
let at = 0;
const dribble = setInterval(() => {
  for (const s of sockets.slice(0, 100)) s.write(head[at % head.length]);
  at++;
}, 50);
await new Promise((resolve) => setTimeout(resolve, 500));
const crowded = await latencies();
const rssWith = rss();
clearInterval(dribble);
for (const s of sockets) s.destroy();
server.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });
console.log(`${requests} GET /healthz, one keep-alive client, 127.0.0.1:`);
console.log(`  alone:                              ${alone}`);
console.log(`  with 100 slow + 100 idle clients:   ${crowded}   target: p99 < 100 ms`);
console.log(`collector memory: ${rssBefore} KB before, ${rssWith} KB with the 200 connections open`);
