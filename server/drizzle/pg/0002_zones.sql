CREATE TABLE "heat_stations" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"region_code" text NOT NULL,
	"street_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "housing_projects" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"developer" text NOT NULL,
	"address" text NOT NULL,
	"region_code" text NOT NULL,
	"street_code" text,
	"promised_delivery" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_cases" (
	"case_id" text PRIMARY KEY NOT NULL,
	"zone" text NOT NULL,
	"ask" text NOT NULL,
	"project_id" text,
	"station_code" text,
	"employer" text,
	"matter" text,
	"form" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "zone_triage" text;--> statement-breakpoint
ALTER TABLE "zone_cases" ADD CONSTRAINT "zone_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_cases" ADD CONSTRAINT "zone_cases_project_id_housing_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."housing_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_cases" ADD CONSTRAINT "zone_cases_station_code_heat_stations_code_fk" FOREIGN KEY ("station_code") REFERENCES "public"."heat_stations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "heat_stations_region" ON "heat_stations" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "housing_projects_region" ON "housing_projects" USING btree ("region_code","name");--> statement-breakpoint
CREATE INDEX "zone_cases_project" ON "zone_cases" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "zone_cases_station" ON "zone_cases" USING btree ("station_code");--> statement-breakpoint
CREATE INDEX "zone_cases_employer" ON "zone_cases" USING btree ("zone","employer");