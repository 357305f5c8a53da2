#!/usr/bin/env python3
"""Generates decision-trees/data-caching.json (run from the worktree root)."""
import json, sys
NS = "cache"
def c(x): return f"{NS}.{x}"

AWS_BP = "https://aws.amazon.com/caching/best-practices/"
AWS_PAT = "https://docs.aws.amazon.com/whitepapers/latest/database-caching-strategies-using-redis/caching-patterns.html"
EC_STRAT = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Strategies.html"
EC_WHAT = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/WhatIs.html"
BLIB = "https://aws.amazon.com/builders-library/caching-challenges-and-strategies/"
AZ_ASIDE = "https://learn.microsoft.com/en-us/azure/architecture/patterns/cache-aside"
AZ_CACHING = "https://learn.microsoft.com/en-us/azure/architecture/best-practices/caching"
AZ_AMR = "https://learn.microsoft.com/en-us/azure/redis/overview"
AZ_RETIRE = "https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/retirement-faq"
GCP_VALKEY = "https://cloud.google.com/memorystore/docs/valkey"
GCP_MEMC_DEP = "https://docs.cloud.google.com/memorystore/docs/memcached/deprecation/migrate-to-valkey"
RFC9111 = "https://www.rfc-editor.org/rfc/rfc9111"
RFC5861 = "https://www.rfc-editor.org/rfc/rfc5861"
RFC9110 = "https://www.rfc-editor.org/rfc/rfc9110"
R_EVICT = "https://redis.io/docs/latest/develop/reference/eviction/"
R_CSC = "https://redis.io/docs/latest/develop/reference/client-side-caching/"
R_PERSIST = "https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/"
R_LIC = "https://redis.io/legal/licenses/"
VALKEY = "https://valkey.io/"
XFETCH = "https://www.vldb.org/pvldb/vol8/p886-vattani.pdf"
PG_MV = "https://www.postgresql.org/docs/current/rules-materializedviews.html"
PG_REFRESH = "https://www.postgresql.org/docs/current/sql-refreshmaterializedview.html"
PG_EXPLAIN = "https://www.postgresql.org/docs/current/using-explain.html"
RDS_RR = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html"
CAFFEINE = "https://github.com/ben-manes/caffeine/wiki"
NET_MEM = "https://learn.microsoft.com/en-us/aspnet/core/performance/caching/memory"
HZ_MAPSTORE = "https://docs.hazelcast.com/hazelcast/latest/mapstore/working-with-external-data"
DAX = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html"
PCI_LIB = "https://www.pcisecuritystandards.org/document_library/"
GDPR = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
HIPAA = "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312"
FEDRAMP = "https://www.fedramp.gov/"
AICPA = "https://www.aicpa-cima.com/topic/audit-assurance/audit-and-assurance-greater-than-soc-2"
LUKE = "https://use-the-index-luke.com/"
EC_DUR = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/durability.html"
MEMDB = "https://docs.aws.amazon.com/memorydb/latest/devguide/servicename-feature-overview.html"

criteria = [
 ("latency", "Read latency", "How much the strategy cuts the latency of a read: process memory (microseconds), a network cache (sub-millisecond), an edge cache (no origin round trip), or the database.", 2),
 ("offload", "Load taken off the system of record", "How many reads (or writes) no longer reach the primary database.", 3),
 ("freshness", "Freshness and consistency", "How stale a read can be, and whether a reader can see data older than its own last write.", 3),
 ("durability", "Write durability", "Whether an acknowledged write can be lost: the system of record must hold it before the client is told it succeeded.", 3),
 ("simplicity", "Simplicity and correctness risk", "Moving parts and invalidation code that can be wrong: every cache adds a second copy that must be kept in step.", 3),
 ("ops", "Operational burden", "Extra services to provision, patch, monitor, fail over and pay on-call for.", 1),
 ("cost", "Infrastructure cost", "What the strategy adds to the bill: cache nodes, replicas, CDN traffic, or nothing.", 2),
 ("recompute", "Avoids recomputation", "Whether an expensive result (aggregation, rendered fragment, external call) is computed once and reused, instead of on every read.", 0),
 ("write-offload", "Write absorption", "How many writes the strategy keeps away from the database by batching or coalescing them (only write-behind does this).", 0),
 ("coherence", "Coherence across instances", "Whether all application instances see the same cached value after an update.", 1),
 ("capacity", "Hot-set capacity", "How large a hot data set the strategy can hold before its hit rate collapses.", 1),
 ("protection", "Data-protection footprint", "How many extra places hold copies of personal or card data that must be secured, listed in audits and erased on request.", 1),
]

options = {
 "none": ("No cache: serve reads from the database (fix queries first, then scale it)",
  "Serve reads from the system of record; make them fast with indexes, query fixes (N+1, pagination) and connection pooling, and when the reads themselves exceed the primary, scale the database (larger instance, or sharding) before adding a second copy of the data.",
  {"latency": (-2, "Every read is a database round trip (milliseconds for an indexed lookup, more under load), against microseconds in process or sub-millisecond in a cache."),
   "offload": (-2, "Every read reaches the primary; only query and index work reduce its cost."),
   "freshness": (2, "Reads come from the system of record: never stale."),
   "durability": (0, "One copy of the data; nothing can acknowledge a write the database did not take."),
   "write-offload": (0, "Every write goes to the database, as it does today."),
   "recompute": (-2, "Every read recomputes the result."),
   "simplicity": (2, "No invalidation code, no second copy, no stampede handling."),
   "ops": (2, "No extra service to run."),
   "cost": (-1, "No cache nodes, but read load is paid for with a larger database instance, which costs more per read served than cache memory."),
   "coherence": (0, "Nothing is cached, so there is nothing to keep coherent (freshness covers what readers see)."),
   "capacity": (1, "Not a cache: the database serves the whole data set, hot pages from its buffer cache and the rest from disk; a larger instance (more memory) grows that buffer cache."),
   "protection": (2, "No extra copy of personal or card data.")},
  [("PostgreSQL: Using EXPLAIN", PG_EXPLAIN), ("Use The Index, Luke", LUKE), ("AWS Builders' Library: Caching challenges and strategies", BLIB)],
  "p95/p99 latency of the slowest endpoints and the database's CPU and read IOPS are on a dashboard with SLO alerts; a slow-query log (e.g. pg_stat_statements top 10) is reviewed each sprint; this ADR is revisited when an SLO is breached after query tuning."),
 "in-process": ("In-process cache (per-instance memory)",
  "Each application instance keeps hot values in its own memory (Caffeine, IMemoryCache, an LRU map) with a size bound and a short TTL.",
  {"latency": (2, "A heap lookup takes microseconds; no network hop or serialisation."),
   "offload": (1, "Each instance warms its own copy, so N instances send N misses per key and TTL."),
   "freshness": (-1, "Values live until their TTL unless every instance is told to evict (pub/sub or Redis client tracking)."),
   "durability": (0, "Only read results are cached; writes go to the database."),
   "write-offload": (0, "Writes go to the database unchanged."),
   "recompute": (1, "A computed result is reused by one instance until its TTL; each instance computes it once."),
   "simplicity": (0, "A library and a size bound, but keeping several instances' copies in step needs pub/sub invalidation or acceptance of TTL staleness."),
   "ops": (2, "Nothing new to run; memory is the application's."),
   "cost": (0, "Uses application memory, but every instance holds its own copy of the same data."),
   "coherence": (-2, "Every instance holds its own copy; after an update instances disagree until their TTLs expire."),
   "capacity": (-2, "Bounded by one instance's heap; a hot set of tens of GB does not fit, and large heaps lengthen GC pauses."),
   "protection": (0, "No new data store, but personal data sits in every instance's heap and in heap dumps.")},
  [("Caffeine (Java) documentation", CAFFEINE), ("ASP.NET Core: Cache in-memory", NET_MEM), ("Azure Architecture Center: Caching guidance (private caching)", AZ_CACHING)],
  "Hit ratio, size and eviction count per instance are exported as metrics; a test asserts the cache has a maximum size and every entry a TTL; the longest observed staleness after an update is measured in staging and stays under the agreed bound."),
 "aside": ("Cache-aside with a shared cache (Valkey, Redis or Memcached)",
  "The application reads the cache, on a miss loads from the database and stores the result with a TTL; on a write it updates the database and then deletes the key. The database stays the only system of record.",
  {"latency": (1, "A network round trip to an in-memory store: sub-millisecond in the same zone."),
   "offload": (2, "All instances share one warm copy, so each key misses once per TTL or invalidation."),
   "freshness": (0, "Delete-after-write plus a TTL bounds staleness and gives a user their own writes, but a concurrent read can repopulate an old value in the race window."),
   "durability": (0, "The cache holds copies only; losing it loses nothing but hit rate."),
   "write-offload": (-1, "Writes still all reach the database, and each also deletes a cache key."),
   "recompute": (2, "A computed result is stored once and shared by every instance until TTL or invalidation."),
   "simplicity": (-1, "Every write path must invalidate the right keys, and misses on hot keys need stampede protection."),
   "ops": (-1, "A new service to run, secure and monitor (a managed or serverless service cuts this)."),
   "cost": (-1, "Cache nodes or serverless capacity billed by data stored and requests."),
   "coherence": (1, "One shared copy; instances agree once the key is deleted."),
   "capacity": (2, "Cluster mode shards keys across nodes (ElastiCache and Memorystore for Valkey scale to hundreds of GB), so the hot set can exceed one machine's memory."),
   "protection": (-1, "A second store holds personal data: it needs TLS, ACL users, encryption at rest and erasure.")},
  [("AWS whitepaper: Database caching strategies using Redis (caching patterns)", AWS_PAT),
   ("Azure Architecture Center: Cache-Aside pattern", AZ_ASIDE),
   ("Amazon ElastiCache: caching strategies", EC_STRAT), ("Valkey", VALKEY)],
  "Hit ratio, evictions, memory use and p99 cache latency are alerted on; an integration test updates a row and asserts the next read returns the new value within the agreed staleness; a chaos test flushes the cache under production-like load in staging and shows that request coalescing, warm-up or load shedding keep the database within capacity while the cache refills; every key has a TTL (checked by a sampled SCAN)."),
 "through": ("Read-through / write-through cache",
  "The cache layer (a caching library or provider such as Hazelcast MapStore or DynamoDB Accelerator) loads misses from the database itself and writes every update to the database synchronously before acknowledging.",
  {"latency": (1, "Reads as fast as cache-aside; writes are slower, because they go to cache and database before returning."),
   "offload": (2, "Reads hit one shared, always-populated copy."),
   "freshness": (1, "Writes made through the cache update it synchronously; writes that bypass it (batch jobs, other services) still leave stale entries."),
   "durability": (0, "The database write completes before the acknowledgement."),
   "write-offload": (-2, "Every write goes to both the cache and the database, so write load rises rather than falls."),
   "recompute": (-2, "It caches the records that are written, not derived results; aggregates still need their own cache-aside key or view."),
   "simplicity": (-2, "Every writer must go through the cache layer, and few caching layers can load and store relational aggregates without custom loader code."),
   "ops": (-1, "A cache cluster or provider library to run and upgrade."),
   "cost": (-2, "Every written item is cached, including the many that are never read again."),
   "coherence": (2, "One shared copy, updated on every write, so there is no miss window after an update."),
   "capacity": (2, "A distributed cache shards data across nodes, like cache-aside."),
   "protection": (-2, "A second store holds every written record, personal data included, whether or not it is ever read.")},
  [("AWS whitepaper: caching patterns (write-through)", AWS_PAT),
   ("Hazelcast: MapStore read-through and write-through", HZ_MAPSTORE),
   ("DynamoDB Accelerator (DAX): read and write consistency", DAX)],
  "A contract test fails the build if any code path writes the cached tables without going through the cache layer; write p99 (cache + database) is alerted on; hit ratio and cache memory are tracked."),
 "behind": ("Write-behind (write-back) cache",
  "Writes are acknowledged once they are in the cache and flushed to the database later in batches. Use only for data whose last seconds may be lost (approximate counters, metrics), never for the system of record.",
  {"latency": (1, "Writes and reads return at cache speed."),
   "offload": (2, "Reads are served from the cache, which always holds the latest value."),
   "freshness": (-2, "The database lags the cache by the flush interval; anything reading the database (reports, other services, replicas) sees old values."),
   "write-offload": (2, "Many writes to one key collapse into one batched database write."),
   "recompute": (-1, "It buffers written values; derived results still have to be computed."),
   "durability": (-2, "Acknowledged writes exist only in cache memory until flushed; a node failure loses them (Redis appendfsync everysec can lose about a second even with AOF)."),
   "simplicity": (-2, "Flush ordering, retries, conflict handling and replay after a crash must all be built and tested."),
   "ops": (-2, "A cache cluster whose failure now loses data: persistence, replicas, failover drills and flush-lag alerts are mandatory."),
   "cost": (-2, "Cache nodes sized for the write buffer, with AOF persistence and replicas because the cache now holds unflushed data."),
   "coherence": (2, "The shared cache holds the current value; every instance reads it."),
   "capacity": (1, "A distributed cache shards the buffer."),
   "protection": (-1, "The cache holds the only copy of recent writes, which must be secured like the database.")},
  [("AWS whitepaper: caching patterns", AWS_PAT), ("Redis persistence (AOF fsync policies)", R_PERSIST),
   ("Hazelcast: MapStore write-behind", HZ_MAPSTORE)],
  "A failure test kills the cache primary under load in staging and measures the writes lost against the stated loss budget; flush lag (oldest unflushed write age) is alerted on; a reconciliation job compares cache totals with the database daily."),
 "http": ("HTTP and CDN caching (Cache-Control, ETag, edge cache)",
  "Responses carry Cache-Control, ETag and Vary so browsers, proxies and a CDN reuse them (RFC 9111); shared caches store only public responses, per-user responses are private or no-store.",
  {"latency": (2, "A hit is served by the browser or an edge location, with no origin round trip at all."),
   "offload": (2, "Hits never reach the application or the database; conditional requests (ETag, 304) save the body transfer."),
   "freshness": (-1, "Stale until max-age expires; CDN entries can be purged, but copies in browsers cannot."),
   "durability": (0, "Only responses are cached; writes go to the origin."),
   "write-offload": (0, "Writes go to the origin unchanged."),
   "recompute": (2, "A rendered response is reused by every client until max-age, with no origin work at all (for identical URL and Vary headers)."),
   "simplicity": (1, "Headers instead of code, but Vary, private/no-store and purge rules must be right or users see each other's pages."),
   "ops": (2, "The browser and a managed CDN do the caching; there are no cache servers to run."),
   "cost": (1, "CDN egress is usually cheaper than serving the same bytes from the origin."),
   "coherence": (0, "Each browser and edge location has its own copy until max-age or purge."),
   "capacity": (1, "A CDN holds large and long-tail content across its edge locations."),
   "protection": (-1, "A shared cache that stores a personalised response serves it to the next user; misconfigured headers leak data.")},
  [("RFC 9111: HTTP Caching", RFC9111), ("RFC 9110: HTTP Semantics (conditional requests)", RFC9110),
   ("RFC 5861: stale-while-revalidate and stale-if-error", RFC5861)],
  "An HTTP test suite asserts the Cache-Control, Vary and ETag headers of every route (public routes cacheable, authenticated routes private or no-store); CDN hit ratio and origin request rate are on a dashboard; a purge runbook is tested after each deploy that changes cached content."),
 "db-side": ("Materialized views or read replicas instead of a cache",
  "Keep reads in the database: precompute expensive results in materialized views (refreshed on a schedule) or send read-only queries to replicas; no application-side cache and no invalidation code.",
  {"latency": (0, "Still a database query, but against a precomputed result or an unloaded replica."),
   "offload": (1, "Replicas take reads off the primary, but each replica serves no more reads than the primary could; a cache node serves far more per node."),
   "recompute": (2, "A materialized view computes the aggregate once per refresh, and queries read the stored result."),
   "freshness": (-2, "Views are as old as their last refresh (minutes to hours) and replicas lag the primary; neither can be invalidated on a write."),
   "durability": (0, "The primary stays the only writer."),
   "write-offload": (-1, "Every write is replayed on each replica, and views recompute on refresh."),
   "simplicity": (0, "No invalidation code, but read/write routing to replicas, refresh jobs and lag-tolerant queries must be built."),
   "ops": (0, "Replicas are a managed setting and views a scheduled REFRESH; lag and refresh duration must be watched."),
   "cost": (-1, "A view costs storage and refresh CPU on the existing database; a replica is a full database instance."),
   "coherence": (1, "Instances reading one replica agree, but two replicas can be at different lag."),
   "capacity": (1, "Replicas and views hold the full data set, from buffer cache and disk, like the primary."),
   "protection": (1, "Data stays inside the database with its existing access control; erasure reaches views at the next refresh.")},
  [("PostgreSQL: Materialized views", PG_MV), ("PostgreSQL: REFRESH MATERIALIZED VIEW", PG_REFRESH),
   ("Amazon RDS: working with read replicas", RDS_RR)],
  "Replica lag and view age are alerted on against the agreed staleness; the refresh job's duration is tracked; a test routes a read-after-write to the primary and asserts it sees the write."),
}

TIE = ["none", "db-side", "aside", "http", "in-process", "through", "behind"]

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
SHARED = ["aside", "through", "behind"]
ALLC = ["in-process", "aside", "through", "behind", "http"]

B_SLOW = "Specific queries are slow (missing index, N+1 queries, poor plan)"
B_VOL = "Read volume on hot data saturates the database"
B_DER = "Expensive derived results (aggregations, reports, rendered fragments)"
B_NONE = "Nothing is slow yet; caching is planned ahead"
R_READ = "Read-heavy: ten or more reads per write"
R_KEEP = "Frequently written data whose every acknowledged write must survive (fewer than ten reads per write)"
R_LOSS = "Frequently written approximate data (counters, metrics) that may lose its last seconds of writes"
S_MIN = "Seconds to minutes of staleness are acceptable"
S_RYW = "Users must see their own writes immediately"
S_LIN = "Every read must reflect the latest committed write"
AU_PUB = "Responses are the same for every user (catalogue, public pages)"
AU_USER = "Responses differ per user or per tenant"
AU_INT = "The data is used inside the service, not returned as cacheable HTTP responses"
Z_FIT = "The hot set fits in one instance's memory (megabytes to a few GB)"
Z_BIG = "The hot set is larger than one instance's memory (tens of GB or more)"
I_ONE = "One application instance"
I_MANY = "Several long-running instances behind a load balancer"
I_FN = "Serverless functions (many short-lived instances)"
H_SPREAD = "Reads are spread over many keys"
H_HOT = "A few keys take a large share of reads and are expensive to recompute"
PCI = "PCI DSS: payment card data is stored, processed or transmitted"

nodes = [
 {"id": "q-ratio", "kind": "question",
  "prompt": "Which describes how the data you would cache is written?",
  "help": "Caches pay off on data read many times per write; frequently written data goes stale quickly, and only write-behind absorbs writes, at the price of losing acknowledged ones.",
  "answers": [
   A(R_READ, "Read caching pays off; write-behind is out.", "q-bottleneck",
     [raise_("offload"),
      out("behind", "Write-behind buys nothing for read-heavy data and makes the cache the only copy of acknowledged writes until they are flushed.")]),
   A(R_KEEP, "Cached copies go stale fast and every write must be durable before it is acknowledged.", "q-bottleneck",
     [lower("offload"), raise_("freshness"), set_("durability", 5), set_("write-offload", 2),
      out("behind", "Write-behind acknowledges writes that exist only in cache memory; a cache failure loses them, which contradicts 'every acknowledged write must survive'.")]),
   A(R_LOSS, "Absorbing writes matters; a bounded loss window is accepted.", "q-bottleneck",
     [set_("durability", 1), set_("write-offload", 5), set_("offload", 2), lower("simplicity"),
      note("Write the loss budget into the ADR (e.g. at most 1 s of increments), enable AOF with appendfsync everysec and a replica, and flush to the database in idempotent batches (upserts keyed by counter and time bucket).", R_PERSIST, ["behind"]),
      note("Managed caches differ in what survives a node failure: plain ElastiCache replicas replicate asynchronously (a primary failure loses what they had not received) and ElastiCache Serverless offers no durability option; ElastiCache durability (Valkey 9.0+, node-based, Multi-AZ transaction log: synchronous writes lose nothing, asynchronous writes up to about 10 s) or Amazon MemoryDB bound the loss. Size the loss budget to the service you run.", EC_DUR, ["behind"]),
      note("Never use write-behind for the system of record: an in-memory store must not be the only copy of orders, balances or user state.", AWS_PAT, ["behind"])]),
  ]},
 {"id": "q-bottleneck", "kind": "question",
  "prompt": "What makes reads slow or expensive today?",
  "help": "A cache hides a slow query instead of fixing it and adds a second copy to keep correct; it pays off only when the database is doing repeated work it cannot avoid.",
  "answers": [
   A(B_SLOW, "Fixing the queries comes first; a cache would mask them.", "q-staleness",
     [raise_("simplicity", 2), set_("offload", 1), set_("latency", 1),
      note("Before caching, run EXPLAIN (ANALYZE, BUFFERS) on the slowest statements from pg_stat_statements (or the engine's equivalent), add the missing indexes, and remove N+1 query loops; re-measure p99 afterwards.", PG_EXPLAIN)]),
   A(B_VOL, "Offloading repeated reads matters most.", "q-staleness", [set_("offload", 5), raise_("latency"), lower("simplicity")]),
   A(B_DER, "Precomputing results matters most; a view or a cached result both work.", "q-staleness",
     [set_("offload", 2), set_("recompute", 5), set_("latency", 1),
      note("Use REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a unique index on the view) so readers are not blocked during refresh; schedule it at the staleness the readers accept.", PG_REFRESH, ["db-side"])]),
   A(B_NONE, "Without a measured problem, the simplest option weighs most.", "q-staleness",
     [set_("simplicity", 5), set_("offload", 1), set_("latency", 0), set_("write-offload", 1),
      note("Define the latency SLO and measure p99 and database load before adding a cache; record the threshold that would reopen this decision.", BLIB)]),
  ]},
 {"id": "q-staleness", "kind": "question",
  "prompt": "How stale may a read be?",
  "help": "Every cache trades freshness for speed; if a read must see the latest write, no cached copy can serve it, whatever its hit rate.",
  "answers": [
   A(S_MIN, "Freshness weighs less; TTL-based caching is acceptable.", "q-compliance", [lower("freshness", 2)]),
   A(S_RYW, "A user's own write must be visible on the next read, from any instance.", "q-compliance",
     [raise_("freshness"), raise_("coherence", 2),
      note("After a user writes, read that user's data from the primary (or bypass the cache) for a short window, or delete the cached key before acknowledging the write.", AZ_ASIDE, ["aside", "through", "in-process"]),
      note("Route a user's reads to the primary for a few seconds after their write; replicas lag.", RDS_RR, ["db-side"]),
      note("A browser or CDN keeps serving the pre-write copy until max-age: for pages users edit, send Cache-Control: no-cache with an ETag (every request revalidates, unchanged pages cost a 304), or purge the changed URLs before acknowledging the write and check how long the CDN's invalidation takes; long max-age only on content nobody edits in place (versioned URLs).", RFC9111, ["http"])]),
   A(S_LIN, "Only the primary can serve these reads; no cached or replicated copy qualifies.", "q-compliance",
     [set_("freshness", 5),
      out("in-process", "Per-instance copies expire on a TTL; they cannot guarantee the latest committed write."),
      out("http", "Browser and CDN copies are served until max-age or purge; they cannot guarantee the latest committed write."),
      out("db-side", "Replicas replicate asynchronously and materialized views are as old as their last refresh; neither guarantees the latest committed write."),
      out("behind", "With write-behind the database lags the cache, so readers of the database miss recent writes."),
      out("aside", "Cache-aside cannot guarantee the latest committed write: a reader can repopulate the cache with an old value between another request's database write and its key delete."),
      out("through", "The database commit and the cache update are not atomic, and writes that bypass the cache leave it stale; write-through caches such as DAX pass strongly consistent reads to the database for this reason."),
      note("Serve these reads from the primary; if a cache is still used for other data, keep these keys out of it.", AZ_CACHING),
      note("If these reads saturate the primary, no cache can take them: first narrow which reads truly need the latest committed write (often a few screens, not the whole API) and cache the rest; then scale the primary vertically or shard the data. Record the read rate at which that scaling decision is reopened.", DAX, ["none"])]),
  ]},
 {"id": "q-compliance", "kind": "question", "fact": "compliance", "multi": True, "next": "q-audience",
  "prompt": "Which regimes apply to the data you would cache?",
  "help": "A cache is storage: whatever regulated data it holds brings its access, encryption, retention and erasure duties with it.",
  "answers": [
   A(PCI, "Every cached copy of card data is in PCI DSS scope.",
     effects=[set_("protection", 2),
      note("Do not cache sensitive authentication data (PCI DSS v4.0.1 Req. 3.3.1: not retained after authorisation, and a cache is storage); if PAN must be cached, it must be unreadable (Req. 3.5.1) and the cache is part of the cardholder data environment. Prefer caching tokens.", PCI_LIB, SHARED + ["in-process"]),
      note("Send Cache-Control: no-store on every response that contains card data, so no browser or CDN keeps it.", RFC9111, ["http"])]),
   A("HIPAA: protected health information of US patients", "Cached ePHI needs access control, encryption and audit like the database.",
     effects=[set_("protection", 2),
      note("Use a cache service covered by your BAA, require TLS (45 CFR 164.312(e)(1) transmission security) and encryption at rest (164.312(a)(2)(iv)), and use per-service ACL users so access is attributable (164.312(b)).", HIPAA, SHARED),
      note("An in-process cache puts ePHI in every instance's heap: disable heap and crash dumps in production or encrypt and access-control them, and keep the cache out of debug endpoints.", HIPAA, ["in-process"])]),
   A("GDPR or similar personal-data law", "Cached personal data must be erasable and time-bounded.",
     effects=[set_("protection", 2),
      note("Erasure (GDPR Art. 17) must reach caches: delete the person's keys in the erasure job, and keep TTLs short so storage limitation (Art. 5(1)(e)) holds for copies.", GDPR, SHARED + ["in-process"]),
      note("Purge CDN entries that contain personal data in the erasure job, and never let shared caches store personalised responses.", GDPR, ["http"])]),
   A("SOC 2 or ISO/IEC 27001 audit", "The cache is an in-scope data store.",
     effects=[note("List the cache in the asset inventory, disable the default user, use ACL users per service, and alert on configuration changes; auditors sample these controls.", AICPA, SHARED)]),
   A("FedRAMP or other government authorisation", "The cache must sit inside the authorised boundary.",
     effects=[note("Use a cache or CDN service that is authorised at the required FedRAMP level in your region, inside the system boundary.", FEDRAMP, SHARED + ["http"])]),
   A("None of these", "No regulation adds weight.", exclusive=True),
  ]},
 {"id": "q-audience", "kind": "question",
  "prompt": "Who receives the cached data?",
  "help": "Public responses can be cached by browsers and CDNs for free; per-user responses may only be cached privately, and data used inside the service never reaches an HTTP cache.",
  "answers": [
   A(AU_PUB, "Edge and browser caching can serve most reads.", "q-size", [raise_("latency")]),
   A(AU_USER, "Shared HTTP caches (CDN, proxies) must not store these responses.", "q-size",
     [raise_("protection"), raise_("freshness"),
      out("http", "A CDN or other shared cache must not store per-user responses (RFC 9111 private); only the user's own browser may keep them, which saves that user's repeat requests but none of the shared offload this option stands for. The Cache-Control: private note below still applies."),
      note("Mark per-user responses Cache-Control: private (or no-store for sensitive data) so no shared cache stores them, and use ETag revalidation to save bandwidth (RFC 9111 sections 3, 4.3 and 5.2.2.7).", RFC9111),
      note("Put the user or tenant id in every cache key, and test that one user's key can never be read for another.", AZ_CACHING, ["in-process", "aside", "through", "behind"])]),
   A(AU_INT, "HTTP caching does not apply.", "q-size",
     [out("http", "The data is not returned as HTTP responses that a browser or CDN could cache.")]),
  ]},
 {"id": "q-size", "kind": "question",
  "prompt": "How large is the hot data set?",
  "help": "An in-process cache is bounded by one instance's memory; a larger hot set needs a sharded cache or stays in the database.",
  "answers": [
   A(Z_FIT, "Any cache can hold it.", "q-instances", [lower("capacity")]),
   A(Z_BIG, "Capacity weighs most; per-instance caches would thrash.", "q-instances",
     [set_("capacity", 5),
      note("Size the cache for the hot set plus 25 % headroom, set maxmemory and an eviction policy (allkeys-lru or allkeys-lfu for a pure cache), and alert on evictions.", R_EVICT, ["aside", "through"]),
      note("Set maxmemory-policy noeviction for the write-behind buffer: evicting an unflushed key silently loses a write; alert on memory use well before the limit.", R_EVICT, ["behind"])]),
  ]},
 {"id": "q-instances", "kind": "question",
  "prompt": "How does the application run?",
  "help": "Per-instance caches disagree across instances and start cold on every new instance; the more instances, the more a shared cache or the database wins.",
  "answers": [
   A(I_ONE, "Coherence across instances does not matter.", "q-hot", [set_("coherence", 0)]),
   A(I_MANY, "Instances must agree after an update.", "q-hot",
     [raise_("coherence", 2),
      note("Broadcast invalidations to every instance (Redis/Valkey pub/sub or client-side caching with CLIENT TRACKING) or keep TTLs at the staleness you accept.", R_CSC, ["in-process"])]),
   A(I_FN, "Per-instance memory rarely survives; a shared or edge cache does.", "q-hot",
     [raise_("coherence", 2), raise_("offload"),
      note("A serverless instance's memory lives only while its execution environment is reused, so the hit rate is low and every cold start misses.", "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html", ["in-process"]),
      note("Reuse the cache client across invocations (create it outside the handler) and cap connections per function; ElastiCache Serverless avoids sizing nodes, while Memorystore for Valkey and Azure Managed Redis are sized by node type or SKU and must be scaled ahead of load.", EC_WHAT, SHARED)]),
  ]},
 {"id": "q-hot", "kind": "question",
  "prompt": "How are reads spread over keys?",
  "help": "When a hot key expires, every concurrent request recomputes it at once (a cache stampede) and the database gets the full load the cache was hiding.",
  "answers": [
   A(H_SPREAD, "Stampedes are unlikely; plain TTLs with jitter suffice.", "q-ops",
     [note("Add random jitter (e.g. ±10 %) to TTLs so keys written together (bulk loads, deploy warm-up) do not expire together.", AWS_BP, ALLC)]),
   A(H_HOT, "Stampede protection and hot-key handling are required.", "q-ops",
     [raise_("offload"),
      note("Protect hot keys from stampedes: coalesce concurrent misses into one load per key (single-flight) and refresh before expiry with probabilistic early expiration (XFetch).", XFETCH, ["in-process", "aside", "through"]),
      note("Across instances, take a short lock (SET key NX PX) so one caller recomputes a hot key while the others serve the previous value; that needs a soft expiry stored inside the value and a longer hard TTL, otherwise there is no previous value to serve.", "https://redis.io/docs/latest/commands/set/", ["aside", "through"]),
      note("Spread one hot key's reads: a short in-process layer in front of the shared cache, or read replicas of the cache; a single key lives on one shard.", EC_STRAT, ["aside", "through"]),
      note("Use stale-while-revalidate (RFC 5861) and the CDN's request collapsing so one origin request refreshes a hot URL.", RFC5861, ["http"]),
      note("Refresh the view on a schedule instead of on demand, so no request waits for the recomputation.", PG_REFRESH, ["db-side"])]),
  ]},
 {"id": "q-ops", "kind": "question", "fact": "ops-capacity",
  "prompt": "Who runs the infrastructure?",
  "help": "A shared cache is one more stateful service to patch, fail over and watch; with little operations capacity only managed or no-new-service options are realistic.",
  "answers": [
   A("A platform or SRE team runs infrastructure for us", "Running a cache cluster is affordable.", "o-cache",
     [note("Self-run: Valkey (BSD-3-Clause, Linux Foundation) or Redis 8 (you choose RSALv2, SSPLv1 or AGPLv3; Redis 7.2 and earlier are BSD); check the licence against your distribution policy.", R_LIC, SHARED)]),
   A("The product team runs its own infrastructure", "Operations work competes with features; operational burden weighs more.", "o-cache",
     [raise_("ops", 2),
      note("Prefer a managed cache service with Multi-AZ failover over a self-run cluster; if self-run, Valkey (BSD-3-Clause) or Redis 8 under AGPLv3 are the OSI-licensed choices.", R_LIC, SHARED)]),
   A("Little operations capacity: we buy managed services", "Managed services carry most of the burden; operational burden weighs a little more.", "o-cache",
     [raise_("ops"),
      note("Use a managed service: ElastiCache (Serverless, Valkey), Memorystore for Valkey (Memorystore for Memcached is deprecated: no new projects after 2027-02-01, shut down 2029-01-31), or Azure Managed Redis (Azure Cache for Redis retires: Enterprise tiers 2027-03-31, Basic/Standard/Premium 2028-09-30).", AZ_RETIRE, ["aside", "through"]),
      note("For a write-behind buffer pick a managed service with a persistence or durability option (ElastiCache node-based with durability, MemoryDB, or a Memorystore or Azure Managed Redis tier with persistence enabled), not a pure cache tier.", MEMDB, ["behind"])]),
  ]},
 {"id": "o-cache", "kind": "outcome", "options": [c(o) for o in options],
  "title": "Caching strategy",
  "context": "Reads of data owned by the system of record need to be faster or cheaper; this decides whether to cache at all and where (process, shared cache, HTTP edge, or inside the database), with the database remaining the only system of record."},
]

def chk(name, when, kind, opts, why, source):
    return {"name": name, "when": when, "expect": {kind: [c(o) for o in opts]}, "why": why, "source": source}
checks = [
 chk("behind-only-if-loss-acceptable", {"q-ratio": [R_READ, R_KEEP]}, "never", ["behind"], "Write-behind makes an in-memory cache the only copy of acknowledged writes; the review's H1: an in-memory store must never be the only copy of system-of-record data.", AWS_PAT),
 chk("linearizable-no-stale-copies", {"q-staleness": [S_LIN]}, "never", ["in-process", "http", "db-side", "behind"], "TTL-based, edge, replica and write-behind copies cannot guarantee the latest committed write.", RFC9111),
 chk("linearizable-primary", {"q-staleness": [S_LIN]}, "winner_in", ["none"], "When every read must be current, read the primary; even write-through caches such as DAX send strongly consistent reads to the database.", DAX),
 chk("unmeasured-no-cache", {"q-bottleneck": [B_NONE]}, "winner_in", ["none", "http"], "Without a measured problem, a cache is a second copy to keep correct for no benefit; HTTP headers are the only near-free cache.", BLIB),
 chk("slow-query-fix-first", {"q-bottleneck": [B_SLOW], "q-hot": [H_SPREAD]}, "winner_in", ["none", "http", "db-side"], "A slow query is fixed with an index or a rewrite, not hidden behind a cache.", PG_EXPLAIN),
 chk("big-hot-set-not-in-process", {"q-size": [Z_BIG]}, "never", ["in-process"], "A hot set larger than one instance's memory thrashes a per-instance cache.", AZ_CACHING),
 chk("ryw-many-instances-not-in-process", {"q-staleness": [S_RYW], "q-instances": [I_MANY, I_FN]}, "never", ["in-process"], "A write on one instance leaves other instances' copies stale until TTL; the user's next request may land elsewhere.", AZ_CACHING),
 chk("serverless-ryw-not-in-process", {"q-instances": [I_FN], "q-staleness": [S_RYW]}, "never", ["in-process"], "Short-lived serverless instances each hold their own copy; a user's next request lands on another instance with a stale or cold copy.", AZ_CACHING),
 chk("internal-not-http", {"q-audience": [AU_INT]}, "never", ["http"], "No HTTP response, no HTTP cache.", RFC9111),
 chk("per-user-not-http-when-cache-helps", {"q-audience": [AU_USER], "q-staleness": [S_RYW], "q-instances": [I_MANY]}, "never", ["http"], "Per-user responses that must reflect the user's own writes cannot be served from browser or CDN copies; only revalidation would be correct.", RFC9111),
 chk("public-stale-ok-http", {"q-audience": [AU_PUB], "q-staleness": [S_MIN], "q-bottleneck": [B_VOL], "q-ratio": [R_READ], "q-instances": [I_MANY, I_FN]}, "winner_in", ["http", "aside"], "Public, read-heavy content that tolerates staleness is the textbook case for Cache-Control and a CDN.", RFC9111),
 chk("derived-results-view-or-cache", {"q-bottleneck": [B_DER], "q-staleness": [S_MIN], "q-audience": [AU_INT]}, "winner_in", ["db-side", "aside", "in-process"], "Expensive aggregates that may be minutes old belong in a materialized view or a cached result.", PG_MV),
 chk("hot-volume-multi-instance-shared", {"q-bottleneck": [B_VOL], "q-ratio": [R_READ], "q-instances": [I_MANY], "q-audience": [AU_INT], "q-staleness": [S_RYW], "q-ops": ["A platform or SRE team runs infrastructure for us", "Little operations capacity: we buy managed services"]}, "winner_in", ["aside", "through", "db-side"], "Several instances offloading hot reads from the database: a shared cache-aside store is the standard answer.", AZ_ASIDE),
 chk("single-instance-small-in-process", {"q-bottleneck": [B_VOL], "q-instances": [I_ONE], "q-size": [Z_FIT], "q-audience": [AU_INT], "q-staleness": [S_MIN]}, "winner_in", ["in-process", "aside"], "One instance with a small hot set: process memory is the cheapest, fastest cache.", AZ_CACHING),
 chk("loss-ok-writes-behind-possible", {"q-ratio": [R_LOSS], "q-bottleneck": [B_VOL], "q-staleness": [S_MIN], "q-audience": [AU_INT], "q-instances": [I_MANY], "q-compliance": ["None of these"]}, "winner_in", ["behind", "aside", "through", "in-process"], "Write-heavy counters with a loss budget: batching writes in the cache is the accepted use of write-behind.", AWS_PAT),
 chk("keep-writes-never-behind", {"q-ratio": [R_KEEP]}, "never", ["behind"], "Every acknowledged write must be kept: write-behind cannot promise that.", R_PERSIST),
 chk("pci-never-behind", {"q-compliance": [PCI], "q-ratio": [R_READ, R_KEEP]}, "never", ["behind"], "Card transactions are system-of-record writes that must not be lost in a cache.", PCI_LIB),
 chk("saturating-reads-get-a-cache", {"q-bottleneck": [B_VOL], "q-ratio": [R_READ], "q-staleness": [S_MIN]}, "never", ["none"], "Read-heavy data that may be seconds to minutes stale and whose read volume saturates the database is the case caching exists for; 'fix the query first' does not apply when the queries are not the problem.", AWS_BP),
 chk("little-ops-unmeasured-none", {"q-bottleneck": [B_NONE], "q-audience": [AU_INT, AU_USER]}, "winner_in", ["none"], "No measured problem and no public HTTP content: no cache.", BLIB),
]

tree = {"$schema": "./schema.json", "format": 2, "id": "data-caching", "namespace": NS,
 "title": "Caching strategy",
 "description": "Decide whether and where to cache: no cache, in-process, shared cache-aside, read/write-through, write-behind, HTTP/CDN, or views and replicas.",
 "source": "Decision-Making Approaches › Database Design",
 "area": {"id": "database", "title": "Database Design", "position": 4},
 "references": [{"title": "AWS: Caching best practices", "url": AWS_BP},
   {"title": "AWS Builders' Library: Caching challenges and strategies", "url": BLIB},
   {"title": "Azure Architecture Center: Caching guidance", "url": AZ_CACHING},
   {"title": "RFC 9111: HTTP Caching", "url": RFC9111},
   {"title": "Google Cloud: Memorystore for Valkey", "url": GCP_VALKEY},
   {"title": "Google Cloud: migrate from Memorystore for Memcached to Memorystore for Valkey", "url": GCP_MEMC_DEP},
   {"title": "Azure Managed Redis overview", "url": AZ_AMR}],
 "tie_break": {"order": [c(o) for o in TIE], "why": "On a tie, prefer fewer copies of the data: no cache, then the database's own mechanisms, then one shared cache, then edge, per-instance and synchronous-write caches; write-behind last because it can lose writes."},
 "criteria": [{"id": c(i), "name": n, "description": d, "default_weight": w} for i, n, d, w in criteria],
 "options": [], "root": "q-ratio", "nodes": nodes, "checks": checks}
for oid, (name, summary, imp, refs, conf) in options.items():
    tree["options"].append({"id": c(oid), "name": name, "summary": summary,
      "impacts": {c(k): {"impact": v[0], "rationale": v[1]} for k, v in imp.items()},
      "references": [{"title": t, "url": u} for t, u in refs], "confirmation": conf})
json.dump(tree, open(sys.argv[1] if len(sys.argv) > 1 else "decision-trees/data-caching.json", "w"), indent=2, ensure_ascii=False)
