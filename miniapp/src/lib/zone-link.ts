import { isZoneCode, type ZoneCode } from '@xinfang/shared/catalog'
import { zoneRule } from '@xinfang/shared/zone-rules'

/** What a zone's QR code opens: the zone, and a housing project or heat station already chosen. */
export interface ZoneEntry {
  zone: ZoneCode
  /** zone form values the code chose, by field key */
  picked: Record<string, string>
}

const CODE = /^[A-Za-z0-9_-]{1,64}$/

/**
 * A zone entry from the page's query. H5 links and Alipay codes carry `zone=housing&pick=<code>`;
 * a WeChat code has only its 32-character `scene`, written `housing:<code>`. The picked code
 * fills the zone's project or station field; anything malformed is dropped, never trusted.
 */
export function zoneEntryOf(query: { zone?: string; pick?: string; scene?: string }): ZoneEntry | null {
  const [sceneZone, scenePick] = query.scene?.split(':') ?? []
  const zone = query.zone ?? sceneZone
  if (!isZoneCode(zone)) return null
  const pick = query.pick ?? scenePick
  const field = zoneRule(zone).fields.find((f) => f.kind === 'project' || f.kind === 'station')
  return { zone, picked: field && pick && CODE.test(pick) ? { [field.key]: pick } : {} }
}

/** The WeChat scene for a zone's QR code (at most 32 characters, WeChat's limit). */
export const zoneScene = (zone: ZoneCode, pick?: string): string => {
  const scene = pick ? `${zone}:${pick}` : zone
  if (scene.length > 32) throw new RangeError(`scene longer than 32 characters: ${scene}`)
  return scene
}
