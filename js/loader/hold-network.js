// The second line: requests to tracker hosts by fetch, XHR, sendBeacon and WebSocket are
// refused while their purpose is not allowed. Tracker code should never run unapproved;
// this catches what runs anyway (an unknown loader, or a tracker still in memory after
// the visitor withdrew consent).
import { replaceMethod } from './patch.js';

export function holdNetwork(guard, win) {
  const refuse = (url) => new TypeError('consent-guard: request to ' + url + ' is held until consent');

  replaceMethod(
    guard,
    win,
    'fetch',
    (rawFetch) =>
      function (input, init) {
        const url = input && typeof input === 'object' && 'url' in input ? input.url : String(input);
        if (guard.blocks(url)) return Promise.reject(refuse(url));
        return rawFetch.call(this, input, init);
      },
  );

  replaceMethod(
    guard,
    win.Navigator.prototype,
    'sendBeacon',
    (rawBeacon) =>
      function (url, data) {
        if (guard.blocks(String(url))) return false;
        return rawBeacon.call(this, url, data);
      },
  );

  const xhr = win.XMLHttpRequest.prototype;
  const heldXhr = new WeakSet();
  replaceMethod(
    guard,
    xhr,
    'open',
    (rawOpen) =>
      function (method, url) {
        if (guard.blocks(String(url))) heldXhr.add(this);
        else heldXhr.delete(this);
        return rawOpen.apply(this, arguments);
      },
  );
  replaceMethod(
    guard,
    xhr,
    'send',
    (rawSend) =>
      function () {
        if (!heldXhr.has(this)) return rawSend.apply(this, arguments);
        // Behave like a network error: asynchronously, error then loadend.
        setTimeout(() => {
          for (const type of ['error', 'loadend']) this.dispatchEvent(new ProgressEvent(type));
        });
      },
  );

  // Open sockets are remembered, so that a withdrawal can close them (the runtime's
  // apply.js), and each frame is let through only while its purposes are allowed: a socket
  // opened with consent goes silent the moment it is withdrawn.
  replaceMethod(
    guard,
    win,
    'WebSocket',
    (RawSocket) =>
      new Proxy(RawSocket, {
        construct(target, args, newTarget) {
          if (guard.blocks(String(args[0]))) throw new DOMException(refuse(args[0]).message, 'SecurityError');
          const socket = Reflect.construct(target, args, newTarget);
          guard.sockets.add(socket);
          socket.addEventListener('close', () => guard.sockets.delete(socket));
          return socket;
        },
      }),
  );
  replaceMethod(
    guard,
    win.WebSocket.prototype,
    'send',
    (rawSend) =>
      function (data) {
        if (!guard.frameBlocks(this.url, data)) return rawSend.call(this, data);
      },
  );
}
