// The visitor's ECDSA P-256 key, made on the first decision with extractable: false, and
// ES256 signatures with it (WebCrypto gives them as raw r||s, which is what a JWS holds).
// The private key never leaves WebCrypto: not to the WebAssembly, not to storage as bytes.

// How this browser can sign: 'ES256' (a key kept in IndexedDB), 'ES256-session' (a key for
// this session only), or why it cannot ('unsigned-insecure-context', 'unsigned-no-webcrypto').
export function signingMode(store) {
  if (!window.isSecureContext) return 'unsigned-insecure-context';
  if (!window.crypto || !crypto.subtle) return 'unsigned-no-webcrypto';
  return store.persistent ? 'ES256' : 'ES256-session';
}

// The key record {privateKey, jwk: {x, y}, seq, prev}: the stored one, or a new one.
export async function visitorKey(store) {
  const existing = await store.getKey();
  if (existing) return existing;
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey); // public keys always export
  const record = { privateKey: pair.privateKey, jwk: { x: jwk.x, y: jwk.y }, seq: 0, prev: null };
  await store.putKey(record);
  return record;
}

export async function sign(privateKey, text) {
  const signature = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    privateKey,
    new TextEncoder().encode(text),
  );
  return base64url(new Uint8Array(signature));
}

function base64url(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
