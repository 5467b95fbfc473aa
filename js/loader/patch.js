// Replacing a browser native, checked: code that ran before the tag can make a native
// non-configurable or non-writable, and the interception would then be silently missing.
// A native that could not be replaced is named in guard.unguarded; the loader says so in
// the console once, with the fix, and everything else stays held.

// Wraps obj[name] (a method) with make(raw); false when it could not be replaced.
export function replaceMethod(guard, obj, name, make) {
  const raw = obj && obj[name];
  if (typeof raw !== 'function') return false;
  const wrapped = make(raw);
  try {
    obj[name] = wrapped;
  } catch (e) {}
  return obj[name] === wrapped || unguarded(guard, name);
}

// Redefines the accessor obj[name]: desc gets the raw descriptor and returns the new one.
export function replaceAccessor(guard, obj, name, make) {
  const raw = Object.getOwnPropertyDescriptor(obj, name);
  if (!raw) return false;
  try {
    Object.defineProperty(obj, name, { configurable: true, enumerable: raw.enumerable, ...make(raw) });
    return true;
  } catch (e) {
    return unguarded(guard, name);
  }
}

function unguarded(guard, name) {
  guard.unguarded.push(name);
  return false;
}
