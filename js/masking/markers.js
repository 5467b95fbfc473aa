// Puts the recorders' masking markers (the core's list, see wasm/src/masking.cpp) on an
// element, and takes their opt-in markers off it and every ancestor, across shadow roots.

export function addMarkers(el, set) {
  for (const c of set.classes) if (!el.classList.contains(c)) el.classList.add(c);
  for (const name in set.attributes) {
    if (el.getAttribute(name) !== set.attributes[name]) el.setAttribute(name, set.attributes[name]);
  }
}

export function hasMarkers(el, set) {
  return (
    set.classes.every((c) => el.classList.contains(c)) && Object.keys(set.attributes).every((a) => el.hasAttribute(a))
  );
}

export function removeUnmask(el, unmask) {
  for (let n = el; n; n = n.parentElement || (n.getRootNode && n.getRootNode().host) || null) {
    if (n.nodeType !== 1) break;
    for (const c of unmask.classes) if (n.classList.contains(c)) n.classList.remove(c);
    for (const a of unmask.attributes) if (n.hasAttribute(a)) n.removeAttribute(a);
  }
}

export function hasUnmask(el, unmask) {
  return unmask.classes.some((c) => el.classList.contains(c)) || unmask.attributes.some((a) => el.hasAttribute(a));
}
