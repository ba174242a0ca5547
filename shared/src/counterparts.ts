import { regionOf, type UnitCode } from './catalog'
import { CITY } from './places'

/**
 * How a city unit is present in a district or county, which is also how residents name it there:
 * `bureau`, the district's own department under the district government (金水区城市管理局);
 * `branch`, an office of the city unit itself (郑州市公安局金水分局).
 */
export type CounterpartForm = 'bureau' | 'branch'

/** By the region's kind (catalog `REGIONS`): a 区 of the city, or a county or county-level city. null: none there. */
export interface Presence {
  readonly district: CounterpartForm | null
  readonly county: CounterpartForm | null
}

const OWN_BUREAU: Presence = { district: 'bureau', county: 'bureau' }
const NONE: Presence = { district: null, county: null }

/**
 * Whom each unit has in the districts and counties. Where a matter is handled locally, dispatch hands
 * it to this counterpart (docs/handling.md, routing); where there is none, the district's petition
 * office leads and the city unit acts beside it.
 */
export const COUNTERPARTS: Record<UnitCode, Presence> = {
  // every district and county has its own 信访局 (and every street its petition desk)
  petition: OWN_BUREAU,
  housing: OWN_BUREAU,
  hrss: OWN_BUREAU,
  // one company for the central city: its branch companies follow the heating network, not district
  // lines, and the counties are heated by companies of their own
  heating: NONE,
  urban: OWN_BUREAU,
  // 市区 is policed by branches of the city bureau; the counties keep a 公安局 of their own
  police: { district: 'branch', county: 'bureau' },
  justice: OWN_BUREAU,
  // a 基层人民法院 is a court of its own, and which one is competent follows the lawsuit, not the
  // resident's address: the 中院 takes petitions about courts and hands each to the court holding it
  court: NONE,
  // managed vertically below the province (省以下垂直管理): every district and county office is a branch
  ecoenv: { district: 'branch', county: 'branch' },
  market: OWN_BUREAU,
  // the city bureau licenses and polices buses, taxis and ride-hailing across 市区 itself
  transport: { district: null, county: 'bureau' },
  education: OWN_BUREAU,
  health: OWN_BUREAU,
  medsec: OWN_BUREAU,
  civil: OWN_BUREAU,
  // 市区 land and planning stay with the city bureau, through its district branches
  landplan: { district: 'branch', county: 'bureau' },
  agri: OWN_BUREAU,
}

const presenceOf = new Map<string, Presence>(Object.entries(COUNTERPARTS))

/** The form of `unit`'s counterpart in `region` (a district or county code); null for none, or for any other code. */
export function counterpartAt(unit: string, region: string): CounterpartForm | null {
  const place = regionOf(region)
  const presence = presenceOf.get(unit)
  return place && presence ? presence[place.kind] : null
}

/** Someone of `unit` acts at `region`: the city unit itself, or its counterpart in a district or county. */
export const presentAt = (unit: string, region: string): boolean => region === CITY || counterpartAt(unit, region) !== null
