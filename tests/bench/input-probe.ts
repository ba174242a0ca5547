// What input-latency.ts runs inside the page, as source text: the tests' TypeScript has no DOM library.

/**
 * Installed before the app's scripts. For every key: the input event's time, the moment the
 * field's counter (`n/2000`) shows the new length (a MutationObserver, which runs right after
 * React's commit), and the end of the next frame (requestAnimationFrame, then a message, which
 * runs once that frame is painted). Renders are counted through React's DevTools hook, which
 * production react-dom calls on every commit: a function or class component whose fiber was
 * worked on in that commit (the PerformedWork flag), grouped by the form card it sits in.
 */
export const PROBE_SCRIPT = `(() => {
  const FIELD = '.taro_page_show textarea, #plain'
  let started = 0
  let keys = 0
  let counting = false
  let total = 0
  let byField = {}
  let pendingKey = 0
  const samples = []
  const waiting = new Map()

  addEventListener('beforeinput', (e) => {
    if (!counting) return
    keys += 1
    started = e.timeStamp
  }, true)

  function record(key, toDom) {
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        samples[key] = { toDom, toFrame: performance.now() - started }
        waiting.get(key)?.(samples[key])
        waiting.delete(key)
      }
      channel.port2.postMessage(0)
    })
  }

  const observer = new MutationObserver(() => {
    if (!counting || samples[keys] || pendingKey === keys) return
    const field = document.querySelector(FIELD)
    const card = field && (field.closest('.card') || field.parentElement)
    if (card && new RegExp('(^|\\\\D)' + keys + '/\\\\d+').test(card.textContent)) {
      pendingKey = keys
      record(keys, performance.now() - started)
    }
  })
  addEventListener('DOMContentLoaded', () => observer.observe(document.body, { subtree: true, childList: true, characterData: true }))

  function cardOf(fiber) {
    let host = fiber
    while (host && host.tag !== 5) host = host.child
    const element = host && host.stateNode
    const card = element && element.closest && element.closest('.card')
    const label = card && card.querySelector('.field-label, .section-title')
    return label ? label.textContent.slice(0, 8) : card ? 'card' : 'page'
  }
  const COMPONENT_TAGS = new Set([0, 1, 11, 15])
  function walk(next, prev) {
    if (COMPONENT_TAGS.has(next.tag) && (prev === null || (next.flags & 1) === 1)) {
      total += 1
      const where = cardOf(next)
      byField[where] = (byField[where] || 0) + 1
    }
    if (prev !== null && next.child === prev.child) return
    for (let child = next.child; child; child = child.sibling) walk(child, child.alternate)
  }

  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() { return 1 },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) { if (counting) walk(root.current, root.current.alternate) },
  }

  window.__inputProbe = {
    reset() { counting = true; keys = 0; pendingKey = 0; total = 0; byField = {}; samples.length = 0 },
    settled(key) {
      return samples[key] || new Promise((resolve, reject) => {
        waiting.set(key, resolve)
        const field = document.querySelector(FIELD)
        setTimeout(() => reject(new Error('key ' + key + ': the counter never showed it; the field holds ' + (field ? field.value.length : 0) + ' characters')), 5000)
      })
    },
    renders() { return { total, byField } },
  }
})()`

/** The baseline: a bare textarea whose counter a one-line listener keeps, as the form's does. */
export const PLAIN_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body><div class="card"><textarea id="plain" maxlength="2000" style="width:100%;height:240px;font-size:16px"></textarea><span id="count">0/2000</span></div>
<script>
  const field = document.getElementById('plain')
  const count = document.getElementById('count')
  field.addEventListener('input', () => { count.textContent = Array.from(field.value.trim()).length + '/2000' })
</script></body></html>`
