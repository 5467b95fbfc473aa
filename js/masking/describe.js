// What the core's classifier reads about a field: the page's own words for it (attributes,
// its label, the heading above it) and the operator's marks. Never its value.

import { TEXT_CHARS, HEADINGS, HEADING_LEVELS, HEADING_SIBLINGS } from 'cg:page-reading';

const MARKS = '[data-consent-guard-mask],[data-consent-guard-unmask]';

const text = (el) => (el ? clip((el.textContent || '').replace(/\s+/g, ' ').trim(), TEXT_CHARS) : '');
const attr = (el, name) => clip(el.getAttribute(name) || '', TEXT_CHARS);

// At most n UTF-16 units, as well-formed text: a cut through a surrogate pair, or a lone
// surrogate in the page, would make the whole request invalid UTF-8 for the core.
export function clip(s, n) {
  if (s.length > n) s = s.slice(0, n);
  if (!/[\uD800-\uDFFF]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += s[i] + s[++i];
    } else {
      out += c >= 0xd800 && c <= 0xdfff ? '\ufffd' : s[i];
    }
  }
  return out;
}

export function describeField(el) {
  const root = el.getRootNode();
  const labelledBy = attr(el, 'aria-labelledby')
    .split(/\s+/)
    .map((id) => id && root.getElementById && text(root.getElementById(id)))
    .join(' ')
    .trim();
  return {
    tag: el.localName,
    type: attr(el, 'type'),
    name: attr(el, 'name'),
    id: clip(el.id, TEXT_CHARS),
    autocomplete: attr(el, 'autocomplete'),
    inputmode: attr(el, 'inputmode'),
    placeholder: attr(el, 'placeholder'),
    ariaLabel: (attr(el, 'aria-label') + ' ' + labelledBy).trim(),
    label: Array.from(el.labels || [], text).join(' '),
    heading: nearestHeading(el),
    mark: markOf(el),
  };
}

// The operator's nearest mark on the element or an ancestor: "mask", "unmask" or "".
export function markOf(el) {
  const marked = el.closest(MARKS);
  return marked ? (marked.hasAttribute('data-consent-guard-mask') ? 'mask' : 'unmask') : '';
}

// The last heading before the field: in its earlier siblings, then in its ancestors'.
function nearestHeading(el) {
  for (let n = el, depth = 0; n && n.parentElement && depth < HEADING_LEVELS; n = n.parentElement, depth++) {
    for (
      let s = n.previousElementSibling, seen = 0;
      s && seen < HEADING_SIBLINGS;
      s = s.previousElementSibling, seen++
    ) {
      if (s.matches(HEADINGS)) return text(s);
      const inside = s.querySelectorAll(HEADINGS);
      if (inside.length) return text(inside[inside.length - 1]);
    }
  }
  return '';
}
