/** One call the compiled app made on the platform object (`wx.login`, `my.request`...). */
export interface PlatformCall {
  api: string
  /** the options object as the app (through Taro) passed it, callbacks included */
  args: unknown[]
}

/**
 * Wraps a platform object so every function call on it is recorded before it runs. Taro looks
 * APIs up on the global at call time ("改为实时获取原生API"), so a Proxy sees all of them,
 * including the ones Taro calls on the app's behalf. Wrappers are cached so an API keeps
 * one identity (Taro compares some of them).
 */
export function recorded<T extends object>(target: T, calls: PlatformCall[]): T {
  const wrappers = new Map<PropertyKey, unknown>()
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver)
      // own APIs only: Object.prototype's methods (hasOwnProperty…) are not platform calls
      if (typeof value !== 'function' || typeof key !== 'string' || !Object.hasOwn(object, key)) return value
      let wrapper = wrappers.get(key)
      if (!wrapper) {
        wrapper = function (this: unknown, ...args: unknown[]) {
          calls.push({ api: key, args })
          return (value as (...a: unknown[]) => unknown).apply(object, args)
        }
        wrappers.set(key, wrapper)
      }
      return wrapper
    },
  })
}

type Callbacks = { success?: (res: unknown) => void; fail?: (res: unknown) => void; complete?: (res: unknown) => void }

/**
 * Answers an async platform API the way both platforms do: a later macrotask calls success
 * (or fail) and then complete, never synchronously inside the call.
 */
export function answer(options: unknown, outcome: { ok: true; res: object } | { ok: false; res: object }) {
  const callbacks = (options ?? {}) as Callbacks
  setTimeout(() => {
    if (outcome.ok) callbacks.success?.(outcome.res)
    else callbacks.fail?.(outcome.res)
    callbacks.complete?.(outcome.res)
  }, 0)
}
