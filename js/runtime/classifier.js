// Once the core is ready it answers for every request, element, socket frame, cookie and
// storage key itself (the loader's compact copy only bridges the first tens of ms). A
// third-party host neither the registry nor its list of harmless hosts names is looked up in
// the long tail (wasm/include/cg/long_tail.h), which is loaded the first time one is met.
import { chunkLoader } from './chunks.js';
import { release } from './release.js';

export function useCoreClassifier(guard, core) {
  const unknown = guard.data.u;
  const fetchTail = chunkLoader(guard, 'consent-guard-long-tail.js', 'onLongTail', false);
  let tail = null;
  const loadTail = () =>
    tail ||
    (tail = fetchTail()
      .then((text) => {
        const loaded = JSON.parse(core.loadLongTail(text));
        if (!loaded.ok) throw new Error('the long tail was refused: ' + loaded.error.message);
        release(guard); // what waited for it is placed now: held, or let go
        for (const socket of guard.sockets) if (guard.blocks(socket.url)) socket.close(1000);
      })
      .catch((e) => {
        tail = null; // the next host met tries again; until then what waits stays held
        console.error('consent-guard: ' + e.message + '; third-party requests it would place stay held');
        throw e;
      }));

  const absolute = (url) => {
    try {
      return new URL(url, location.href).href;
    } catch (e) {
      return '';
    }
  };
  guard.purposeOf = (url) => {
    const bits = core.urlBits(absolute(url));
    if (bits & unknown) loadTail().catch(() => {});
    return bits;
  };
  guard.known = (url) => (guard.purposeOf(url) & unknown ? loadTail() : Promise.resolve());
  guard.frameBlocks = (url, frame) => core.frameBits(absolute(url), String(frame)) & ~guard.allowed;
  guard.nameBlocks = (cookie, name) => core.nameBits(cookie ? 1 : 0, name) & ~guard.allowed;
}
