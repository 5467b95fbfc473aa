// Masking personal data from session recorders (issue 4) starts once the visitor has allowed
// a purpose (the core's answer says when): its classifier and observer are a module of their
// own (consent-guard-masking.js), so a first visit before a decision never downloads them.
// Nothing allowed is released until that module has marked the page.
import { chunkLoader } from './chunks.js';

// A function of the core's answer.masking: resolves once the page is masked (at once when no
// masking is needed), rejects when the module cannot start.
export function maskingGate(guard) {
  const load = chunkLoader(guard, 'consent-guard-masking.js', 'onMaskingModule');
  // Until masking starts, ConsentGuard.maskingReport() says why it is empty (here, not in
  // the loader: the loader's bytes block every page).
  guard.masking = {
    report() {
      console.info('consent-guard: masking starts once the visitor allows a purpose; nothing is masked yet');
      return [];
    },
  };
  let started = false;
  return (needed) =>
    started || !needed
      ? Promise.resolve()
      : load().then((masking) => {
          started = true;
          guard.masking = masking;
        });
}
