import { useState } from 'react'
import type { CosignCreated } from '@xinfang/shared/contracts/cosign'
import { PageShell } from '../../components/page-shell'
import { CreatedView } from '../../features/cosign/created-view'
import { SubmitForm } from '../../features/submit/submit-form'

/** The submit form for a joint complaint, then, on the same page, the code for neighbours to scan. */
export default function CosignCreatePage() {
  const [created, setCreated] = useState<CosignCreated | null>(null)
  return <PageShell>{created ? <CreatedView created={created} /> : <SubmitForm joint={{ onCreated: setCreated }} />}</PageShell>
}
