import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CategoryField } from './category-field'
import { ContactFields } from './contact-fields'
import { ContentField } from './content-field'
import { PhotoField } from './photo-field'
import { PlaceFields } from './place-fields'
import { useSubmit } from './use-submit'
import { useUploads } from './use-uploads'
import { VoiceField } from './voice-field'
import './submit.scss'

/** The whole form. Every field writes straight to the draft store, which saves on each change. */
export function SubmitForm() {
  const uploads = useUploads()
  const { submit, sending, problems, failure } = useSubmit(uploads.pending)
  return (
    <View>
      <ContentField error={problems.content} />
      <CategoryField />
      <PlaceFields />
      <PhotoField uploads={uploads} error={problems.attachments} />
      <VoiceField uploads={uploads} />
      <ContactFields error={problems.contactPhone} />
      {failure && (
        <View className='card submit-failure'>
          <Text className='feedback__message'>{failure}</Text>
          <Text className='muted'>您填的内容都还在，网络好了再点一次提交就行，不会重复提交。</Text>
        </View>
      )}
      <View className='submit-bar'>
        <Button className='action' type='primary' size='large' block loading={sending} disabled={sending} onClick={submit}>
          {sending ? '正在提交…' : failure ? '再试一次' : '提交'}
        </Button>
        <Text className='muted submit-bar__note'>内容自动保存在手机上，退出后再回来也还在</Text>
      </View>
    </View>
  )
}
