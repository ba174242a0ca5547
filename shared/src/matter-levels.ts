import type { ZoneCode } from './catalog'
import type { CategoryCode } from './categories'

/**
 * Where a matter is handled (属地管理、分级负责): `local`, in the district or county where it happens,
 * by that district's own body; `city`, by the city unit wherever the resident lives, because the
 * thing complained of is run city-wide (a pension from the city's pool) or belongs to a system the
 * districts do not steer (the courts).
 */
export type MatterLevel = 'local' | 'city'

export const CATEGORY_LEVELS: Record<CategoryCode, MatterLevel> = {
  // 保交楼 is the district government's charge; its 住建局 works each stalled project
  housing_delivery: 'local',
  // the old estates' certificates are cleared project by project by the district (住建 with the registry)
  property_certificate: 'local',
  // building quality is inspected by the district 住建局's quality station where the project is
  building_quality: 'local',
  // property companies answer to the district 住建局 and the street
  property_management: 'local',
  // labour inspection (劳动保障监察) acts where the site or the employer is
  unpaid_wages: 'local',
  // contributions and pensions are kept and paid city-wide (市社会保险中心), whoever asks
  social_insurance: 'city',
  // the building is where it is cold; the heating company answers for it from the city
  heating: 'local',
  // stalls, structures, rubbish and lamps are the district 城管局 and its street squads
  city_management: 'local',
  // the 派出所 and the 分局 where it happens
  public_order: 'local',
  // a fraud is reported to and filed by the police where the victim is
  fraud: 'local',
  // the 派出所 keeps the household register where the resident lives
  household_registration: 'local',
  // the district 司法局's legal aid centre
  legal_aid: 'local',
  // the street 司法所 and the people's mediation committees, under the district 司法局
  dispute_mediation: 'local',
  // notary offices are licensed and supervised by the district 司法局
  notary: 'local',
  // 诉访分离: petitions about lawsuits go into the court system, where the court holding the judgment enforces it
  court_enforcement: 'city',
  // the environment branch where the source is
  pollution: 'local',
  // the district 市场监管局 and its market offices where the shop is
  consumer_rights: 'local',
  food_safety: 'local',
  // a bus stop or a taxi rank is somewhere: the county's own bureau, or in 市区 the district with the city bureau
  transport: 'local',
  // enrolment zones, school fees and training institutions are the district 教育局's
  education: 'local',
  // clinics, community health centres and vaccination points answer to the district 卫健委
  medical_services: 'local',
  // the medical insurance fund is pooled city-wide and settled by the city's 医保中心
  medical_insurance: 'city',
  // 低保 is applied for at the street and granted by the district 民政局
  social_assistance: 'local',
  // the district government requisitions and resettles; the land is the registry's branch there
  land_requisition: 'local',
  // the township and the district's or county's agriculture department
  rural_affairs: 'local',
  // how a case was handled is looked at by the office above, not beside, the one that handled it
  handling_appeal: 'city',
  // no unit yet: sorted by hand at the city
  other: 'city',
}

/** A zone chosen without a category: every livelihood zone is about a building, a site or a neighbourhood. */
export const ZONE_LEVELS: Record<ZoneCode, MatterLevel> = {
  housing: 'local',
  wages: 'local',
  legal: 'local',
  heating: 'local',
}

const byCategory = new Map<string, MatterLevel>(Object.entries(CATEGORY_LEVELS))
const byZone = new Map<string, MatterLevel>(Object.entries(ZONE_LEVELS))

/** The level of a matter: its category's, else its zone's; a matter known by neither is the city's. */
export const matterLevel = (matter: { category: string | null; zone: string | null }): MatterLevel =>
  (matter.category ? byCategory.get(matter.category) : undefined) ?? (matter.zone ? byZone.get(matter.zone) : undefined) ?? 'city'
