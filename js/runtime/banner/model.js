// Reads the banner model the core produces (shape in index.js) into a form the layers can
// trust: every text a string, unknown enum values replaced by their defaults, the policy
// link allowed only in its allowlisted forms, and what the three buttons decide.

const str = (value) => (typeof value === 'string' ? value : '');
const oneOf = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);

export function normalize(model) {
  const m = model && typeof model === 'object' ? model : {};
  const given = m.texts && typeof m.texts === 'object' ? m.texts : {};
  // Only strings; a missing text is undefined, which the builders skip.
  const texts = {};
  for (const key of Object.keys(given)) texts[key] = str(given[key]);
  return {
    language: /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(str(m.language)) ? m.language : '',
    decided: m.decided === true,
    gpc: m.gpc === true,
    theme: oneOf(m.theme, ['light', 'dark'], 'auto'),
    reopen: oneOf(m.reopen, ['bottom-left', 'bottom-right', 'none'], 'bottom-left'),
    policyHref: str(m.policyUrl), // checked by the core (link_target in wasm/src/url.cpp)
    acceptChoice: m.acceptChoice,
    texts,
    purposes: (Array.isArray(m.purposes) ? m.purposes : []).filter((p) => p && typeof p.id === 'string').map(purpose),
  };
}

function purpose(p) {
  const required = p.required === true;
  return {
    id: p.id,
    name: str(p.name),
    description: str(p.description),
    required,
    checked: required || p.checked === true,
    services: (Array.isArray(p.services) ? p.services : [])
      .filter((s) => s && typeof s === 'object')
      .map((s) => ({ name: str(s.name), vendor: str(s.vendor), countries: str(s.countries) })),
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
