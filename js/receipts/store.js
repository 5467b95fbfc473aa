// Where receipts live in the visitor's browser: one IndexedDB database per site, with the
// visitor's signing key (a non-extractable CryptoKey: the page can use it, nobody can read
// it), the head of the key's chain, and the receipts waiting for (or holding) the
// collector's acknowledgement. Without IndexedDB (some private modes) everything is kept in
// memory for the session, and receipts say that their key is a session key.

export async function openStore(site) {
  const db = await new Promise((resolve) => {
    let request;
    try {
      request = indexedDB.open('consent-guard:' + site, 1);
    } catch (e) {
      return resolve(null);
    }
    request.onupgradeneeded = () => {
      request.result.createObjectStore('key');
      request.result.createObjectStore('receipts', { keyPath: 'jti' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  return db ? persistent(db) : inMemory();
}

function persistent(db) {
  const run = (store, mode, fn) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const result = fn(tx.objectStore(store));
      tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  return {
    persistent: true,
    getKey: () => run('key', 'readonly', (s) => s.get('visitor')),
    putKey: (value) => run('key', 'readwrite', (s) => s.put(value, 'visitor')),
    all: () => run('receipts', 'readonly', (s) => s.getAll()),
    put: (record) => run('receipts', 'readwrite', (s) => s.put(record)),
  };
}

function inMemory() {
  let key;
  const receipts = new Map();
  return {
    persistent: false,
    getKey: async () => key,
    putKey: async (value) => void (key = value),
    all: async () => Array.from(receipts.values()),
    put: async (record) => void receipts.set(record.jti, record),
  };
}
