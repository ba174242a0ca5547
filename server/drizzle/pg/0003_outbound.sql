CREATE TABLE "outbound_pushes" (
	"id" text PRIMARY KEY NOT NULL,
	"target" text NOT NULL,
	"case_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer NOT NULL,
	"next_attempt_at" timestamp (3) with time zone NOT NULL,
	"last_error" text,
	"external_ref" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"sent_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"source" text NOT NULL,
	"event_id" text NOT NULL,
	"case_id" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "webhook_events_source_event_id_pk" PRIMARY KEY("source","event_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_nonces" (
	"source" text NOT NULL,
	"nonce" text NOT NULL,
	"seen_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "webhook_nonces_source_nonce_pk" PRIMARY KEY("source","nonce")
);
--> statement-breakpoint
ALTER TABLE "outbound_pushes" ADD CONSTRAINT "outbound_pushes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbound_pushes_due" ON "outbound_pushes" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbound_pushes_case" ON "outbound_pushes" USING btree ("case_id","target");--> statement-breakpoint
CREATE INDEX "outbound_pushes_ref" ON "outbound_pushes" USING btree ("target","external_ref");--> statement-breakpoint
CREATE INDEX "webhook_nonces_seen" ON "webhook_nonces" USING btree ("seen_at");