// The banner model is the core's answer (wasm/src/banner.cpp), already validated there: the
// configuration's enums and defaults (theme, reopen), the policy link (link_target in
// wasm/src/url.cpp), the texts after the operator's overrides. It is taken as it is; this
// only gives the layers their names for it and what the three buttons decide.

export function normalize(m) {
  return {
    language: m.language,
    decided: m.decided,
    gpc: m.gpc,
    theme: m.theme,
    reopen: m.reopen,
    policyHref: m.policyUrl,
    acceptChoice: m.acceptChoice,
    texts: m.texts,
    purposes: m.purposes.map((p) => ({ ...p, checked: p.required || p.checked })),
  };
}

// "Accept all": 'all', or under Global Privacy Control what the core decided it means
// (its acceptChoice: everything but marketing). The rule lives in the core, not here.
export function acceptAllChoice(m) {
  return m.gpc && m.acceptChoice && typeof m.acceptChoice === 'object' ? { ...m.acceptChoice } : 'all';
}

// id -> checked for every purpose (required ones always true).
export function checkedMap(m) {
  return Object.fromEntries(m.purposes.map((p) => [p.id, p.checked]));
}

// Takes the switch states from a state the caller resolved with ({decided, purposes}).
export function mergeState(current, state) {
  const purposes = state && typeof state === 'object' ? state.purposes : null;
  if (!purposes || typeof purposes !== 'object') return current;
  const next = { ...current };
  for (const id of Object.keys(next)) if (typeof purposes[id] === 'boolean') next[id] = purposes[id];
  return next;
}
