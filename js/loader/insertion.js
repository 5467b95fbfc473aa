// Every way of putting content into a document goes through here, in each guarded window:
// - tracker elements among inserted nodes are held before they are connected (a second line
//   behind the src setters, which code before the tag may have made impossible to replace);
// - markup strings (innerHTML, insertAdjacentHTML, ...) are defused like document.write's,
//   so a tracker <img> in them never starts loading;
// - same-origin frames get the page's interception as soon as the page can reach them: after
//   an insertion, when a frame's contentWindow or contentDocument is read, and after each
//   load of a frame (a navigation makes a new Window; the first one, from the initial
//   about:blank to srcdoc or a same-origin URL, keeps it).
import { replaceMethod, replaceAccessor } from './patch.js';
import { inspect, defuse } from './hold-elements.js';

// Methods that connect nodes to a document (a fragment connects nothing: its own insertion is
// seen), and those that take markup (with its argument's index). Named, not found by scanning
// the prototypes: a scan cost 2 ms of the loader's start.
const NODES = {
  Node: 'appendChild insertBefore replaceChild',
  Element: 'append prepend after before replaceWith replaceChildren insertAdjacentElement',
  CharacterData: 'after before replaceWith',
  Document: 'replaceChildren',
  Range: 'insertNode surroundContents',
};
const MARKUP = [
  ['Element', 'insertAdjacentHTML', 1],
  ['Element', 'setHTMLUnsafe', 0],
  ['ShadowRoot', 'setHTMLUnsafe', 0],
  ['Range', 'createContextualFragment', 0],
];

export function watchInsertion(guard, win, guardRealm) {
  const count = Object.getOwnPropertyDescriptor(win, 'length').get;
  const guardChildren = () => {
    // win[i] cannot be redefined by a page: the frames as the browser numbers them.
    for (let i = 0, n = count.call(win); i < n; i++) guardRealm(guard, win[i]);
  };
  const proto = (name) => win[name] && win[name].prototype;

  const markupWrapper = (raw, at) =>
    function () {
      const args = Array.from(arguments);
      if (args[at] != null) args[at] = defuse(guard, String(args[at])); // innerHTML = null stays ''
      try {
        return raw.apply(this, args);
      } finally {
        guardChildren();
      }
    };
  const nodesWrapper = (raw) =>
    function () {
      for (const node of arguments) if (node && node.nodeType) inspect(guard, node);
      try {
        return raw.apply(this, arguments);
      } finally {
        guardChildren();
      }
    };
  for (const ctor in NODES) {
    for (const name of NODES[ctor].split(' ')) {
      if (proto(ctor) && proto(ctor).hasOwnProperty(name)) replaceMethod(guard, proto(ctor), name, nodesWrapper);
    }
  }
  for (const [ctor, name, at] of MARKUP) {
    if (proto(ctor) && proto(ctor).hasOwnProperty(name))
      replaceMethod(guard, proto(ctor), name, (raw) => markupWrapper(raw, at));
  }
  for (const [ctor, name] of [
    ['Element', 'innerHTML'],
    ['Element', 'outerHTML'],
    ['ShadowRoot', 'innerHTML'],
  ]) {
    if (proto(ctor))
      replaceAccessor(guard, proto(ctor), name, (raw) => ({ get: raw.get, set: markupWrapper(raw.set, 0) }));
  }

  // Reading a frame's window or document guards it first (a frame in a shadow tree is not
  // among win[i]).
  for (const ctor of ['HTMLIFrameElement', 'HTMLFrameElement', 'HTMLObjectElement']) {
    const frameWindow = Object.getOwnPropertyDescriptor(proto(ctor), 'contentWindow').get;
    for (const name of ['contentWindow', 'contentDocument']) {
      replaceAccessor(guard, proto(ctor), name, (raw) => ({
        get() {
          const w = frameWindow.call(this);
          if (w) guardRealm(guard, w);
          return raw.get.call(this);
        },
      }));
    }
  }
  win.addEventListener('load', guardChildren, true); // a frame's load, after a navigation
  return guardChildren;
}
