/**
 * A read-only map built on first use. The picker's country counts go through every connector, and what reads them (a
 * country select's options) usually renders after the first paint: counting then keeps that work off the first one.
 */
export function lazyMap<K, V>(build: () => Map<K, V>): ReadonlyMap<K, V> {
  let built: Map<K, V> | undefined;
  const map = () => {
    built ??= build();
    return built;
  };
  const lazy: ReadonlyMap<K, V> = {
    get size() {
      return map().size;
    },
    get: (key) => map().get(key),
    has: (key) => map().has(key),
    forEach: (callback, thisArg) => {
      map().forEach((value, key) => {
        callback.call(thisArg, value, key, lazy);
      });
    },
    entries: () => map().entries(),
    keys: () => map().keys(),
    values: () => map().values(),
    [Symbol.iterator]: () => map()[Symbol.iterator](),
  };
  return lazy;
}
