// The second line: requests to tracker hosts by fetch, XHR, sendBeacon and WebSocket are
// refused while their purpose is not allowed. Tracker code should never run unapproved;
// this catches what runs anyway (an unknown loader, or a tracker still in memory after
// the visitor withdrew consent).
import { replaceMethod } from './patch.js';

export function holdNetwork(guard, win) {
  const refuse = (url) => new TypeError('consent-guard: request to ' + url + ' is held until consent');
  // Runs go() when `url` may be requested, now or (for another site's host the guard has not
  // placed yet) once it is known, and stop() when it may not.
  const when = (url, go, stop) => {
    const bit = guard.blocks(url);
    if (!(bit & guard.data.u)) return bit ? stop() : go();
    return guard.whenKnown(url).then(() => (guard.blocks(url) ? stop() : go()), stop);
  };

  replaceMethod(
    guard,
    win,
    'fetch',
    (rawFetch) =>
      function (input, init) {
        const url = input && typeof input === 'object' && 'url' in input ? input.url : String(input);
        return when(
          url,
          () => rawFetch.call(this, input, init),
          () => Promise.reject(refuse(url)),
        );
      },
  );

  replaceMethod(
    guard,
    win.Navigator.prototype,
    'sendBeacon',
    (rawBeacon) =>
      function (url, data) {
        const sent = when(
          String(url),
          () => rawBeacon.call(this, url, data),
          () => false,
        );
        return sent === false ? false : true; // queued (a promise) counts as queued by the browser
      },
  );

  const xhr = win.XMLHttpRequest.prototype;
  const xhrUrl = new WeakMap();
  replaceMethod(
    guard,
    xhr,
    'open',
    (rawOpen) =>
      function (method, url) {
        xhrUrl.set(this, String(url));
        return rawOpen.apply(this, arguments);
      },
  );
  replaceMethod(
    guard,
    xhr,
    'send',
    (rawSend) =>
      function () {
        const args = arguments;
        when(
          xhrUrl.get(this),
          () => rawSend.apply(this, args),
          // Behave like a network error: asynchronously, error then loadend.
          () =>
            setTimeout(() => {
              for (const type of ['error', 'loadend']) this.dispatchEvent(new ProgressEvent(type));
            }),
        );
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
