// Checks the compiled mini-programs (miniapp/dist/weapp and miniapp/dist/alipay) the way WeChat
// and Alipay DevTools would reject them: every page of the route table (src/app.config.ts) is
// built with a well-formed script, template, style and config; the automator specs open only
// built pages; our own code makes no unguarded use of browser-only globals; packages fit the limits.
// The staff workbench is a subpackage residents never download: its pages and code stay out of
// the main package. Run `npm run build:miniapp` first (npm test does).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import vm from 'node:vm'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

const MINIAPP = path.resolve(import.meta.dirname, '../../miniapp')
const KB = 1024
const MAIN_PACKAGE_LIMIT = 1.5 * KB * KB
const PACKAGE_LIMIT = 2 * KB * KB // WeChat's limit for the main package and each subpackage

const TARGETS = [
  { name: 'weapp', template: '.wxml', style: '.wxss' },
  { name: 'alipay', template: '.axml', style: '.acss' },
] as const

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  tabBar?: { list?: { iconPath?: string; selectedIconPath?: string }[]; items?: { icon?: string; activeIcon?: string }[] }
}

function distOf(target: string): string {
  const dir = path.join(MINIAPP, 'dist', target)
  if (!fs.existsSync(path.join(dir, 'app.json'))) {
    throw new Error(`${path.relative(process.cwd(), dir)}/app.json is missing: run \`npm run build:miniapp\` (or npm run build:${target}) first`)
  }
  return dir
}

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))

const sizeOf = (files: string[]) => files.reduce((sum, f) => sum + fs.statSync(f).size, 0)

const subPackagesOf = (app: AppJson) => app.subPackages ?? app.subpackages ?? []

const readApp = (dist: string) => JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as AppJson

const pagesOf = (app: Pick<AppJson, 'pages'> & { subPackages?: AppJson['subPackages'] }) => [
  ...app.pages,
  ...(app.subPackages ?? []).flatMap((sp) => sp.pages.map((p) => `${sp.root.replace(/\/$/, '')}/${p}`)),
]

/** The route table as the app declares it: src/app.config.ts itself, run with Taro's global stubbed. */
async function routeTable(): Promise<{ pages: string[]; subPackages: { root: string; pages: string[] }[] }> {
  Object.assign(globalThis, { defineAppConfig: <T>(config: T) => config })
  const config = (await import(pathToFileURL(path.join(MINIAPP, 'src/app.config.ts')).href)) as { default: { pages: string[]; subPackages?: { root: string; pages: string[] }[] } }
  return { pages: config.default.pages, subPackages: config.default.subPackages ?? [] }
}
const ROUTE_TABLE = await routeTable()
const DECLARED_PAGES = pagesOf(ROUTE_TABLE)

const AUTOMATOR_SPECS = path.resolve(import.meta.dirname, 'automator')

/** Page paths a spec names (`'/pages/x/index'`, `'pages/x/index'`, `'/workbench/pages/x/index'`), each once. */
const pagesNamedIn = (source: string) => [
  ...new Set([...source.matchAll(/['"`]\/?((?:workbench\/)?pages\/[\w-]+\/index)(?:\?[^'"`]*)?['"`]/g)].map((m) => m[1]!)),
]

const automatorPages = () =>
  fs
    .readdirSync(AUTOMATOR_SPECS)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => pagesNamedIn(fs.readFileSync(path.join(AUTOMATOR_SPECS, f), 'utf8')).map((page) => ({ spec: f, page })))

// ---- well-formed files -----------------------------------------------------------------------

/** Why a compiled script would not load: a syntax error, compiled (never run) by V8 as the platforms' engines would. */
function scriptProblem(file: string): string | null {
  try {
    new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file })
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/**
 * Why a WXML/AXML template would not compile: tags that do not close in order, or an
 * import/include whose file is not there. Attribute values ({{…}} included) are skipped whole.
 */
function templateProblem(file: string): string | null {
  const text = fs.readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '')
  const open: string[] = []
  for (const [tag, closing, name, attributes, selfClosing] of text.matchAll(/<(\/?)([\w-]+)((?:\s+[\w:.@-]+(?:=(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>/g)) {
    if (closing) {
      if (open.pop() !== name) return `</${name}> closes nothing open: ${tag}`
    } else if (!selfClosing) open.push(name!)
    const src = /\ssrc="([^"]+)"/.exec(attributes ?? '')?.[1]
    if ((name === 'import' || name === 'include') && src && !fs.existsSync(path.resolve(path.dirname(file), src))) return `${tag}: ${src} is missing`
  }
  return open.length ? `unclosed <${open.join('>, <')}>` : null
}

/** Why a WXSS/ACSS file would not load: braces that do not balance, or an @import of a missing file. */
function styleProblem(file: string): string | null {
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/"[^"]*"|'[^']*'/g, (quoted) => quoted.replace(/[{}]/g, ''))
  let depth = 0
  for (const c of text) {
    if (c === '{') depth++
    if (c === '}' && --depth < 0) return 'a } closes nothing'
  }
  if (depth !== 0) return `${depth} unclosed {`
  for (const [, target] of fs.readFileSync(file, 'utf8').matchAll(/@import\s+["']([^"']+)["']/g)) {
    if (!fs.existsSync(path.resolve(path.dirname(file), target!))) return `@import "${target}" is missing`
  }
  return null
}

/** Why a page's JSON config would not load: not a JSON object, or a custom component that is not built. */
function configProblem(file: string): string | null {
  let config: unknown
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    return `not JSON: ${error instanceof Error ? error.message : String(error)}`
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) return 'not a JSON object'
  const components = (config as { usingComponents?: Record<string, string> }).usingComponents ?? {}
  const missing = Object.entries(components).filter(([, target]) => !fs.existsSync(`${path.resolve(path.dirname(file), target)}.js`))
  return missing.length ? `usingComponents not built: ${missing.map(([name, target]) => `${name} -> ${target}`).join(', ')}` : null
}

/** The page's source imports a stylesheet of its own (`./index.scss`), so the build must give it a style file. */
const hasOwnStylesheet = (page: string) => {
  const source = path.join(MINIAPP, 'src', `${page}.tsx`)
  return fs.existsSync(source) && /import\s+['"]\.\/index\.scss['"]/.test(fs.readFileSync(source, 'utf8'))
}

/** The paths src/routes.ts navigates to, without the leading slash. */
const routesOf = () =>
  [...fs.readFileSync(path.join(MINIAPP, 'src/routes.ts'), 'utf8').matchAll(/'\/((?:pages|workbench)\/[\w/-]+)'/g)].map((m) => m[1]!)

const WORKBENCH = 'workbench'
/** Words only the workbench says. Minifiers may write them as \uXXXX escapes, so both forms count. */
const WORKBENCH_ONLY = ['查看完整号码', '即将超期', '工作人员登录', '下级信访部门', '生成答复草稿']
const escaped = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
const says = (content: string, text: string) => content.includes(text) || content.toLowerCase().includes(escaped(text))

// ---- browser-only globals -------------------------------------------------------------------

const BROWSER_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage'] as const

/** A reference is guarded when it sits in `typeof X`, or in the branch of a test that checks `typeof X`. */
function isGuarded(node: ts.Node, name: string, source: ts.SourceFile): boolean {
  if (ts.isTypeOfExpression(node.parent)) return true
  const checks = (test: ts.Node) => new RegExp(`typeof\\s+${name}\\b`).test(test.getText(source))
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isConditionalExpression(parent) && child !== parent.condition && checks(parent.condition)) return true
    if (ts.isIfStatement(parent) && child !== parent.expression && checks(parent.expression)) return true
    if (ts.isBinaryExpression(parent) && child === parent.right && checks(parent.left)) return true
  }
  return false
}

/** Names the file itself declares (a parameter or variable called `window` is not the global). */
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>()
  const visit = (node: ts.Node) => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node)) && node.name && ts.isIdentifier(node.name)) {
      names.add(node.name.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return names
}

/** Unguarded references to browser-only globals, as `name @ line`. */
function unguardedBrowserGlobals(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
  const declared = declaredNames(source)
  const found: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && (BROWSER_GLOBALS as readonly string[]).includes(node.text) && !declared.has(node.text)) {
      const parent = node.parent
      // `o.window` and `{ window: 1 }` name a property; `{ window }` does read the global
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node)
      if (!isName && !isGuarded(node, node.text, source)) {
        found.push(`${node.text} @ line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/**
 * Our code: the app, pages, subpackages and the chunk shared between pages. Taro's own runtime
 * (taro.js), the webpack runtime and the third-party vendors chunk are left out: they test for
 * the environment themselves, and they are not ours to fix.
 */
const isOwnChunk = (rel: string) => rel.endsWith('.js') && !['taro.js', 'vendors.js', 'runtime.js', 'comp.js'].includes(rel)

// ---- the tests -------------------------------------------------------------------------------

describe('the route table (src/app.config.ts)', () => {
  it('names every page src/routes.ts navigates to, and no other', () => {
    expect(DECLARED_PAGES.length).toBeGreaterThanOrEqual(15)
    expect([...routesOf()].sort()).toEqual([...DECLARED_PAGES].sort())
  })

  it('holds every page the automator specs open', () => {
    const named = automatorPages()
    expect(named.length, `no page paths found in ${AUTOMATOR_SPECS}`).toBeGreaterThan(0)
    expect(named.filter(({ page }) => !DECLARED_PAGES.includes(page))).toEqual([])
  })
})

describe.each(TARGETS)('miniapp/dist/$name', ({ name, template, style }) => {
  it('builds the pages and subpackage roots of the route table, as app.json declares them', () => {
    const app = readApp(distOf(name))
    // the first page is the one the platform opens: the order is part of the table
    expect(app.pages).toEqual(ROUTE_TABLE.pages)
    expect(subPackagesOf(app).map((sp) => ({ root: sp.root.replace(/\/$/, ''), pages: sp.pages }))).toEqual(ROUTE_TABLE.subPackages)
  })

  it('has, for every page of the route table, a well-formed script, template, style and config', () => {
    const dist = distOf(name)
    const problems = DECLARED_PAGES.flatMap((page) => {
      const file = (ext: string) => path.join(dist, `${page}${ext}`)
      const check = (ext: string, problemOf: (f: string) => string | null) => {
        if (!fs.existsSync(file(ext))) return [`${page}${ext}: missing`]
        const problem = problemOf(file(ext))
        return problem ? [`${page}${ext}: ${problem}`] : []
      }
      // Styles shared by several main-package pages go to the common chunk, which the app style
      // imports for every page; a main page with no styles of its own then has no style file.
      // A subpackage page always needs its own: it is what imports the subpackage's shared styles.
      const inSubpackage = ROUTE_TABLE.subPackages.some((sp) => page.startsWith(`${sp.root}/`))
      const styleFile = inSubpackage || hasOwnStylesheet(page) || fs.existsSync(file(style)) ? check(style, styleProblem) : []
      return [...check('.js', scriptProblem), ...check(template, templateProblem), ...check('.json', configProblem), ...styleFile]
    })
    expect(fs.readFileSync(path.join(dist, `app${style}`), 'utf8')).toContain(`@import "./common${style}"`)
    expect(styleProblem(path.join(dist, `app${style}`)), `app${style}`).toBeNull()
    expect(problems).toEqual([])
  })

  it('builds every page the automator specs open', () => {
    const dist = distOf(name)
    const built = pagesOf({ pages: readApp(dist).pages, subPackages: subPackagesOf(readApp(dist)) })
    const unbuilt = automatorPages().filter(({ page }) => !built.includes(page) || !fs.existsSync(path.join(dist, `${page}.js`)))
    expect(unbuilt.map(({ spec, page }) => `${spec}: ${page}`)).toEqual([])
  })

  it('has the tab bar icons', () => {
    const app = readApp(distOf(name))
    const icons = [
      ...(app.tabBar?.list ?? []).flatMap((t) => [t.iconPath, t.selectedIconPath]),
      ...(app.tabBar?.items ?? []).flatMap((t) => [t.icon, t.activeIcon]),
    ].filter((i): i is string => Boolean(i))
    expect(icons.length).toBeGreaterThanOrEqual(6)
    for (const icon of icons) expect(fs.statSync(path.join(distOf(name), icon)).size, icon).toBeGreaterThan(100)
  })

  // a scanned code opens its page directly: one in a subpackage would download that first
  it('keeps the co-sign pages, where scanned codes land, in the main package', () => {
    const app = readApp(distOf(name))
    expect(app.pages).toEqual(expect.arrayContaining(['pages/cosign/index', 'pages/cosign-create/index']))
  })

  it('declares the workbench subpackage with every workbench page, and none in the main package', () => {
    const app = readApp(distOf(name))
    const workbench = subPackagesOf(app).find((sp) => sp.root.replace(/\/$/, '') === WORKBENCH)
    expect(workbench, `dist/${name}/app.json declares no ${WORKBENCH} subpackage`).toBeDefined()
    const workbenchRoutes = routesOf().filter((r) => r.startsWith(`${WORKBENCH}/`))
    expect(workbenchRoutes.length).toBeGreaterThanOrEqual(5)
    expect(workbench!.pages.map((p) => `${WORKBENCH}/${p}`).sort()).toEqual(workbenchRoutes.sort())
    expect(app.pages.filter((p) => p.startsWith(`${WORKBENCH}/`))).toEqual([])
  })

  it('keeps workbench code out of the main package', () => {
    const dist = distOf(name)
    const files = filesUnder(dist).filter((f) => /\.(js|json|wxml|axml|wxss|acss)$/.test(f))
    const inWorkbench = (f: string) => path.relative(dist, f).startsWith(`${WORKBENCH}/`)
    const read = (f: string) => fs.readFileSync(f, 'utf8')
    const subpackage = files.filter(inWorkbench).map(read).join('\n')
    // the words are really there, so not finding them in the main package means something
    for (const word of WORKBENCH_ONLY) expect(says(subpackage, word), `${word} in the ${WORKBENCH} subpackage`).toBe(true)
    const leaks = files
      .filter((f) => !inWorkbench(f))
      .flatMap((f) => WORKBENCH_ONLY.filter((word) => says(read(f), word)).map((word) => `${path.relative(dist, f)}: ${word}`))
    expect(leaks).toEqual([])
  })

  // shared/src/contracts/* build TypeBox schemas when loaded; the app imports only their types.
  // TypeBox marks every schema with a '~kind' key, which no minifier renames.
  it('ships no TypeBox in the main package', () => {
    const dist = distOf(name)
    const roots = subPackagesOf(readApp(dist)).map((sp) => sp.root.replace(/\/?$/, '/'))
    const main = filesUnder(dist).filter((f) => f.endsWith('.js') && !roots.some((r) => path.relative(dist, f).startsWith(r)))
    expect(main.filter((f) => fs.readFileSync(f, 'utf8').includes('~kind')).map((f) => path.relative(dist, f))).toEqual([])
  })

  it('uses no browser-only global outside a typeof guard in our own chunks', () => {
    const dist = distOf(name)
    const own = filesUnder(dist).map((f) => path.relative(dist, f)).filter(isOwnChunk)
    expect(own).toContain('app.js')
    const problems = own.flatMap((rel) => unguardedBrowserGlobals(path.join(dist, rel)).map((p) => `${rel}: ${p}`))
    expect(problems).toEqual([])
  })

  it('fits the package size limits: main package and workbench subpackage apart', () => {
    const dist = distOf(name)
    const app = readApp(dist)
    const all = filesUnder(dist)
    const roots = subPackagesOf(app).map((sp) => sp.root.replace(/\/?$/, '/'))
    expect(roots).toContain(`${WORKBENCH}/`)
    const inRoot = (root: string) => all.filter((f) => path.relative(dist, f).startsWith(root))
    const main = all.filter((f) => !roots.some((r) => path.relative(dist, f).startsWith(r)))
    const sizes = [
      { pkg: 'main package', files: main.length, bytes: sizeOf(main), limit: MAIN_PACKAGE_LIMIT },
      ...roots.map((r) => ({ pkg: `${r.replace(/\/$/, '')} subpackage`, files: inRoot(r).length, bytes: sizeOf(inRoot(r)), limit: PACKAGE_LIMIT })),
    ]
    const line = (s: (typeof sizes)[number]) => `${s.pkg} ${(s.bytes / KB).toFixed(1)} KB (${s.bytes} B, ${s.files} files, limit ${s.limit / KB} KB)`
    console.log(`dist/${name}: ${sizes.map(line).join('; ')}; total ${(sizeOf(all) / KB).toFixed(1)} KB in ${all.length} files`)
    for (const s of sizes) expect(s.bytes, `${s.pkg} of dist/${name}`).toBeLessThan(s.limit)
  })
})

describe('the scan for browser-only globals', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const scan = (code: string) => {
    const file = path.join(dir, 'chunk.js')
    fs.writeFileSync(file, code)
    return unguardedBrowserGlobals(file)
  }

  it('finds free uses', () => {
    expect(scan('var a = window.location.href; document.title = "x"; localStorage.setItem("k", 1); var o = { sessionStorage }')).toEqual([
      'window @ line 1',
      'document @ line 1',
      'localStorage @ line 1',
      'sessionStorage @ line 1',
    ])
  })

  it('accepts typeof guards, locals and property names', () => {
    expect(
      scan(`
        var w = typeof window !== 'undefined' ? window : null;
        if (typeof document === 'object') { document.title = 'x' }
        typeof localStorage !== 'undefined' && localStorage.clear();
        var o = { window: 1 }; o.document = 2;
        function f(sessionStorage) { return sessionStorage.getItem('k') }
      `),
    ).toEqual([])
  })
})

describe('the well-formedness checks', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'well-formed-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const write = (name: string, text: string) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, text)
    return file
  }
  write('base.wxml', '<template name="t"><view>{{a > b ? 1 : 2}}</view></template>')

  it('pass what Taro writes', () => {
    expect(templateProblem(write('ok.wxml', '<import src="./base.wxml"/>\n<template is="taro_tmpl" data="{{root:root}}" />'))).toBeNull()
    expect(styleProblem(write('ok.wxss', '@import "./base.wxml";\n.a{color:red}.b::after{content:"{"}'))).toBeNull()
    expect(scriptProblem(write('ok.js', 'require("./x"); Page({ onLoad() {} })'))).toBeNull()
    expect(configProblem(write('ok.json', '{"usingComponents":{}}'))).toBeNull()
  })

  it('catch broken files', () => {
    expect(templateProblem(write('a.wxml', '<view><text></view>'))).toMatch(/closes nothing/)
    expect(templateProblem(write('b.wxml', '<view>'))).toBe('unclosed <view>')
    expect(templateProblem(write('c.wxml', '<import src="./gone.wxml"/>'))).toMatch(/gone\.wxml is missing/)
    expect(styleProblem(write('a.wxss', '.a{color:red'))).toBe('1 unclosed {')
    expect(styleProblem(write('b.wxss', '@import "./gone.wxss";'))).toMatch(/gone\.wxss/)
    expect(scriptProblem(write('a.js', 'Page({'))).toBeTruthy()
    expect(configProblem(write('a.json', '{"a":'))).toMatch(/^not JSON/)
    expect(configProblem(write('b.json', '{"usingComponents":{"comp":"./comp"}}'))).toMatch(/comp -> \.\/comp/)
  })

  it('find the pages a spec names, so one that is not built fails', () => {
    const spec = `await mp.reLaunch('/pages/index/index'); await pageAt('pages/nope/index'); mp.navigateTo(\`/workbench/pages/case/index?id=1\`)`
    expect(pagesNamedIn(spec)).toEqual(['pages/index/index', 'pages/nope/index', 'workbench/pages/case/index'])
    expect(pagesNamedIn(spec).filter((page) => !DECLARED_PAGES.includes(page))).toEqual(['pages/nope/index'])
  })
})
