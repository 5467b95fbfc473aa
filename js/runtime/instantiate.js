// Compiles a WebAssembly module from a fetch already under way: each module's wasm is fetched
// next to its script, not after it, so the two downloads overlap (one round trip, not two, on a
// phone's network). Used by the core (fetched by the loader) and by the modules loaded after a
// decision (fetched by chunkLoader).

export const fetchWasm = (url) => fetch(url, { credentials: 'same-origin' });

// fetching: the fetch of `url`; imports: what Emscripten's instantiateWasm hook gives.
async function instantiate(fetching, url, imports) {
  const response = await fetching.catch((e) => {
    // Across origins the browser says why only in its own console line: name the usual
    // cause and its fix.
    const hint =
      new URL(url, location.href).origin === location.origin
        ? ''
        : '; from another origin, the files need Access-Control-Allow-Origin';
    throw new Error('could not fetch ' + url + ' (' + e.message + hint + ')');
  });
  if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + response.url);
  try {
    return await WebAssembly.instantiateStreaming(response.clone(), imports);
  } catch (e) {
    // Servers that send .wasm without Content-Type application/wasm: compile from bytes.
    if (e instanceof TypeError) return WebAssembly.instantiate(await response.arrayBuffer(), imports);
    throw e;
  }
}

// Emscripten's instantiateWasm hook over instantiate(): `fail` gets what went wrong.
export const instantiateHook = (fetching, url, fail) => (imports, receive) => {
  instantiate(fetching, url, imports).then((r) => receive(r.instance, r.module), fail);
  return {};
};
