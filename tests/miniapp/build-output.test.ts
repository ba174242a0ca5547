// Checks the compiled mini-programs (miniapp/dist/weapp and miniapp/dist/alipay) the way WeChat
// and Alipay DevTools would reject them: every page in app.json has its template, script and
// style; our own code makes no unguarded use of browser-only globals; packages fit the limits.
// The staff workbench is a subpackage residents never download: its pages and code stay out of
// the main package. Run `npm run build:miniapp` first (npm test does).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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

describe.each(TARGETS)('miniapp/dist/$name', ({ name, template, style }) => {
  it('has every page and subpackage page with its template, script, config and styles', () => {
    const dist = distOf(name)
    const app = readApp(dist)
    const subPages = subPackagesOf(app).flatMap((sp) => sp.pages.map((p) => `${sp.root}/${p}`))
    const pages = [...app.pages, ...subPages]
    expect(pages.length).toBeGreaterThan(0)
    const absent = (files: string[]) => files.filter((f) => !fs.existsSync(path.join(dist, f)))
    expect(absent(pages.flatMap((page) => [template, '.js', '.json'].map((ext) => `${page}${ext}`))), `missing in dist/${name}`).toEqual([])
    // Styles shared by several main-package pages go to the common chunk, which the app style
    // imports for every page; a main page with no styles of its own then has no style file.
    // A subpackage page always needs its own: it is what imports the subpackage's shared styles.
    expect(fs.readFileSync(path.join(dist, `app${style}`), 'utf8')).toContain(`@import "./common${style}"`)
    expect(absent(subPages.map((page) => `${page}${style}`)), `subpackage styles missing in dist/${name}`).toEqual([])
  })

  it('has the routes of src/routes.ts and the tab bar icons', () => {
    const dist = distOf(name)
    const app = readApp(dist)
    const routes = routesOf()
    const pages = [...app.pages, ...subPackagesOf(app).flatMap((sp) => sp.pages.map((p) => `${sp.root}/${p}`))]
    expect(routes.length).toBeGreaterThan(0)
    expect(routes.filter((r) => !pages.includes(r!))).toEqual([])
    const icons = [
      ...(app.tabBar?.list ?? []).flatMap((t) => [t.iconPath, t.selectedIconPath]),
      ...(app.tabBar?.items ?? []).flatMap((t) => [t.icon, t.activeIcon]),
    ].filter((i): i is string => Boolean(i))
    expect(icons.length).toBeGreaterThanOrEqual(6)
    for (const icon of icons) expect(fs.statSync(path.join(dist, icon)).size, icon).toBeGreaterThan(100)
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
