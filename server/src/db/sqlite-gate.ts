/**
 * One SQLite connection serves the whole process, and a transaction on it spans several awaited
 * statements. The gate lets one transaction at a time hold the connection; a statement outside
 * any transaction runs at once when the gate is open and waits its turn when it is not, so it
 * neither joins nor sees another request's uncommitted work.
 */
export function createGate({ stuckAfterMs = 10_000 }: { stuckAfterMs?: number } = {}) {
  let held = false
  const waiting: (() => void)[] = []

  function acquire(): Promise<void> | undefined {
    if (!held) {
      held = true
      return undefined
    }
    return new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer)
        resolve()
      }
      // The only way to wait this long on one process's own connection is a statement on the
      // database handle inside a transaction, waiting for the transaction around it.
      const timer = setTimeout(() => {
        const i = waiting.indexOf(turn)
        if (i >= 0) waiting.splice(i, 1)
        reject(new Error(`waited ${stuckAfterMs} ms for the SQLite connection: a statement outside the transaction handle inside a transaction?`))
      }, stuckAfterMs)
      timer.unref()
      waiting.push(turn)
    })
  }

  function release(): void {
    const next = waiting.shift()
    if (next) next()
    else held = false
  }

  return {
    get held() {
      return held
    },
    /** Runs `work` holding the gate. */
    async hold<T>(work: () => Promise<T> | T): Promise<T> {
      const wait = acquire()
      if (wait) await wait
      try {
        return await work()
      } finally {
        release()
      }
    },
  }
}
export type Gate = ReturnType<typeof createGate>
