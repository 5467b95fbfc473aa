// A tiny element builder for the banner. Every string reaches the DOM as a text node or an
// attribute value, never as markup: the model's texts come from the site's configuration and
// are untrusted. There is deliberately no way to pass HTML or a style attribute through here.

const PROPERTIES = { checked: 1, disabled: 1, hidden: 1, open: 1 };

// h('button', { type: 'button', class: 'cg-btn', onclick: fn }, 'Accept all')
// props: `class`, `on<event>` listeners, boolean DOM properties (checked, disabled, hidden,
// open), anything else becomes an attribute (skipped when null, undefined or false).
// children: strings (as text), nodes, arrays of them, null/false (skipped).
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const name of Object.keys(props || {})) {
    const value = props[name];
    if (value == null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (PROPERTIES[name]) node[name] = Boolean(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(typeof child === 'string' ? child : child instanceof Node ? child : String(child));
  }
}

// A plain push button; `key` (data-cg) names it so focus can survive a re-render.
export function button(label, key, onClick, extraClass) {
  return h(
    'button',
    { type: 'button', class: 'cg-btn' + (extraClass ? ' ' + extraClass : ''), 'data-cg': key, onclick: onClick },
    label,
  );
}

// A text paragraph, or nothing when the text is empty.
export function para(text, props) {
  return text ? h('p', props || {}, text) : null;
}
