#!/usr/bin/env python3
"""Generates decision-trees/data-design.json (tree `data-design`, namespace `ddesign`)."""
import json, sys

NS = "ddesign"
S, M, A, E, C = (f"{NS}.shared-schema", f"{NS}.schema-per-owner", f"{NS}.db-per-service-api",
                 f"{NS}.db-per-service-events", f"{NS}.db-per-service-cdc")
SVC = [A, E, C]
EVT = [E, C]
ONE_DB = [S, M]

# ---------------------------------------------------------------- sources
U = {
    "dbps": "https://microservices.io/patterns/data/database-per-service.html",
    "shared": "https://microservices.io/patterns/data/shared-database.html",
    "saga": "https://microservices.io/patterns/data/saga.html",
    "outbox": "https://microservices.io/patterns/data/transactional-outbox.html",
    "cqrs": "https://microservices.io/patterns/data/cqrs.html",
    "apicomp": "https://microservices.io/patterns/data/api-composition.html",
    "logtail": "https://microservices.io/patterns/data/transaction-log-tailing.html",
    "azure": "https://learn.microsoft.com/en-us/azure/architecture/microservices/design/data-considerations",
    "aws-dbps": "https://docs.aws.amazon.com/prescriptive-guidance/latest/modernization-data-persistence/database-per-service.html",
    "aws-shared": "https://docs.aws.amazon.com/prescriptive-guidance/latest/modernization-data-persistence/shared-database.html",
    "aws-enabling": "https://docs.aws.amazon.com/prescriptive-guidance/latest/modernization-data-persistence/enabling-patterns.html",
    "parallel": "https://martinfowler.com/bliki/ParallelChange.html",
    "ecst": "https://martinfowler.com/articles/201701-event-driven.html",
    "strangler": "https://martinfowler.com/bliki/StranglerFigApplication.html",
    "mesh": "https://martinfowler.com/articles/data-mesh-principles.html",
    "pg-part": "https://www.postgresql.org/docs/current/ddl-partitioning.html",
    "pg-schemas": "https://www.postgresql.org/docs/current/ddl-schemas.html",
    "pg-cic": "https://www.postgresql.org/docs/current/sql-createindex.html",
    "pg-alter": "https://www.postgresql.org/docs/current/sql-altertable.html",
    "pg-lock": "https://www.postgresql.org/docs/current/runtime-config-client.html",
    "pg-repl": "https://www.postgresql.org/docs/current/runtime-config-replication.html",
    "pg-explain": "https://www.postgresql.org/docs/current/using-explain.html",
    "dbz-outbox": "https://debezium.io/documentation/reference/stable/transformations/outbox-event-router.html",
    "dbz-pg": "https://debezium.io/documentation/reference/stable/connectors/postgresql.html",
    "dbz-mysql": "https://debezium.io/documentation/reference/stable/connectors/mysql.html",
    "dbz-mssql": "https://debezium.io/documentation/reference/stable/connectors/sqlserver.html",
    "mysql-onlineddl": "https://dev.mysql.com/doc/refman/8.4/en/innodb-online-ddl-operations.html",
    "mysql-part": "https://dev.mysql.com/doc/refman/8.4/en/partitioning-limitations.html",
    "gh-ost": "https://github.com/github/gh-ost",
    "pt-osc": "https://docs.percona.com/percona-toolkit/pt-online-schema-change.html",
    "mssql-online": "https://learn.microsoft.com/en-us/sql/relational-databases/indexes/perform-index-operations-online",
    "mssql-alter": "https://learn.microsoft.com/en-us/sql/t-sql/statements/alter-table-transact-sql",
    "mssql-part": "https://learn.microsoft.com/en-us/sql/relational-databases/partitions/partitioned-tables-and-indexes",
    "mssql-cdc": "https://learn.microsoft.com/en-us/sql/relational-databases/track-changes/enable-and-disable-change-data-capture-sql-server",
    "mssql-schema": "https://learn.microsoft.com/en-us/sql/relational-databases/security/authentication-access/create-a-database-schema",
    "mysql-grant": "https://dev.mysql.com/doc/refman/8.4/en/grant.html",
    "flyway": "https://documentation.red-gate.com/fd/versioned-migrations-273973333.html",
    "atlas": "https://atlasgo.io/declarative/apply",
    "alembic": "https://alembic.sqlalchemy.org/en/latest/autogenerate.html",
    "efcore": "https://learn.microsoft.com/en-us/ef/core/managing-schemas/migrations/applying",
    "luke": "https://use-the-index-luke.com/sql/where-clause/searching-for-ranges",
    "mysql-explain": "https://dev.mysql.com/doc/refman/8.4/en/explain.html",
    "mssql-plan": "https://learn.microsoft.com/en-us/sql/relational-databases/performance/display-an-actual-execution-plan",
    "ddb-part": "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html",
    "ddb-streams": "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html",
    "mongo-cs": "https://www.mongodb.com/docs/manual/changeStreams/",
    "modulith": "https://docs.spring.io/spring-modulith/reference/verification.html",
    "dbz-connectors": "https://debezium.io/documentation/reference/stable/connectors/index.html",
    "az-partition": "https://learn.microsoft.com/en-us/azure/architecture/best-practices/data-partitioning",
    "rfc9562": "https://www.rfc-editor.org/rfc/rfc9562.html",
    "gdpr": "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
    "ddb-table": "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-table-design.html",
    "mongo-embed": "https://www.mongodb.com/docs/manual/data-modeling/concepts/embedding-vs-references/",
    "gh-ost-limits": "https://github.com/github/gh-ost/blob/master/doc/requirements-and-limitations.md",
}

def note(text, src, if_chosen=None):
    e = {"op": "note", "text": text, "source": U[src]}
    if if_chosen:
        e["if_chosen"] = if_chosen
    return e

def setw(c, w): return {"op": "set", "criterion": f"{NS}.{c}", "weight": w}
def raise_(c, b): return {"op": "raise", "criterion": f"{NS}.{c}", "by": b}
def lower(c, b): return {"op": "lower", "criterion": f"{NS}.{c}", "by": b}
def rule_out(o, r): return {"op": "rule_out", "option": o, "reason": r}

# ---------------------------------------------------------------- criteria
criteria = [
    ("atomicity", "Atomic consistency across owners",
     "Whether one business operation can change data of several modules or services in one ACID transaction, so an invariant that spans them is never visibly broken. Without it, the team writes sagas with compensating actions and accepts intermediate states.", 3),
    ("read-freshness", "Fresh reads of another owner's data",
     "Whether a module reading data it does not own sees the owner's latest committed state, rather than a replicated copy that lags by the propagation delay of an event or change stream.", 2),
    ("cross-queries", "Cross-domain queries and reporting",
     "How cheaply queries and operational reports can join data owned by several modules: a SQL join in one database, a pre-built read model, or an in-memory join over several API calls.", 2),
    ("change-autonomy", "Independent schema change and deployment",
     "Whether a team can change its schema and release its service without coordinating with other teams: no other code reads its tables, and the contract others depend on is an API or event that is versioned on purpose.", 3),
    ("failure-isolation", "Runtime failure and load isolation",
     "Whether one owner's outage, lock contention or slow query stays inside its boundary, instead of blocking other modules that share the database or call it synchronously on their request path.", 3),
    ("operability", "Low operational and cognitive load",
     "How many databases, brokers, relays, connectors and consistency mechanisms (sagas, idempotent consumers, replays) the team must run and understand. Higher impact means less to run.", 3),
    ("independent-scaling", "Independent scaling and store choice",
     "Whether one module can be sized, scaled or moved to a different kind of store (chosen in the data-store decision) without affecting the others.", 2),
    ("incremental-adoption", "Adoptable without changing existing writers",
     "Whether the approach can be introduced while legacy code keeps writing the existing tables unchanged; it matters only while a monolith is being split, and weighs 0 otherwise.", 0),
]

# impacts[option][criterion] = (impact, rationale)
impacts = {
 S: {
  "atomicity": (2, "Every table is in one database, so any operation can change any entities in one local ACID transaction and foreign keys enforce references across modules."),
  "read-freshness": (2, "Other modules' rows are read directly, at the same snapshot, in the same transaction; there is no replica or copy to lag."),
  "cross-queries": (2, "Reports and queries join any tables in plain SQL; no read model or pipeline is needed for cross-domain questions."),
  "change-autonomy": (-2, "Any module may read any table, so renaming or dropping a column needs every reader found and changed first; AWS notes all changes must stay backward-compatible with current and previous versions of every service."),
  "failure-isolation": (-2, "One database is a shared failure and contention domain: AWS's example is a long-running Sales transaction locking the Customer table and blocking Customer transactions."),
  "operability": (2, "One database to provision, back up, patch and monitor, one migration history, and no broker, relay or saga machinery."),
  "independent-scaling": (-2, "All modules share one engine, one instance size and one connection limit; a module with ten times the load forces the whole database to scale."),
  "incremental-adoption": (1, "It is what most monoliths already have; nothing in the writers changes, but nothing about ownership changes either."),
 },
 M: {
  "atomicity": (2, "Still one database: a cross-module operation can run in one local transaction, though it needs a role granted on both schemas, which the ADR should confine to named places."),
  "read-freshness": (2, "A module reads another module's data through that module's interface or a published view in the same database, at commit-time freshness."),
  "cross-queries": (2, "Every schema sits in one database, so a read-only reporting role joins the modules' published views in plain SQL, as cheaply as in a shared schema."),
  "change-autonomy": (0, "Private tables change without coordination, but published views and cross-schema transactions are SQL-level contracts that break on column changes, and engine upgrades and capacity stay shared decisions."),
  "failure-isolation": (0, "Private tables remove cross-module lock contention, and per-role connection limits and statement timeouts contain a runaway module; the server is still one failure domain for all of them."),
  "operability": (1, "One database server to run; adds per-module roles, grants, schema-scoped migrations and a boundary test to keep up."),
  "independent-scaling": (0, "Modules share one server's CPU, memory and connections today, but no module reads another's private tables, so a hot module's schema can move to its own database without changing its readers."),
  "incremental-adoption": (0, "Existing writers keep working, but tables must be assigned to owners and cross-module reads moved behind views or interfaces, which touches legacy code."),
 },
 A: {
  "atomicity": (-2, "Each service commits only to its own database; a multi-service update is a saga of local transactions with compensations and no isolation between them (microservices.io Saga)."),
  "read-freshness": (2, "A synchronous call returns the owner's latest committed state at the moment of the call; nothing is copied, so nothing lags."),
  "cross-queries": (-2, "Cross-service queries become API composition: in-memory joins over several calls, each read at a different moment, and inefficient for large datasets, as microservices.io lists among the pattern's drawbacks."),
  "change-autonomy": (2, "Other services see only the owner's API, so the schema behind it changes freely; the API is versioned on purpose."),
  "failure-isolation": (-1, "Data is separate, but every synchronous read on the request path couples availability: a caller depending on three services at 99.9 % each is at most about 99.7 % available."),
  "operability": (0, "One database per service to run, but no broker, relay or replay tooling; needs timeouts, retries and circuit breakers on every data-fetching call."),
  "independent-scaling": (2, "Each service sizes its own database and may pick a different store type (AWS: Aurora, DynamoDB and RDS for SQL Server side by side)."),
  "incremental-adoption": (0, "Legacy data must first be exposed through an API, which means new code in or around the legacy application."),
 },
 E: {
  "atomicity": (-2, "Cross-service updates are sagas without isolation, exactly as with synchronous calls; the outbox only guarantees that each step's local commit and its event are not lost between database and broker."),
  "read-freshness": (-1, "Consumers read local read models that trail the owner by the outbox relay and broker delay (usually sub-second to seconds, unbounded while a consumer is down)."),
  "cross-queries": (0, "Each query needs a read model built for it (CQRS view); a new cross-domain question means a new projection and a replay of past events."),
  "change-autonomy": (2, "Consumers depend on published event contracts, not on tables; the owner changes its schema freely and versions events deliberately."),
  "failure-isolation": (2, "Reads are served from local copies, so an owner's outage delays updates but does not fail the consumer's requests (event-carried state transfer)."),
  "operability": (-2, "Adds a broker, an outbox table and relay (polling or Debezium), idempotent consumers, dead-letter handling, projection rebuilds and saga monitoring to every service."),
  "independent-scaling": (2, "Each service owns its store and scales it alone; read models can live in a different store shaped for their queries."),
  "incremental-adoption": (-1, "Every writer must insert outbox rows in the same transaction as its state change, so legacy write paths have to change."),
 },
 C: {
  "atomicity": (-1, "The source database keeps its ACID transactions, but consumers apply row changes asynchronously and cross-service updates remain sagas."),
  "read-freshness": (-1, "Consumers see committed changes after the connector reads the transaction log and the consumer applies them; the lag grows while a connector or consumer is down."),
  "cross-queries": (1, "A row-level change stream of every captured table feeds read models and a warehouse without writing per-query events."),
  "change-autonomy": (-1, "Consumers see the source's table layout, so a column rename or split breaks them; Debezium's outbox router exists to publish a contract instead of internal tables."),
  "failure-isolation": (1, "Consumers read local copies, but the source database, its log retention and the connector are shared dependencies of every consumer."),
  "operability": (-2, "Adds Kafka Connect or a managed CDC service, log retention and replication-slot monitoring, snapshots, schema history and consumers that tolerate duplicate events (at-least-once delivery)."),
  "independent-scaling": (1, "New services own their stores and scale alone; the source database still carries the legacy load plus the log reader."),
  "incremental-adoption": (2, "Log-based capture reads the database's transaction log, so legacy writers change nothing (microservices.io Transaction log tailing)."),
 },
}

options_meta = {
 S: dict(name="One shared database and schema",
   summary="All modules or services read and write one database schema directly; consistency comes from local ACID transactions and foreign keys (microservices.io Shared database).",
   refs=[("microservices.io: Pattern: Shared database", "shared"), ("AWS Prescriptive Guidance: Shared-database-per-service pattern", "aws-shared")],
   confirmation="A table-ownership list in the repository names the one module allowed to write each table; a CI query over the database's privileges or the code's SQL fails when a second module writes a table; lock-wait and slow-query metrics are alerted on per module."),
 M: dict(name="Shared database, one schema per module or service",
   summary="One database server; each module or service owns a schema (or a set of private tables) with its own role and migration history, and others read it only through its interface or published views (microservices.io schema-per-service).",
   refs=[("microservices.io: Pattern: Database per service (private-tables-per-service, schema-per-service)", "dbps"), ("PostgreSQL: Schemas", "pg-schemas"), ("Spring Modulith: Verifying application module structure", "modulith")],
   confirmation="A boundary test (Spring Modulith verify(), ArchUnit, Packwerk or a grants check) fails the build when a module touches another module's schema; each module's database role has privileges only on its own schema, checked in CI; per-module connection pools and slow queries are on a dashboard."),
 A: dict(name="Database per service, synchronous API reads",
   summary="Each service owns a private database; other services get its data only by calling its API at request time and compose results (microservices.io Database per service with API composition).",
   refs=[("microservices.io: Pattern: Database per service", "dbps"), ("microservices.io: Pattern: API Composition", "apicomp"), ("AWS Prescriptive Guidance: Database-per-service pattern", "aws-dbps"), ("Azure Architecture Center: Data considerations for microservices", "azure")],
   confirmation="Network policy and database credentials let only the owning service reach its database (tested in CI); every cross-service call has a timeout, retry budget and circuit breaker; per-dependency error rate and p99 latency are alerted on, and a contract test guards each API a consumer uses."),
 E: dict(name="Database per service, events through a transactional outbox and local read models",
   summary="Each service owns its database and publishes domain events through a transactional outbox; consumers keep local read models (event-carried state transfer, CQRS views) and coordinate multi-service updates as sagas.",
   refs=[("microservices.io: Pattern: Transactional outbox", "outbox"), ("microservices.io: Pattern: CQRS", "cqrs"), ("microservices.io: Pattern: Saga", "saga"), ("Martin Fowler: What do you mean by \"Event-Driven\"?", "ecst"), ("Debezium: Outbox Event Router", "dbz-outbox")],
   confirmation="Outbox age (oldest unpublished row) and consumer lag are alerted on; a replay test rebuilds each read model from events and compares it with the owner's data; consumers are tested for duplicate delivery; event schemas are checked for backward compatibility in CI (schema registry or contract tests)."),
 C: dict(name="Database per service, change data capture into consumers' read models",
   summary="Consumers build read models from a log-based change stream of the owner's tables (Debezium or a managed CDC service), so writers need no changes; typical while strangling a monolith whose code cannot emit events.",
   refs=[("microservices.io: Pattern: Transaction log tailing", "logtail"), ("Debezium: PostgreSQL connector", "dbz-pg"), ("Martin Fowler: Strangler Fig Application", "strangler"), ("AWS Prescriptive Guidance: Enabling data persistence patterns", "aws-enabling")],
   confirmation="Connector lag and source log retention (replication-slot WAL or binlog age) are alerted on; a nightly reconciliation compares row counts and checksums between source and read models; a CI check fails when a migration changes a captured table without a consumer-compatibility review."),
}

options = []
for oid in [S, M, A, E, C]:
    m = options_meta[oid]
    o = {"id": oid, "name": m["name"], "summary": m["summary"],
         "impacts": {f"{NS}.{c}": {"impact": v[0], "rationale": v[1]} for c, v in impacts[oid].items()},
         "references": [{"title": t, "url": U[k]} for t, k in m["refs"]],
         "confirmation": m["confirmation"]}
    options.append(o)

options[1]["relations"] = [{"kind": "complements", "target": S,
    "rationale": "A shared schema can become schema-per-module one table group at a time: assign owners, then move each group into its module's schema behind views."}]
options[3]["relations"] = [{"kind": "complements", "target": C,
    "rationale": "Debezium can be the outbox relay: it captures only the outbox table and routes rows as events, which keeps CDC's no-polling delivery without exposing internal tables."}]
options[4]["relations"] = [{"kind": "complements", "target": E,
    "rationale": "CDC of legacy tables is a migration step: once the legacy writer can change, publish events through an outbox and retire raw-table capture."}]

# ---------------------------------------------------------------- nodes
nodes = []
def q(id, prompt, help, answers, **kw):
    n = {"id": id, "kind": "question", "prompt": prompt, "help": help, "answers": answers}
    n.update(kw)
    nodes.append(n)

def a(label, consequence, nxt=None, effects=None, **kw):
    r = {"label": label, "consequence": consequence}
    if nxt: r["next"] = nxt
    if effects: r["effects"] = effects
    r.update(kw)
    return r

q("q-team", "How many teams build and change this system?",
  "Schema ownership exists to let teams change their data without coordinating; with one team the coordination cost it removes is small and the machinery it adds is not.",
  [a("One team (up to about 10 engineers)", "Independent schema change weighs little; operational load weighs more.", "q-ops",
     [setw("change-autonomy", 1), raise_("operability", 1),
      note("One team gains little from separate databases per service: keep the module boundaries in code and schemas, and split a database out only when a second team or a different store need appears.", "aws-shared", SVC)]),
   a("Two to five teams", "Independent schema change keeps its default weight.", "q-ops"),
   a("More than five teams", "Independent schema change weighs most.", "q-ops",
     [setw("change-autonomy", 5),
      note("With more than five teams, no team may read or write another team's tables directly: publish an API, event or read-only view as the contract, and record each table's owner.", "dbps", ONE_DB)])],
  fact="team-size")

q("q-ops", "Who runs the databases, broker and connectors?",
  "Each option below a shared database adds things to run: more databases, and for events or CDC a broker, relays or connectors, log retention and replays. Who carries that load decides how much it costs.",
  [a("A platform or SRE team runs infrastructure for us", "Operational load weighs less.", "q-style", [setw("operability", 1)]),
   a("The product team runs its own infrastructure", "Operational load weighs most: the team carries it itself.", "q-style", [raise_("operability", 2)]),
   a("Little operations capacity: we buy managed services", "Operational load weighs most.", "q-style",
     [setw("operability", 5),
      {"op": "note", "text": "Buy the moving parts as managed services (a managed broker and managed CDC connectors rather than a self-run Kafka Connect cluster), and budget for their hourly and per-partition charges.", "if_chosen": EVT}])],
  fact="ops-capacity")

q("q-style", "How is the system deployed (as decided in the architecture decision)?",
  "Data ownership follows the deployment units: one deployable can only share its database between modules, while separately deployed services can own separate databases; a migration under way needs approaches that do not require rewriting legacy writers.",
  [a("One deployable application (monolith or modular monolith)", "Database-per-service options do not apply; the choice is between one shared schema and schema-per-module.", "q-consistency",
     [rule_out(A, "There is one deployable: modules call each other in-process, so there are no services to own separate databases or to call over an API; splitting into services is the architecture decision."),
      rule_out(E, "There is one deployable: there are no separately deployed services to own databases and exchange events; in-process domain events with a schema per module give the same boundaries."),
      rule_out(C, "There is one deployable: there are no separate service databases to feed with change data capture."),
      note("Keep each module's tables in its own schema with its own role, and publish in-process domain events through an outbox table when another module or a later extracted service must react; that keeps extraction cheap.", "outbox", [M])]),
   a("Several separately deployed services", "All five approaches are open; cross-service read patterns come next.", "q-cross-reads",
     [note("Insert each event into an outbox table in the same local transaction as the state change, relay it with a polling publisher or log tailing (Debezium's outbox event router), and make consumers idempotent by event id, because delivery is at least once.", "outbox", [E]),
      note("Give every cross-service call a timeout, a retry budget and a circuit breaker, and compose multi-service reads in one API composer rather than in every client.", "apicomp", [A]),
      note("Separately deployed services may share a database server, not tables: each service connects with its own role that reaches only its own schema, other services get its data through its API or events (read-only published views only for reporting), and no service's transaction writes another service's schema unless the ADR names that table as a shared exception.", "azure", ONE_DB)]),
   a("A monolith being split into services (migration under way)", "Approaches that leave legacy writers untouched gain weight.", "q-legacy",
     [setw("incremental-adoption", 3),
      note("Extract one capability at a time behind a facade (strangler fig): give the new service its own data, keep the legacy tables as the source until the cut-over, and delete the legacy copy after it.", "strangler"),
      note("Assign every legacy table to exactly one owning module before extracting anything; an extracted service takes its tables with it, and from then on no other code writes them.", "aws-shared", ONE_DB)])])

q("q-legacy", "Can the legacy application's code that writes its tables be changed?",
  "An outbox has to be written by the code that commits the change, in the same transaction; if the legacy writers cannot change, only log-based change capture can publish their changes reliably.",
  [a("Yes: we can change the code that writes the legacy tables", "Events through an outbox stay possible; adopting without touching writers weighs a little less.", "q-cross-reads",
     [lower("incremental-adoption", 1),
      note("Insert the outbox row in the same transaction as the legacy write, then relay it (polling publisher or Debezium's outbox event router); never publish to the broker directly from the transaction (dual write).", "outbox", [E])]),
   a("No: the legacy writers cannot change (vendor or frozen code)", "The outbox is ruled out; log-based change capture weighs most.", "q-cross-reads",
     [rule_out(E, "The transactional outbox must be inserted by the code that commits the change, in the same transaction; frozen or vendor legacy writers cannot do that, so their changes can only be published by reading the database log."),
      setw("incremental-adoption", 5),
      note("Capture only the tables consumers need, map them to a stable event shape in one place (an anti-corruption layer) before other services consume them, and treat every legacy schema change as a consumer-facing change.", "logtail", [C]),
      note("An API over frozen legacy tables is a read-only facade in front of the legacy database: every call puts its read load and its availability on that database, so keep such calls off hot request paths and use a change-capture-fed copy where seconds of lag are acceptable.", "logtail", [A])])])

q("q-cross-reads", "How often does a request to one service need data another service owns?",
  "Reading another owner's data on the request path is where the approaches differ most at run time: a synchronous call couples availability and latency, a local read model does not but lags.",
  [a("On most requests: the data sits on hot paths", "Runtime isolation weighs more.", "q-staleness",
     [raise_("failure-isolation", 2),
      note("Each synchronous dependency on the request path multiplies availability (three at 99.9 % give at most about 99.7 %) and adds its latency: replicate or cache the data that tolerates lag, and call the owner on the request path only for what must be current.", "apicomp", [A]),
      note("If two services call each other on most requests (chatty APIs), the boundary is probably wrong: merge the two services or move the data to the service that reads it, as Azure's microservices data guidance advises, rather than adding more synchronous calls.", "azure", [A])]),
   a("Occasionally: a few workflows, off the hot path", "Runtime isolation weighs less.", "q-staleness", [lower("failure-isolation", 1)])])

q("q-staleness", "Can a service act on another service's data that is a few seconds old?",
  "Event- and CDC-fed read models trail the owner; if a decision must see the owner's latest committed state, it has to ask the owner or live in the same database.",
  [a("Yes: seconds of lag are acceptable", "Fresh reads do not count.", "q-consistency-svc", [setw("read-freshness", 0)]),
   a("No: it must see the owner's latest committed state", "Fresh reads weigh most.", "q-consistency-svc",
     [setw("read-freshness", 5),
      note("For the reads that must be current, call the owner (or move the decision into the owning service); use read models only for displays and queries that tolerate lag, and show the data's as-of time to users.", "cqrs", EVT)])])

q("q-consistency", "Do business operations have to change several modules' data together?",
  "Inside one deployable a cross-module operation can run in one local transaction; the question is how much the modules' data must change together, which decides whether one shared schema or schema-per-module fits.",
  [a("Yes: some invariants span modules and must never be violated, even briefly", "Atomic consistency across owners weighs most.", "q-reporting",
     [setw("atomicity", 5),
      {"op": "note", "text": "Keep each cross-module transaction in one named application service that calls the owning modules' code inside one local transaction (in-process, one connection), never by writing another module's tables directly; keep it short, lock rows in a fixed order, and record which modules it touches.", "if_chosen": ONE_DB}]),
   a("Some workflows span modules but may finish eventually, with compensation on failure", "Atomic consistency across owners weighs less; sagas become acceptable.", "q-reporting",
     [setw("atomicity", 1)]),
   a("No: each operation changes one module's data", "Atomic consistency across owners does not count.", "q-reporting", [setw("atomicity", 0)])])

q("q-consistency-svc", "Do business operations have to change several services' data together?",
  "Only one database gives an ACID transaction across owners; across service databases the options are sagas with compensations, which leave intermediate states visible, or redrawing the boundary so each invariant lives inside one service. Whether the invariant's data can move into one service decides which of the two applies.",
  [a("Yes: some invariants span services, and their data can move into one service", "The invariant becomes local to one service; atomic consistency across owners weighs little.", "q-reporting",
     [setw("atomicity", 1),
      note("Move the entities of each invariant that spans services (for example a ledger's balance and its postings) into the one service that enforces it and update them in one local transaction; other services hold read-only copies or call that service (Azure: one service is the source of truth where strong consistency is needed).", "azure")]),
   a("Yes: some invariants span services, and their data cannot move into one service", "Atomic consistency across owners weighs most.", "q-reporting",
     [setw("atomicity", 5),
      note("An invariant that must hold across two services' data means the boundary is in the wrong place: plan to merge those services or move the data; until then a saga leaves the invariant visibly broken between steps.", "azure", SVC),
      {"op": "note", "text": "Services that share an invariant whose data cannot move into one service share one transactional boundary: keep the invariant's tables in one schema, list in the ADR every service allowed to write them, and change that schema only in coordinated releases, because for those tables this is a shared database; plan to merge the services or redraw the boundary.", "if_chosen": ONE_DB}]),
   a("Some workflows span services but may finish eventually, with compensation on failure", "Atomic consistency across owners weighs less; sagas become acceptable.", "q-reporting",
     [setw("atomicity", 1),
      note("Implement each multi-service workflow as a saga: an orchestrator (or choreographed events) drives local transactions, each step is idempotent, each has a compensating action, and countermeasures (semantic locks, commutative updates) cover the missing isolation.", "saga", SVC)]),
   a("No: each operation changes one service's data", "Atomic consistency across owners does not count.", "q-reporting", [setw("atomicity", 0)])])

q("q-reporting", "What cross-module reporting or analytics is needed?",
  "Joins across owners are free in one database and expensive across services; where reports can lag, a warehouse fed by change capture removes that cost from the operational design.",
  [a("Operational reports must join several modules' current data", "Cross-domain queries weigh most.", "q-autonomy",
     [setw("cross-queries", 4),
      note("Serve cross-service reports from a dedicated reporting read model fed by events or CDC, not from API calls per row; document its lag on the report.", "cqrs", SVC),
      {"op": "note", "text": "Run reports through read-only views per module and a reporting role, ideally against a replica, so report queries neither bypass ownership nor load the primary.", "if_chosen": ONE_DB}]),
   a("Analytics run in a separate warehouse or lakehouse; hours of lag are fine", "Cross-domain queries in the operational stores do not count.", "q-autonomy",
     [setw("cross-queries", 0),
      note("Feed the warehouse from each owner's change stream (log-based CDC or a managed replication feed) rather than from queries against production tables, and treat the warehouse copy as derived data, not a second system of record.", "logtail"),
      note("A data-mesh split (each domain team publishes its analytical data as an owned data product) pays off only when many domain teams exist and a central data team has become the bottleneck; otherwise keep one warehouse.", "mesh", SVC)]),
   a("Little cross-module reporting", "Cross-domain queries do not count.", "q-autonomy", [setw("cross-queries", 0)])])

q("q-autonomy", "Must each module or service release its schema changes on its own schedule?",
  "Shared tables force coordinated releases: every reader must accept a change before it ships. If releases are coordinated anyway, that cost largely disappears.",
  [a("Yes: each team ships its schema changes independently", "Independent schema change weighs more.", "q-scale", [raise_("change-autonomy", 2)]),
   a("No: releases are coordinated on one release train", "Independent schema change weighs less.", "q-scale", [lower("change-autonomy", 2)])])

q("q-scale", "Do some modules have very different load, size or data-model needs from the rest?",
  "A module with ten times the write rate, or data better served by another kind of store, is the strongest technical reason to give it its own database.",
  [a("Yes: some modules need their own scaling or another kind of store", "Independent scaling and store choice weigh most.", "q-engine",
     [setw("independent-scaling", 5),
      note("Run the data-store decision per outlier module: its database can differ in engine and size from the rest.", "aws-dbps", SVC)]),
   a("No: load and data shape are similar across modules", "Independent scaling weighs little.", "q-engine", [setw("independent-scaling", 1)])])

# ---- engine branch: large-table change and partitioning notes per engine
ENG = [("pg", "PostgreSQL"), ("mysql", "MySQL"), ("mssql", "SQL Server"), ("rel", "Another relational engine (for example Oracle Database, Db2 or MariaDB)"), ("other", "A non-relational store (for example DynamoDB, MongoDB or Cassandra)")]
eng_notes = {
 "pg": [note("Give each module a schema and a role that owns it; grant other modules USAGE and SELECT only on published views. A connection runs as one role, so a cross-module transaction needs a role granted on both schemas (or SET ROLE switching): keep such roles few and named.", "pg-schemas", [M]),
        note("If Debezium captures tables or relays the outbox, it reads a logical replication slot; a stopped connector makes the slot retain WAL until the disk fills, so set max_slot_wal_keep_size and alert on slot lag.", "pg-repl", EVT)],
 "mysql": [note("In MySQL a schema is a database: give each module its own database and a user with privileges only on it (GRANT ... ON module_db.*), and expose cross-module reads as views.", "mysql-grant", [M]),
           note("Debezium's MySQL connector reads the binlog: it needs row-based binlog with full row images, and binlog retention longer than the longest connector outage, or the connector must re-snapshot.", "dbz-mysql", EVT)],
 "mssql": [note("Give each module a schema owned by its own database principal and grant other modules SELECT only on published views owned by the same principal as the tables they read, so the grant on the view suffices (ownership chaining) and the tables stay private.", "mssql-schema", [M]),
           note("Debezium's SQL Server connector reads SQL Server's change tables, so change data capture must be enabled on the database and on every captured table (sys.sp_cdc_enable_db, sys.sp_cdc_enable_table), and the capture job must run.", "mssql-cdc", EVT)],
 "rel": [note("Give each module its own schema (or database, where the engine treats them as one) owned by its own database user or role, and grant other modules SELECT only on published views.", "dbps", [M]),
         note("Log-based capture needs a connector for this engine with its own prerequisites (Debezium has connectors for Oracle, Db2 and Informix, among others); check them, and the log retention they need, before committing to change capture.", "dbz-connectors", EVT)],
 "other": [note("Give each module its own tables or collections and credentials (IAM policy or database user) that reach only them; other modules read through the owner's interface.", "dbps", [M]),
           note("In DynamoDB, model items for the listed access patterns; AWS recommends keeping the number of tables to a minimum and, in most cases, one table whose items for an entity and its related data share a partition key (single-table design), because DynamoDB has no joins.", "ddb-table"),
           note("In a document store, embed data that is read and updated together in one document (one aggregate, updated atomically), and reference data that is shared or grows without bound, which MongoDB's embedding-versus-references guidance recommends.", "mongo-embed"),
           note("Change capture depends on the store's change feed: DynamoDB Streams keeps stream records for 24 hours, so a consumer that falls further behind loses changes and must re-snapshot.", "ddb-streams", EVT),
           note("MongoDB change streams need a replica set or sharded cluster and resume from the oplog, so the oplog window must exceed the longest consumer outage.", "mongo-cs", EVT)],
}
large_yes = {
 "pg": [note("Set lock_timeout (a few seconds) before every DDL and retry on timeout, so an ALTER waiting for its ACCESS EXCLUSIVE lock does not queue all traffic behind it.", "pg-lock"),
        note("Build indexes with CREATE INDEX CONCURRENTLY (not inside a transaction block; a failed build leaves an INVALID index to drop), and add constraints as NOT VALID followed by VALIDATE CONSTRAINT.", "pg-cic"),
        note("Adding a column with a non-volatile default needs no table rewrite; changing a column's type usually rewrites the table, so do it expand–contract with a new column and a batched backfill.", "pg-alter")],
 "mysql": [note("Prefer ALGORITHM=INSTANT (ADD COLUMN in any position since 8.0.29; at most 64 instant row versions per table in 8.4, after which the table must be rebuilt) or ALGORITHM=INPLACE, LOCK=NONE, and state the algorithm explicitly so MySQL fails instead of silently copying the table.", "mysql-onlineddl"),
           note("For changes that would copy a large table, use gh-ost (triggerless, reads the row-based binlog, throttles on replica lag) or pt-online-schema-change (trigger-based), and rehearse the cut-over.", "gh-ost"),
           note("gh-ost refuses tables that have foreign keys or triggers; for those, use pt-online-schema-change with an explicit --alter-foreign-keys-method, or drop the foreign keys first.", "gh-ost-limits")],
 "mssql": [note("Build and rebuild indexes with ONLINE = ON (and RESUMABLE = ON where supported); online index operations are an Enterprise-edition feature (also in Azure SQL), so check your edition and plan windows where they are missing.", "mssql-online"),
           note("Adding a NOT NULL column with a runtime-constant default is a metadata-only change in Enterprise edition; other column changes rewrite data, so use expand–contract with a batched backfill.", "mssql-alter")],
 "rel": [note("Check in this engine's documentation which DDL runs online (no table rewrite, no long exclusive lock) and in which edition; ship everything else expand–contract with batched backfills, and rehearse each migration on a production-sized copy.", "parallel")],
 "other": [note("Schemaless stores move the migration into code: store a schema version on each item or document, read both versions, and backfill in throttled batches before removing the old read path.", "parallel")],
}
part_answers = {
 "pg": [
  ("Rows are time-ordered, queried by recent time range and deleted after a retention period",
   [note("Use declarative RANGE partitioning on the time column: drop or DETACH PARTITION CONCURRENTLY expired partitions instead of DELETE, and include the partition key in every primary key and unique constraint, as PostgreSQL requires.", "pg-part"),
    note("Where expired rows must be archived (audit or tax retention) rather than destroyed, DETACH the partition first: it stays an ordinary table that can be copied out with COPY or pg_dump to cheaper storage before it is dropped.", "pg-part"),
    note("CREATE INDEX CONCURRENTLY is not supported on a partitioned table: create the index ON ONLY the parent (it stays invalid), build each partition's index CONCURRENTLY, then ALTER INDEX ... ATTACH PARTITION each one; the parent index becomes valid when all are attached.", "pg-cic"),
    note("Keep the partition count moderate: PostgreSQL's partitioning best practices warn that planning time and memory grow as partitions are added, and that the planner copes well only when typical queries prune all but a few, so every hot query must filter on the partition key.", "pg-part")]),
  ("Rows are looked up by key across many entities (customers, accounts, devices)",
   [note("A B-tree index on the key serves this on one table; add HASH partitioning only when one table's vacuum, index builds or size become a problem, and remember that hash partitioning spreads keys, not one hot key's rows.", "pg-part"),
    note("Order composite indexes for the query: equality columns first, then the range or sort column.", "luke")]),
  ("The busy tables stay small enough for ordinary indexes on one node",
   [note("Do not partition; index for the measured access patterns and verify plans with EXPLAIN (ANALYZE, BUFFERS) on production-sized data.", "pg-explain")])],
 "mysql": [
  ("Rows are time-ordered, queried by recent time range and deleted after a retention period",
   [note("Use RANGE (or RANGE COLUMNS) partitioning on the time column and drop expired partitions; InnoDB partitioned tables support no foreign keys, and every unique key must include the partitioning columns.", "mysql-part")]),
  ("Rows are looked up by key across many entities (customers, accounts, devices)",
   [note("A primary-key or secondary B-tree index serves key lookups; partitioning does not make point lookups faster and forbids foreign keys, so shard (Vitess) only when one server runs out.", "mysql-part"),
    note("Order composite indexes for the query: equality columns first, then the range or sort column.", "luke")]),
  ("The busy tables stay small enough for ordinary indexes on one node",
   [note("Do not partition; index for the measured access patterns and check plans with EXPLAIN ANALYZE on production-sized data.", "mysql-explain")])],
 "mssql": [
  ("Rows are time-ordered, queried by recent time range and deleted after a retention period",
   [note("Partition by a RANGE RIGHT function on the time column and remove old data with partition switching or TRUNCATE TABLE ... WITH (PARTITIONS ...), keeping indexes aligned with the partition scheme.", "mssql-part")]),
  ("Rows are looked up by key across many entities (customers, accounts, devices)",
   [note("A clustered or covering index serves key lookups; partitioning is a manageability feature, not a lookup speed-up, so use it only when maintenance on one table becomes the problem.", "mssql-part"),
    note("Order composite indexes for the query: equality columns first, then the range or sort column.", "luke")]),
  ("The busy tables stay small enough for ordinary indexes on one node",
   [note("Do not partition; index for the measured access patterns and check actual execution plans on production-sized data.", "mssql-plan")])],
 "rel": [
  ("Rows are time-ordered, queried by recent time range and deleted after a retention period",
   [note("Partition by time range where the engine and edition support it, expire data by dropping or truncating whole partitions rather than DELETE, and make every hot query filter on the partition key.", "az-partition")]),
  ("Rows are looked up by key across many entities (customers, accounts, devices)",
   [note("An index on the key serves key lookups; partition only when maintenance of one table becomes the problem.", "az-partition"),
    note("Order composite indexes for the query: equality columns first, then the range or sort column.", "luke")]),
  ("The busy tables stay small enough for ordinary indexes on one node",
   [note("Do not partition; index for the measured access patterns and check execution plans on production-sized data.", "luke")])],
 "other": [
  ("Rows are time-ordered, queried by recent time range and deleted after a retention period",
   [note("Bucket time-ordered keys (entity plus time bucket) so one partition does not take all current writes, and expire data with the store's TTL rather than deletes.", "ddb-part")]),
  ("Rows are looked up by key across many entities (customers, accounts, devices)",
   [note("Choose a high-cardinality partition key; one DynamoDB partition serves at most 3,000 read units and 1,000 write units per second, so spread hot keys with write sharding.", "ddb-part")]),
  ("The busy tables stay small enough for ordinary indexes on one node",
   [note("Model items for the known queries and add secondary indexes only for access patterns you have measured.", "ddb-part")])],
}

q("q-engine", "Which database engine holds this data (from the data-store decision)?",
  "Ownership is enforced with the engine's own schemas, roles and change-capture mechanism, and online schema change and partitioning work differently per engine; the answer selects the notes that apply.",
  [a(lbl, (f"The ADR gets {lbl}-specific ownership, change-capture and schema-change notes." if k not in ("other", "rel") else ("The ADR gets generic relational ownership, change-capture and schema-change notes." if k == "rel" else "The ADR gets change-feed and schema-evolution notes for non-relational stores.")), f"q-large-{k}", eng_notes[k]) for k, lbl in ENG])

for k, lbl in ENG:
    q(f"q-large-{k}", "Do any tables hold enough rows, or take enough writes, that a table rewrite or a long lock would be an outage?",
      "Expand–contract works on any table, but on large or busy tables the DDL itself must not lock or rewrite: the engine's online schema-change features decide how each step is done.",
      [a("Yes: some tables are large or busy", "The ADR records online schema-change rules for this engine.", f"q-part-{k}", large_yes[k]),
       a("No: tables are small enough that DDL finishes in seconds", "Standard migrations suffice; partitioning is not worth its constraints at this size.", "q-downtime", part_answers[k][2][1])])
    q(f"q-part-{k}", "Which access pattern dominates the largest tables?",
      "Partitioning pays off for time-windowed data with retention and for manageability of very large tables (PostgreSQL's rule of thumb: a table larger than the server's memory); for key lookups an index usually suffices, and partitioning adds constraints.",
      [a(lbl2, "The ADR records the partitioning and indexing approach for this pattern.", "q-downtime", effs) for lbl2, effs in part_answers[k]])

KEY_RETENTION = [
 note("Record one identifier scheme per table or collection: a database-generated integer (an identity column) when one database assigns keys; UUIDv7 when keys are generated by clients, by several services or on several shards, because RFC 9562 notes that random UUIDv4 values have poor database-index locality and UUIDv7 is time-ordered. Do not treat any UUID as a secret or access token (RFC 9562 security considerations); authorise every lookup.", "rfc9562"),
 note("Record a retention period for each table or collection that holds personal data, and how expired rows go (drop partitions, TTL or batched deletes): GDPR Article 5(1)(e) requires personal data to be kept no longer than necessary for its purpose, and Article 17 can require erasure on request.", "gdpr")]

q("q-downtime", "Must schema changes ship while the application keeps serving traffic?",
  "During a rolling deploy old and new code run against one schema, so every change must be backward-compatible in steps; the more code reads a table, the more expensive each step is.",
  [a("Yes: old and new code run against the same schema during a rollout", "The ADR records expand–contract rules for every schema change.", "q-tooling",
     [*KEY_RETENTION, note("Ship breaking changes as expand–contract: add the new column or table, deploy code that writes both shapes and reads the new one, backfill in batches, then drop the old shape in a later release.", "parallel"),
      note("In a shared database, a contract step may drop a column or view only when no current or previous version of any module reads it; keep a reader list per table and published view.", "aws-shared", ONE_DB),
      note("Version event and change-stream payloads like APIs: add optional fields only, make consumers ignore unknown fields, and publish a breaking change as a new event version during an overlap period.", "ecst", EVT)]),
   a("No: a maintenance window for schema changes is acceptable", "Schema changes may lock briefly; the ADR records how they are rehearsed.", "q-tooling",
     [note("Still version every change and rehearse each migration on a production-sized copy to know how long locks are held and whether it fits the window.", "flyway"), *KEY_RETENTION])])

q("q-tooling", "How are schema migrations written?",
  "The migration tool decides where ownership is enforced: one migration history per owner keeps a module's change from touching another's tables, and generated migrations need a review gate.",
  [a("Versioned SQL scripts (Flyway, Liquibase or Sqitch)", "The ADR records the versioned-migration rules.", "o-ownership",
     [note("Version every change as a migration in the owner's repository, apply it from the pipeline before the new code rolls out, and never edit a migration that has already been applied.", "flyway"),
      note("Keep one migration directory and history per module schema, applied with that module's role, so a module's migration cannot alter another module's tables.", "flyway", [M])]),
   a("Declarative schema as code (Atlas)", "The ADR records a plan-review gate.", "o-ownership",
     [note("Let Atlas plan the change from the desired schema against a dev database, review the planned SQL in the pull request, and apply only the reviewed plan from the pipeline.", "atlas")]),
   a("ORM-generated migrations (EF Core, Alembic, Django or Rails)", "The ADR records a review gate for generated migrations.", "o-ownership",
     [note("Treat generated migrations as drafts: Alembic autogenerate does not detect every change (for example renames), so review each revision before merging.", "alembic"),
      note("Apply migrations from the pipeline (EF Core: idempotent SQL scripts or migration bundles), not by calling Migrate() at application start-up, which the EF Core documentation advises against for production.", "efcore")])])

nodes.append({"id": "o-ownership", "kind": "outcome", "options": [S, M, A, E, C],
  "title": "Decide how data is owned and shared between modules or services",
  "context": "The system's modules or services need one rule for who owns which data, how others read it and how changes across owners stay consistent; this records that rule with its schema-evolution and partitioning approach."})

# ---------------------------------------------------------------- checks
checks = json.load(open(sys.argv[1])) if len(sys.argv) > 1 else []

tree = {
 "$schema": "./schema.json",
 "format": 2, "id": "data-design", "namespace": NS,
 "title": "Data ownership and sharing",
 "description": "Decide how modules or services own and share data: shared schema, schema per module, database per service with APIs, events or change capture; with schema-evolution and partitioning notes.",
 "source": "Backend Developer Persona › Decision-Making Approaches › Database Design",
 "references": [{"title": t, "url": U[k]} for t, k in [
   ("microservices.io: Pattern: Database per service", "dbps"),
   ("Azure Architecture Center: Data considerations for microservices", "azure"),
   ("AWS Prescriptive Guidance: Enabling data persistence in microservices", "aws-enabling"),
   ("Martin Fowler: ParallelChange", "parallel")]],
 "area": {"id": "database", "title": "Database Design", "position": 2},
 "tie_break": {"order": [M, S, A, E, C], "why": "Fewest moving parts that still keep one owner per table win a tie: schema-per-owner, then a shared schema, then separate databases, with events and change capture last."},
 "criteria": [{"id": f"{NS}.{c}", "name": n, "description": d, "default_weight": w} for c, n, d, w in criteria],
 "options": options,
 "root": "q-team",
 "nodes": nodes,
 "checks": checks,
}
print(json.dumps(tree, indent=2, ensure_ascii=False))
