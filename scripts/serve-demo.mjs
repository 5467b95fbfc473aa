// Serves the demo site (demo/) with the guard from dist/ at /consent-guard/, and passes
// /consent/receipts and /.well-known/consent-keys.json to the receipt collector (COLLECTOR),
// as an nginx in front of both would.
// With no network here, tracker requests that the guard lets through simply fail:
// watch the browser's network panel to see what is held and what is released.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || '127.0.0.1';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain',
};

const collector = process.env.COLLECTOR;

async function proxy(req, res, target) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    const answer = await fetch(collector + target, {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] || 'text/plain', origin: req.headers.origin || '' },
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') || 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  } catch {
    res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":{"code":"collector.unreachable"}}');
  }
}

createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (collector && (path === '/consent/receipts' || path === '/.well-known/consent-keys.json')) {
    await proxy(req, res, path === '/consent/receipts' ? '/receipts' : path);
    return console.log(`${res.statusCode} ${req.method} ${path} -> collector`);
  }
  const [dir, rel] = path.startsWith('/consent-guard/') ? ['dist', path.slice(15)] : ['demo', path.slice(1)];
  let file = join(root, dir, normalize(rel || 'index.html').replace(/^(\.\.[/\\])+/, ''));
  if (file.endsWith('/')) file += 'index.html';
  try {
    const body = await readFile(file).catch(() => readFile(join(file, 'index.html')));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'text/html; charset=utf-8' }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
  console.log(`${res.statusCode} ${req.method} ${path}`);
}).listen(port, host, () => console.log(`demo: http://${host}:${port}/ (Russian), /kk/ (Kazakh), /en/ (English)`));
