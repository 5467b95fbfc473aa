// Tells the core what the page holds (inline snippets and held tags, for their ids),
// warns about tracker tags written in the HTML, and keeps the page's own calls to
// ym/gtag/ga working while their trackers are held.
import { installStubs } from './stubs.js';

const seen = new WeakSet();

export function watchPage(guard) {
  scan(guard);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => scan(guard));
}

export function scan(guard) {
  const core = guard.core;
  for (const script of document.scripts) {
    if (seen.has(script)) continue;
    seen.add(script);
    if (!script.src && script.text) core.classifyInline(script.text);
  }
  for (const held of guard.held) if (held.url) core.classifyUrl(held.url);
  for (const { tag, url } of guard.preloaded.splice(0)) console.warn(core.preloadWarning(tag, url));
  installStubs(guard);
}
