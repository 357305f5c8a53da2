#!/usr/bin/env python3
"""Generates decision-trees/architecture.json (tree id `architecture`, namespace `arch`)."""
import json
import sys


OUT = sys.argv[1] if len(sys.argv) > 1 else __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "..", "decision-trees", "architecture.json")

# ---------------------------------------------------------------- references
FOWLER_PREMIUM = "https://martinfowler.com/bliki/MicroservicePremium.html"
FOWLER_FIRST = "https://martinfowler.com/bliki/MonolithFirst.html"
FOWLER_PREREQ = "https://martinfowler.com/bliki/MicroservicePrerequisites.html"
FOWLER_STRANGLER = "https://martinfowler.com/bliki/StranglerFigApplication.html"
FOWLER_CONWAY = "https://martinfowler.com/bliki/ConwaysLaw.html"
TILKOV = "https://martinfowler.com/articles/dont-start-monolith.html"
RF2 = "https://www.oreilly.com/library/view/fundamentals-of-software/9781098175504/"
NEWMAN = "https://samnewman.io/books/building_microservices_2nd_edition/"
AZ_STYLES = "https://learn.microsoft.com/en-us/azure/architecture/guide/architecture-styles/"
AZ_MS = "https://learn.microsoft.com/en-us/azure/architecture/guide/architecture-styles/microservices"
AZ_ED = "https://learn.microsoft.com/en-us/azure/architecture/guide/architecture-styles/event-driven"
AZ_WQW = "https://learn.microsoft.com/en-us/azure/architecture/guide/architecture-styles/web-queue-worker"
AZ_NTIER = "https://learn.microsoft.com/en-us/azure/architecture/guide/architecture-styles/n-tier"
AZ_ASSESS = "https://learn.microsoft.com/en-us/azure/architecture/guide/technology-choices/microservices-assessment"
AZ_BOUND = "https://learn.microsoft.com/en-us/azure/architecture/microservices/model/microservice-boundaries"
AZ_STAMP = "https://learn.microsoft.com/en-us/azure/architecture/patterns/deployment-stamp"
AZ_BULKHEAD = "https://learn.microsoft.com/en-us/azure/architecture/patterns/bulkhead"
AWS_DECOMP = "https://docs.aws.amazon.com/prescriptive-guidance/latest/modernization-decomposing-monoliths/welcome.html"
AWS_CELL = "https://docs.aws.amazon.com/wellarchitected/latest/reducing-scope-of-impact-with-cell-based-architecture/reducing-scope-of-impact-with-cell-based-architecture.html"
AWS_BULKHEAD = "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel10-bp03.html"
AWS_SL_LENS = "https://docs.aws.amazon.com/wellarchitected/latest/serverless-applications-lens/welcome.html"
AWS_LAMBDA_LIMITS = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"
AWS_LMI = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances.html"
AWS_DURABLE = "https://docs.aws.amazon.com/lambda/latest/dg/durable-basic-concepts.html"
AWS_SAAS_ISO = "https://docs.aws.amazon.com/wellarchitected/latest/saas-lens/pool-isolation.html"
SRE_RISK = "https://sre.google/sre-book/embracing-risk/"
SRE_SLO = "https://sre.google/sre-book/service-level-objectives/"
DORA_LC = "https://dora.dev/capabilities/loosely-coupled-teams/"
MSIO_OUTBOX = "https://microservices.io/patterns/data/transactional-outbox.html"
MSIO_DBPS = "https://microservices.io/patterns/data/database-per-service.html"
MSIO_SHARED = "https://microservices.io/patterns/data/shared-database.html"
SPRING_MODULITH = "https://docs.spring.io/spring-modulith/reference/"
PACKWERK_RETRO = "https://shopify.engineering/a-packwerk-retrospective"
PCI_LIB = "https://www.pcisecuritystandards.org/document_library/"
HIPAA_312 = "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312"
GDPR = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
EDPB_0521 = "https://edpb.europa.eu/system/files/2021-11/edpb_guidelinesinterplaychapterv_article3_adopted_en.pdf"
FEDRAMP = "https://marketplace.fedramp.gov/"
CLOUDEVENTS = "https://cloudevents.io/"
KAFKA_KRAFT = "https://kafka.apache.org/40/getting-started/upgrade"
DORA_TBD = "https://dora.dev/capabilities/trunk-based-development/"
AWS_READ_REPLICA = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html"
AWS_STRANGLER = "https://docs.aws.amazon.com/prescriptive-guidance/latest/cloud-design-patterns/strangler-fig.html"
AWS_ACL = "https://docs.aws.amazon.com/prescriptive-guidance/latest/cloud-design-patterns/acl.html"
CLOUD_RUN_GPU = "https://cloud.google.com/run/docs/configuring/services/gpu"
STD_WEBHOOKS = "https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md"


def ref(title, url):
    return {"title": title, "url": url}


# ---------------------------------------------------------------- criteria
C = [
    ("scalability", "Independent scaling", "Whether the part under load can scale without scaling everything, and how far the style grows before the data tier or a shared component becomes the limit.", 3),
    ("performance", "Request latency", "Response time of user-facing requests: every network hop, serialization step and cold start spends latency budget and widens tail latency.", 2),
    ("isolation", "Security isolation and audit scope", "Whether sensitive data and tenants can sit behind their own process, data store and network boundary, keeping the blast radius and the audit scope small.", 2),
    ("maintainability", "Maintainability", "How easily the code base is understood, tested and changed over years: explicit boundaries, contained coupling, one place to read a flow.", 4),
    ("evolvability", "Cost of moving a boundary", "How cheap it is to fix a wrong domain boundary later: a refactoring inside one code base versus a data migration and contract change across deployed services.", 3),
    ("operability", "Operational simplicity", "How little has to be deployed, monitored and kept on call: deployables, pipelines, brokers, dashboards and failure modes. Higher means less to run.", 4),
    ("time-to-market", "Time to market with today's skills", "How soon a first useful version ships with the skills the team has today, including the platform and design work the style demands up front.", 3),
    ("cost", "Cost at steady load", "Infrastructure spend when capacity is busy most of the time: per-deployable runtimes, databases, brokers and observability, and per-request pricing versus always-on instances.", 2),
    ("idle-cost", "Cost of idle capacity", "Whether the system keeps paying for capacity sized for peaks while traffic is low or absent; matters when load is spiky with long idle periods.", 1),
    ("team-autonomy", "Independent deployability for teams", "Whether teams can change, test and release their part without coordinating with other teams; matters in proportion to the number of teams (DORA: loosely coupled teams).", 2),
    ("fault-isolation", "Fault isolation", "Whether a crash, overload or slow dependency in one part stays contained instead of taking the whole system down.", 3),
    ("consistency", "Data consistency", "How easily business invariants that span several domains stay correct: local ACID transactions versus sagas, compensation and eventual consistency.", 3),
    ("decoupling", "Producer and consumer decoupling", "Whether new reactions to a business event can be added without changing or waiting for the part that produced it.", 1),
    ("portability", "Portability across providers", "How much of the design survives a move to another cloud or to your own data centres.", 1),
    ("part-fit", "Fit for the parts that differ", "Whether a part whose load, security or availability needs differ sharply from the rest can get its own deployable, scaling and boundary without the whole system paying for it (Richards and Ford: architecture characteristics are scoped per architecture quantum). Weightless unless such a part exists.", 0),
    ("reporting", "Cross-domain reports", "How easily heavy reports and analytics join data from several domains: one query over one database (or its replica) versus API composition or a read store fed from several services' data. Weightless unless heavy reporting is the part that differs.", 0),
]
CRIT = {c[0]: "arch." + c[0] for c in C}

# ---------------------------------------------------------------- options
LM, MM, HY, SB, MS, ED, SL = ("arch.layered-monolith", "arch.modular-monolith", "arch.modular-monolith-extracted",
                              "arch.service-based", "arch.microservices", "arch.event-driven-microservices", "arch.serverless")
DISTRIBUTED = [SB, MS, ED]
FLEET = [MS, ED]

I = {}  # option -> criterion -> (impact, rationale)
I[LM] = {
    "scalability": (-2, 'Scales only as a whole by cloning instances: a hot feature cannot scale alone, nothing can be split off without first untangling the layers, and the one database takes every write.'),
    "performance": (2, "Calls between features are in-process and one SQL query can join the whole model: no network hop or serialization inside a request."),
    "isolation": (-1, "One process, one database and one trust boundary: a flaw anywhere reaches all data, and a regulated subset pulls the whole application into audit scope."),
    "maintainability": (-1, "Technical layers (web, service, data) without enforced domain modules let coupling grow with every feature; Richards and Ford rate it low on testability and evolvability as it grows."),
    "evolvability": (0, "No deployed boundaries to migrate, but no domain boundaries either: splitting it later first means untangling the layers into modules."),
    "operability": (2, "One artifact, one pipeline, one database and one log stream; a failure is a single stack trace."),
    "time-to-market": (2, "Least up-front design: frameworks generate the layers, and it is the fastest way to ship and learn a small domain."),
    "cost": (1, "One runtime and one database with no broker or per-service overhead: the cheapest way to serve steady load."),
    "idle-cost": (-1, "Always-on instances sized for the peak are billed through idle hours; scaling the whole application down is coarse."),
    "team-autonomy": (-2, "Every team shares one code base, build and release; without module boundaries teams collide in the same layers."),
    "fault-isolation": (-1, "A leak, crash or runaway query in one feature degrades the whole process; redundancy comes only from running identical copies."),
    "consistency": (2, "One ACID database: invariants across any entities hold in one local transaction."),
    "decoupling": (-1, "Reactions to an event are direct calls through the layers, so adding one means editing the code that triggers it."),
    "portability": (1, "A single application on a database runs on any cloud, platform or server."),
    "part-fit": (-1, 'Every feature shares one deployable, so a part with its own load or security needs imposes them on the whole application.'),
    "reporting": (2, "All domains' tables sit in one database: a cross-domain report is one SQL query, run against a read replica to spare the primary."),
}
I[MM] = {
    "scalability": (-1, "Deployed and scaled as one unit; modules that own their tables can be extracted and scaled alone later, but not today."),
    "performance": (2, "Module-to-module calls stay in-process with no network latency or serialization."),
    "isolation": (0, "A schema and database role per module can restrict data access, but all modules share one process, network segment and audit scope."),
    "maintainability": (1, "Domain modules with published interfaces keep coupling visible and testable (Spring Modulith verify, ArchUnit, Packwerk), though one growing code base and test suite serve every team."),
    "evolvability": (2, "Moving a boundary is a refactoring in one repository with one local transaction; no data migration or contract versioning."),
    "operability": (2, "Runs like any monolith: one artifact, one pipeline, one database."),
    "time-to-market": (0, "Needs up-front work to draw and enforce module boundaries that a plain layered monolith skips; delivery is fast afterwards."),
    "cost": (1, "One runtime and one database; module boundaries cost nothing at run time."),
    "idle-cost": (-1, "Always-on instances sized for the busiest module's peak are billed through idle hours."),
    "team-autonomy": (-2, "Teams own modules but every release ships all of them on one build and release train; workable for a few teams, a queue beyond that."),
    "fault-isolation": (-1, "Modules share a process: a crash or resource exhaustion in one module affects all of them."),
    "consistency": (2, "One database, so an invariant across modules can use a local transaction where module events are not enough."),
    "decoupling": (1, "In-process domain events (for example Spring Modulith's event publication registry) let modules react without the publisher knowing them, with no broker."),
    "portability": (1, "A single application on a database runs on any cloud, platform or server."),
    "part-fit": (-1, 'A differing part can be a module or a worker process of the same build, but it cannot get its own scaling policy, runtime or network segment without leaving the deployable.'),
    "reporting": (2, "One database: a reporting module reads the other modules' published views or a read replica in one query, with no network hop or sync pipeline."),
}
I[HY] = {
    "scalability": (-1, "The core, where most features live, still scales only as one unit on one database; the extracted part's own scaling is counted under 'Fit for the parts that differ'."),
    "performance": (1, "Most requests stay in the in-process core; only calls into an extracted part add a network hop."),
    "isolation": (0, "The core's modules share one process, network segment and audit scope; the extracted part's own boundary is counted under 'Fit for the parts that differ'."),
    "maintainability": (1, "The core keeps the modular monolith's enforced modules; each extracted part is a small code base behind a versioned contract."),
    "evolvability": (2, 'Core boundaries stay a refactoring in one repository; only the one to three extracted boundaries, chosen because they differ and are stable, need a data migration to move.'),
    "operability": (1, "One main deployable plus a small number of extra services with their own pipelines, dashboards and on-call runbooks."),
    "time-to-market": (0, "The core ships as fast as a modular monolith; each extraction adds a contract, a pipeline and remote-call handling, but only for the one to three parts that need it."),
    "cost": (1, 'The core is one runtime and one database; one to three extra deployables add little at steady load.'),
    "idle-cost": (-1, "The core stays always on and is billed through idle hours like any monolith; only an extracted part can scale to zero."),
    "team-autonomy": (-2, 'Every team that works in the core shares one build and release train; only the owner of an extracted part releases alone.'),
    "fault-isolation": (-1, "Every core module, where most features run, still shares one process; only a crash in an extracted part stays contained."),
    "consistency": (1, "Invariants inside the core keep local transactions; only flows that cross into an extracted part need an outbox or saga."),
    "decoupling": (1, "In-process events inside the core, and an outbox to a queue where the core hands work to an extracted part."),
    "portability": (1, "The core runs anywhere; an extracted part may use provider services (functions, queues), which is a contained choice."),
    "part-fit": (2, 'Exactly the parts with a different load or security need get their own deployable, scaling and boundary; the rest of the system does not pay for it.'),
    "reporting": (1, "The core's domains still report with one query; data held by an extracted part must first be copied into the reporting store."),
}
I[SB] = {
    "scalability": (0, "Each coarse domain service scales out on its own, but all of them load the one shared database, which stays the limit."),
    "performance": (1, "Most requests stay inside one coarse domain service with joins in the shared database; only cross-domain requests add a hop."),
    "isolation": (0, "A sensitive domain can run as its own service, but the shared database remains one blast radius unless it gets its own schema and credentials."),
    "maintainability": (0, "Domain-partitioned services with clear ownership, but a shared schema couples them: one table change can ripple through several services."),
    "evolvability": (-2, 'Moving a boundary between deployed services that share a schema is a cross-team migration of code, contracts and table ownership, not a refactoring.'),
    "operability": (0, "Four to twelve deployables and pipelines (Richards and Ford), but no service mesh, broker or saga machinery."),
    "time-to-market": (0, "Pipelines, remote calls and an API or UI layer come before the first release, though ACID transactions are kept."),
    "cost": (0, "A few service runtimes and pipelines on one database: more than a monolith, far less than a stack per microservice."),
    "idle-cost": (-2, 'Four to twelve always-on services, each with at least one instance (two for availability), are billed through idle hours.'),
    "team-autonomy": (1, "Each domain team deploys its coarse service on its own schedule; schema changes still need cross-team coordination."),
    "fault-isolation": (2, "A crash or overload in one coarse domain service leaves the others running (Richards and Ford rate the style's fault tolerance high); the shared database remains the one common point of failure to make highly available."),
    "consistency": (1, "Coarse services keep most workflows inside one service and one ACID transaction; the few that span services lose atomicity."),
    "decoupling": (0, "Services usually call each other or share tables; events are possible but not the style's default."),
    "portability": (1, "A few ordinary services on one database run on any cloud or data centre."),
    "part-fit": (1, 'A differing domain can be its own coarse service, but it still shares the one database with the rest, so its data load and data boundary do not separate.'),
    "reporting": (1, "Services share one database (Richards and Ford), so a report can still join across domains, at the price of coupling the report to several services' tables."),
}
I[MS] = {
    "scalability": (2, "Each service and its own database scale to their own load; nothing shared limits the hot path."),
    "performance": (-1, "Every hop adds network latency and serialization; a request that fans out waits for the slowest service and widens tail latency."),
    "isolation": (1, "Database per service and least-privilege credentials limit blast radius and can shrink audit scope, at the price of many more network paths to authenticate."),
    "maintainability": (1, "Small code bases behind versioned contracts are understood and tested one at a time (Richards and Ford rate testability high), but a cross-service change needs coordinated contract versions."),
    "evolvability": (-2, "A wrong boundary means moving data between databases and versioning contracts across teams; Azure's boundary guide says to start coarse-grained when in doubt."),
    "operability": (-2, "Needs rapid provisioning, monitoring and automated deployment for every service (Fowler's prerequisites), plus distributed tracing and on-call ownership per service."),
    "time-to-market": (-1, "Platform, contract and infrastructure work delays the first release; it pays back later when many teams work in parallel."),
    "cost": (-1, "A runtime, database, pipeline and observability stack per service plus network hops and duplicated data; the fixed part is amortised at high load, but Richards and Ford still rate microservices among the most expensive styles."),
    "idle-cost": (-2, "Every service keeps its minimum instances and its own database running through idle hours."),
    "team-autonomy": (2, "Each team owns, tests and releases its services on its own schedule."),
    "fault-isolation": (2, 'Each service fails, scales and is bulkheaded on its own, provided every caller uses timeouts, retries and circuit breakers so that synchronous chains do not cascade.'),
    "consistency": (-2, 'No cross-service ACID: invariants across services need sagas with compensating actions, and reads across services need API composition or replicated views.'),
    "decoupling": (-1, "Synchronous REST or gRPC calls couple caller and callee in time: a new reaction means a new call from the producer."),
    "portability": (0, 'Containers and open protocols move, but a fleet usually leans on a managed mesh, a managed database per service and provider observability, each of which is a migration.'),
    "part-fit": (1, 'A differing part gets its own deployable, data store and scaling, but only because every part is split: the whole system pays for what one or two parts need, which this criterion counts against.'),
    "reporting": (-2, "Each service's data sits in its own store: a cross-domain report needs API composition across services or a read store fed by change data capture, one more pipeline to run and always behind."),
}
I[ED] = {
    "scalability": (2, "The broker buffers spikes; consumers scale on backlog or partitions, and a slow consumer does not slow the producer."),
    "performance": (-1, "End-to-end completion waits on broker hops and consumer lag, so a caller that needs the outcome polls or waits longer than for a direct call; local read models only help reads."),
    "isolation": (0, "Services are isolated, but events copy data into broker logs and many read models that all need protecting and erasing."),
    "maintainability": (0, "New consumers need no producer change, but the overall flow is implicit in subscriptions and every event schema becomes a contract to version."),
    "evolvability": (-2, "Published events are permanent contracts and data is copied into many read models; moving a boundary means new events, backfills and replays."),
    "operability": (-2, "Everything microservices need plus a highly available broker, dead-letter queues, consumer-lag alerts, replay procedures and idempotent consumers."),
    "time-to-market": (-2, "Event design, schema governance, the transactional outbox and eventual-consistency UX take the longest of all options to get right."),
    "cost": (-1, "A highly available broker cluster (production Kafka runs three or more brokers) or per-message fees, plus a stack per service and duplicated read models."),
    "idle-cost": (-2, "The broker cluster and every consumer's minimum instances run whether or not events arrive."),
    "team-autonomy": (2, "A team publishes events without knowing or waiting for consumers and releases independently."),
    "fault-isolation": (2, "A consumer outage does not fail the producer: messages wait, are retried, and poison messages go to a dead-letter queue."),
    "consistency": (-2, "Eventual consistency is the default: cross-service invariants need sagas, read models lag writes, and at-least-once delivery demands idempotency."),
    "decoupling": (2, "Producers publish facts once; any number of consumers subscribe, replay and evolve without the producer changing."),
    "portability": (0, "Kafka-protocol and AMQP brokers exist everywhere, but managed brokers' features and event formats differ per provider."),
    "part-fit": (1, 'A differing part gets its own deployable, data store and consumer scaling, but only because every part is split behind a broker: the whole system pays for what one or two parts need, which this criterion counts against.'),
    "reporting": (-1, 'Each service owns its data, but the events it already publishes can feed a reporting read model; the view is eventually consistent and needs its own consumer and replay.'),
}
I[SL] = {
    "scalability": (2, "Compute scales per request or message from zero without capacity planning, up to the account's concurrency quota; the database it calls needs its own limits."),
    "performance": (-2, 'Cold starts add latency after idle periods unless provisioned concurrency is paid for, and every call through an API gateway, queue or managed store is a network hop.'),
    "isolation": (0, 'An execution role per function allows least privilege, but data sits in shared managed stores and a sensitive part gets its own network segment only with extra VPC and account design.'),
    "maintainability": (-1, "Flow spreads across triggers, queues and infrastructure as code; provider event formats tie code to one platform and local tests need emulators."),
    "evolvability": (0, "Functions are easy to regroup, but moving a data boundary still means moving tables or buckets and their triggers."),
    "operability": (2, "No servers, operating systems or capacity to manage: the provider patches, scales and runs the functions, queues and workflows; what remains is configuration of resources, quotas and timeouts."),
    "time-to-market": (1, 'Managed building blocks (API gateway, queues, workflows) ship event-triggered features fast with no servers to set up; the learning cost is in limits, event formats and local testing.'),
    "cost": (-2, "At steady high utilisation per-request pricing (function plus API gateway per request) usually exceeds always-on instances by a wide margin; Lambda Managed Instances (EC2 pricing, no scale to zero) exist to close that gap."),
    "idle-cost": (2, "Pay per request and nothing when idle: nothing is billed between bursts."),
    "team-autonomy": (0, 'Functions deploy independently, but shared event schemas, infrastructure-as-code stacks and the account-wide concurrency quota couple the teams.'),
    "fault-isolation": (-1, 'Invocations are isolated, but all functions of an account and Region share one concurrency quota: a runaway function throttles the others unless reserved concurrency is set.'),
    "consistency": (-2, "Stateless functions cannot hold a transaction open across steps and state is spread over several managed stores; every multi-step flow becomes a saga or a workflow with compensation."),
    "decoupling": (2, "Managed event routers (EventBridge, SNS, Event Grid, Pub/Sub) fan events out to functions natively, so new reactions subscribe without changing the producer."),
    "portability": (-2, "Triggers, event formats, IAM and workflow services are provider-specific; moving means rewriting the glue, not just redeploying."),
    "part-fit": (0, 'Each function scales on its own, but platform limits (15-minute Lambda timeout, no GPU on Lambda or Azure Functions, payload limits) constrain what a differing part may need.'),
    "reporting": (-1, 'Functions usually keep their data in several managed stores, so cross-domain reports need an export or change stream into an analytics store.'),
}

OPTS = [
    (LM, "Layered monolith",
     "One deployable and one database organised in technical layers (presentation, business, persistence) without enforced domain modules; Azure calls the distributed variant N-tier.",
     [ref("Richards and Ford, Fundamentals of Software Architecture, 2nd edition (2025): layered architecture style", RF2),
      ref("Azure Architecture Center: N-tier architecture style", AZ_NTIER),
      ref("Martin Fowler: MonolithFirst", FOWLER_FIRST)],
     "An architecture test (ArchUnit, NetArchTest or import-linter) in CI enforces the layer rule (presentation to business to persistence, never upwards); the pipeline builds and ships one artifact; revisit the decision when a full build passes 15 minutes, when a second team starts committing to the code base, or when the entity count outgrows a simple CRUD model."),
    (MM, "Modular monolith",
     "One deployable split into domain modules aligned with bounded contexts; each module owns its tables and exposes an in-process interface, with the boundaries enforced by tests.",
     [ref("Richards and Ford, Fundamentals of Software Architecture, 2nd edition (2025): modular monolith style", RF2),
      ref("Spring Modulith reference documentation (module verification, event publication registry)", SPRING_MODULITH),
      ref("Shopify Engineering: A Packwerk retrospective (2024)", PACKWERK_RETRO),
      ref("Martin Fowler: MonolithFirst", FOWLER_FIRST)],
     "A module-boundary test in CI (Spring Modulith ApplicationModules.verify(), ArchUnit or Packwerk) fails when a module reaches another module's internals or tables; each module's tables live in its own schema; cross-module calls are counted each quarter, and a module is only extracted when a measured need (load, data isolation, a higher availability target, or a release cadence owned by another team) is written down."),
    (HY, "Modular monolith with extracted services for the parts that differ",
     "A modular monolith as the core, plus one to three separately deployed services (or functions) for the parts whose load, data sensitivity or availability target differ sharply from the rest, or that another team releases on its own cadence, each extracted for a written reason.",
     [ref("Richards and Ford, Fundamentals of Software Architecture, 2nd edition (2025): granularity disintegrators and integrators", RF2),
      ref("Azure Architecture Center: Identify microservice boundaries", AZ_BOUND),
      ref("AWS Prescriptive Guidance: Decomposing monoliths into microservices", AWS_DECOMP),
      ref("Martin Fowler: StranglerFigApplication", FOWLER_STRANGLER)],
     "Every extracted service has an ADR naming the disintegrator that justified it (load, data isolation, a higher availability target, or another team's release cadence) and a metric that proves it (its own scaling events, its own audit scope, its own SLO attainment, its own release count); the core passes the same module-boundary test as a modular monolith; contract tests gate calls between core and extracted parts; no extracted part shares tables with the core."),
    (SB, "Service-based architecture",
     "About four to twelve coarse-grained, separately deployed domain services behind one UI or API layer, usually sharing one database (Richards and Ford).",
     [ref("Richards and Ford, Fundamentals of Software Architecture, 2nd edition (2025): service-based architecture style", RF2),
      ref("microservices.io: Shared database pattern", MSIO_SHARED)],
     "Each domain service has its own pipeline and deploys alone (the last ten releases each touched one service); database grants show each service writes only its own tables; a schema-change review involves every service that reads a changed table; contract tests run per service."),
    (MS, "Microservices",
     "Many small, independently deployable services, each owning its data (database per service) and collaborating mainly through synchronous REST or gRPC calls.",
     [ref("Azure Architecture Center: Microservices architecture style", AZ_MS),
      ref("Azure Architecture Center: Microservices assessment and readiness", AZ_ASSESS),
      ref("Martin Fowler: Microservice Prerequisites", FOWLER_PREREQ),
      ref("microservices.io: Database per service", MSIO_DBPS),
      ref("Sam Newman: Building Microservices, 2nd edition", NEWMAN)],
     "Every service deploys independently (no lock-step releases in the release log); consumer-driven contract tests gate each deploy; no service holds credentials for another service's database; each service has an owning team, an SLO and tracing showing synchronous call chains at most three hops deep; DORA deployment frequency and change lead time are tracked per team."),
    (ED, "Event-driven microservices",
     "Services that own their data and collaborate by publishing and consuming events through a broker or log (Kafka-protocol services, RabbitMQ, SNS/SQS, Event Hubs, Pub/Sub), optionally with CQRS read models.",
     [ref("Azure Architecture Center: Event-driven architecture style", AZ_ED),
      ref("microservices.io: Transactional outbox", MSIO_OUTBOX),
      ref("Martin Fowler: What do you mean by Event-Driven?", "https://martinfowler.com/articles/201701-event-driven.html")],
     "Every event type has a registered, versioned schema with compatibility checks in CI (schema registry or AsyncAPI); consumers are idempotent (a replay test re-delivers a day of events without changing state); consumer lag and dead-letter depth are alerted on; producers publish through an outbox, never dual writes."),
    (SL, "Serverless-first (functions plus managed services)",
     "Business logic in functions (AWS Lambda, Azure Functions, Google Cloud Run functions) triggered by HTTP and events, with managed services for state, messaging and workflows; the platform product itself is chosen in the compute-platform decision.",
     [ref("AWS Well-Architected Serverless Applications Lens", AWS_SL_LENS),
      ref("AWS Lambda quotas (900-second timeout, memory, concurrency)", AWS_LAMBDA_LIMITS),
      ref("AWS Lambda Managed Instances (Lambda on EC2 capacity for steady workloads)", AWS_LMI),
      ref("AWS Lambda durable functions (checkpoint and replay, executions up to one year)", AWS_DURABLE)],
     "Infrastructure as code defines every function and trigger; load tests show p95 latency including cold starts within the SLO; per-function cost and concurrency dashboards have budget alerts; each function has an explicit timeout, retry policy and failure destination; the monthly bill is compared with an always-on container estimate when traffic becomes steady."),
]

# ---------------------------------------------------------------- helpers


def eff_raise(c, by):
    return {"op": "raise", "criterion": CRIT[c], "by": by}


def eff_lower(c, by):
    return {"op": "lower", "criterion": CRIT[c], "by": by}


def eff_set(c, to):
    return {"op": "set", "criterion": CRIT[c], "weight": to}


def rule(opt, reason):
    return {"op": "rule_out", "option": opt, "reason": reason}


def note(text, if_chosen=None, source=None):
    e = {"op": "note", "text": text}
    if if_chosen:
        e["if_chosen"] = if_chosen
    if source:
        e["source"] = source
    return e


def ans(label, consequence, effects=None, nxt=None, exclusive=False):
    a = {"label": label, "consequence": consequence}
    if effects:
        a["effects"] = effects
    if nxt:
        a["next"] = nxt
    if exclusive:
        a["exclusive"] = True
    return a


NON_FLEET = [LM, MM, HY, SB, SL]
SLO_NO_TIER = ["Up to 99.9 % in one region; recovery within hours", "99.95 % or more, with cross-region disaster recovery"]
MONO = [LM, MM]
SPLIT = [HY, SB, MS, ED]

# ---------------------------------------------------------------- nodes
REPW = 2  # weight of cross-domain reports when reporting is the part that differs
nodes = []

nodes.append({
    "id": "q-compliance", "kind": "question", "fact": "compliance", "multi": True, "next": "q-hosting",
    "prompt": "Which regulations or audits apply to the data this system handles?",
    "help": "Regulation decides whether the sensitive part should live behind its own process, data store and network segment: PCI DSS scope can shrink by segmentation, HIPAA scope cannot, and erasure duties make event logs and read-model copies expensive.",
    "answers": [
        ans("PCI DSS: payment card data is stored, processed or transmitted",
            "Isolation and audit scope weigh more; the card-handling part is a candidate for extraction.",
            [eff_raise("isolation", 2),
             note("Keep card numbers out of your systems where you can: a payment provider's hosted payment page or hosted fields with tokens keeps the primary account number away from your code, and PCI DSS v4.0.1 then covers far fewer of your components.", source=PCI_LIB),
             note("With one deployable and one database, every module is a system component that stores, processes or transmits card data or is connected to it, so the whole application is in PCI DSS scope; if card data cannot be kept out entirely, extract the card-handling part.", if_chosen=MONO, source=PCI_LIB),
             note("Run the card-handling part as its own service with its own data store and network segment; PCI DSS v4.0.1 requirement 1.3 restricts traffic into and out of the cardholder data environment, and requirement 11.4.5 requires penetration tests of the segmentation controls at least every 12 months (every six months for service providers, 11.4.6). The PCI SSC guidance on scoping and segmentation for modern network architectures (2024) covers cloud and containers.", if_chosen=SPLIT + [SL], source=PCI_LIB)]),
        ans("HIPAA: protected health information of US patients",
            "Isolation weighs more; HIPAA applies to every system holding ePHI, so segmentation limits blast radius, not scope.",
            [eff_raise("isolation", 1),
             note("The HIPAA Security Rule applies to every system that creates, receives, maintains or transmits ePHI; extracting a service does not take the rest out of scope the way PCI segmentation can. Keeping ePHI in as few components as possible limits where access control (45 CFR 164.312(a)), audit controls (164.312(b)), integrity (164.312(c)) and transmission security (164.312(e)) must be implemented and evidenced.", source=HIPAA_312)]),
        ans("GDPR or similar personal-data law",
            "No weight change; the notes cover erasure and data minimisation in copies of personal data, and remote access from outside the EEA.",
            [note("Events copy personal data into broker logs and read models; keep personal data out of event payloads where an id will do (data minimisation, GDPR Art. 5(1)(c)) and plan erasure (Art. 17) with retention limits or crypto-shredding before the first topic goes live.", if_chosen=[ED, SL, HY], source=GDPR),
             note("Each service that stores personal data is a processing location to list in the records of processing (GDPR Art. 30) and to cover in erasure requests (Art. 17); keep personal data in as few services as possible.", if_chosen=[SB, MS], source=GDPR),
             note("Your own employee who reaches production data remotely while travelling outside the EEA does not make a Chapter V transfer: the employee is part of the controller, not another controller or processor (EDPB Guidelines 05/2021, business-trip example; kept in the final version 2.0 of February 2023). Access by a contractor, another group company or a support vendor in a third country is a transfer and needs a Chapter V mechanism, and the controller stays accountable for the risks of processing abroad either way.", source=EDPB_0521)]),
        ans("SOC 2 or ISO/IEC 27001 audit",
            "No weight change; every deployable needs change-management evidence, so automate it.",
            [note("Auditors sample changes per deployable: every pipeline must show a reviewed change, passing tests and an approved, logged deployment. Generate that evidence in the pipeline so that more deployables do not mean more manual evidence.", if_chosen=SPLIT + [SL])]),
        ans("FedRAMP or other government authorisation",
            "Isolation weighs more; every managed service you depend on must be authorised at your impact level.",
            [eff_raise("isolation", 1),
             note("Use only services inside an authorised boundary: the FedRAMP Marketplace lists authorised cloud services and their impact levels, and every extra managed service (function platform, broker, workflow engine) is one more authorisation to check.", source=FEDRAMP)]),
        ans("None of these", "No regulatory weight changes.", exclusive=True),
    ],
})

nodes.append({
    "id": "q-hosting", "kind": "question", "fact": "hosting",
    "prompt": "Where will the system run?",
    "help": "Hosting decides whether a serverless-first style exists at all (it needs a provider's function and event services) and whether provider-specific glue becomes a migration cost; which compute product to use is the compute-platform decision.",
    "answers": [
        ans("One public cloud (AWS, Azure or Google Cloud)", "Every style is available; no weight change.", nxt="q-tenancy"),
        ans("Several public clouds", "Portability weighs much more: provider-specific triggers and event formats must be rewritten per cloud.",
            [eff_raise("portability", 4),
             note("Function triggers, event formats, IAM and workflow services differ per provider; keep business logic out of handlers, use the CloudEvents envelope for events, and budget one adapter layer per cloud.", if_chosen=[SL, ED], source=CLOUDEVENTS)],
            nxt="q-tenancy"),
        ans("Our own data centres (on-premises)", "Serverless-first is ruled out; you run every broker and database yourselves, so operational simplicity weighs more.",
            [rule(SL, "Serverless-first depends on a provider's managed functions, queues and workflow services; on premises you would first have to build and run a function platform (Knative, OpenFaaS) yourselves, which removes the reason to choose the style."),
             eff_raise("operability", 1),
             note("You will run the broker yourselves: a production Kafka cluster (KRaft mode only since Kafka 4.0) or RabbitMQ with quorum queues needs at least three nodes, upgrades, monitoring and someone on call.", if_chosen=[ED], source=KAFKA_KRAFT)],
            nxt="q-tenancy"),
        ans("A restricted cloud partition (sovereign or government region)", "No style is ruled out; check that each managed service exists in the partition.",
            [note("Sovereign and government partitions offer a subset of the provider's services and features, often later than commercial regions (the AWS European Sovereign Cloud opened in January 2026 with a subset of services); confirm that every managed service this style relies on (functions, broker, workflow engine, managed database) is available and authorised there before committing.")],
            nxt="q-tenancy"),
    ],
})

nodes.append({
    "id": "q-tenancy", "kind": "question", "fact": "tenancy",
    "prompt": "Whose data does the system hold?",
    "help": "Tenants who need dedicated isolation multiply the deployment: every deployable is repeated per silo or cell, so fewer deployables per cell keeps it operable; pooled tenants raise noisy-neighbour risk.",
    "answers": [
        ans("One organisation's data (no tenants)", "No tenancy weight changes.", nxt="q-team"),
        ans("Many tenants with similar needs", "Fault isolation weighs a little more: one noisy tenant must not starve the others.",
            [eff_raise("fault-isolation", 1),
             note("Pool tenants in shared deployables and tables, carry the tenant id in every request, message and log line, and add per-tenant rate limits and quotas against noisy neighbours (AWS Well-Architected SaaS Lens: pool isolation).", source=AWS_SAAS_ISO)],
            nxt="q-team"),
        ans("Some tenants require dedicated isolation", "Isolation and operational simplicity weigh more: each isolated tenant gets a copy of every deployable.",
            [eff_raise("isolation", 1), eff_raise("operability", 1),
             note("Deploy the whole system once per isolated tenant or tenant group (silo or bridge model, or deployment stamps); every deployable is multiplied by the number of stamps, so keep the deployable count per stamp small and automate stamp creation.", source=AZ_STAMP)],
            nxt="q-team"),
    ],
})

ONE_TEAM_MS = "A single team of up to about ten engineers gets little from independently deployed services, because there is no second team to decouple from, yet pays the whole microservice premium (per-service pipelines, contracts, distributed debugging, on call for a fleet). Fowler: do not consider microservices unless the system is too complex to manage as a monolith."
nodes.append({
    "id": "q-team", "kind": "question", "fact": "team-size",
    "prompt": "How many teams will build and change this system?",
    "help": "Independent deployability pays off in proportion to the number of teams that would otherwise queue on one release train (DORA: loosely coupled teams); for a single team the same split is pure overhead.",
    "answers": [
        ans("One team (up to about 10 engineers)", "Independent deployability has no value; styles that split the whole system into separately deployed services are ruled out.",
            [eff_set("team-autonomy", 0),
             rule(MS, ONE_TEAM_MS),
             rule(ED, ONE_TEAM_MS + " An event-driven fleet adds a broker, schemas and eventual consistency on top."),
             rule(SB, "Service-based architecture splits the whole system into four to twelve separately deployed domain services so that domain teams can release independently; with a single team there is no second team to release independently of, and every domain pays for its own pipeline and remote calls. A part with a stated reason to differ is covered by the modular core with extracted services."),
             note("One team keeps one main deployable; extract a part only for a written reason (load, data isolation, a higher availability target), and keep the extraction count to one or two.", if_chosen=[HY, SB], source=FOWLER_PREMIUM)],
            nxt="q-ops-one"),
        ans("Two to five teams", "Independent deployability weighs more; the next question says how much.",
            [eff_set("team-autonomy", 3)], nxt="q-teams-few"),
        ans("More than five teams", "Independent deployability weighs most, and fault isolation more (one team's bad release must not take down every other team's features); per-deployable infrastructure cost and one team's first-release speed weigh less.",
            [eff_set("team-autonomy", 5), eff_lower("cost", 1), eff_lower("idle-cost", 1), eff_lower("time-to-market", 1), eff_raise("fault-isolation", 1),
             note("Derive service boundaries from bounded contexts, then shape teams to own them (the inverse Conway maneuver); do not copy today's org chart into service boundaries.", if_chosen=SPLIT, source=FOWLER_CONWAY)],
            nxt="q-ops-many"),
    ],
})

nodes.append({
    "id": "q-teams-few", "kind": "question",
    "prompt": "Two to five teams: how many exactly?",
    "help": "A release train shared by two or three teams is still coordinated in one planning conversation; from four or five teams on, waiting for each other's changes becomes the bottleneck that separately deployable domains remove (DORA: loosely coupled teams). Service-based architecture is meant for a handful of domain teams, not for two.",
    "answers": [
        ans("Two or three teams", "Independent deployability weighs a little less than for four or five teams: two or three teams can share one release train with module ownership and trunk-based development. Operational simplicity weighs a little more: each team is on call for its share of every deployable, so fine-grained styles put several services on each team's pager.",
            [eff_lower("team-autonomy", 2), eff_raise("operability", 1),
             note("Two or three teams can share one deployable: give each team its own modules (code owners per module), keep the main branch releasable (trunk-based development) and release on a fixed, frequent cadence, so no team waits for another's feature.", if_chosen=[LM, MM, HY], source=DORA_TBD)],
            nxt="q-ops"),
        ans("Four or five teams", "Independent deployability weighs more: four or five teams queue on one release train.",
            [eff_raise("team-autonomy", 1)], nxt="q-ops"),
    ],
})


LITTLE_OPS = "The team has little operations capacity, and Fowler's microservice prerequisites (rapid provisioning, basic monitoring, rapid automated deployment for every service, teams that run what they build) cannot be met without it; Azure's microservices readiness assessment asks for the same DevOps maturity first."
OPS_HELP = "Who carries the pager and builds the delivery platform decides how many deployables and brokers the team can run: Fowler's prerequisites for microservices are rapid provisioning, monitoring and automated deployment of every service."


def ops_node(nid, after_platform, after_product=None, after_little="q-domain"):
    return {
        "id": nid, "kind": "question", "fact": "ops-capacity",
        "prompt": "Who runs the infrastructure?",
        "help": OPS_HELP,
        "answers": [
            ans("A platform or SRE team runs infrastructure for us", "Operational simplicity weighs much less: the platform team provides pipelines, monitoring and on-call tooling for every deployable.",
                [eff_lower("operability", 2),
                 note("A platform team lowers the effort of running each extra deployable, not its bill: every service still adds a runtime, a pipeline, observability ingestion and often a database. This tree does not ask about budget; if it is tight, raise the two cost criteria yourself (for example --weight arch.cost=4 --weight arch.idle-cost=4) and price the per-service stack before accepting a split.", if_chosen=SPLIT, source=RF2)],
                nxt=after_platform),
            ans("The product team runs its own infrastructure", "Operational simplicity weighs more: every deployable and broker is the product team's pager.",
                [eff_raise("operability", 1)], nxt=after_product or after_platform),
            ans("Little operations capacity: we buy managed services", "Operational simplicity weighs most; microservice fleets are ruled out.",
                [eff_raise("operability", 2),
                 rule(MS, LITTLE_OPS),
                 rule(ED, LITTLE_OPS + " An event-driven fleet also needs broker operations, dead-letter handling and replay procedures."),
                 note("Run the deployable on a managed application platform or managed containers with a managed database, so patching, scaling and backups are bought rather than built; the compute-platform decision picks the product.", if_chosen=[LM, MM, HY, SB])],
                nxt=after_little),
        ],
    }


nodes.append(ops_node("q-ops-one", "q-release-one", after_little="q-release-one"))
nodes.append(ops_node("q-ops", "q-experience", "q-release", after_little="q-release"))
nodes.append(ops_node("q-ops-many", "q-experience-many", after_little="q-release"))

def exp_node(nid, after, after_no=None):
    return {
    "id": nid, "kind": "question",
    "prompt": "Has the team built and operated distributed services in production?",
    "help": "Distributed styles fail in ways a monolith does not (partial failure, retries, eventual consistency, tracing across services); Fowler's MonolithFirst warns against starting with microservices without that experience, so skills change how long the first release takes.",
    "answers": [
        ans("Yes: we have run distributed services in production", "The learning cost of distributed styles is already paid; time to market weighs a little less.",
            [eff_lower("time-to-market", 1)], nxt=after),
        ans("Not yet", "Time to market and operational simplicity weigh more: partial failures, retries and tracing must be learned first.",
            [eff_raise("time-to-market", 2), eff_raise("operability", 1),
             note("Build the delivery platform (pipelines, tracing, alerting) and extract one pilot service with clear value before committing the rest of the system to services; measure its lead time and incidents before the second.", if_chosen=SPLIT, source=FOWLER_FIRST)],
            nxt=after_no or after),
    ],
}


nodes.append(exp_node("q-experience", "q-release"))
nodes.append(exp_node("q-experience-many", "q-consistency", "q-release"))
nodes.append({
    "id": "q-consistency", "kind": "question",
    "prompt": "How many business rules must hold atomically across domains?",
    "help": "Database-per-service styles give up cross-domain ACID transactions; with many teams this is the question that decides whether services or a shared transactional core fit (Richards and Ford list database transactions as a granularity integrator).",
    "answers": [
        ans("Few: cross-domain rules tolerate eventual consistency", "Cross-domain consistency stops weighing: sagas and events cover the few cross-domain flows.",
            [eff_lower("consistency", 3)], nxt="q-release"),
        ans("Several business rules must hold atomically across domains", "Data consistency weighs more: those rules need one transaction, or sagas with compensation.",
            [eff_raise("consistency", 2),
             note("Keep the domains whose rules must hold atomically in one deployable or one service with one database; spreading them across services turns each rule into a saga with compensating actions and visible intermediate states.", if_chosen=[MS, ED, SB, HY], source=AZ_BOUND)],
            nxt="q-release"),
    ],
})

nodes.append({
    "id": "q-domain", "kind": "question",
    "prompt": "How well do you know the domain's boundaries?",
    "help": "A wrong boundary is a refactoring inside one deployable but a data migration and contract change between deployed services; MonolithFirst and Azure's boundary guide both say to start coarse until boundaries are stable. With a monolith already in production, the route (modularise in place, extract one part at a time) matters as much as the target style.",
    "answers": [
        ans("Small and simple: mostly CRUD over a handful of entities", "Module boundaries and their cost of change matter little, and so do independent deployability (a handful of entities gives several teams no separate domains to release on their own) and fault isolation between parts (every feature uses the same few tables); shipping fast and running few deployables matter more.",
            [eff_lower("maintainability", 4), eff_lower("evolvability", 3), eff_raise("time-to-market", 1), eff_set("team-autonomy", 0), eff_raise("operability", 1), eff_lower("fault-isolation", 3),
             note("A small CRUD application does not need enforced domain modules yet; keep the layer rule tested and revisit when a second team or a second bounded context appears.", if_chosen=[LM], source=AZ_NTIER)],
            nxt="q-load"),
        ans("Large but well understood: stable bounded contexts", "The cost of moving a boundary weighs less, because boundaries will rarely move.",
            [eff_lower("evolvability", 3)], nxt="q-load"),
        ans("Still being discovered: boundaries will move", "The cost of moving a boundary weighs most, and shipping to learn the domain weighs more.",
            [eff_raise("evolvability", 2), eff_raise("time-to-market", 1),
             note("Boundaries will move: keep them as modules in one deployable until they have been stable for several releases, then extract along the ones that proved themselves (MonolithFirst; Azure: start coarse-grained when in doubt).", source=FOWLER_FIRST)],
            nxt="q-load"),
        ans("Known from an existing monolith we are restructuring", "The cost of moving a boundary weighs less (years in production show where the seams are), and time to market weighs more: features must keep shipping while the code moves.",
            [eff_lower("evolvability", 2), eff_raise("time-to-market", 1),
             note("Restructure incrementally, never by a big-bang rewrite: put a routing layer in front of the monolith, move one capability at a time behind it, and retire the old code path before starting the next (the strangler fig pattern); a rewrite freezes features for its whole length.", source=AWS_STRANGLER),
             note("Modularise in place first: declare the modules in the existing code base, add a boundary test that fails on new violations (Spring Modulith, ArchUnit or Packwerk), and burn the existing violations down release by release; Shopify's Packwerk retrospective warns that a checker alone does not produce good boundaries, so fix the dependencies, not the warnings.", if_chosen=[MM, HY, LM], source=PACKWERK_RETRO),
             note("Extract along the seams the running system already shows (by business capability or subdomain), put an anti-corruption layer between each new service and the monolith's model, and move the extracted part's tables with it: a service that still reads the monolith's tables is not extracted.", if_chosen=[HY, MS, ED, SL], source=AWS_ACL),
             note("Extract the domain services along the seams the running system already shows (by business capability or subdomain) behind a routing layer; the database stays shared, so give each service write grants on its own tables only and let the others read them through its API or published views, or the shared schema keeps every service coupled as tightly as the monolith was.", if_chosen=[SB], source=AWS_DECOMP)],
            nxt="q-load"),
    ],
})

nodes.append({
    "id": "q-load", "kind": "question",
    "prompt": "What does the load look like?",
    "help": "Load shape decides whether pay-per-request billing saves or costs money and whether independent scaling is worth its overhead: functions are cheapest when idle time is large, always-on capacity when traffic is steady and high.",
    "answers": [
        ans("Steady and moderate", "No load weight changes.", nxt="q-interaction"),
        ans("Spiky, with long idle periods", "The cost of idle capacity and scaling weigh more: capacity sized for the peak would sit idle.",
            [eff_raise("idle-cost", 4), eff_raise("scalability", 1),
             note("Put a queue in front of spiky work so the database sees a bounded rate; set reserved concurrency on the consumers so a spike cannot exhaust database connections.", if_chosen=[SL, HY], source=AWS_SL_LENS),
             note("For a single deployable, run background work as a separate worker process of the same code base fed by a queue (Azure's Web-Queue-Worker style), and let the platform scale workers on queue depth.", if_chosen=MONO, source=AZ_WQW)],
            nxt="q-interaction"),
        ans("Sustained high throughput", "Cost at steady load weighs more (every request is billed), and independent scaling a little more: at high throughput the shared database is the first bottleneck.",
            [eff_raise("cost", 3), eff_raise("scalability", 1),
             note("At sustained high throughput per-request pricing usually exceeds always-on capacity; price Lambda Managed Instances (Lambda on EC2 capacity with EC2 pricing) or managed containers for the steady part before committing, and keep functions for spiky side work.", if_chosen=[SL], source=AWS_LMI),
             note("Load-test the shared database first: it is the one component every service or module still shares, and it usually saturates before the compute tier.", if_chosen=[LM, MM, SB]),
             note("If the throughput is a stream of telemetry or clickstream events to analyse rather than business requests, that pipeline is Azure's big-data style (a managed stream feeding stream-processing consumers that write to analytical stores), a separate decision from this one; the style chosen here is for the serving side, and the shared transactional database should not be the sink of that stream.", source=AZ_STYLES)],
            nxt="q-interaction"),
    ],
})

nodes.append({
    "id": "q-interaction", "kind": "question",
    "prompt": "How do the parts of the system mostly interact?",
    "help": "Whether callers wait for answers or many parts react to the same business facts decides between request/response styles and event-driven ones (Azure: event-driven style suits many subsystems processing the same events).",
    "answers": [
        ans("Mostly request/response: callers wait for the result", "Request latency weighs more.",
            [eff_raise("performance", 1)], nxt="q-slo"),
        ans("Mostly asynchronous: several parts react to the same business events", "Producer and consumer decoupling weighs much more; cross-domain consistency weighs a little less, because reactions to a published fact are eventually consistent by nature.",
            [eff_raise("decoupling", 3), eff_lower("consistency", 1),
             note("Publish domain events in process (Spring Modulith's event publication registry or an outbox table) and forward them to a managed broker only when another deployable needs them; the outbox keeps state change and event in one transaction.", if_chosen=[MM, HY], source=MSIO_OUTBOX),
             note("For multi-step business processes prefer orchestration with a durable workflow engine (Temporal, AWS Step Functions, Lambda durable functions, Azure Durable Functions) over long choreographies: the process state stays visible and compensations are explicit.", if_chosen=[ED, SL, HY], source=AWS_DURABLE),
             note("Register every event schema with compatibility checks in CI (schema registry or AsyncAPI) and publish through a transactional outbox, never a dual write.", if_chosen=[ED], source=MSIO_OUTBOX),
             note("If external partners must react to these events, send them webhooks that follow the Standard Webhooks specification: a message id that stays the same across retries and that the receiver uses as an idempotency key, a timestamp, a signature over id, timestamp and body, and retries on an exponential schedule with jitter spanning days; let partners list failed messages and replay them so one whose endpoint was down can catch up. How the webhooks are authenticated is decided in the security-api tree (API and service-to-service authentication).", source=STD_WEBHOOKS)],
            nxt="q-slo"),
    ],
})

nodes.append({
    "id": "q-slo", "kind": "question",
    "prompt": "What availability target and disaster recovery does the business need?",
    "help": "The availability target is a product decision (Google SRE) and sets how much fault isolation is worth: a higher target needs failures contained to a part or a cell, and every synchronous hop multiplies the failure probability of a request.",
    "answers": [
        ans("Up to 99.9 % in one region; recovery within hours", "No weight change; deploy across availability zones.",
            [note("Run at least two instances of every deployable across availability zones, with zone-redundant data stores; 99.9 % allows about 43 minutes of downtime a month, which one bad deployment can consume.", source=SRE_RISK)],
            nxt="q-differ"),
        ans("99.95 % or more, with cross-region disaster recovery", "Fault isolation weighs a little more; availability itself comes from redundancy across zones and regions, which every style needs.",
            [eff_raise("fault-isolation", 1),
             note("Set SLOs and an error budget per user journey; a request that needs five synchronous services at 99.9 % each is at most about 99.5 % available, so count hops before promising 99.95 %.", if_chosen=[MS, SB], source=SRE_SLO),
             note("Contain failures with bulkheads or cells: run complete, independent copies of the workload that each serve a subset of tenants or requests, deploy to one cell at a time, and rehearse regional failover against stated RTO and RPO (AWS Well-Architected REL10-BP03). This works for a modular monolith as well as for services.", source=AWS_BULKHEAD)],
            nxt="q-differ"),
        ans("99.9 % for most of the system, but one critical part needs 99.95 % or more",
            "Fault isolation weighs a little more, and so does the fit for the parts that differ: the critical part must not share the failures and releases of the rest.",
            [eff_raise("part-fit", 3), eff_raise("fault-isolation", 1),
             note("Give the critical part (for example checkout or sign-in) its own SLO and error budget, and remove synchronous calls from it to parts with a lower target, or give them fallbacks: a request is at most as available as the product of the availabilities of the services it calls synchronously.", source=SRE_SLO),
             note("Extract the critical part with its own deployable, release train and scaling, so that a bad release or an overload in the core cannot take it down; keep its data dependencies as highly available as the part itself.", if_chosen=[HY], source=AWS_BULKHEAD),
             note("Bulkhead the critical part inside the one deployable: route its endpoints to a separate pool of instances with its own connection pool and rate limits (Azure bulkhead pattern), and deploy to that pool last, after a canary on the rest.", if_chosen=MONO, source=AZ_BULKHEAD)],
            nxt="q-differ"),
    ],
})

nodes.append({
    "id": "q-release-one", "kind": "question",
    "prompt": "Does one part change much more often than the rest?",
    "help": "Change rate is a granularity disintegrator only when the fast-changing part has its own team: separate deployment then stops that team waiting for everyone else's release train. Within one team, a faster-changing part is better served by releasing the whole application more often.",
    "answers": [
        ans("Yes: one part changes much more often than the rest", "Independent deployability weighs a little more; with one team this alone is no reason to split, because that team owns the whole release train.",
            [eff_raise("team-autonomy", 1),
             note("Extract the fast-changing part behind a versioned contract only if a different team owns it, so its releases stop waiting for the core's release train; confirm with its release count after three months.", if_chosen=[HY], source=AZ_BOUND),
             note("A part that changes more often needs no deployable of its own while the same people own the rest: release the whole application more often instead (trunk-based development, feature flags, automated tests per module).", if_chosen=MONO, source=DORA_TBD)],
            nxt="q-domain"),
        ans("No: change is spread across the system", "No weight change.", nxt="q-domain"),
    ],
})

nodes.append({
    "id": "q-release", "kind": "question",
    "prompt": "Does one part, owned by its own team, change much more often than the rest?",
    "help": "Change rate is a granularity disintegrator when the fast-changing part has its own team (Richards and Ford): a separate deployable stops that team waiting for everyone else's release train, while the rest can stay one deployable.",
    "answers": [
        ans("Yes: one team's part changes much more often than the rest", "Independent deployability weighs a little more, and so does the fit for the parts that differ: that part is a candidate for its own deployable.",
            [eff_raise("team-autonomy", 1), eff_raise("part-fit", 1),
             note("Extract the fast-changing part behind a versioned contract so that its team's releases stop waiting for the core's release train; confirm with its release count and lead time after three months.", if_chosen=[HY], source=AZ_BOUND),
             note("If the fast-changing part stays in the one deployable, keep the main branch releasable and release on a fixed, frequent cadence (trunk-based development, feature flags), so its team never waits more than one cycle.", if_chosen=MONO, source=DORA_TBD)],
            nxt="q-domain"),
        ans("No: change is spread across the system", "No weight change.", nxt="q-domain"),
    ],
})

nodes.append({
    "id": "q-differ", "kind": "question", "multi": True, "next": "o-style",
    "prompt": "Which parts differ markedly from the rest in what they need at run time?",
    "help": "Richards and Ford's granularity disintegrators and Azure's boundary guide say to split where parts differ in load or security needs; when only one or two parts differ, the common senior answer is a modular core with those parts extracted. Heavy reports over the same data are not such a part: they need a separate read path, not a separate deployable.",
    "answers": [
        ans("Load: one part scales very differently (much heavier or much burstier than the rest)", "The fit for parts that differ weighs more, and independent scaling a little more.",
            [eff_raise("part-fit", 4), eff_raise("scalability", 1),
             note("Extract the part with the different load profile first, feed it through a queue, and give it its own scaling metric; keep the rest in the core.", if_chosen=[HY], source=AZ_BOUND),
             note("If the heavy part is background work of the same code base, a separate worker process fed by a queue (Azure's Web-Queue-Worker style) scales it on its own without a second code base.", if_chosen=MONO, source=AZ_WQW)]),
        ans("Sensitive data: one part holds data that needs its own security boundary", "The fit for parts that differ and security isolation weigh more.",
            [eff_raise("part-fit", 4), eff_raise("isolation", 1),
             note("Extract the sensitive part with its own data store, credentials and network segment, so the core never holds that data.", if_chosen=[HY], source=RF2)]),
        ans("Only reporting or analytics: heavy queries over the same data", "No part needs its own deployable: reports read the same data. Cross-domain reports weigh %d." % REPW,
            [eff_raise("reporting", REPW), note("Run heavy reports against a read replica, or stream changes (change data capture) into a warehouse; a reporting module that reads the same data needs its own read path, not its own deployable, so that reports stop competing with transactions on the primary database.", source=AWS_READ_REPLICA)],
            exclusive=True),
        ans("Nothing differs much", "No part has a run-time reason to be extracted; no weight changes.", exclusive=True),
    ],
})

ALL = [LM, MM, HY, SB, MS, ED, SL]
nodes.append({
    "id": "o-style", "kind": "outcome", "options": ALL,
    "title": "Choose the system's architecture style",
    "context": "The architecture style sets how many deployables the teams build and run and where module, data and fault boundaries sit; it is chosen from team count, operations capacity, how well the domain is known (or whether a running monolith is being restructured), load, interaction, availability targets and the parts that differ, and the compute platform is decided separately.",
})

# ---------------------------------------------------------------- checks
checks = [
    {"name": "two-three-teams-no-fleet", "when": {"q-teams-few": ["Two or three teams"]},
     "expect": {"never": [MS, ED]},
     "why": "Second review: two or three experienced teams with a platform, stable contexts and an event-shaped workload were given event-driven microservices (4,064 paths). With two or three teams each team would own and be on call for several fine-grained services and a broker's consumers; the microservice premium pays off for systems too complex for a few teams, and coarse services or a modular core with extracted parts give the same decoupling with far fewer deployables.",
     "source": FOWLER_PREMIUM},
    {"name": "brownfield-few-teams-no-fleet", "when": {"q-domain": ["Known from an existing monolith we are restructuring"], "q-team": ["One team (up to about 10 engineers)", "Two to five teams"], "q-teams-few": ["Two or three teams"]},
     "expect": {"never": [MS, ED]},
     "why": "Second review: restructuring a running monolith with two or three teams (or one) is done by modularising in place and extracting single parts behind a routing layer; a rewrite into a fleet of fine-grained services freezes features for its whole length and gives few teams nothing they could not get from modules.",
     "source": AWS_STRANGLER},
    {"name": "brownfield-one-team-modular-core", "when": {"q-domain": ["Known from an existing monolith we are restructuring"], "q-team": ["One team (up to about 10 engineers)"], "q-differ": ["Nothing differs much", "Only reporting or analytics: heavy queries over the same data"], "q-release-one": ["No: change is spread across the system"], "q-slo": SLO_NO_TIER, "q-load": ["Steady and moderate", "Sustained high throughput"]},
     "expect": {"winner_in": [MM]},
     "why": "Second review: one team restructuring its monolith with no part that differs should modularise it in place (module boundaries enforced by tests), not extract services or move it to functions.",
     "source": PACKWERK_RETRO},
    {"name": "small-crud-few-teams-no-service-split", "when": {"q-domain": ["Small and simple: mostly CRUD over a handful of entities"], "q-team": ["One team (up to about 10 engineers)", "Two to five teams"]},
     "expect": {"never": [SB, MS, ED]},
     "why": "Second review: two to five teams with a small CRUD domain were told to build four to twelve domain services (service-based won 78 to 87 % of those paths). A handful of entities is one bounded context with a few aggregates, and Azure's domain-analysis guidance sizes a microservice no smaller than an aggregate and no larger than a bounded context, so four to twelve domain services cannot be drawn in it.",
     "source": "https://learn.microsoft.com/en-us/azure/architecture/microservices/model/tactical-ddd"},
    {"name": "two-three-teams-nothing-differs-one-deployable", "when": {"q-teams-few": ["Two or three teams"], "q-release": ["No: change is spread across the system"], "q-differ": ["Nothing differs much", "Only reporting or analytics: heavy queries over the same data"], "q-slo": ["Up to 99.9 % in one region; recovery within hours"]},
     "expect": {"never": [SB, MS, ED, HY]},
     "why": "Second review: two or three teams with no part that differs in load, security, availability or release cadence share one release train comfortably (trunk-based development, module ownership); separately deployed services add pipelines and remote calls with no disintegrator to justify them.",
     "source": DORA_TBD},
    {"name": "critical-part-few-teams-extract-or-bulkhead", "when": {"q-slo": ["99.9 % for most of the system, but one critical part needs 99.95 % or more"], "q-teams-few": ["Two or three teams"], "q-differ": ["Nothing differs much"], "q-domain": ["Large but well understood: stable bounded contexts", "Still being discovered: boundaries will move"]},
     "expect": {"never": [MS, ED]},
     "why": "Second review: one part with a higher availability target is a fault-tolerance disintegrator for that part only (Richards and Ford); it justifies extracting or bulkheading that part, not splitting the whole system into fine-grained services whose synchronous chains lower availability.",
     "source": AWS_BULKHEAD},
    {"name": "four-five-teams-platform-stable-coarse", "when": {"q-teams-few": ["Four or five teams"], "q-ops": ["A platform or SRE team runs infrastructure for us"], "q-experience": ["Yes: we have run distributed services in production"], "q-domain": ["Large but well understood: stable bounded contexts"], "q-interaction": ["Mostly request/response: callers wait for the result"], "q-release": ["Yes: one team's part changes much more often than the rest"], "q-differ": ["Nothing differs much", "Only reporting or analytics: heavy queries over the same data"]},
     "expect": {"winner_in": [SB, HY, MM]},
     "why": "Canonical path of the second review: four or five experienced teams with a platform and stable contexts get coarse-grained domain services (Richards and Ford's service-based style) or a modular core with extracted parts; fine-grained microservices are for more teams.",
     "source": RF2},
    {"name": "one-team-release-cadence-only-one-deployable", "when": {"q-slo": SLO_NO_TIER, "q-team": ["One team (up to about 10 engineers)"], "q-release-one": ["Yes: one part changes much more often than the rest"], "q-differ": ["Nothing differs much", "Only reporting or analytics: heavy queries over the same data"]},
     "expect": {"never": [HY, SB, MS, ED]},
     "why": "Reviewer finding: one team whose only difference is a faster-changing part was told to extract services. One team owns the whole release train; the answer is to release the one deployable more often (trunk-based development, feature flags), not to add deployables.",
     "source": DORA_TBD},
    {"name": "one-team-release-cadence-only-modular", "when": {"q-slo": SLO_NO_TIER, "q-team": ["One team (up to about 10 engineers)"], "q-release-one": ["Yes: one part changes much more often than the rest"], "q-differ": ["Nothing differs much"], "q-domain": ["Large but well understood: stable bounded contexts", "Still being discovered: boundaries will move"], "q-load": ["Steady and moderate"]},
     "expect": {"winner_in": [MM]},
     "why": "One team, a real domain, steady load and only a faster-changing part: the modular monolith (MonolithFirst; MicroservicePremium: keep good modularity inside the monolith).",
     "source": FOWLER_PREMIUM},
    {"name": "few-teams-reporting-only-no-fleet", "when": {"q-team": ["Two to five teams"], "q-differ": ["Only reporting or analytics: heavy queries over the same data"]},
     "expect": {"never": [MS, ED]},
     "why": "Two to five teams whose only differing need is heavy cross-domain reporting: database-per-service styles turn every report into API composition or a separately fed read store, while one shared database answers it with one query against a replica.",
     "source": "https://microservices.io/patterns/data/api-composition.html"},
    {"name": "one-team-reporting-only-not-hybrid", "when": {"q-slo": SLO_NO_TIER, "q-team": ["One team (up to about 10 engineers)"], "q-differ": ["Only reporting or analytics: heavy queries over the same data"]},
     "expect": {"never": [HY, SB, MS, ED]},
     "why": "Heavy reports over the same data need a read replica or a change-data-capture feed into a warehouse, not an extracted service; for one team that would be a deployable without a disintegrator.",
     "source": AWS_READ_REPLICA},
    {"name": "many-experienced-teams-platform-not-one-deployable", "when": {"q-ops-many": ["A platform or SRE team runs infrastructure for us"], "q-experience-many": ["Yes: we have run distributed services in production"], "q-domain": ["Large but well understood: stable bounded contexts"]},
     "expect": {"never": [LM, MM]},
     "why": "More than five teams with production experience of distributed services, a platform team and stable bounded contexts are the case the microservice premium pays for; one shared deployable makes every team queue on one release train (DORA: loosely coupled teams).",
     "source": DORA_LC},
    {"name": "one-team-no-separately-deployed-services", "when": {"q-team": ["One team (up to about 10 engineers)"]},
     "expect": {"never": [SB, MS, ED]},
     "why": "Review H1: a single team was told to build four to twelve separately deployed services; one team gains nothing from independent deployables and pays the microservice premium.",
     "source": FOWLER_PREMIUM},
    {"name": "little-ops-no-fleet", "when": {"q-ops": ["Little operations capacity: we buy managed services"]},
     "expect": {"never": [MS, ED]},
     "why": "Review H2: little operations capacity ended with event-driven microservices; the prerequisites (rapid provisioning, monitoring, automated deployment per service) cannot be met.",
     "source": FOWLER_PREREQ},
    {"name": "little-ops-many-teams-no-fleet", "when": {"q-ops-many": ["Little operations capacity: we buy managed services"]},
     "expect": {"never": [MS, ED]},
     "why": "Review H2 for more than five teams: team count does not create operations capacity; without it the microservice prerequisites are not met.",
     "source": FOWLER_PREREQ},
    {"name": "on-premises-no-serverless-first", "when": {"q-hosting": ["Our own data centres (on-premises)"]},
     "expect": {"never": [SL]},
     "why": "Review M1/M2: only on-premises hosting removes the managed function and event services the style depends on.",
     "source": AWS_SL_LENS},
    {"name": "discovered-domain-no-fine-grained-services", "when": {"q-domain": ["Still being discovered: boundaries will move"], "q-team": ["One team (up to about 10 engineers)", "Two to five teams"]},
     "expect": {"never": [MS, ED]},
     "why": "Review surprising path 1,1,2,4,2,1,1,3,2,3,3,1: unknown boundaries with fine-grained services and permanent event contracts is the costliest mix to change; start coarse-grained.",
     "source": AZ_BOUND},
    {"name": "discovered-domain-few-teams-stay-modular", "when": {"q-domain": ["Still being discovered: boundaries will move"], "q-team": ["Two to five teams"]},
     "expect": {"never": [SB, MS, ED]},
     "why": "Review M6 (path 1,1,3,4,2,1,4,1,1,1): several teams with unclear boundaries got service-based; keep modules in one deployable until the contexts stabilise.",
     "source": FOWLER_FIRST},
    {"name": "sustained-throughput-not-functions", "when": {"q-load": ["Sustained high throughput"], "q-team": ["One team (up to about 10 engineers)", "Two to five teams"], "q-interaction": ["Mostly request/response: callers wait for the result"]},
     "expect": {"never": [SL]},
     "why": "Review M3 (path 1,1,3,2,2,1,4,1,3,4): at sustained high throughput per-request billing exceeds always-on capacity; managed containers or Lambda Managed Instances are the trade-off to surface.",
     "source": AWS_LMI},
    {"name": "no-experience-many-teams-product-ops-no-event-fleet", "when": {"q-experience-many": ["Not yet"], "q-ops-many": ["The product team runs its own infrastructure"]},
     "expect": {"never": [ED]},
     "why": "More teams do not replace experience: a product team that runs its own infrastructure and has not operated distributed services should not start with a broker-centred fleet.",
     "source": AZ_ASSESS},
    {"name": "many-invariants-no-event-driven", "when": {"q-consistency": ["Several business rules must hold atomically across domains"], "q-interaction": ["Mostly request/response: callers wait for the result"]},
     "expect": {"never": [ED]},
     "why": "Business rules that must hold atomically across domains turn into sagas with visible intermediate states in an event-driven fleet; Richards and Ford list database transactions as a granularity integrator.",
     "source": RF2},
    {"name": "layered-only-for-small-domains", "when": {"q-domain": ["Large but well understood: stable bounded contexts", "Still being discovered: boundaries will move"]},
     "expect": {"never": [LM]},
     "why": "Technical layers without domain modules become a big ball of mud as the domain grows; a large or still-moving domain needs enforced module boundaries.",
     "source": AZ_NTIER},
    {"name": "one-team-sensitive-part-keeps-core", "when": {"q-team": ["One team (up to about 10 engineers)"], "q-ops-one": ["A platform or SRE team runs infrastructure for us", "The product team runs its own infrastructure"], "q-differ": ["Sensitive data: one part holds data that needs its own security boundary"], "q-load": ["Steady and moderate", "Sustained high throughput"]},
     "expect": {"winner_in": [HY, MM]},
     "why": "One team with a sensitive part keeps one core and isolates only that part (its own data store and network segment), the hybrid the review asked for.",
     "source": AZ_BOUND},
    {"name": "nothing-differs-no-hybrid", "when": {"q-slo": SLO_NO_TIER, "q-release": ["No: change is spread across the system"], "q-differ": ["Nothing differs much", "Only reporting or analytics: heavy queries over the same data"]},
     "expect": {"never": [HY]},
     "why": "Extraction needs a granularity disintegrator; without one the hybrid is a modular monolith with extra deployables.",
     "source": RF2},
    {"name": "nothing-differs-one-team-no-hybrid", "when": {"q-slo": SLO_NO_TIER, "q-release-one": ["No: change is spread across the system"], "q-differ": ["Nothing differs much", "Only reporting or analytics: heavy queries over the same data"]},
     "expect": {"never": [HY]},
     "why": "Extraction needs a granularity disintegrator; without one the hybrid is a modular monolith with extra deployables.",
     "source": RF2},
    {"name": "few-teams-product-ops-no-event-fleet", "when": {"q-ops": ["The product team runs its own infrastructure"]},
     "expect": {"never": [ED]},
     "why": "Two to five teams that run their own infrastructure without a platform team should not start with the hardest-to-operate style: broker operations, dead-letter handling and replay on top of every service (MonolithFirst; Azure readiness assessment).",
     "source": FOWLER_FIRST},
    {"name": "startup-one-team-modular", "when": {"q-slo": SLO_NO_TIER, "q-team": ["One team (up to about 10 engineers)"], "q-domain": ["Still being discovered: boundaries will move"], "q-load": ["Steady and moderate"], "q-interaction": ["Mostly request/response: callers wait for the result"], "q-differ": ["Nothing differs much"]},
     "expect": {"winner_in": [MM, LM]},
     "why": "Canonical path the review confirmed: a new product built by one team starts as a modular monolith.",
     "source": FOWLER_FIRST},
    {"name": "small-crud-one-team-simple-monolith", "when": {"q-slo": SLO_NO_TIER, "q-team": ["One team (up to about 10 engineers)"], "q-domain": ["Small and simple: mostly CRUD over a handful of entities"], "q-load": ["Steady and moderate"], "q-differ": ["Nothing differs much"], "q-hosting": ["Our own data centres (on-premises)"]},
     "expect": {"winner_in": [LM, MM]},
     "why": "A small CRUD application for one team needs the least structure: a layered or modular monolith.",
     "source": AZ_NTIER},
    {"name": "bursty-one-team-managed-serverless", "when": {"q-team": ["One team (up to about 10 engineers)"], "q-ops-one": ["Little operations capacity: we buy managed services"], "q-hosting": ["One public cloud (AWS, Azure or Google Cloud)"], "q-load": ["Spiky, with long idle periods"], "q-interaction": ["Mostly asynchronous: several parts react to the same business events"], "q-differ": ["Nothing differs much"], "q-domain": ["Large but well understood: stable bounded contexts"], "q-compliance": ["None of these"], "q-tenancy": ["One organisation's data (no tenants)"]},
     "expect": {"winner_in": [SL]},
     "why": "Canonical path the review confirmed: bursty event-triggered work for one team that buys managed services on one cloud is the serverless sweet spot.",
     "source": AWS_SL_LENS},
    {"name": "many-teams-platform-sync-scale-microservices", "when": {"q-ops-many": ["A platform or SRE team runs infrastructure for us"], "q-experience-many": ["Yes: we have run distributed services in production"], "q-consistency": ["Few: cross-domain rules tolerate eventual consistency"], "q-tenancy": ["One organisation's data (no tenants)", "Many tenants with similar needs"], "q-hosting": ["One public cloud (AWS, Azure or Google Cloud)"], "q-compliance": ["GDPR or similar personal-data law", "SOC 2 or ISO/IEC 27001 audit", "None of these"], "q-domain": ["Large but well understood: stable bounded contexts"], "q-load": ["Sustained high throughput"], "q-interaction": ["Mostly request/response: callers wait for the result"], "q-release": ["Yes: one team's part changes much more often than the rest"]},
     "expect": {"winner_in": [MS, SB, ED]},
     "why": "Canonical path the review confirmed (microservices over service-based): more than five experienced teams with a platform, few cross-domain invariants, stable contexts and high load get independently deployed services.",
     "source": AZ_ASSESS},
    {"name": "many-teams-platform-events-event-driven", "when": {"q-ops-many": ["A platform or SRE team runs infrastructure for us"], "q-experience-many": ["Yes: we have run distributed services in production"], "q-consistency": ["Few: cross-domain rules tolerate eventual consistency"], "q-tenancy": ["One organisation's data (no tenants)", "Many tenants with similar needs"], "q-hosting": ["One public cloud (AWS, Azure or Google Cloud)"], "q-compliance": ["GDPR or similar personal-data law", "SOC 2 or ISO/IEC 27001 audit", "None of these"], "q-domain": ["Large but well understood: stable bounded contexts"], "q-interaction": ["Mostly asynchronous: several parts react to the same business events"], "q-load": ["Sustained high throughput"]},
     "expect": {"winner_in": [ED]},
     "why": "Canonical path the review confirmed: many experienced teams, a platform, stable contexts and many consumers of the same events at high throughput fit event-driven microservices.",
     "source": AZ_ED},
    {"name": "one-team-card-data-part-hybrid", "when": {"q-team": ["One team (up to about 10 engineers)"], "q-compliance": ["PCI DSS: payment card data is stored, processed or transmitted"], "q-differ": ["Sensitive data: one part holds data that needs its own security boundary"], "q-domain": ["Large but well understood: stable bounded contexts"], "q-load": ["Steady and moderate", "Sustained high throughput"]},
     "expect": {"winner_in": [HY, MM]},
     "why": "Review canonical path (card data, modest platform): keep the system modular and isolate the cardholder data environment as its own part rather than splitting everything.",
     "source": PCI_LIB},
    {"name": "little-ops-tenant-silos-no-fleet", "when": {"q-tenancy": ["Some tenants require dedicated isolation"], "q-ops": ["Little operations capacity: we buy managed services"]},
     "expect": {"never": [MS, ED]},
     "why": "Dedicated tenant silos multiply every deployable by the number of stamps; with little operations capacity a fleet of services per stamp cannot be run.",
     "source": AZ_STAMP},
    {"name": "events-one-team-no-service-split", "when": {"q-team": ["One team (up to about 10 engineers)"], "q-interaction": ["Mostly asynchronous: several parts react to the same business events"]},
     "expect": {"never": [SB, MS, ED]},
     "why": "Review surprising paths 1,1,2,1,2,1,2,3,3,1,1,1 and 1,1,2,1,2,3,1,1,1,1: one team with an event-shaped workload gets in-process events and an outbox, not separately deployed services.",
     "source": FOWLER_PREMIUM},
    {"name": "one-team-high-slo-no-fleet", "when": {"q-team": ["One team (up to about 10 engineers)"], "q-slo": ["99.95 % or more, with cross-region disaster recovery"]},
     "expect": {"never": [MS, ED, SB]},
     "why": "A high availability target for one team is met with redundancy and cells of one deployable, not with more services, which add hops that each lower availability.",
     "source": AWS_BULKHEAD},
]

tree = {
    "$schema": "./schema.json",
    "format": 2,
    "id": "architecture",
    "namespace": "arch",
    "title": "System architecture style",
    "description": "Choose the architecture style: layered or modular monolith, a modular core with extracted services, service-based, microservices, event-driven microservices or serverless-first.",
    "source": "Backend Developer Persona › Decision-Making Approaches › System Architecture",
    "references": [
        ref("Richards and Ford, Fundamentals of Software Architecture, 2nd edition (2025)", RF2),
        ref("Azure Architecture Center: Architecture styles", AZ_STYLES),
        ref("Azure Architecture Center: Microservices assessment and readiness", AZ_ASSESS),
        ref("AWS Prescriptive Guidance: Decomposing monoliths into microservices", AWS_DECOMP),
        ref("AWS Well-Architected REL10-BP03: Use bulkhead architectures to limit scope of impact", AWS_BULKHEAD),
        ref("Martin Fowler: MonolithFirst", FOWLER_FIRST),
        ref("Martin Fowler: Microservice Premium", FOWLER_PREMIUM),
        ref("Stefan Tilkov on martinfowler.com: Don't start with a monolith", TILKOV),
        ref("Google SRE book: Embracing risk", SRE_RISK),
        ref("DORA: Loosely coupled teams", DORA_LC),
    ],
    "area": {"id": "architecture", "title": "System Architecture", "position": 1},
    "tie_break": {"priorities_first": True, "order": [MM, LM, HY, SB, SL, MS, ED],
                  "why": "Simplest to run and cheapest to reverse first: fewer deployables and moving parts win a tie, and the modular monolith precedes the layered one because its module boundaries keep later extraction cheap."},
    "criteria": [{"id": CRIT[c[0]], "name": c[1], "description": c[2], "default_weight": c[3]} for c in C],
    "options": [],
    "root": "q-compliance",
    "nodes": nodes,
    "checks": checks,
}
for oid, name, summary, refs, conf in OPTS:
    tree["options"].append({
        "id": oid, "name": name, "summary": summary,
        "impacts": {CRIT[k]: {"impact": v[0], "rationale": v[1]} for k, v in I[oid].items()},
        "references": refs, "confirmation": conf,
    })
    assert set(I[oid]) == set(CRIT), oid

with open(OUT, "w") as f:
    json.dump(tree, f, indent=2, ensure_ascii=False)
    f.write("\n")
print("wrote", OUT)
