CREATE TABLE "policies" (
	"organization_id" text NOT NULL,
	"policy_id" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"enforcement" text NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_organization_id_policy_id_pk" PRIMARY KEY("organization_id","policy_id")
);
--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;