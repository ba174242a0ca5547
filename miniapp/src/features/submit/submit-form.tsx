import { Text, View } from '@tarojs/components'
import { useDidHide, useUnload } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PhoneVerify } from '../../components/phone-verify'
import type { ZoneCode } from '@xinfang/shared/catalog'
import { useDraftStore, useJointDraftStore, zoneDraftStores } from '../../stores/draft-store'
import { flushStorage } from '../../stores/taro-storage'
import { CategoryField } from './category-field'
import { ContactFields } from './contact-fields'
import { ContentField } from './content-field'
import { DraftContext } from './draft-context'
import { PhotoField } from './photo-field'
import { PlaceFields } from './place-fields'
import { SuggestionStrip } from './suggestion-strip'
import { useSubmit, type JointSubmission } from './use-submit'
import { useUploads } from './use-uploads'
import { VoiceField } from './voice-field'
import { ZoneFields } from './zone-fields'
import './submit.scss'

/**
 * The whole form. Every field reads its own slice of the draft store and writes straight to it,
 * so a key re-renders the field it was typed in and nothing else; the store saves after a pause,
 * and at once when the resident leaves the page. With `joint` it registers a joint complaint
 * (联名) from a draft of its own; with `zone`, a livelihood zone's own form, from that zone's draft.
 */
export function SubmitForm({ joint, zone }: { joint?: JointSubmission; zone?: ZoneCode }) {
  return (
    <DraftContext.Provider value={zone ? zoneDraftStores[zone] : joint ? useJointDraftStore : useDraftStore}>
      <FormFields joint={joint} zone={zone} />
    </DraftContext.Provider>
  )
}

function FormFields({ joint, zone }: { joint?: JointSubmission; zone?: ZoneCode }) {
  const uploads = useUploads()
  const { submit, sending, problems, failure, needsPhone } = useSubmit(uploads.pending, joint)
  const label = joint ? '发起联名' : '提交'
  // going back or on to another page writes what the store still holds
  useDidHide(flushStorage)
  useUnload(flushStorage)
  return (
    <View>
      {joint && (
        <View className='card joint-intro'>
          <Text className='joint-intro__title'>发起联名</Text>
          <Text className='muted'>您是发起人，需要实名。提交后会生成专属二维码，邻居扫码就能一起联名。</Text>
        </View>
      )}
      <ContentField error={problems.content} />
      <SuggestionStrip />
      {zone ? <ZoneFields zone={zone} error={problems.zoneForm} /> : <CategoryField />}
      <PlaceFields error={problems.region ?? problems.address} />
      <PhotoField uploads={uploads} error={problems.attachments} />
      <VoiceField uploads={uploads} />
      <ContactFields error={problems.contactPhone} named={Boolean(joint)} />
      {failure && (
        <View className='card submit-failure'>
          <Text className='feedback__message'>{failure}</Text>
          <Text className='muted'>您填的内容都还在，{needsPhone ? '验证后' : '网络好了'}再点一次{label}就行，不会重复提交。</Text>
        </View>
      )}
      {needsPhone && <PhoneVerify onVerified={submit} />}
      <View className='submit-bar'>
        <Button className='action' type='primary' size='large' block loading={sending} disabled={sending} onClick={submit}>
          {sending ? '正在提交…' : failure ? '再试一次' : label}
        </Button>
        <Text className='muted submit-bar__note'>内容自动保存在手机上，退出后再回来也还在</Text>
      </View>
    </View>
  )
}
