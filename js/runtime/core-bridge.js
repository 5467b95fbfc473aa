// The core's calls as JavaScript functions of strings (wasm/bindings/core_exports.cpp): each
// string argument is copied into the module's memory as UTF-8 and freed after the call; the
// answer is read back from the core's answer buffer. Numbers pass as they are.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Argument kinds per call: 's' a string, 'n' a number; a third entry 'n' when the call
// answers a number (its return value) rather than text in the answer buffer.
const CALLS = {
  configure: ['cg_configure', 'sss'],
  classifyUrl: ['cg_classify_url', 's'],
  classifyInline: ['cg_classify_inline', 's'],
  urlBits: ['cg_url_bits', 's', 'n'],
  frameBits: ['cg_frame_bits', 'ss', 'n'],
  nameBits: ['cg_name_bits', 'ns', 'n'],
  loadLongTail: ['cg_load_long_tail', 's'],
  stubs: ['cg_stubs', ''],
  restore: ['cg_restore', 'sn'],
  decide: ['cg_decide', 'sn'],
  state: ['cg_state', ''],
  purge: ['cg_purge', 'ssn'],
  text: ['cg_text', 's'],
  banner: ['cg_banner', 's'],
  receiptInput: ['cg_receipt_input', 's'],
  preloadWarning: ['cg_preload_warning', 'ss'],
};

export function bridge(module) {
  const call = (name, kinds, args, answers) => {
    const raw = [];
    const owned = [];
    let result;
    try {
      for (let i = 0; i < kinds.length; i++) {
        if (kinds[i] === 'n') {
          raw.push(args[i]);
          continue;
        }
        const bytes = encoder.encode(String(args[i]));
        const at = module._malloc(bytes.length || 1);
        owned.push(at);
        module.HEAPU8.set(bytes, at); // HEAPU8 is read after malloc: memory may have grown
        raw.push(at, bytes.length);
      }
      result = module['_' + name](...raw);
    } finally {
      owned.forEach((at) => module._free(at));
    }
    if (answers === 'n') return result;
    const at = module._cg_answer();
    return decoder.decode(module.HEAPU8.subarray(at, at + module._cg_answer_size()));
  };
  const core = {};
  for (const key of Object.keys(CALLS)) {
    const [name, kinds, answers] = CALLS[key];
    core[key] = (...args) => call(name, kinds, args, answers);
  }
  return core;
}
