import json
MONO="One deployable application (monolith or modular monolith)"; SVCS="Several separately deployed services"; MIG="A monolith being split into services (migration under way)"
T1="One team (up to about 10 engineers)"; T2="Two to five teams"; T3="More than five teams"
OPS_P="A platform or SRE team runs infrastructure for us"; OPS_O="The product team runs its own infrastructure"; OPS_L="Little operations capacity: we buy managed services"
LEG_OK="Yes: we can change the code that writes the legacy tables"; LEG_NO="No: the legacy writers cannot change (vendor or frozen code)"
HOT="On most requests: the data sits on hot paths"; OCC="Occasionally: a few workflows, off the hot path"
STALE_OK="Yes: seconds of lag are acceptable"; FRESH="No: it must see the owner's latest committed state"
STRICT="Yes: some invariants span modules and must never be violated, even briefly"; SAGA="Some workflows span modules but may finish eventually, with compensation on failure"; NONE="No: each operation changes one module's data"
MOVE="Yes: some invariants span services, and their data can move into one service"; NOMOVE="Yes: some invariants span services, and their data cannot move into one service"; SAGA_S="Some workflows span services but may finish eventually, with compensation on failure"; NONE_S="No: each operation changes one service's data"
CS="q-consistency-svc"
REP_J="Operational reports must join several modules' current data"; REP_W="Analytics run in a separate warehouse or lakehouse; hours of lag are fine"; REP_L="Little cross-module reporting"
SCALE_NO="No: load and data shape are similar across modules"
S,M,A,E,C=[f"ddesign.{x}" for x in ["shared-schema","schema-per-owner","db-per-service-api","db-per-service-events","db-per-service-cdc"]]
U=lambda k: k
checks=[
 ("one-deployable-no-service-databases", {"q-style":[MONO]}, {"never":[A,E,C]},
  "A single deployable has no separately deployed services to own databases; database per service presupposes services (microservices.io lists it under the Microservice architecture pattern).", "https://microservices.io/patterns/data/database-per-service.html"),
 ("one-deployable-keeps-one-database", {"q-style":[MONO]}, {"winner_in":[M,S]},
  "Inside one deployable, modules share one database; schema-per-module keeps ownership enforceable and extraction cheap.", "https://docs.spring.io/spring-modulith/reference/verification.html"),
 ("many-teams-never-shared-schema", {"q-team":[T3]}, {"never":[S]},
  "AWS: a shared database creates development-time coupling (schema changes coordinated across teams) and does not reduce dependencies between teams; with more than five teams that coordination is the bottleneck.", "https://docs.aws.amazon.com/prescriptive-guidance/latest/modernization-data-persistence/shared-database.html"),
 ("services-never-shared-schema", {"q-style":[SVCS]}, {"never":[S]},
  "Separately deployed services that read and write each other's tables lose independent deployment and share one failure domain; at least private schemas per service are the floor.", "https://microservices.io/patterns/data/shared-database.html"),
 ("frozen-legacy-no-outbox", {"q-legacy":[LEG_NO]}, {"never":[E]},
  "The outbox row must be inserted by the code that commits the change, in the same transaction; frozen writers cannot.", "https://microservices.io/patterns/data/transactional-outbox.html"),
 ("frozen-legacy-hot-reads-use-cdc", {"q-legacy":[LEG_NO], "q-cross-reads":[HOT], "q-staleness":[STALE_OK], CS:[MOVE,SAGA_S,NONE_S], "q-ops":[OPS_P], "q-team":[T2,T3], "q-scale":[SCALE_NO]}, {"winner_in":[C]},
  "With frozen legacy writers, hot-path reads that tolerate lag and a platform team to run connectors, log-based capture is the one way to give new services local copies without touching legacy code.", "https://microservices.io/patterns/data/transaction-log-tailing.html"),
 ("strict-invariants-never-sync-api", {CS:[NOMOVE]}, {"never":[A]},
  "Invariants that must never be violated cannot be kept by sagas of synchronous calls: sagas lack isolation and expose intermediate states.", "https://microservices.io/patterns/data/saga.html"),
 ("strict-invariants-services-keep-one-database", {CS:[NOMOVE], "q-style":[SVCS], "q-cross-reads":[OCC], "q-scale":[SCALE_NO]}, {"winner_in":[M]},
  "When invariants span services, reads are rare and no service needs its own scaling, keep the data in one database (private schemas, local transactions) or redraw the boundary; AWS lists ACID consistency as the reason to share a database.", "https://docs.aws.amazon.com/prescriptive-guidance/latest/modernization-data-persistence/shared-database.html"),
 ("hot-stale-reads-many-teams-use-events", {"q-style":[SVCS], "q-team":[T3], "q-cross-reads":[HOT], "q-staleness":[STALE_OK], CS:[MOVE,SAGA_S,NONE_S], "q-ops":[OPS_P]}, {"winner_in":[E]},
  "Many teams, other services' data on every request and lag tolerated: local read models fed by events remove runtime coupling (event-carried state transfer, CQRS).", "https://microservices.io/patterns/data/cqrs.html"),
 ("fresh-occasional-reads-never-replicas", {"q-staleness":[FRESH], "q-cross-reads":[OCC]}, {"never":[E,C]},
  "Read models trail the owner; when reads must see the latest committed state and are rare, a direct read from the owner costs little and a replica adds lag.", "https://microservices.io/patterns/data/api-composition.html"),
 ("fresh-rare-reads-many-teams-use-api", {"q-style":[SVCS], "q-team":[T3], "q-cross-reads":[OCC], "q-staleness":[FRESH], CS:[NONE_S], "q-reporting":[REP_W,REP_L]}, {"winner_in":[A]},
  "Many teams, no cross-service writes, rare reads that must be current and no operational cross-joins: database per service with API reads is the textbook fit.", "https://microservices.io/patterns/data/database-per-service.html"),
 ("services-many-teams-never-raw-cdc", {"q-style":[SVCS], "q-team":[T3]}, {"never":[C]},
  "Capturing another service's internal tables couples every consumer to its schema; when writers can change, Debezium's own guidance is to publish through an outbox instead.", "https://debezium.io/documentation/reference/stable/transformations/outbox-event-router.html"),
 ("changeable-legacy-many-teams-never-raw-cdc", {"q-legacy":[LEG_OK], "q-team":[T3]}, {"never":[C]},
  "When the legacy writers can change and many teams consume the data, an outbox publishes a contract instead of internal tables.", "https://debezium.io/documentation/reference/stable/transformations/outbox-event-router.html"),
 ("one-team-services-never-raw-cdc", {"q-style":[SVCS], "q-team":[T1]}, {"never":[C]},
  "One team owns every writer in a services system, so it can emit events or expose APIs; capturing its own internal tables adds a connector and schema coupling for nothing.", "https://microservices.io/patterns/data/transactional-outbox.html"),
 ("one-team-little-ops-rare-reads-no-brokers", {"q-team":[T1], "q-ops":[OPS_L], "q-cross-reads":[OCC]}, {"never":[E,C]},
  "One team with little operations capacity and rare cross-service reads gains nothing from a broker, relays and replayable read models it must run.", "https://martinfowler.com/bliki/MicroservicePrerequisites.html"),
 ("operational-joins-strict-few-teams-one-database", {"q-reporting":[REP_J], CS:[NOMOVE], "q-team":[T1,T2]}, {"winner_in":[M,S]},
  "Current cross-module reports plus invariants across modules are what one database does best; AWS lists ACID transactions and one database to operate as reasons to share it.", "https://docs.aws.amazon.com/prescriptive-guidance/latest/modernization-data-persistence/shared-database.html"),
 ("hot-fresh-reads-never-cdc", {"q-cross-reads":[HOT], "q-staleness":[FRESH], "q-team":[T1,T2]}, {"never":[C]},
  "A CDC-fed copy lags the source by connector and consumer delay, so it cannot serve reads that must be current.", "https://microservices.io/patterns/data/transaction-log-tailing.html"),
 ("rare-stale-reads-many-teams-platform-separate-databases", {"q-style":[SVCS], "q-team":[T3], "q-cross-reads":[OCC], "q-staleness":[STALE_OK], CS:[NONE_S], "q-ops":[OPS_P], "q-reporting":[REP_W,REP_L]}, {"winner_in":[A,E]},
  "Many teams, no cross-service writes, lag tolerated and a platform team: each service should own a private database; whether reads are API calls or local copies is secondary.", "https://learn.microsoft.com/en-us/azure/architecture/microservices/design/data-considerations"),
 ("services-many-teams-independent-lag-ok-own-databases", {"q-style":[SVCS], "q-team":[T3], "q-autonomy":["Yes: each team ships its schema changes independently"], CS:[MOVE,SAGA_S,NONE_S], "q-reporting":[REP_W,REP_L], "q-staleness":[STALE_OK]}, {"winner_in":[A,E]},
  "Separately deployed services of more than five teams that release independently, keep every invariant inside one service and need no operational cross-service joins: each service owns a private database (Azure: two services should not share a data store); a shared server with cross-schema access would re-create the coupling the split removed.", "https://learn.microsoft.com/en-us/azure/architecture/microservices/design/data-considerations"),
 ("services-teams-platform-independent-own-databases", {"q-style":[SVCS], "q-team":[T2,T3], "q-ops":[OPS_P], "q-autonomy":["Yes: each team ships its schema changes independently"], CS:[MOVE,SAGA_S,NONE_S], "q-reporting":[REP_W,REP_L]}, {"winner_in":[A,E]},
  "Several teams shipping separately deployed services independently, with a platform team to run the databases and no invariant or operational join across services: database per service is the default (microservices.io), whether reads are API calls or local copies.", "https://microservices.io/patterns/data/database-per-service.html"),
 ("fresh-reads-never-cdc", {"q-staleness":[FRESH]}, {"never":[C]},
  "Whatever the team size, a CDC-fed copy trails the source by the log reader's and consumer's delay, so it cannot be the pattern for reads that must see the owner's latest committed state.", "https://microservices.io/patterns/data/transaction-log-tailing.html"),
]
out=[{"name":n,"when":w,"expect":e,"why":y,"source":s} for n,w,e,y,s in checks]
json.dump(out,open('/work/brief/gen/data-design-checks.json','w'),indent=1); print(len(out))
