import type { WaLayer, WaLayerLoader } from './lazy-layer.js';

type Method = (...args: never[]) => unknown;

/** The names of `T`'s methods that answer synchronously (not with a promise). */
type SyncMethods<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown>
    ? never
    : T[K] extends Method
      ? K
      : never;
}[keyof T];

/**
 * What a port's synchronous methods answer while the layer is not loaded. Nothing is connected
 * then (a session connects only through the loader), so these are "not connected" answers; the
 * compiler makes every synchronous method name one.
 */
export type IdleAnswers<T> = Pick<T, SyncMethods<T>>;

/**
 * A WhatsApp port (WaActions, WaGroupActions, …) the services hold from the start, built from
 * the layer when it loads. Once loaded, every call goes straight to the real object. Before: a
 * method that answers with a promise loads the layer and then runs (the same answer, a moment
 * later, as the real object gives: "not connected" for a session that is not); a synchronous
 * one gives its idle answer.
 */
export function lazyPort<T extends object>(
  loader: WaLayerLoader,
  build: (layer: WaLayer) => T,
  idle: IdleAnswers<T>,
): T {
  let real: T | null = null;
  const target = (layer: WaLayer): T => (real ??= build(layer));
  return new Proxy({} as T, {
    get(_, name) {
      // Not a thenable (`await port` must not call a method), nor anything but a method name.
      if (typeof name !== 'string' || name === 'then') return undefined;
      const layer = loader.current;
      if (layer) {
        const object = target(layer);
        const value = Reflect.get(object, name) as unknown;
        return typeof value === 'function' ? (value as Method).bind(object) : value;
      }
      if (Object.hasOwn(idle, name)) return (idle as Record<string, unknown>)[name];
      return async (...args: unknown[]) => {
        const object = target(await loader.load());
        return (Reflect.get(object, name) as (...args: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}
