import { sql } from 'drizzle-orm'
import type { SchemaKit } from './kit'
import { defineOutboundTables } from './outbound'
import { defineZoneTables } from './zones'

/**
 * The whole database, written once for both engines (the kit says how each stores a type).
 * Personal data is stored only as `*_enc` (AES-256-GCM) and, where we must find a row by it,
 * `*_hash` (keyed HMAC): the raw file never holds a name, phone or ID number.
 */
export function defineSchema(k: SchemaKit) {
  const createdAt = () => k.time('created_at').notNull()

  const units = k.table('units', {
    code: k.text('code').primaryKey(),
    name: k.text('name').notNull(),
    matters: k.text('matters').notNull(),
  })

  const residents = k.table(
    'residents',
    {
      id: k.text('id').primaryKey(),
      platform: k.text('platform', { enum: ['wechat', 'alipay', 'cityapp'] }).notNull(),
      platformUid: k.text('platform_uid').notNull(),
      nameEnc: k.text('name_enc'),
      phoneEnc: k.text('phone_enc'),
      phoneHash: k.text('phone_hash'),
      idNumberEnc: k.text('id_number_enc'),
      idNumberHash: k.text('id_number_hash'),
      verified: k.boolean('verified').notNull().default(false),
      /** the phone number came from the platform's phone-number API, not from what someone typed */
      phoneVerifiedAt: k.time('phone_verified_at'),
      createdAt: createdAt(),
      lastLoginAt: k.time('last_login_at').notNull(),
    },
    (t) => [
      k.uniqueIndex('residents_platform_uid').on(t.platform, t.platformUid),
      k.index('residents_phone_hash').on(t.phoneHash),
      k.index('residents_id_number_hash').on(t.idNumberHash),
    ],
  )

  const staff = k.table('staff', {
    id: k.text('id').primaryKey(),
    username: k.text('username').notNull().unique(),
    passwordHash: k.text('password_hash').notNull(),
    name: k.text('name').notNull(),
    phoneEnc: k.text('phone_enc'),
    role: k.text('role').notNull(),
    unitCode: k.text('unit_code').notNull().references(() => units.code),
    regionCode: k.text('region_code').notNull(),
    active: k.boolean('active').notNull().default(true),
    /** the mini-program this person last signed in to the workbench from: where work notices go first */
    noticePlatform: k.text('notice_platform', { enum: ['wechat', 'alipay'] }),
    noticeUid: k.text('notice_uid'),
    createdAt: createdAt(),
  })

  /** A staff member's choices about work notices; no row means the defaults (all on, quiet 22:00–07:00). */
  const staffNoticeSettings = k.table('staff_notice_settings', {
    staffId: k.text('staff_id').primaryKey().references(() => staff.id),
    cosignWarning: k.boolean('cosign_warning').notNull(),
    dueSoon: k.boolean('due_soon').notNull(),
    overdue: k.boolean('overdue').notNull(),
    quietEnabled: k.boolean('quiet_enabled').notNull(),
    /** HH:MM China time */
    quietStart: k.text('quiet_start').notNull(),
    quietEnd: k.text('quiet_end').notNull(),
    updatedAt: k.time('updated_at').notNull(),
  })

  const refreshTokens = k.table(
    'refresh_tokens',
    {
      id: k.text('id').primaryKey(),
      familyId: k.text('family_id').notNull(),
      subjectType: k.text('subject_type', { enum: ['resident', 'staff'] }).notNull(),
      subjectId: k.text('subject_id').notNull(),
      tokenHash: k.text('token_hash').notNull().unique(),
      expiresAt: k.time('expires_at').notNull(),
      usedAt: k.time('used_at'),
      revokedAt: k.time('revoked_at'),
      createdAt: createdAt(),
    },
    (t) => [k.index('refresh_tokens_family').on(t.familyId)],
  )

  const cases = k.table(
    'cases',
    {
      id: k.text('id').primaryKey(),
      trackingNo: k.text('tracking_no').notNull().unique(),
      kind: k.text('kind', { enum: ['individual', 'joint'] }).notNull().default('individual'),
      ownerId: k.text('owner_id').notNull().references(() => residents.id),
      title: k.text('title').notNull(),
      content: k.text('content').notNull(),
      category: k.text('category'),
      zone: k.text('zone'),
      /** a zone case's intake triage: a simple question owes an answer within the hour, a complex one within 3 working days */
      zoneTriage: k.text('zone_triage', { enum: ['simple', 'complex'] }),
      regionCode: k.text('region_code'),
      streetCode: k.text('street_code'),
      address: k.text('address'),
      latitude: k.real('latitude'),
      longitude: k.real('longitude'),
      contactPhoneEnc: k.text('contact_phone_enc'),
      contactPhoneHash: k.text('contact_phone_hash'),
      /**
       * The contact phone as every view shows it (138****0000), written with it: a detail never
       * decrypts only to mask. Null on rows written before it existed, until the start-up backfill
       * (jobs/backfill-masked-phones.ts) reaches them; views then mask the decrypted value.
       */
      contactPhoneMasked: k.text('contact_phone_masked'),
      anonymous: k.boolean('anonymous').notNull().default(false),
      status: k.text('status').notNull(),
      registeredAt: k.time('registered_at').notNull(),
      acceptDue: k.time('accept_due'),
      respondDue: k.time('respond_due'),
      replyDue: k.time('reply_due'),
      reviewRequestDue: k.time('review_request_due'),
      reviewDue: k.time('review_due'),
      acceptedAt: k.time('accepted_at'),
      replyText: k.text('reply_text'),
      replyOutcome: k.text('reply_outcome'),
      repliedAt: k.time('replied_at'),
      rejectReason: k.text('reject_reason'),
      rejectChannel: k.text('reject_channel'),
      rejectedAt: k.time('rejected_at'),
      closedAt: k.time('closed_at'),
      satisfaction: k.text('satisfaction'),
      ratingComment: k.text('rating_comment'),
      ratedAt: k.time('rated_at'),
      reviewReason: k.text('review_reason'),
      reviewRequestedAt: k.time('review_requested_at'),
      reviewDecidedAt: k.time('review_decided_at'),
      /** the office that decided the review; a re-review goes to the level above it */
      reviewRegion: k.text('review_region'),
      rereviewReason: k.text('rereview_reason'),
      rereviewRequestedAt: k.time('rereview_requested_at'),
      rereviewRequestDue: k.time('rereview_request_due'),
      rereviewDue: k.time('rereview_due'),
      forwardedTo: k.text('forwarded_to'),
      infoQuestion: k.text('info_question'),
      infoRequestedAt: k.time('info_requested_at'),
      extensionDays: k.integer('extension_days'),
      extensionReason: k.text('extension_reason'),
      extensionStatus: k.text('extension_status', { enum: ['pending', 'approved', 'denied'] }),
      extensionRequestedAt: k.time('extension_requested_at'),
      extensionRequestedBy: k.text('extension_requested_by'),
      extensionDecidedAt: k.time('extension_decided_at'),
      extensionNote: k.text('extension_note'),
      /** The clock running now and when it runs out (null when none runs): what queues and escalation read. */
      dueClock: k.text('due_clock'),
      dueAt: k.time('due_at'),
      /** a live deadline was counted across a year whose holidays were not known: counted again at start once they are */
      provisionalDue: k.boolean('provisional_due').notNull().default(false),
      updatedAt: k.time('updated_at').notNull(),
    },
    // No index on region_code alone: jurisdiction filters test coalesce(street_code, region_code),
    // which such an index cannot serve. Staff lists are newest first: walking cases_registered
    // backwards found a district office's first page in 0.77 ms on 100,000 cases, where scanning
    // and sorting the table took about 300 ms.
    (t) => [
      k.index('cases_owner_registered').on(t.ownerId, t.registeredAt),
      k.index('cases_registered').on(t.registeredAt, t.id),
      k.index('cases_status').on(t.status),
      k.index('cases_due').on(t.dueAt),
      k.index('cases_provisional_due').on(t.id).where(k.isTrue('provisional_due')),
      k.index('cases_contact_phone_hash').on(t.contactPhoneHash),
      // the backfill's work list: empty once every row has its masked copy, so a start finds nothing to do at once
      k.index('cases_phone_unmasked').on(t.id).where(sql`contact_phone_enc is not null and contact_phone_masked is null`),
    ],
  )

  const caseAssignments = k.table(
    'case_assignments',
    {
      id: k.serial('id'),
      caseId: k.text('case_id').notNull().references(() => cases.id),
      unitCode: k.text('unit_code').notNull().references(() => units.code),
      regionCode: k.text('region_code').notNull(),
      role: k.text('role', { enum: ['lead', 'co_owner', 'territorial', 'oversight', 'triage', 'verify'] }).notNull(),
      ruleId: k.text('rule_id'),
      /** a grid member asked to check the facts; null for a unit or office */
      staffId: k.text('staff_id').references(() => staff.id),
      /** the staff member who assigned it; null when automatic dispatch did */
      assignedBy: k.text('assigned_by'),
      /** the petition office that dispatched it, which decides an objection: city for automatic dispatch */
      dispatchRegion: k.text('dispatch_region').notNull().default('city'),
      assignedAt: k.time('assigned_at').notNull(),
      objectionReason: k.text('objection_reason'),
      objectedAt: k.time('objected_at'),
      objectedBy: k.text('objected_by'),
      objectionDecidedAt: k.time('objection_decided_at'),
      endedAt: k.time('ended_at'),
      endReason: k.text('end_reason'),
    },
    (t) => [
      k.index('case_assignments_case').on(t.caseId),
      k.index('case_assignments_unit').on(t.unitCode, t.regionCode),
      k.index('case_assignments_staff').on(t.staffId),
    ],
  )

  const caseEvents = k.table(
    'case_events',
    {
      id: k.serial('id'),
      caseId: k.text('case_id').notNull().references(() => cases.id),
      at: k.time('at').notNull(),
      actorType: k.text('actor_type', { enum: ['resident', 'staff', 'system'] }).notNull(),
      actorId: k.text('actor_id'),
      actorLabel: k.text('actor_label').notNull(),
      actorUnit: k.text('actor_unit'),
      action: k.text('action').notNull(),
      fromStatus: k.text('from_status'),
      toStatus: k.text('to_status'),
      note: k.text('note'),
      data: k.json('data').$type<Record<string, unknown>>(),
    },
    (t) => [k.index('case_events_case').on(t.caseId, t.id)],
  )

  const files = k.table(
    'files',
    {
      id: k.text('id').primaryKey(),
      ownerType: k.text('owner_type', { enum: ['resident', 'staff'] }).notNull(),
      ownerId: k.text('owner_id').notNull(),
      caseId: k.text('case_id').references(() => cases.id),
      kind: k.text('kind', { enum: ['image', 'audio'] }).notNull(),
      mime: k.text('mime').notNull(),
      size: k.integer('size').notNull(),
      sha256: k.text('sha256').notNull(),
      storageKey: k.text('storage_key').notNull(),
      createdAt: createdAt(),
    },
    (t) => [k.index('files_case').on(t.caseId), k.index('files_owner').on(t.ownerType, t.ownerId)],
  )

  const dispatchRules = k.table('dispatch_rules', {
    id: k.text('id').primaryKey(),
    priority: k.integer('priority').notNull(),
    zone: k.text('zone'),
    category: k.text('category'),
    regionCode: k.text('region_code'),
    unitCode: k.text('unit_code').notNull().references(() => units.code),
    description: k.text('description').notNull(),
    active: k.boolean('active').notNull().default(true),
  })

  /** A write a phone may retry: its first answer, kept so the retry gets the same one. */
  const idempotencyKeys = k.table(
    'idempotency_keys',
    {
      scope: k.text('scope').notNull(),
      key: k.text('key').notNull(),
      fingerprint: k.text('fingerprint').notNull(),
      statusCode: k.integer('status_code').notNull(),
      response: k.json('response').notNull(),
      createdAt: createdAt(),
    },
    (t) => [k.primaryKey({ columns: [t.scope, t.key] })],
  )


  /** Each warning or escalation is recorded once per clock and due time, so the job can run any number of times. */
  const escalations = k.table(
    'escalations',
    {
      id: k.serial('id'),
      caseId: k.text('case_id').notNull().references(() => cases.id),
      kind: k.text('kind', { enum: ['warning', 'escalation'] }).notNull(),
      clock: k.text('clock').notNull(),
      dueAt: k.time('due_at').notNull(),
      toRegion: k.text('to_region').notNull(),
      at: k.time('at').notNull(),
    },
    (t) => [k.uniqueIndex('escalations_once').on(t.caseId, t.kind, t.clock, t.dueAt)],
  )

  /** Who looked at what: every full view of personal data, for admins to read. */
  const auditLog = k.table(
    'audit_log',
    {
      id: k.serial('id'),
      at: k.time('at').notNull(),
      staffId: k.text('staff_id').notNull().references(() => staff.id),
      action: k.text('action').notNull(),
      caseId: k.text('case_id'),
      field: k.text('field'),
      reason: k.text('reason'),
      ip: k.text('ip'),
    },
    (t) => [k.index('audit_log_staff').on(t.staffId, t.id), k.index('audit_log_case').on(t.caseId, t.id)],
  )

  /**
   * The notification outbox: a row per message to a resident or to a staff member (exactly one of
   * the two), written in the same transaction as the change it reports, sent afterwards by the
   * worker, retried until it goes out.
   */
  const notifications = k.table(
    'notifications',
    {
      id: k.text('id').primaryKey(),
      caseId: k.text('case_id').notNull().references(() => cases.id),
      residentId: k.text('resident_id').references(() => residents.id),
      staffId: k.text('staff_id').references(() => staff.id),
      event: k.text('event').notNull(),
      payload: k.json('payload').notNull().$type<Record<string, unknown>>(),
      status: k.text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
      channel: k.text('channel'),
      attempts: k.integer('attempts').notNull().default(0),
      nextAttemptAt: k.time('next_attempt_at').notNull(),
      lastError: k.text('last_error'),
      sentAt: k.time('sent_at'),
      createdAt: createdAt(),
    },
    (t) => [
      k.index('notifications_due').on(t.status, t.nextAttemptAt),
      k.index('notifications_case').on(t.caseId),
      k.check('notifications_one_recipient', sql`(resident_id is null) <> (staff_id is null)`),
    ],
  )

  /**
   * A joint complaint's signing campaign (联名). The QR codes carry a signed token naming
   * `token_id`, never the case id; rotating `token_id` revokes every code printed so far.
   */
  const cosignCampaigns = k.table('cosign_campaigns', {
    id: k.text('id').primaryKey(),
    caseId: k.text('case_id').notNull().unique().references(() => cases.id),
    tokenId: k.text('token_id').notNull().unique(),
    status: k.text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    /** kept with every signature in the same transaction, so reading the count is one row */
    signatureCount: k.integer('signature_count').notNull().default(0),
    closedAt: k.time('closed_at'),
    weappQrKey: k.text('weapp_qr_key'),
    alipayQrUrl: k.text('alipay_qr_url'),
    createdAt: createdAt(),
  })

  /** One verified identity's signature; withdrawn ones stay for the growth curve and the record. */
  const cosignSignatures = k.table(
    'cosign_signatures',
    {
      id: k.serial('id'),
      campaignId: k.text('campaign_id').notNull().references(() => cosignCampaigns.id),
      residentId: k.text('resident_id').notNull().references(() => residents.id),
      /** keyed hash of the ID number, or of the platform-verified phone: one person, one signature */
      identityHash: k.text('identity_hash').notNull(),
      /** keyed hash of the address it came from, to spot a surge without storing the address */
      ipHash: k.text('ip_hash').notNull(),
      signedAt: k.time('signed_at').notNull(),
      withdrawnAt: k.time('withdrawn_at'),
    },
    (t) => [
      k.uniqueIndex('cosign_signatures_once').on(t.campaignId, t.identityHash).where(sql`withdrawn_at is null`),
      k.index('cosign_signatures_campaign').on(t.campaignId, t.signedAt),
      k.index('cosign_signatures_identity').on(t.identityHash, t.signedAt),
      k.index('cosign_signatures_ip').on(t.campaignId, t.ipHash, t.signedAt),
    ],
  )

  /** Early warnings on a campaign: each threshold, the burst rule and an address surge, once each. */
  const cosignWarnings = k.table(
    'cosign_warnings',
    {
      id: k.serial('id'),
      campaignId: k.text('campaign_id').notNull().references(() => cosignCampaigns.id),
      caseId: k.text('case_id').notNull().references(() => cases.id),
      kind: k.text('kind', { enum: ['threshold', 'burst', 'ip_surge'] }).notNull(),
      threshold: k.integer('threshold').notNull(),
      /** the petition office level warned: the case's street or district, or the city */
      toRegion: k.text('to_region').notNull(),
      count: k.integer('count').notNull(),
      at: k.time('at').notNull(),
      data: k.json('data').$type<Record<string, unknown>>(),
    },
    (t) => [k.uniqueIndex('cosign_warnings_once').on(t.campaignId, t.kind, t.threshold), k.index('cosign_warnings_at').on(t.at)],
  )

  /**
   * Rate-limit windows shared by several API nodes (plugins/rate-limit-store.ts): one row per
   * route and address (or user), counted and restarted by one upsert; expired rows are pruned.
   */
  const rateLimits = k.table('rate_limits', {
    key: k.text('key').primaryKey(),
    hits: k.integer('hits').notNull(),
    windowEndsAt: k.time('window_ends_at').notNull(),
  })

  const zoneTables = defineZoneTables(k, () => cases.id)
  const outboundTables = defineOutboundTables(k, () => cases.id)

  return { units, residents, staff, staffNoticeSettings, refreshTokens, cases, caseAssignments, caseEvents, files, dispatchRules, idempotencyKeys, escalations, auditLog, notifications, cosignCampaigns, cosignSignatures, cosignWarnings, rateLimits, ...zoneTables, ...outboundTables }
}

export type Tables = ReturnType<typeof defineSchema>
