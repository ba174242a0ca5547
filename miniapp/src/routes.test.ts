import { beforeEach, describe, expect, it, vi } from 'vitest'

const taro = vi.hoisted(() => ({
  pages: 1,
  navigateTo: vi.fn(async () => undefined),
  redirectTo: vi.fn(async () => undefined),
  switchTab: vi.fn(async () => undefined),
  navigateBack: vi.fn(async () => undefined),
  reLaunch: vi.fn(async () => undefined),
  getCurrentPages: () => Array.from({ length: taro.pages }),
}))
vi.mock('@tarojs/taro', () => ({ default: taro }))

const { navigateTo, relaunch, urlOf, paramOf } = await import('./routes')

beforeEach(() => {
  taro.pages = 1
  vi.clearAllMocks()
})

describe('navigation', () => {
  it('pushes a page with its query encoded', async () => {
    await navigateTo('submit', { zone: 'heating' })
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/submit/index?zone=heating' })
    expect(urlOf('submitResult', { id: 'c1', no: '123', to: '郑州市信访局' })).toBe(
      `/pages/submit-result/index?id=c1&no=123&to=${encodeURIComponent('郑州市信访局')}`,
    )
  })

  it('switches to tabs without a query', async () => {
    await navigateTo('myCases', {})
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/my-cases/index' })
  })

  it('replaces instead of pushing once the stack is nine deep (WeChat allows ten)', async () => {
    taro.pages = 8
    await navigateTo('caseDetail', { id: 'a' })
    expect(taro.navigateTo).toHaveBeenCalledTimes(1)
    taro.pages = 9
    await navigateTo('caseDetail', { id: 'b' })
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/case-detail/index?id=b' })
    expect(taro.navigateTo).toHaveBeenCalledTimes(1)
  })

  it('opens workbench pages in the subpackage, swapping between its own tabs', async () => {
    await navigateTo('workbenchCase', { id: 'c1' })
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/pages/case/index?id=c1' })
    await navigateTo('workbenchSearch', {}, { replace: true })
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/workbench/pages/search/index' })
    // the workbench's tabs are ordinary pages: never switchTab, which only knows native tabs
    expect(taro.switchTab).not.toHaveBeenCalled()
    await relaunch('workbenchHome')
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/workbench/pages/home/index' })
  })

  it('opens the co-sign pages in the main package, with the token of a scanned code', async () => {
    await navigateTo('cosign', { t: 'AbCdEfGhIjKl.mNoPqRsTuVwXyZ0' })
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/cosign/index?t=AbCdEfGhIjKl.mNoPqRsTuVwXyZ0' })
    await navigateTo('cosignCreate', {})
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/cosign-create/index' })
  })

  it('reads parameters whether the platform decoded them or not', () => {
    expect(paramOf({ to: encodeURIComponent('金水区信访局') }, 'to')).toBe('金水区信访局')
    expect(paramOf({ to: '金水区信访局' }, 'to')).toBe('金水区信访局')
    expect(paramOf({ to: '%E0%A4%A' }, 'to')).toBe('%E0%A4%A')
    expect(paramOf({}, 'to')).toBeUndefined()
  })
})
