import { fetchWasm } from './instantiate.js';

// Loads one of the modules a page needs only sometimes (receipts and masking after a
// decision, notices): a script next to consent-guard.js that hands its API to guard[hook]
// when ready. Its wasm, if it has one, is fetched at the same time and waits for the script
// in guard[hook].wasm.
// A failed load is forgotten, so that the next call tries again (back online, next decision).
export function chunkLoader(guard, file, hook, hasWasm = true) {
  let loading = null;
  return () =>
    loading ||
    (loading = new Promise((resolve, reject) => {
      guard[hook] = (api, error) => (api ? resolve(api) : reject(error));
      if (hasWasm) {
        const wasm = (guard[hook].wasm = fetchWasm(guard.base + file.replace(/js$/, 'wasm')));
        wasm.catch(() => {}); // reported by the module, which awaits it
      }
      const script = document.createElement('script');
      script.src = guard.base + file;
      script.async = true;
      script.onerror = () => reject(new Error(file + ' could not be loaded'));
      document.head.append(script);
    }).catch((e) => {
      loading = null;
      throw e;
    }));
}
