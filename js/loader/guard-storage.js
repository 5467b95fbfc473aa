// Tracker cookies and storage keys are not written while their purpose is not allowed, so
// that a withdrawal sticks even while a tracker still runs in memory until the reload.

export function guardStorage(guard, data) {
  const purposeOfName = (rules, name) => {
    for (const [re, bit] of rules) if (re.test(name)) return bit;
    return 0;
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  guard.rawCookie = (value) => cookie.set.call(document, value);
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get() {
      return cookie.get.call(this);
    },
    set(value) {
      const name = String(value).split('=')[0].trim();
      if (purposeOfName(data.c, name) & ~guard.allowed) return;
      cookie.set.call(this, value);
    },
  });
  const rawSetItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (purposeOfName(data.s, String(key)) & ~guard.allowed) return;
    return rawSetItem.call(this, key, value);
  };
}
