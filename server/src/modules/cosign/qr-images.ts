import fs from 'node:fs'
import path from 'node:path'
import QRCode from 'qrcode'
import { AppError } from '../../lib/app-error'
import type { CosignContext } from './cosign-context'
import type { CampaignRow } from './cosign-repository'
import { campaignOf, h5UrlOf, pageOfCosign } from './cosign-service'

/** The platforms' code makers, as the cosign module needs them (adapters in src/integrations). */
export interface QrMakers {
  weapp(input: { scene: string; page: string }): Promise<{ image: Buffer; mime: string }>
  alipay(input: { page: string; query: string; describe: string }): Promise<{ url: string }>
}

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' }

/**
 * The three codes of a campaign. The platform ones are fetched the first time someone asks and
 * kept, so creating a joint complaint never waits on WeChat or Alipay, and a platform that is
 * down costs a retry later, not the complaint.
 */
export function qrImages(ctx: CosignContext, makers: QrMakers, dir: string) {
  fs.mkdirSync(dir, { recursive: true })

  async function weapp(token: string): Promise<{ body: Buffer; mime: string }> {
    const campaign = await campaignOf(ctx, token)
    if (campaign.weappQrKey) {
      const file = path.join(dir, campaign.weappQrKey)
      return { body: await fs.promises.readFile(file), mime: campaign.weappQrKey.endsWith('.png') ? 'image/png' : 'image/jpeg' }
    }
    const made = await fromPlatform(() => makers.weapp({ scene: token, page: pageOfCosign }))
    const key = `${campaign.id}-${campaign.tokenId}.${EXT[made.mime] ?? 'png'}`
    await writeDurably(path.join(dir, key), made.image)
    await ctx.cosign.updateCampaign(campaign.id, { weappQrKey: key })
    return { body: made.image, mime: made.mime }
  }

  async function alipay(token: string): Promise<string> {
    const campaign: CampaignRow = await campaignOf(ctx, token)
    if (campaign.alipayQrUrl) return campaign.alipayQrUrl
    const made = await fromPlatform(() => makers.alipay({ page: pageOfCosign, query: `t=${token}`, describe: '联名诉求' }))
    await ctx.cosign.updateCampaign(campaign.id, { alipayQrUrl: made.url })
    return made.url
  }

  /** Our own code, of the H5 page: made on the spot, it costs a millisecond. */
  async function h5(token: string): Promise<Buffer> {
    await campaignOf(ctx, token)
    return QRCode.toBuffer(h5UrlOf(ctx, token), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 })
  }

  return { weapp, alipay, h5 }
}

async function fromPlatform<T>(make: () => Promise<T>): Promise<T> {
  try {
    return await make()
  } catch {
    throw new AppError('QR_UNAVAILABLE')
  }
}

async function writeDurably(file: string, bytes: Buffer): Promise<void> {
  const temp = `${file}.tmp`
  const handle = await fs.promises.open(temp, 'w')
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await fs.promises.rename(temp, file)
}
