import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * The whole database. Personal data is stored only as `*_enc` (AES-256-GCM) and, where we must
 * find a row by it, `*_hash` (keyed HMAC): the raw file never holds a name, phone or ID number.
 * Times are epoch milliseconds.
 */

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull()

export const units = sqliteTable('units', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  matters: text('matters').notNull(),
})

export const residents = sqliteTable(
  'residents',
  {
    id: text('id').primaryKey(),
    platform: text('platform', { enum: ['wechat', 'alipay', 'cityapp'] }).notNull(),
    platformUid: text('platform_uid').notNull(),
    nameEnc: text('name_enc'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    /** the phone number came from the platform's phone-number API, not from what someone typed */
    phoneVerifiedAt: integer('phone_verified_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    lastLoginAt: integer('last_login_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('residents_platform_uid').on(t.platform, t.platformUid),
    index('residents_phone_hash').on(t.phoneHash),
    index('residents_id_number_hash').on(t.idNumberHash),
  ],
)

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  name: text('name').notNull(),
  phoneEnc: text('phone_enc'),
  role: text('role').notNull(),
  unitCode: text('unit_code').notNull().references(() => units.code),
  regionCode: text('region_code').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** the mini-program this person last signed in to the workbench from: where work notices go first */
  noticePlatform: text('notice_platform', { enum: ['wechat', 'alipay'] }),
  noticeUid: text('notice_uid'),
  createdAt: createdAt(),
})

/** A staff member's choices about work notices; no row means the defaults (all on, quiet 22:00–07:00). */
export const staffNoticeSettings = sqliteTable('staff_notice_settings', {
  staffId: text('staff_id').primaryKey().references(() => staff.id),
  cosignWarning: integer('cosign_warning', { mode: 'boolean' }).notNull(),
  dueSoon: integer('due_soon', { mode: 'boolean' }).notNull(),
  overdue: integer('overdue', { mode: 'boolean' }).notNull(),
  quietEnabled: integer('quiet_enabled', { mode: 'boolean' }).notNull(),
  /** HH:MM China time */
  quietStart: text('quiet_start').notNull(),
  quietEnd: text('quiet_end').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    id: text('id').primaryKey(),
    familyId: text('family_id').notNull(),
    subjectType: text('subject_type', { enum: ['resident', 'staff'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('refresh_tokens_family').on(t.familyId)],
)

export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    trackingNo: text('tracking_no').notNull().unique(),
    kind: text('kind', { enum: ['individual', 'joint'] }).notNull().default('individual'),
    ownerId: text('owner_id').notNull().references(() => residents.id),
    title: text('title').notNull(),
    content: text('content').notNull(),
    category: text('category'),
    zone: text('zone'),
    regionCode: text('region_code'),
    streetCode: text('street_code'),
    address: text('address'),
    latitude: real('latitude'),
    longitude: real('longitude'),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneHash: text('contact_phone_hash'),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    status: text('status').notNull(),
    registeredAt: integer('registered_at', { mode: 'timestamp_ms' }).notNull(),
    acceptDue: integer('accept_due', { mode: 'timestamp_ms' }),
    respondDue: integer('respond_due', { mode: 'timestamp_ms' }),
    replyDue: integer('reply_due', { mode: 'timestamp_ms' }),
    reviewRequestDue: integer('review_request_due', { mode: 'timestamp_ms' }),
    reviewDue: integer('review_due', { mode: 'timestamp_ms' }),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    replyText: text('reply_text'),
    replyOutcome: text('reply_outcome'),
    repliedAt: integer('replied_at', { mode: 'timestamp_ms' }),
    rejectReason: text('reject_reason'),
    rejectChannel: text('reject_channel'),
    rejectedAt: integer('rejected_at', { mode: 'timestamp_ms' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    satisfaction: text('satisfaction'),
    ratingComment: text('rating_comment'),
    ratedAt: integer('rated_at', { mode: 'timestamp_ms' }),
    reviewReason: text('review_reason'),
    reviewRequestedAt: integer('review_requested_at', { mode: 'timestamp_ms' }),
    reviewDecidedAt: integer('review_decided_at', { mode: 'timestamp_ms' }),
    /** the office that decided the review; a re-review goes to the level above it */
    reviewRegion: text('review_region'),
    rereviewReason: text('rereview_reason'),
    rereviewRequestedAt: integer('rereview_requested_at', { mode: 'timestamp_ms' }),
    rereviewRequestDue: integer('rereview_request_due', { mode: 'timestamp_ms' }),
    rereviewDue: integer('rereview_due', { mode: 'timestamp_ms' }),
    forwardedTo: text('forwarded_to'),
    infoQuestion: text('info_question'),
    infoRequestedAt: integer('info_requested_at', { mode: 'timestamp_ms' }),
    extensionDays: integer('extension_days'),
    extensionReason: text('extension_reason'),
    extensionStatus: text('extension_status', { enum: ['pending', 'approved', 'denied'] }),
    extensionRequestedAt: integer('extension_requested_at', { mode: 'timestamp_ms' }),
    extensionRequestedBy: text('extension_requested_by'),
    extensionDecidedAt: integer('extension_decided_at', { mode: 'timestamp_ms' }),
    extensionNote: text('extension_note'),
    /** The clock running now and when it runs out (null when none runs): what queues and escalation read. */
    dueClock: text('due_clock'),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }),
    /** a live deadline was counted across a year whose holidays were not known: counted again at start once they are */
    provisionalDue: integer('provisional_due', { mode: 'boolean' }).notNull().default(false),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // No index on region_code alone: jurisdiction filters test coalesce(street_code, region_code),
  // which such an index cannot serve. Staff lists are newest first: walking cases_registered
  // backwards found a district office's first page in 0.77 ms on 100,000 cases, where scanning
  // and sorting the table took about 300 ms.
  (t) => [
    index('cases_owner_registered').on(t.ownerId, t.registeredAt),
    index('cases_registered').on(t.registeredAt, t.id),
    index('cases_status').on(t.status),
    index('cases_due').on(t.dueAt),
    index('cases_provisional_due').on(t.id).where(sql`provisional_due = 1`),
    index('cases_contact_phone_hash').on(t.contactPhoneHash),
  ],
)

export const caseAssignments = sqliteTable(
  'case_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id').notNull().references(() => cases.id),
    unitCode: text('unit_code').notNull().references(() => units.code),
    regionCode: text('region_code').notNull(),
    role: text('role', { enum: ['lead', 'co_owner', 'territorial', 'oversight', 'triage', 'verify'] }).notNull(),
    ruleId: text('rule_id'),
    /** a grid member asked to check the facts; null for a unit or office */
    staffId: text('staff_id').references(() => staff.id),
    /** the staff member who assigned it; null when automatic dispatch did */
    assignedBy: text('assigned_by'),
    /** the petition office that dispatched it, which decides an objection: city for automatic dispatch */
    dispatchRegion: text('dispatch_region').notNull().default('city'),
    assignedAt: integer('assigned_at', { mode: 'timestamp_ms' }).notNull(),
    objectionReason: text('objection_reason'),
    objectedAt: integer('objected_at', { mode: 'timestamp_ms' }),
    objectedBy: text('objected_by'),
    objectionDecidedAt: integer('objection_decided_at', { mode: 'timestamp_ms' }),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    endReason: text('end_reason'),
  },
  (t) => [
    index('case_assignments_case').on(t.caseId),
    index('case_assignments_unit').on(t.unitCode, t.regionCode),
    index('case_assignments_staff').on(t.staffId),
  ],
)

export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id').notNull().references(() => cases.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorType: text('actor_type', { enum: ['resident', 'staff', 'system'] }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    actorUnit: text('actor_unit'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('case_events_case').on(t.caseId, t.id)],
)

export const files = sqliteTable(
  'files',
  {
    id: text('id').primaryKey(),
    ownerType: text('owner_type', { enum: ['resident', 'staff'] }).notNull(),
    ownerId: text('owner_id').notNull(),
    caseId: text('case_id').references(() => cases.id),
    kind: text('kind', { enum: ['image', 'audio'] }).notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('files_case').on(t.caseId), index('files_owner').on(t.ownerType, t.ownerId)],
)

export const dispatchRules = sqliteTable('dispatch_rules', {
  id: text('id').primaryKey(),
  priority: integer('priority').notNull(),
  zone: text('zone'),
  category: text('category'),
  regionCode: text('region_code'),
  unitCode: text('unit_code').notNull().references(() => units.code),
  description: text('description').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
})

/** A write a phone may retry: its first answer, kept so the retry gets the same one. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    statusCode: integer('status_code').notNull(),
    response: text('response', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
)


/** Each warning or escalation is recorded once per clock and due time, so the job can run any number of times. */
export const escalations = sqliteTable(
  'escalations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id').notNull().references(() => cases.id),
    kind: text('kind', { enum: ['warning', 'escalation'] }).notNull(),
    clock: text('clock').notNull(),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    toRegion: text('to_region').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('escalations_once').on(t.caseId, t.kind, t.clock, t.dueAt)],
)

/** Who looked at what: every full view of personal data, for admins to read. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    staffId: text('staff_id').notNull().references(() => staff.id),
    action: text('action').notNull(),
    caseId: text('case_id'),
    field: text('field'),
    reason: text('reason'),
    ip: text('ip'),
  },
  (t) => [index('audit_log_staff').on(t.staffId, t.id), index('audit_log_case').on(t.caseId, t.id)],
)

/**
 * The notification outbox: a row per message to a resident or to a staff member (exactly one of
 * the two), written in the same transaction as the change it reports, sent afterwards by the
 * worker, retried until it goes out.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull().references(() => cases.id),
    residentId: text('resident_id').references(() => residents.id),
    staffId: text('staff_id').references(() => staff.id),
    event: text('event').notNull(),
    payload: text('payload', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    channel: text('channel'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_due').on(t.status, t.nextAttemptAt),
    index('notifications_case').on(t.caseId),
    check('notifications_one_recipient', sql`(resident_id is null) <> (staff_id is null)`),
  ],
)

/**
 * A joint complaint's signing campaign (联名). The QR codes carry a signed token naming
 * `token_id`, never the case id; rotating `token_id` revokes every code printed so far.
 */
export const cosignCampaigns = sqliteTable('cosign_campaigns', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull().unique().references(() => cases.id),
  tokenId: text('token_id').notNull().unique(),
  status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
  /** kept with every signature in the same transaction, so reading the count is one row */
  signatureCount: integer('signature_count').notNull().default(0),
  closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  weappQrKey: text('weapp_qr_key'),
  alipayQrUrl: text('alipay_qr_url'),
  createdAt: createdAt(),
})

/** One verified identity's signature; withdrawn ones stay for the growth curve and the record. */
export const cosignSignatures = sqliteTable(
  'cosign_signatures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: text('campaign_id').notNull().references(() => cosignCampaigns.id),
    residentId: text('resident_id').notNull().references(() => residents.id),
    /** keyed hash of the ID number, or of the platform-verified phone: one person, one signature */
    identityHash: text('identity_hash').notNull(),
    /** keyed hash of the address it came from, to spot a surge without storing the address */
    ipHash: text('ip_hash').notNull(),
    signedAt: integer('signed_at', { mode: 'timestamp_ms' }).notNull(),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('cosign_signatures_once').on(t.campaignId, t.identityHash).where(sql`withdrawn_at is null`),
    index('cosign_signatures_campaign').on(t.campaignId, t.signedAt),
    index('cosign_signatures_identity').on(t.identityHash, t.signedAt),
    index('cosign_signatures_ip').on(t.campaignId, t.ipHash, t.signedAt),
  ],
)

/** Early warnings on a campaign: each threshold, the burst rule and an address surge, once each. */
export const cosignWarnings = sqliteTable(
  'cosign_warnings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: text('campaign_id').notNull().references(() => cosignCampaigns.id),
    caseId: text('case_id').notNull().references(() => cases.id),
    kind: text('kind', { enum: ['threshold', 'burst', 'ip_surge'] }).notNull(),
    threshold: integer('threshold').notNull(),
    /** the petition office level warned: the case's street or district, or the city */
    toRegion: text('to_region').notNull(),
    count: integer('count').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex('cosign_warnings_once').on(t.campaignId, t.kind, t.threshold), index('cosign_warnings_at').on(t.at)],
)
