#!/usr/bin/env python3
"""Generates decision-trees/data-tenancy.json (run from the worktree root)."""
import json, sys

NS = "tenancy"
def c(x): return f"{NS}.{x}"

AWS_PG = "https://docs.aws.amazon.com/prescriptive-guidance/latest/saas-multitenant-managed-postgresql/partitioning-models.html"
AWS_ISO = "https://docs.aws.amazon.com/wellarchitected/latest/saas-lens/core-isolation-concepts.html"
AWS_TIER = "https://docs.aws.amazon.com/wellarchitected/latest/saas-lens/tier-based-isolation.html"
AWS_LENS = "https://docs.aws.amazon.com/wellarchitected/latest/saas-lens/saas-lens.html"
AZ_MODELS = "https://learn.microsoft.com/en-us/azure/architecture/guide/multitenant/considerations/tenancy-models"
AZ_DATA = "https://learn.microsoft.com/en-us/azure/architecture/guide/multitenant/approaches/storage-data"
AZ_STAMPS = "https://learn.microsoft.com/en-us/azure/architecture/patterns/deployment-stamp"
AZ_NOISY = "https://learn.microsoft.com/en-us/azure/architecture/antipatterns/noisy-neighbor/noisy-neighbor"
AZ_SQL = "https://learn.microsoft.com/en-us/azure/azure-sql/database/saas-tenancy-app-design-patterns"
PG_RLS = "https://www.postgresql.org/docs/current/ddl-rowsecurity.html"
CITUS = "https://docs.citusdata.com/en/stable/use_cases/multi_tenant.html"
LIMITLESS = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/limitless.html"
GDPR = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
PCI_FAQ = "https://www.pcisecuritystandards.org/faq/articles/Frequently_Asked_Question/to-which-types-of-service-providers-does-pci-dss-appendix-a1-for-multi-tenant-service-providers-apply/"
PCI_LIB = "https://www.pcisecuritystandards.org/document_library/"
HIPAA = "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312"
FEDRAMP = "https://www.fedramp.gov/"
AICPA = "https://www.aicpa-cima.com/topic/audit-assurance/audit-and-assurance-greater-than-soc-2"
AWS_RLS = "https://docs.aws.amazon.com/prescriptive-guidance/latest/saas-multitenant-managed-postgresql/rls.html"
AWS_POOL = "https://docs.aws.amazon.com/prescriptive-guidance/latest/saas-multitenant-managed-postgresql/pool.html"
PG_VIEW = "https://www.postgresql.org/docs/current/sql-createview.html"
MSSQL_RLS = "https://learn.microsoft.com/en-us/sql/relational-databases/security/row-level-security"
DATA_ACT = "https://eur-lex.europa.eu/eli/reg/2023/2854/oj"
AZ_PG_EC = "https://learn.microsoft.com/en-us/azure/postgresql/elastic-clusters/concepts-elastic-clusters"

criteria = [
  ("isolation", "Data isolation strength", "How hard it is for one tenant to read or change another tenant's data: a separate database with its own credentials and keys, or a tenant_id predicate that one missing policy or bypassing role defeats.", 2),
  ("noisy", "Performance isolation", "Whether one tenant's load (a bulk import, a report, a runaway query) degrades other tenants; the noisy-neighbour problem.", 1),
  ("cost", "Cost per tenant", "Infrastructure cost of one more tenant: a database with its own minimum compute, storage and backups, or a few rows in shared tables.", 3),
  ("ops", "Operations across many tenants", "Work that grows with the number of tenants: schema migrations, monitoring, connection pools, onboarding automation.", 3),
  ("lifecycle", "Per-tenant restore, export and deletion", "How directly one tenant's data can be restored to a point in time, exported, or erased without touching other tenants.", 1),
  ("custom", "Per-tenant schema variation", "Whether tenants can have different tables, columns, extensions or schema versions.", 1),
  ("placement", "Per-tenant placement", "Whether one tenant's data can be put in a chosen region, on dedicated hardware, or moved between tiers.", 1),
  ("simplicity", "Build and reasoning simplicity", "How much tenant-routing, tenant-context and provisioning code the application needs, and how easy it is to reason about which tenant a query touches.", 2),
  ("onboarding", "Tenant onboarding speed", "How fast and how automatically a new tenant can start: a row inserted at sign-up, or a database provisioned, migrated and registered (minutes, and subject to account quotas).", 1),
  ("headroom", "Scale headroom", "How far total data and write load can grow before one database node is the limit.", 1),
]

# option id -> (name, summary, {crit: (impact, rationale)}, refs, confirmation)
options = {
 "single": ("Single-tenant data model (no tenant dimension)",
  "One organisation's data: no tenant key, no per-tenant routing. Isolation between environments (prod, staging) is the only boundary.",
  {"onboarding": (0, "There is no tenant onboarding."),
   "isolation": (0, "There is no second tenant to isolate from; access control is per user and role only."),
   "noisy": (0, "All load belongs to one organisation; contention is capacity planning, not fairness."),
   "cost": (2, "One database, no per-tenant overhead or tenant_id columns and indexes."),
   "ops": (2, "One schema, one migration run, one backup policy."),
   "lifecycle": (0, "Backup and restore cover the whole organisation; there is no per-tenant unit."),
   "custom": (0, "One schema; variation is ordinary schema evolution."),
   "placement": (0, "Placement is one decision for the whole data set."),
   "simplicity": (2, "No tenant context to set, propagate or test on every query."),
   "headroom": (0, "Scale is decided by the data-store tree, not by a tenant model.")},
  [("PostgreSQL: Row security policies (not needed without tenants)", PG_RLS)],
  "Architecture review confirms no customer-facing tenant concept exists; if a second organisation is ever onboarded, this ADR is superseded before its data is loaded."),
 "silo": ("Silo: a database (or account) per tenant",
  "Each tenant gets its own database, instance or cloud account, with its own credentials, encryption keys and backups; a tenant catalog routes each request to the tenant's database.",
  {"onboarding": (-2, "Each new tenant needs a database provisioned, migrated, backed up and registered in the catalog: minutes per sign-up and subject to account quotas."),
   "isolation": (2, "The boundary is a separate database or account with its own credentials and keys; a missing WHERE clause cannot reach another tenant."),
   "noisy": (2, "Each tenant has its own compute and I/O (on dedicated instances); elastic pools share compute, so use them only for tenants without a performance guarantee."),
   "cost": (-2, "Every tenant pays a floor: minimum instance or pool share, storage, backups and monitoring, even when idle."),
   "ops": (-2, "Migrations, upgrades, monitoring and connection pools multiply by the tenant count; fleet tooling (e.g. Azure SQL elastic jobs) is mandatory beyond tens of tenants."),
   "lifecycle": (2, "Point-in-time restore, export and deletion act on one database: restore it, dump it, drop it."),
   "custom": (2, "Each database can carry its own extensions, extra tables or schema version (at the cost of fleet drift)."),
   "placement": (2, "A tenant's database can be created in any region or on dedicated hardware, and moved on its own."),
   "simplicity": (0, "Queries need no tenant filter, but provisioning, a tenant catalog and per-tenant connection routing must be built."),
   "headroom": (1, "Tenants spread across instances; only a single tenant larger than one node hits a limit.")},
  [("AWS Prescriptive Guidance: multi-tenant SaaS partitioning models for PostgreSQL (silo)", AWS_PG),
   ("Azure Architecture Center: tenancy models", AZ_MODELS),
   ("Azure SQL Database: multitenant SaaS database tenancy patterns", AZ_SQL)],
  "A fleet report lists every tenant database with schema version, backup age and last successful restore test; a CI job fails if any tenant database lags the current migration by more than one release; onboarding a tenant end to end is an automated, timed pipeline."),
 "bridge": ("Bridge: a schema per tenant in a shared database",
  "Tenants share one database server but each has its own schema (or logical database); the connection sets the tenant's schema (search_path) and role.",
  {"onboarding": (-1, "Each new tenant needs CREATE SCHEMA, a role and a full migration run at sign-up."),
   "isolation": (1, "Per-schema roles and grants separate tenants inside one server; a shared superuser, shared extensions and a wrong search_path are the remaining paths across."),
   "noisy": (-1, "Tenants share the server's CPU, memory, I/O and connection limit; AWS notes bridge has the same noisy-neighbour exposure as pool."),
   "cost": (1, "One server for many tenants; per-tenant cost is the schema's catalog entries and storage."),
   "ops": (-1, "One server to monitor and back up, but every migration runs once per schema; thousands of schemas put millions of relations (tables, indexes, TOAST) in one catalog and multiply dump and migration time."),
   "lifecycle": (1, "pg_dump --schema exports one tenant and DROP SCHEMA ... CASCADE erases it; point-in-time restore is still server-wide, so one tenant's restore goes through a side instance."),
   "custom": (1, "A schema can carry extra tables or columns for one tenant; extensions and server settings stay shared."),
   "placement": (-1, "Moving a tenant to another region or server is a dump and restore of its schema."),
   "simplicity": (0, "Per-connection search_path or role switching must be reset correctly by the connection pool."),
   "headroom": (-1, "All schemas live on one primary; growth beyond it needs tenants moved to other servers.")},
  [("AWS Prescriptive Guidance: PostgreSQL bridge model", "https://docs.aws.amazon.com/prescriptive-guidance/latest/saas-multitenant-managed-postgresql/bridge.html"),
   ("PostgreSQL: Schemas", "https://www.postgresql.org/docs/current/ddl-schemas.html")],
  "A migration runner reports per-schema success and fails the release if any schema is behind; an integration test connects as tenant A through the pool and asserts it cannot read tenant B's schema; dump and migration time per schema count is tracked as the tenant count grows."),
 "pool": ("Pool: shared tables with tenant_id and row-level security",
  "All tenants share one schema; every tenant-owned table has a tenant_id column (leading every key and index), and row-level security policies restrict each session to its tenant.",
  {"onboarding": (2, "A new tenant is an INSERT into the tenants table; self-serve sign-up is instant."),
   "isolation": (-1, "Isolation is a predicate: RLS enforces it in the database, but table owners, superusers and BYPASSRLS roles skip policies, and one table without a policy leaks."),
   "noisy": (-2, "All tenants share tables, indexes, buffer cache and connections; a large tenant's query slows everyone unless the app enforces per-tenant quotas."),
   "cost": (2, "A new tenant is a row in the tenants table; the marginal cost is its data."),
   "ops": (2, "One schema, one migration run, one set of dashboards, whatever the tenant count."),
   "lifecycle": (-1, "Deletion and export are DELETE/SELECT by tenant_id across every table; restoring one tenant means a point-in-time restore to a side instance and copying its rows back."),
   "custom": (-1, "One schema version for all; per-tenant fields go into extension columns (jsonb) or attribute tables."),
   "placement": (-1, "A tenant's rows live in its pool's database; residency needs one pool per region (deployment stamps), dedicated hardware is impossible."),
   "simplicity": (1, "No tenant routing; the app sets the tenant context per transaction and every table carries tenant_id."),
   "headroom": (-1, "One primary holds all tenants until the pool is sharded or split into stamps.")},
  [("PostgreSQL: Row security policies", PG_RLS),
   ("AWS Prescriptive Guidance: multi-tenant SaaS partitioning models for PostgreSQL (pool)", AWS_PG),
   ("Azure Architecture Center: architectural approaches for storage and data in multitenant solutions", AZ_DATA)],
  "A schema test fails CI when any table with a tenant_id column lacks ENABLE and FORCE ROW LEVEL SECURITY and a policy; an integration test runs every repository query as tenant A and asserts zero rows of tenant B, including a test that runs tenant A then tenant B on the same pooled connection and asserts no tenant context carries over; the application role is checked to be neither table owner nor BYPASSRLS; every view over tenant tables is checked for security_invoker; per-tenant query time is on a dashboard."),
 "pool-sharded": ("Pool sharded by tenant (e.g. Citus distributed by tenant_id)",
  "Pool model whose tables are distributed across nodes by tenant_id, so each tenant's rows are co-located on one shard; large tenants can be isolated onto their own shard and node.",
  {"onboarding": (2, "A new tenant is an INSERT; its rows land on the shard its tenant_id hashes to."),
   "isolation": (-1, "Same logical isolation as the pool (tenant_id and RLS); sharding spreads tenants over nodes but is not a security boundary."),
   "noisy": (0, "Tenants spread over worker nodes, and a large tenant can be moved to its own shard and node (Citus isolate_tenant_to_new_shard); small tenants still share."),
   "cost": (1, "Marginal cost per tenant is rows, as in the pool, but a coordinator plus at least two workers (or a sharded managed service) is the minimum footprint."),
   "ops": (1, "One schema; distributed DDL propagates migrations, but shard rebalancing and co-location must be run and watched."),
   "lifecycle": (-1, "Deletion and export are by tenant_id as in the pool; one tenant's point-in-time restore still means restoring the cluster elsewhere and copying rows."),
   "custom": (-1, "One schema version for all tenants, as in the pool."),
   "placement": (-1, "A tenant's shard can be moved to a chosen node, but the cluster sits in one region; residency needs one cluster per region."),
   "simplicity": (-1, "tenant_id must lead every primary and foreign key and appear in every query to route to one shard; cross-tenant queries fan out."),
   "headroom": (2, "Adding worker nodes adds storage and write capacity; tenants are rebalanced across them.")},
  [("Citus documentation: multi-tenant applications", CITUS),
   ("Amazon Aurora PostgreSQL Limitless Database", LIMITLESS),
   ("Azure Architecture Center: storage and data approaches (sharding)", AZ_DATA)],
  "A query-plan test in CI asserts that tenant-scoped queries route to a single shard (no multi-shard plans on request paths); shard size skew and the largest tenant's share of a node are on a dashboard with an alert before a node passes 70 % of disk; the RLS tests of the pool model also run."),
 "hybrid": ("Hybrid tiering: pool for most tenants, silo for premium or regulated tenants",
  "Most tenants share a pool; tenants that buy or need dedicated isolation get their own database (silo). A tenant catalog records each tenant's tier and location, and a tested move path promotes a tenant from pool to silo.",
  {"onboarding": (2, "New tenants start in the pool with an INSERT, as in the pool model; promotion to a silo is a planned move later."),
   "isolation": (1, "Tenants that need it get a database boundary; pooled tenants rely on tenant_id and RLS."),
   "noisy": (1, "Large or premium tenants move out of the pool onto their own database; the pool keeps the small ones."),
   "cost": (1, "Most tenants cost rows in the pool; the silo floor is paid only for the tenants that need (and pay for) it."),
   "ops": (-1, "Two provisioning paths, migrations run on the pool and on every silo, and tenant moves between tiers must be automated."),
   "lifecycle": (1, "Siloed tenants are restored, exported or dropped as a database; pooled tenants as rows."),
   "custom": (0, "Only siloed tenants can diverge, and divergence makes moving them back harder."),
   "placement": (1, "A tenant with residency or dedicated-hardware terms gets a silo where it needs it; the rest stay in the pool."),
   "simplicity": (-2, "The application must route by tier, keep both isolation mechanisms correct, and move a tenant between tiers without downtime."),
   "headroom": (1, "The biggest tenants leave the pool, so one primary holds the long tail.")},
  [("AWS Well-Architected SaaS Lens", AWS_LENS),
   ("AWS SaaS Lens: tier-based isolation", AWS_TIER),
   ("Azure Architecture Center: tenancy models (vertically partitioned deployments)", AZ_MODELS)],
  "The tenant catalog is the single source of each tenant's tier and location; a rehearsed pool-to-silo move of a test tenant runs in CI or staging each release; the RLS tests of the pool and the fleet migration report of the silo both pass on every release."),
}

TIE = ["pool", "pool-sharded", "bridge", "silo", "hybrid", "single"]

def A(label, consequence, nxt=None, effects=None, exclusive=False):
    a = {"label": label, "consequence": consequence}
    if nxt: a["next"] = nxt
    if exclusive: a["exclusive"] = True
    if effects: a["effects"] = effects
    return a
def raise_(cr, by=1): return {"op": "raise", "criterion": c(cr), "by": by}
def lower(cr, by=1): return {"op": "lower", "criterion": c(cr), "by": by}
def set_(cr, w): return {"op": "set", "criterion": c(cr), "weight": w}
def out(o, reason): return {"op": "rule_out", "option": c(o), "reason": reason}
def note(text, src=None, if_chosen=None):
    n = {"op": "note", "text": text}
    if src: n["source"] = src
    if if_chosen: n["if_chosen"] = [c(x) for x in if_chosen]
    return n

MULTI = ["silo", "bridge", "pool", "pool-sharded", "hybrid"]
L_NONE = "One organisation's data (no tenants)"
L_SIM = "Many tenants with similar needs"
L_DED = "Some tenants require dedicated isolation"

nodes = []
nodes.append({"id": "q-tenancy", "kind": "question", "fact": "tenancy",
  "prompt": "Whose data does this system hold?",
  "help": "Tenancy decides whether a tenant boundary exists at all, and whether any tenant's contract or regulator demands a boundary stronger than a tenant_id column. A dedicated-isolation promise cannot be kept by shared tables, whatever else is true.",
  "answers": [
    A(L_NONE, "No tenant model is needed; the single-tenant model is recorded so the ADR says so explicitly.", "o-single",
      [out(o, "There are no tenants: a tenant model adds tenant_id columns, routing and tests that protect nothing.") for o in MULTI]),
    A(L_SIM, "Shared models (pool, sharded pool, bridge) compete with per-tenant databases on cost and operations.", "q-compliance",
      [out("single", "The system holds several tenants' data; a model without a tenant boundary would let any query read every tenant."),
       out("hybrid", "No tenant needs dedicated isolation, so a hybrid's silo tier would be empty: it would be the pool plus an unused second provisioning path. Answer 'Some tenants require dedicated isolation' if large or premium tenants will get their own database."),
       raise_("cost"), raise_("ops"), raise_("onboarding"),
       note("Set the tenant context per transaction, not per session: SET LOCAL (or set_config('app.tenant_id', ..., true)) inside the transaction, so a pooled connection (the application's own pool, or PgBouncer in transaction mode) cannot carry one tenant's context into the next request; make the policy fail closed when the setting is missing.", AWS_RLS, ["pool", "pool-sharded", "hybrid"]),
       note("Views bypass row security unless created WITH (security_invoker = true) (PostgreSQL 15+): by default a view applies its owner's privileges and policies, so a view owned by the table owner returns every tenant's rows. Treat SECURITY DEFINER functions the same way.", PG_VIEW, ["pool", "pool-sharded", "hybrid"]),
       note("Row-level security is an engine feature: PostgreSQL and SQL Server (security policies) have it, MySQL does not; without it, enforce tenant_id in one data-access layer, forbid raw SQL outside it, and keep the cross-tenant tests as the only guard.", MSSQL_RLS, ["pool", "pool-sharded", "hybrid"]),
       ]),
    A(L_DED, "Only models that can give a tenant its own database remain: silo for all, or hybrid tiering.", "q-compliance",
      [out("single", "The system holds several tenants' data; a model without a tenant boundary would let any query read every tenant."),
       out("pool", "Tenants that require dedicated isolation cannot share tables, credentials and backups with other tenants."),
       out("pool-sharded", "Sharding by tenant still shares the cluster, its credentials, coordinator and backups; it is not dedicated isolation."),
       out("bridge", "A schema in a shared server shares the server's superuser, memory, backups and encryption keys; it is not dedicated isolation."),
       raise_("isolation", 2), raise_("placement"),
       note("Set the tenant context per transaction, not per session: SET LOCAL (or set_config('app.tenant_id', ..., true)) inside the transaction, so a pooled connection (the application's own pool, or PgBouncer in transaction mode) cannot carry one tenant's context into the next request; make the policy fail closed when the setting is missing.", AWS_RLS, ["pool", "pool-sharded", "hybrid"]),
       note("Views bypass row security unless created WITH (security_invoker = true) (PostgreSQL 15+): by default a view applies its owner's privileges and policies, so a view owned by the table owner returns every tenant's rows. Treat SECURITY DEFINER functions the same way.", PG_VIEW, ["pool", "pool-sharded", "hybrid"]),
       note("Row-level security is an engine feature: PostgreSQL and SQL Server (security policies) have it, MySQL does not; without it, enforce tenant_id in one data-access layer, forbid raw SQL outside it, and keep the cross-tenant tests as the only guard.", MSSQL_RLS, ["pool", "pool-sharded", "hybrid"]),
       note("Write down what 'dedicated' means in the contracts (own database, own instance, own cloud account, own encryption key) before sizing the silo tier; AWS and Azure both describe isolation as a spectrum.", AZ_MODELS)]),
  ]})

nodes.append({"id": "q-compliance", "kind": "question", "fact": "compliance", "multi": True, "next": "q-count",
  "prompt": "Which regimes apply to the tenants' data?",
  "help": "Regulations decide how strong the tenant boundary must be and what evidence an auditor will ask for (separation tests, per-tenant erasure, per-tenant access logs).",
  "answers": [
    A("PCI DSS: payment card data is stored, processed or transmitted", "Isolation weighs more; shared-tenancy separation must be pen-tested.",
      effects=[raise_("isolation"),
       note("If you are a multi-tenant service provider in the sense of PCI DSS v4.0.1 Appendix A1 (check the PCI SSC FAQ on its scope), A1.1.1-A1.1.3 require logical separation so each customer reaches only its own data and resources, and A1.1.4 requires the separation controls to be penetration-tested at least every six months.", PCI_FAQ),
       note("Keep cardholder data out of shared tables where possible (tokenise), so the pool is not the cardholder data environment; test that RLS cannot be bypassed by the application role.", PCI_LIB, ["pool", "pool-sharded", "hybrid"])]),
    A("HIPAA: protected health information of US patients", "Isolation weighs more; per-tenant access must be logged.",
      effects=[raise_("isolation"),
       note("45 CFR 164.312(a)(1) requires access control that lets only authorised persons reach ePHI and 164.312(b) requires audit controls; record the tenant id in every database audit log entry so access can be reviewed per covered entity.", HIPAA)]),
    A("GDPR or similar personal-data law", "Per-tenant erasure and export weigh more.",
      effects=[raise_("lifecycle"),
       note("GDPR Art. 17 (erasure) and Art. 28(3)(g) (a processor deletes or returns personal data at the end of the service) mean a tenant's data must be erasable on request and at contract end, including from backups within their retention; document the backup expiry period as part of the erasure answer.", GDPR)]),
    A("SOC 2 or ISO/IEC 27001 audit", "Auditors will ask for evidence that tenant separation is tested.",
      effects=[
       note("Keep the cross-tenant isolation tests (the confirmation of this ADR) in CI and keep their results: they are the evidence for the logical-access controls an auditor samples.", AICPA)]),
    A("FedRAMP or other government authorisation", "Government tenants must stay inside the authorised boundary; placement weighs more.",
      effects=[raise_("placement"),
       note("A FedRAMP authorisation covers a defined system boundary; government tenants' data must live inside it, so commercial and government tenants usually run in separate deployments (stamps) rather than one pool.", FEDRAMP)]),
    A("None of these", "No regulation adds weight; the contracts still decide isolation.", exclusive=True),
  ]})

nodes.append({"id": "q-count", "kind": "question",
  "prompt": "How many tenants will this data store hold within two years?",
  "help": "Per-tenant databases cost a fixed floor and multiply migrations by the tenant count: fine for tens, heavy for thousands, impractical for 100k. Shared tables cost almost nothing per tenant.",
  "answers": [
    A("Tens of tenants (under about 100)", "Per-tenant databases are affordable and operable; fleet cost matters less.", "q-noisy",
      [lower("ops", 2), lower("cost", 1), lower("onboarding", 1)]),
    A("Hundreds to a few thousand tenants", "Fleet operations and per-tenant cost weigh more.", "q-noisy",
      [raise_("ops"), raise_("cost"), raise_("onboarding")]),
    A("Tens of thousands or more (100k+ is possible)", "Per-tenant cost and fleet operations dominate; a database per tenant needs fleet tooling most teams do not have.", "q-noisy",
      [set_("ops", 5), set_("cost", 5), set_("onboarding", 4), raise_("headroom", 2),
       note("At this count a database per tenant means tens of thousands of databases to migrate, monitor and back up; if some tenants still need a silo, keep the silo tier to the tenants whose contracts require it.", AZ_MODELS, ["silo", "hybrid"]),
       note("Thousands of schemas multiply catalog size, pg_dump and migration time on one server; measure them at the target count before committing, or spread the schemas over nodes with Citus schema-based sharding (Citus 12+, also offered by Azure Database for PostgreSQL elastic clusters).", AZ_PG_EC, ["bridge"])]),
  ]})

nodes.append({"id": "q-noisy", "kind": "question",
  "prompt": "How uneven is the load across tenants, and what is promised about it?",
  "help": "Shared tables let one heavy tenant slow everyone; the answer decides whether performance isolation is worth per-tenant capacity or a sharded pool that can move big tenants away.",
  "answers": [
    A("Load is similar across tenants; brief contention is acceptable", "Performance isolation weighs less; per-tenant rate limits in the app suffice.", "q-custom",
      [lower("noisy", 1)]),
    A("A few tenants are far larger than the rest", "Performance isolation and scale headroom weigh more.", "q-custom",
      [raise_("noisy", 2), raise_("headroom", 2),
       note("Track each tenant's share of queries, rows and storage; Azure's noisy-neighbour guidance is to measure per tenant before rebalancing.", AZ_NOISY),
       note("Isolate each large tenant onto its own shard and node (Citus isolate_tenant_to_new_shard, then move the shard).", CITUS, ["pool-sharded"])]),
    A("Contracts promise per-tenant performance (SLAs with latency or throughput)", "Performance isolation and scale headroom weigh most: a per-tenant promise needs capacity one tenant cannot take from the others and room to add more.", "q-custom",
      [set_("noisy", 5), raise_("headroom", 2),
       note("A latency SLA per tenant needs per-tenant metrics (p99 per tenant_id) and capacity that one tenant cannot consume: per-tenant rate limits, statement timeouts and connection caps on every model, and on shared models a rehearsed move of the largest tenants to their own shard or database.", AZ_NOISY)]),
  ]})

nodes.append({"id": "q-custom", "kind": "question",
  "prompt": "Do tenants need different schemas?",
  "help": "Shared tables force one schema version on every tenant; if tenants need their own tables or versions, only per-tenant schemas or databases can hold them.",
  "answers": [
    A("One schema for all tenants", "Schema variation does not matter.", "q-lifecycle", [set_("custom", 0)]),
    A("Tenant-specific fields, same tables (custom fields)", "Extension columns (jsonb) or attribute tables in a shared schema cover it.", "q-lifecycle",
      [set_("custom", 1),
       note("Store tenant-specific fields in a jsonb column with a per-tenant JSON Schema validated in the application, and index only the fields tenants filter on (expression or GIN indexes).", "https://www.postgresql.org/docs/current/datatype-json.html", ["pool", "pool-sharded", "hybrid"])]),
    A("Tenants need their own tables or different schema versions", "Shared tables are out: they carry one schema version.", "q-lifecycle",
      [set_("custom", 4),
       out("pool", "Shared tables have one schema for every tenant; tenants cannot have their own tables or schema versions."),
       out("pool-sharded", "Distributed shared tables have one schema for every tenant; tenants cannot have their own tables or schema versions."),
       note("Every diverging schema is a separate migration path; cap divergence (extension tables only, at most N versions behind) and report each tenant's schema version. At thousands of tenants, challenge the requirement first: custom fields in one shared schema scale, per-tenant schema versions do not.", AZ_DATA)]),
  ]})

nodes.append({"id": "q-lifecycle", "kind": "question", "multi": True, "next": "q-residency",
  "prompt": "Which per-tenant data operations must be routine?",
  "help": "Restoring, exporting or erasing one tenant is one command on a per-tenant database and a project on shared tables; the answer decides how much that difference is worth.",
  "answers": [
    A("Restore one tenant to a point in time without affecting others", "Per-tenant restore weighs more.",
      effects=[raise_("lifecycle"),
       note("Rehearse a single-tenant restore: point-in-time restore to a side instance, replace the tenant's current rows with the restored ones by tenant_id in foreign-key order, in one transaction or as an idempotent job that can be re-run after a failure (never a half-restored tenant), and time it against the promised RTO.", AWS_PG, ["pool", "pool-sharded", "hybrid"])]),
    A("Delete all of one tenant's data on request or at contract end", "Per-tenant erasure weighs more.",
      effects=[raise_("lifecycle"),
       note("Make erasure a tested job: delete by tenant_id in foreign-key order (or ON DELETE CASCADE from the tenants row), then verify zero rows for that tenant in every table; backups age out by retention.", GDPR, ["pool", "pool-sharded", "hybrid"]),
       note("Erasure of a tenant with its own database is dropping that database and its snapshots; keep the deletion record outside it.", GDPR, ["silo", "hybrid"])]),
    A("Export one tenant's complete data (offboarding, portability)", "Per-tenant export weighs a little more.",
      effects=[
       note("Offboarding needs a complete, machine-readable export of one tenant: GDPR Art. 28(3)(g) (return of personal data to the controller) and, for customers in the EU, the Data Act's switching rules for data processing services (Regulation (EU) 2023/2854, Chapter VI, applicable since 12 September 2025). Build it as a tested job, not an ad hoc query.", DATA_ACT)]),
    A("None of these", "Per-tenant data operations weigh less.", exclusive=True, effects=[lower("lifecycle")]),
  ]})

nodes.append({"id": "q-residency", "kind": "question",
  "prompt": "Where must tenants' data be stored?",
  "help": "A shared database sits in one region; tenants bound to a country need another deployment (a stamp) or their own database there.",
  "answers": [
    A("All tenants' data may be stored in one region", "Per-tenant placement weighs less.", "q-tiers", [lower("placement")]),
    A("Some tenants' data must stay in a specific country or region", "Placement weighs more; a regional pool or a silo per pinned tenant.", "q-tiers",
      [raise_("placement"),
       note("Run one pool per required region (deployment stamps) and record each tenant's home stamp in the tenant catalog; never route a pinned tenant's queries through another region's database.", AZ_STAMPS)]),
    A("Each tenant chooses its region at sign-up", "Placement weighs most: every tenant needs a home region.", "q-tiers",
      [raise_("placement"),
       note("Deploy one stamp per offered region and assign every tenant a home stamp; cross-region reporting reads replicas or an analytics copy, never the other stamps' primaries.", AZ_STAMPS)]),
  ]})

nodes.append({"id": "q-tiers", "kind": "question",
  "prompt": "How are tenants priced?",
  "help": "Cost per tenant must fit the revenue per tenant: a free tier cannot carry a database each, while enterprise contracts can pay for dedicated capacity.",
  "answers": [
    A("One plan; tenants pay similar amounts", "No tier-specific weighting.", "q-ops"),
    A("A free or low-price tier with many small tenants", "Cost per tenant weighs most.", "q-ops",
      [raise_("cost", 2), set_("onboarding", 5), note("Track infrastructure cost per tenant (storage, queries) so the free tier's cost stays visible.", AWS_LENS)]),
    A("Tiered plans: enterprise tenants pay much more than the rest", "Isolation and performance isolation weigh more: enterprise revenue can carry dedicated capacity.", "q-ops",
      [raise_("noisy"),
       note("Map each plan to an isolation level in the tenant catalog, and price the silo tier to cover its fixed floor.", AWS_TIER, ["hybrid", "silo"])]),
  ]})

nodes.append({"id": "q-ops", "kind": "question", "fact": "ops-capacity",
  "prompt": "Who runs the databases?",
  "help": "A fleet of tenant databases or a sharded cluster needs automation and on-call skills; with little operations capacity the simpler shared model or a managed service carries more weight.",
  "answers": [
    A("A platform or SRE team runs infrastructure for us", "Fleet and cluster operations are affordable.", "o-multi"),
    A("The product team runs its own infrastructure", "Operations work competes with features; simplicity weighs more.", "o-multi",
      [raise_("simplicity"), raise_("ops")]),
    A("Little operations capacity: we buy managed services", "Only managed services are realistic; operations and simplicity weigh most.", "o-multi",
      [raise_("simplicity", 2), raise_("ops", 2),
       note("Use a managed sharded PostgreSQL rather than self-run Citus: Azure Database for PostgreSQL elastic clusters (Citus) or Aurora PostgreSQL Limitless Database (shard key = tenant id).", LIMITLESS, ["pool-sharded"]),
       note("Use the provider's fleet features (Azure SQL elastic pools and elastic jobs, or infrastructure-as-code per tenant) so a tenant database is created, migrated and backed up without manual steps.", AZ_SQL, ["silo", "hybrid"])]),
  ]})

nodes.append({"id": "o-single", "kind": "outcome", "options": [c("single")],
  "title": "Single-tenant data model",
  "context": "The system holds one organisation's data, so no tenant boundary is modelled; access control is per user and role, and this decision is revisited before a second organisation's data is loaded."})
nodes.append({"id": "o-multi", "kind": "outcome", "options": [c(o) for o in MULTI],
  "title": "Multi-tenant data isolation model",
  "context": "Several tenants' data share this system; the isolation model fixes the trade between isolation strength, cost per tenant and fleet operations, following the silo/bridge/pool spectrum of the AWS SaaS Lens and Azure's tenancy models."})

def chk(name, when, kind, opts, why, source):
    return {"name": name, "when": when, "expect": {kind: [c(o) for o in opts]}, "why": why, "source": source}

checks = [
 chk("no-tenants-single", {"q-tenancy": [L_NONE]}, "winner_in", ["single"], "Without tenants, a tenant model protects nothing.", AZ_MODELS),
 chk("tenants-never-single", {"q-tenancy": [L_SIM, L_DED]}, "never", ["single"], "With several tenants, a model without a tenant boundary leaks across tenants.", AWS_ISO),
 chk("dedicated-silo-or-hybrid", {"q-tenancy": [L_DED]}, "winner_in", ["silo", "hybrid"], "Dedicated isolation needs a per-tenant database for at least those tenants.", AWS_PG),
 chk("dedicated-never-pool", {"q-tenancy": [L_DED]}, "never", ["pool", "pool-sharded"], "Shared tables are not dedicated isolation.", AWS_PG),
 chk("dedicated-never-bridge", {"q-tenancy": [L_DED]}, "never", ["bridge"], "AWS: bridge shares the instance and its noisy-neighbour and availability exposure.", "https://docs.aws.amazon.com/prescriptive-guidance/latest/saas-multitenant-managed-postgresql/bridge.html"),
 chk("schema-versions-not-shared-tables", {"q-custom": ["Tenants need their own tables or different schema versions"]}, "never", ["pool", "pool-sharded"], "Shared tables have one schema version.", AZ_DATA),
 chk("huge-count-never-silo", {"q-count": ["Tens of thousands or more (100k+ is possible)"], "q-custom": ["One schema for all tenants", "Tenant-specific fields, same tables (custom fields)"], "q-noisy": ["Load is similar across tenants; brief contention is acceptable", "A few tenants are far larger than the rest"]}, "never", ["silo"], "A database per tenant at 10k-100k tenants multiplies fixed cost and migrations beyond what the tenants pay for.", AZ_MODELS),
 chk("huge-count-never-bridge", {"q-count": ["Tens of thousands or more (100k+ is possible)"], "q-custom": ["One schema for all tenants", "Tenant-specific fields, same tables (custom fields)"]}, "never", ["bridge"], "Tens of thousands of schemas multiply catalog size and migration time on one server.", "https://docs.aws.amazon.com/prescriptive-guidance/latest/saas-multitenant-managed-postgresql/bridge.html"),
 chk("free-tier-never-silo", {"q-tiers": ["A free or low-price tier with many small tenants"], "q-count": ["Hundreds to a few thousand tenants", "Tens of thousands or more (100k+ is possible)"], "q-custom": ["One schema for all tenants", "Tenant-specific fields, same tables (custom fields)"]}, "never", ["silo"], "A free tier cannot carry a database floor per tenant.", AWS_LENS),
 chk("similar-thousands-pool", {"q-tenancy": [L_SIM], "q-count": ["Hundreds to a few thousand tenants"], "q-custom": ["One schema for all tenants"], "q-noisy": ["Load is similar across tenants; brief contention is acceptable"]}, "winner_in", ["pool", "pool-sharded"], "The canonical SaaS case: many similar tenants, one schema: pool with tenant_id and RLS.", AWS_PG),
 chk("similar-huge-pooled", {"q-tenancy": [L_SIM], "q-count": ["Tens of thousands or more (100k+ is possible)"], "q-custom": ["One schema for all tenants", "Tenant-specific fields, same tables (custom fields)"], "q-noisy": ["Load is similar across tenants; brief contention is acceptable", "A few tenants are far larger than the rest"]}, "winner_in", ["pool", "pool-sharded"], "At 10k+ similar tenants only a shared-table model is affordable.", CITUS),
 chk("skewed-huge-sharded", {"q-tenancy": [L_SIM], "q-count": ["Tens of thousands or more (100k+ is possible)"], "q-noisy": ["A few tenants are far larger than the rest"], "q-custom": ["One schema for all tenants"]}, "winner_in", ["pool-sharded", "pool"], "Citus isolates large tenants on their own shards while the long tail shares.", CITUS),
 chk("dedicated-many-hybrid", {"q-tenancy": [L_DED], "q-count": ["Tens of thousands or more (100k+ is possible)"], "q-noisy": ["Load is similar across tenants; brief contention is acceptable", "A few tenants are far larger than the rest"], "q-custom": ["One schema for all tenants", "Tenant-specific fields, same tables (custom fields)"]}, "winner_in", ["hybrid"], "With many tenants and a few that need dedicated isolation, silo only those.", AWS_LENS),
 chk("similar-never-hybrid-without-tiers", {"q-tenancy": [L_SIM], "q-tiers": ["One plan; tenants pay similar amounts", "A free or low-price tier with many small tenants", "Tiered plans: enterprise tenants pay much more than the rest"]}, "never", ["hybrid"], "Without tenants that need or buy isolation, the silo tier of a hybrid is empty cost.", AWS_ISO),
 chk("few-dedicated-tenants-silo", {"q-tenancy": [L_DED], "q-count": ["Tens of tenants (under about 100)"], "q-tiers": ["One plan; tenants pay similar amounts"]}, "winner_in", ["silo"], "With tens of tenants who all pay similarly and some need dedicated isolation, one model (silo) for all is simpler than two tiers.", AZ_MODELS),
 chk("sla-not-unsharded-pool", {"q-tenancy": [L_SIM], "q-noisy": ["Contracts promise per-tenant performance (SLAs with latency or throughput)"], "q-count": ["Hundreds to a few thousand tenants", "Tens of thousands or more (100k+ is possible)"]}, "never", ["pool"], "Per-tenant performance contracts on one shared primary: AWS notes the noisy-neighbour effect cannot be completely eliminated in a pool, so the contract needs a model that can give a tenant its own capacity (sharded pool with tenant isolation, or silo).", AWS_POOL),
 chk("free-tier-hundreds-pooled", {"q-tenancy": [L_SIM], "q-tiers": ["A free or low-price tier with many small tenants"], "q-count": ["Hundreds to a few thousand tenants", "Tens of thousands or more (100k+ is possible)"], "q-custom": ["One schema for all tenants", "Tenant-specific fields, same tables (custom fields)"], "q-noisy": ["Load is similar across tenants; brief contention is acceptable", "A few tenants are far larger than the rest"]}, "winner_in", ["pool", "pool-sharded"], "Many small tenants on a free tier with one schema: shared tables with tenant_id and RLS (sharded when a few tenants are large) is the only model whose cost per tenant fits.", AWS_POOL),
 chk("dedicated-hundreds-free-hybrid", {"q-tenancy": [L_DED], "q-tiers": ["A free or low-price tier with many small tenants"], "q-count": ["Hundreds to a few thousand tenants", "Tens of thousands or more (100k+ is possible)"]}, "winner_in", ["hybrid"], "A free tier plus some tenants that require dedicated isolation: pool the free tenants and silo only the ones that need it (AWS tier-based isolation).", AWS_TIER),
 chk("free-tier-never-bridge", {"q-tiers": ["A free or low-price tier with many small tenants"], "q-count": ["Tens of thousands or more (100k+ is possible)"], "q-custom": ["One schema for all tenants", "Tenant-specific fields, same tables (custom fields)"]}, "never", ["bridge", "silo"], "A schema or database per free tenant at this scale costs more than the tier earns.", AWS_LENS),
]

tree = {
 "$schema": "./schema.json", "format": 2, "id": "data-tenancy", "namespace": NS,
 "title": "Multi-tenant data isolation",
 "description": "Choose how tenants' data is separated: silo, bridge, pool with RLS, sharded pool, hybrid tiering, or no tenants.",
 "source": "Decision-Making Approaches › Database Design",
 "area": {"id": "database", "title": "Database Design", "position": 3},
 "references": [
   {"title": "AWS SaaS Lens: core isolation concepts (silo, pool, bridge, tier-based)", "url": AWS_ISO},
   {"title": "AWS Well-Architected SaaS Lens", "url": AWS_LENS},
   {"title": "Azure Architecture Center: tenancy models", "url": AZ_MODELS},
   {"title": "Azure Architecture Center: storage and data approaches for multitenant solutions", "url": AZ_DATA},
   {"title": "PostgreSQL: Row security policies", "url": PG_RLS},
   {"title": "Citus: multi-tenant applications", "url": CITUS}],
 "tie_break": {"order": [c(o) for o in TIE], "why": "On a tie, prefer the shared models first (lowest cost per tenant): pool, sharded pool, bridge; then silo before hybrid, because one isolation model is simpler to run than two."},
 "criteria": [{"id": c(i), "name": n, "description": d, "default_weight": w} for i, n, d, w in criteria],
 "options": [], "root": "q-tenancy", "nodes": nodes, "checks": checks}
for oid, (name, summary, imp, refs, conf) in options.items():
    tree["options"].append({"id": c(oid), "name": name, "summary": summary,
      "impacts": {c(k): {"impact": v[0], "rationale": v[1]} for k, v in imp.items()},
      "references": [{"title": t, "url": u} for t, u in refs], "confirmation": conf})
tree["options"][-1]["relations"] = [{"kind": "complements", "target": c("pool"), "rationale": "The pool tier of a hybrid is the pool model with RLS."},
                                    {"kind": "complements", "target": c("silo"), "rationale": "The premium tier of a hybrid is the silo model."}]
json.dump(tree, open(sys.argv[1] if len(sys.argv) > 1 else "decision-trees/data-tenancy.json", "w"), indent=2, ensure_ascii=False)
