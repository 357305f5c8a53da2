#!/usr/bin/env python3
"""Generates decision-trees/data-store.json (tradeoffs tree format 2)."""
import json, sys

NS = "store"
def C(x): return f"{NS}.{x}"
def O(x): return f"{NS}.{x}"

CRIT = [
 ("integrity", "Transactional integrity", "Multi-row/multi-item ACID transactions, isolation level, and declarative constraints (foreign, unique, check) that keep a system of record correct without application code.", 4),
 ("query", "Query flexibility", "Answering new questions (joins, aggregations, filters on any column, secondary indexes) without redesigning the keys or copying the data elsewhere.", 3),
 ("latency", "Key-access latency", "p99 latency of point reads and writes by key at the target size; matters when the store sits on a request path with a tight latency budget.", 2),
 ("write-scale", "Horizontal write scale", "Whether writes and data volume can grow beyond one writable node by partitioning, without an application-level sharding layer.", 1),
 ("multi-region", "Multi-region writes and survival", "Whether several regions can accept writes at once and the store survives the loss of a whole region without manual promotion or lost acknowledged writes.", 0),
 ("ops", "Operational simplicity", "Effort to run it in production for this team: failover, backups and point-in-time restore, upgrades, capacity management, tuning.", 3),
 ("cost", "Cost", "Licence fees plus infrastructure (RAM, replicas, minimum cluster size) and the pricing model at the expected load.", 3),
 ("portability", "Portability and licence", "Open-source licence, self-hostable, and offered by several vendors or clouds, so the store can move without a rewrite.", 2),
 ("features", "In-database search features", "Geospatial queries, vector similarity search and full-text search inside the system of record, instead of a second store kept in sync.", 0),
 ("flexibility", "Schema flexibility", "How easily records vary in shape and new attributes appear without blocking DDL or a migration of every row.", 1),
 ("retention", "Time-ordered data handling", "Built-in expiry, time partitioning and compression for append-heavy, time-stamped data, so old data leaves cheaply.", 0),
 ("selfrun", "Built-in self-hosted HA", "When the team runs the engine itself: automatic failover and rebalancing built into the engine, without external tools such as Patroni or Orchestrator.", 0),
 ("skills-pg", "Existing PostgreSQL skills", "How much of the team's PostgreSQL experience, drivers and tooling carries over.", 0),
 ("skills-mysql", "Existing MySQL skills", "How much of the team's MySQL experience, drivers and tooling carries over.", 0),
 ("skills-mssql", "Existing SQL Server skills", "How much of the team's SQL Server and T-SQL experience and tooling carries over.", 0),
 ("skills-mongo", "Existing MongoDB skills", "How much of the team's MongoDB data-modelling and operations experience carries over.", 0),
 ("skills-cassandra", "Existing Cassandra skills", "How much of the team's Cassandra data-modelling, repair and compaction experience carries over.", 0),
]
CIDS = [c[0] for c in CRIT]

def ref(t, u): return {"title": t, "url": u}

NOPG = "Different engine: PostgreSQL administration and extensions do not carry over."
NOMY = "Different engine: MySQL administration and tooling do not carry over."
NOMS = "Different engine: T-SQL code and SQL Server tooling do not carry over."
NOMONGO = "Different data model and operations: MongoDB document-modelling and replica-set skills do not carry over."
NOCASS = "Different data model and operations: Cassandra query-first modelling and repair skills do not carry over."
MANAGED_ONLY = "Managed-only service: there is nothing to self-host, and self-hosting answers rule it out."

OPTS = {}
def opt(id, name, summary, imp, refs, confirmation, relations=None):
    assert set(imp) == set(CIDS), (id, set(CIDS) ^ set(imp))
    OPTS[id] = dict(id=O(id), name=name, summary=summary,
                    impacts={C(k): {"impact": v[0], "rationale": v[1]} for k, v in imp.items()},
                    references=[ref(*r) for r in refs], confirmation=confirmation)
    if relations: OPTS[id]["relations"] = relations

opt("postgresql", "PostgreSQL (single primary, managed or self-hosted)",
 "Open-source relational engine with one writable primary and streaming replicas; RDS, Aurora, Azure Flexible Server and Cloud SQL run it managed.",
 dict(integrity=(2, "Serializable snapshot isolation, deferrable foreign keys, check and exclusion constraints, transactional DDL."),
      query=(2, "Full SQL with joins, window functions, CTEs and parallel query; B-tree, GIN, GiST and BRIN indexes."),
      latency=(-1, "Millisecond indexed reads on one node; no in-memory tier, so p99 under load depends on the buffer-cache hit ratio, checkpoints and vacuum I/O."),
      **{"write-scale": (-2, "One writable primary: writes scale only vertically; sharding needs Citus or application code.")},
      **{"multi-region": (-2, "Cross-region replicas are read-only; a regional loss needs promotion and loses asynchronously replicated commits.")},
      ops=(1, "Managed everywhere; self-hosted it needs autovacuum tuning and transaction-ID wraparound monitoring."),
      cost=(2, "No licence fee; one primary plus one standby covers most OLTP loads up to a few TB."),
      portability=(2, "PostgreSQL Licence (OSI), every major cloud offers it, and the wire protocol is reused by many engines."),
      features=(2, "PostGIS for geospatial, pgvector for vector similarity, tsvector/GIN for full-text search."),
      flexibility=(1, "jsonb columns with GIN indexes hold variable attributes; DDL is transactional."),
      retention=(0, "Declarative partitioning lets old partitions be dropped, but expiry and compression are not built in."),
      selfrun=(0, "No built-in failover manager: Patroni or a Kubernetes operator (CloudNativePG) adds it; both are mature and widely run."),
      **{"skills-pg": (2, "It is PostgreSQL."), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("PostgreSQL: Transaction isolation", "https://www.postgresql.org/docs/current/transaction-iso.html"),
  ("PostgreSQL: High availability, load balancing and replication", "https://www.postgresql.org/docs/current/high-availability.html"),
  ("PostgreSQL: Routine vacuuming", "https://www.postgresql.org/docs/current/routine-vacuuming.html")],
 "Dashboards alert on replication lag, transaction-ID age (age(datfrozenxid) below 1 billion) and connection saturation; a quarterly restore drill proves the point-in-time-restore RPO; a CI test runs the migration suite against the production major version.")

opt("mysql", "MySQL (InnoDB, single primary)",
 "Open-source relational engine (InnoDB) with one writable primary; InnoDB Cluster adds built-in failover; RDS, Aurora, Azure and Cloud SQL run it managed.",
 dict(integrity=(1, "ACID InnoDB with CHECK constraints since 8.0.16, but DDL is not transactional and the default REPEATABLE READ allows lost updates without SELECT ... FOR UPDATE."),
      query=(1, "Joins, window functions and CTEs since 8.0, but no FULL OUTER JOIN and parallel reads only for clustered-index scans."),
      latency=(-1, "Millisecond primary-key reads through the clustered index; p99 under load depends on the buffer-pool hit ratio and flushing."),
      **{"write-scale": (-2, "One writable primary: horizontal writes need Vitess or application sharding.")},
      **{"multi-region": (-2, "Cross-region replicas are read-only; Group Replication multi-primary is meant for one data centre's latency.")},
      ops=(1, "Managed everywhere; InnoDB purges old row versions itself, so there is no vacuum or wraparound to monitor."),
      cost=(2, "Community edition is free (GPLv2); modest nodes serve most OLTP loads."),
      portability=(2, "GPLv2 server, every major cloud offers it, and Vitess, TiDB and others speak its protocol."),
      features=(0, "Spatial types with InnoDB R-tree indexes and InnoDB full-text exist; no vector index in Community MySQL."),
      flexibility=(0, "JSON columns indexed via generated columns or multi-valued indexes; DDL is not transactional."),
      retention=(0, "Partition pruning and DROP PARTITION remove old data; no built-in expiry or compression policy."),
      selfrun=(0, "InnoDB Cluster elects a new primary automatically, but MySQL Router and the cluster metadata must be run and upgraded too; Group Replication's default EVENTUAL consistency lets a new primary serve stale reads while it catches up."),
      **{"skills-pg": (0, NOPG), "skills-mysql": (2, "It is MySQL."), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("MySQL 8.4: InnoDB transaction isolation levels", "https://dev.mysql.com/doc/refman/8.4/en/innodb-transaction-isolation-levels.html"),
  ("MySQL 8.4: Group Replication", "https://dev.mysql.com/doc/refman/8.4/en/group-replication.html"),
  ("MySQL 8.4: group_replication_consistency", "https://dev.mysql.com/doc/refman/8.4/en/group-replication-system-variables.html")],
 "Alerts on replica lag and on Group Replication member state; a test suite runs every transaction that guards an invariant under concurrent load to catch lost updates; a quarterly restore drill proves the RPO.")

opt("sql-server", "Microsoft SQL Server 2025 / Azure SQL",
 "Commercial relational engine (Windows and Linux, SQL Server 2025) and its managed forms Azure SQL Database and Managed Instance; one writable primary per availability group.",
 dict(integrity=(2, "ACID with SNAPSHOT and SERIALIZABLE isolation, foreign keys, check constraints and row-level security."),
      query=(2, "T-SQL with columnstore batch mode and intelligent query processing for mixed OLTP and reporting."),
      latency=(-1, "Millisecond indexed reads from the buffer pool; In-Memory OLTP can go lower but is a design commitment."),
      **{"write-scale": (-2, "One writable primary per availability group; Hyperscale grows storage, not write nodes.")},
      **{"multi-region": (-1, "Availability groups and active geo-replication have one writer; peer-to-peer replication with last-writer-wins needs writes partitioned per node.")},
      ops=(1, "Azure SQL Database is fully managed with built-in HA; self-hosted full availability groups need Enterprise edition."),
      cost=(-1, "Per-core licences (Enterprise for full AGs); Express is free but capped at 50 GB per database in SQL Server 2025."),
      portability=(-1, "Proprietary; runs on Windows, Linux and every major cloud, but only Microsoft ships the engine."),
      features=(1, "Spatial types, full-text search, and a vector type with vector functions in SQL Server 2025."),
      flexibility=(1, "Native json type in SQL Server 2025 and Azure SQL; online index operations in Enterprise."),
      retention=(0, "Partition switching removes old data; no built-in time-based expiry."),
      selfrun=(1, "Always On availability groups fail over automatically (Enterprise; Standard has two-replica basic AGs)."),
      **{"skills-pg": (0, NOPG), "skills-mysql": (0, NOMY), "skills-mssql": (2, "It is SQL Server."), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("Editions and supported features of SQL Server 2025", "https://learn.microsoft.com/en-us/sql/sql-server/editions-and-components-of-sql-server-2025"),
  ("What is an Always On availability group?", "https://learn.microsoft.com/en-us/sql/database-engine/availability-groups/windows/overview-of-always-on-availability-groups-sql-server"),
  ("Peer-to-peer: conflict detection", "https://learn.microsoft.com/en-us/sql/relational-databases/replication/transactional/peer-to-peer-conflict-detection-in-peer-to-peer-replication")],
 "Licence count is tracked per core and reviewed each renewal; alerts on AG synchronisation state and redo queue; a quarterly restore drill proves the RPO.")

opt("citus", "PostgreSQL with Citus (sharded PostgreSQL)",
 "PostgreSQL extension that distributes tables by a shard key across worker nodes; self-hosted (AGPLv3) or managed as elastic clusters on Azure Database for PostgreSQL.",
 dict(integrity=(1, "ACID within the cluster, but foreign keys and unique constraints must include the distribution column."),
      query=(1, "PostgreSQL SQL; queries that filter on the distribution column route to one worker, others fan out to every shard."),
      latency=(-1, "Single-shard queries add a coordinator hop to PostgreSQL latency."),
      **{"write-scale": (2, "Writes and storage spread across worker nodes; shards rebalance online.")},
      **{"multi-region": (-2, "Every shard has one primary in one region; no multi-region writes.")},
      ops=(-1, "Shard-key design, rebalancing, and a coordinator plus workers each needing HA; only Azure runs it managed (elastic clusters)."),
      cost=(0, "No licence fee (AGPLv3), but a coordinator and at least two workers with standbys."),
      portability=(1, "AGPLv3 and self-hostable wherever PostgreSQL runs, but the only managed form is Azure's elastic clusters."),
      features=(2, "Distributed tables keep PostgreSQL extensions such as PostGIS and pgvector on each shard."),
      flexibility=(1, "jsonb and PostgreSQL DDL; DDL propagates to all shards."),
      retention=(1, "Time-partitioned distributed tables with columnar storage for older partitions."),
      selfrun=(-1, "Each node is PostgreSQL: self-hosted failover needs Patroni or an operator for every worker."),
      **{"skills-pg": (2, "It is PostgreSQL with an extension."), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("Citus documentation: choosing the distribution column", "https://docs.citusdata.com/en/stable/sharding/data_modeling.html"),
  ("Citus licence (AGPLv3)", "https://github.com/citusdata/citus/blob/main/LICENSE"),
  ("Azure Database for PostgreSQL: elastic clusters", "https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-elastic-clusters")],
 "A CI check runs EXPLAIN on the top queries and fails if a hot path becomes a multi-shard query; shard size skew above 2x raises an alert; a restore drill covers coordinator and workers together.")

opt("vitess", "MySQL with Vitess (sharded MySQL)",
 "CNCF-graduated sharding layer for MySQL (Apache 2.0) that routes queries by keyspace ID; self-hosted on Kubernetes or managed by PlanetScale.",
 dict(integrity=(0, "Single-shard transactions are ACID; cross-shard transactions are best-effort unless two-phase commit is enabled."),
      query=(0, "MySQL SQL through VTGate; cross-shard joins and aggregations are limited and slower."),
      latency=(-1, "One VTGate hop on top of MySQL primary-key latency."),
      **{"write-scale": (2, "Resharding splits keyspaces online; proven at very large MySQL fleets.")},
      **{"multi-region": (-2, "Each shard has one primary; cells in other regions serve reads.")},
      ops=(-1, "VTGate, VTTablet, topology service and resharding workflows to run, unless bought as PlanetScale."),
      cost=(0, "No licence fee, but many MySQL instances and proxies."),
      portability=(2, "Apache 2.0, runs anywhere on Kubernetes, speaks the MySQL protocol."),
      features=(-1, "Per-shard MySQL features; cross-shard full-text or spatial queries are not practical."),
      flexibility=(0, "Online schema changes are built in, but MySQL's JSON limits remain."),
      retention=(0, "MySQL partitioning per shard; no built-in expiry."),
      selfrun=(1, "VTOrc repairs replication and promotes a new primary automatically."),
      **{"skills-pg": (0, NOPG), "skills-mysql": (2, "Every shard is MySQL; drivers and SQL carry over."), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("Vitess documentation: sharding", "https://vitess.io/docs/reference/features/sharding/"),
  ("Vitess: distributed transactions", "https://vitess.io/docs/reference/features/distributed-transaction/"),
  ("PlanetScale documentation", "https://planetscale.com/docs")],
 "A query-plan test fails when a hot query becomes scatter-gather; alerts on per-shard replication lag and VTOrc recoveries; a resharding rehearsal runs on staging before capacity reaches 70 %.")

opt("cockroachdb", "CockroachDB",
 "Distributed SQL with PostgreSQL wire compatibility, serializable transactions and multi-region table localities; self-hosted or CockroachDB Cloud on AWS, Google Cloud and Azure.",
 dict(integrity=(2, "SERIALIZABLE is the default isolation; foreign keys and unique constraints hold across ranges."),
      query=(2, "PostgreSQL-dialect SQL with joins, secondary indexes on any column and a cost-based optimiser; PostgreSQL compatibility gaps (no extensions) count under PostgreSQL skills, not here."),
      latency=(-1, "Consensus writes cost a quorum round trip; cross-region transactions add WAN latency."),
      **{"write-scale": (2, "Ranges split and rebalance automatically across nodes.")},
      **{"multi-region": (2, "REGIONAL BY ROW tables and region survival goals keep writes flowing when a region fails.")},
      ops=(0, "One binary without external dependencies, but hot ranges, bounded clock skew (NTP) and upgrade finalisation need attention; CockroachDB Cloud takes most of it over."),
      cost=(-1, "CockroachDB Software License since 24.3: Enterprise Free only below US$10M annual revenue (telemetry required), a paid per-vCPU Enterprise licence above; three-node minimum."),
      portability=(0, "Source-available, not open source; self-hostable anywhere, managed on three clouds."),
      features=(1, "Built-in spatial types and vector indexing; no PostgreSQL extensions."),
      flexibility=(1, "JSONB with inverted indexes; online schema changes."),
      retention=(1, "Row-level TTL deletes expired rows in the background."),
      selfrun=(2, "Automatic re-replication and rebalancing after node loss, no external failover tool."),
      **{"skills-pg": (1, "PostgreSQL drivers and most SQL work; tuning and operations are different."), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("CockroachDB licensing FAQs", "https://www.cockroachlabs.com/docs/stable/licensing-faqs"),
  ("CockroachDB: multi-region capabilities overview", "https://www.cockroachlabs.com/docs/stable/multiregion-overview"),
  ("CockroachDB: PostgreSQL compatibility", "https://www.cockroachlabs.com/docs/stable/postgresql-compatibility")],
 "Transaction retry errors (40001) are counted and alerted above 1 % of transactions; a chaos test stops one region in staging each quarter and checks writes continue; the licence tier is reviewed against company revenue yearly.")

opt("yugabytedb", "YugabyteDB",
 "Distributed SQL (Apache 2.0) that reuses the PostgreSQL query layer (YSQL) on a Raft-replicated storage layer; self-hosted or managed as YugabyteDB Aeon.",
 dict(integrity=(2, "Distributed ACID transactions with Serializable, Snapshot and Read Committed isolation; foreign keys supported."),
      query=(2, "YSQL reuses PostgreSQL's query layer, so most PostgreSQL SQL, triggers and stored procedures work."),
      latency=(-1, "Raft quorum writes; cross-region transactions add WAN latency."),
      **{"write-scale": (2, "Tablets split and rebalance automatically across nodes.")},
      **{"multi-region": (2, "Synchronous stretch clusters keep writing through a region loss; row-level geo-partitioning places rows in their region (xCluster active-active is asynchronous).")},
      ops=(-1, "More moving parts than a single-node engine: master and tablet-server processes, tablet sizing and splitting; YugabyteDB Aeon takes most of it over."),
      cost=(0, "No licence fee for the database (Apache 2.0); three-node minimum per region for fault tolerance."),
      portability=(2, "Apache 2.0 database, self-hostable anywhere; YugabyteDB Anywhere tooling is separately licensed."),
      features=(1, "pgvector and many PostgreSQL extensions are bundled; not every extension is supported."),
      flexibility=(1, "jsonb with GIN indexes; online DDL."),
      retention=(0, "No built-in row expiry in YSQL; partition and drop by time."),
      selfrun=(2, "Raft leader election and re-replication after node loss are automatic."),
      **{"skills-pg": (1, "PostgreSQL query layer and drivers; storage, tuning and operations differ."), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("YugabyteDB: architecture", "https://docs.yugabyte.com/stable/architecture/"),
  ("YugabyteDB: multi-region deployments", "https://docs.yugabyte.com/stable/explore/multi-region-deployments/"),
  ("YugabyteDB licence (Apache 2.0)", "https://github.com/yugabyte/yugabyte-db/blob/master/LICENSE.md")],
 "A chaos test kills a node and then a region in staging and checks no acknowledged write is lost; alerts on tablet leader imbalance and follower lag; the PostgreSQL feature list used by the code is tested against YSQL in CI.")

opt("spanner", "Google Cloud Spanner",
 "Google Cloud's managed, externally consistent distributed SQL database with GoogleSQL and PostgreSQL dialects; multi-region configurations with a 99.999 % SLA.",
 dict(integrity=(2, "External consistency (TrueTime) for read-write transactions across shards and regions."),
      query=(2, "GoogleSQL with joins, secondary indexes and interleaved tables; the PostgreSQL dialect covers a subset of PostgreSQL."),
      latency=(-1, "Commit waits for a Paxos quorum; multi-region configurations add WAN latency to writes."),
      **{"write-scale": (2, "Splits rebalance automatically; capacity is added in processing units.")},
      **{"multi-region": (2, "Multi-region instance configurations keep read-write transactions available through a region loss.")},
      ops=(2, "Fully managed: no failover, patching or backups to run."),
      cost=(0, "Billed per processing unit from small fractional instances, with no three-node minimum; multi-region configurations cost several times regional ones."),
      portability=(-2, "Proprietary and Google Cloud only."),
      features=(1, "Full-text search and vector search (KNN/ANN) are built in."),
      flexibility=(0, "Schema changes are online but need planning; JSON type available."),
      retention=(1, "Row deletion policies (TTL) remove old rows in the background."),
      selfrun=(0, MANAGED_ONLY),
      **{"skills-pg": (0, "PostgreSQL interface is a subset; interleaving, hotspot-free keys and splits are Spanner skills."), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("Spanner: TrueTime and external consistency", "https://cloud.google.com/spanner/docs/true-time-external-consistency"),
  ("Spanner: instance configurations", "https://cloud.google.com/spanner/docs/instance-configurations"),
  ("Spanner: PostgreSQL interface", "https://cloud.google.com/spanner/docs/postgresql-interface")],
 "CPU utilisation per instance stays below Google's recommended maximum (alert); a key-design review rejects monotonically increasing primary keys; a regional failover exercise is run on a multi-region test instance.")

opt("aurora-dsql", "Amazon Aurora DSQL",
 "AWS's serverless, PostgreSQL-compatible distributed SQL database with active-active multi-Region clusters and no servers to size.",
 dict(integrity=(1, "ACID transactions with strong snapshot isolation, but no foreign keys, sequences or triggers."),
      query=(1, "PostgreSQL-compatible SQL with joins and secondary indexes; no extensions, temporary tables or materialized views."),
      latency=(-1, "Single-digit-millisecond reads; commits add a round trip, multi-Region commits a cross-Region one."),
      **{"write-scale": (2, "Serverless: reads, writes and storage scale independently without sharding.")},
      **{"multi-region": (2, "Multi-Region clusters accept strongly consistent writes in two Regions with a witness Region.")},
      ops=(2, "No instances, failover, patching or vacuum to manage."),
      cost=(1, "Pay per use (DPUs and storage): no idle instances or standby replicas to pay for."),
      portability=(-2, "Proprietary and AWS only; the PostgreSQL subset eases, but does not remove, a later move."),
      features=(-2, "No PostgreSQL extensions: no PostGIS, pgvector or pg_trgm."),
      flexibility=(0, "Asynchronous index creation; no partitions; some DDL limits per transaction."),
      retention=(-1, "No TTL and no partitions: old rows leave only through DELETE transactions, which count against per-transaction row limits."),
      selfrun=(0, MANAGED_ONLY),
      **{"skills-pg": (1, "PostgreSQL drivers and most SQL work; the unsupported-feature list must be checked."), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("Aurora DSQL: unsupported PostgreSQL features", "https://docs.aws.amazon.com/aurora-dsql/latest/userguide/working-with-postgresql-compatibility-unsupported-features.html"),
  ("Aurora DSQL: multi-Region clusters", "https://docs.aws.amazon.com/aurora-dsql/latest/userguide/what-is-aurora-dsql.html"),
  ("Aurora DSQL: cluster quotas and database limits", "https://docs.aws.amazon.com/aurora-dsql/latest/userguide/CHAP_quotas.html")],
 "CI runs the schema and queries against an Aurora DSQL cluster and fails on unsupported features; optimistic-concurrency aborts (OC000/OC001) are counted and alerted; a Region-evacuation exercise runs twice a year.")

opt("tidb", "TiDB",
 "MySQL-compatible distributed SQL database (Apache 2.0) with Raft-replicated TiKV storage and an optional columnar TiFlash replica; self-hosted or TiDB Cloud.",
 dict(integrity=(1, "Distributed ACID transactions, but only snapshot isolation (REPEATABLE READ) and READ COMMITTED: no SERIALIZABLE."),
      query=(1, "MySQL-dialect SQL with joins; TiFlash columnar replicas serve analytical queries."),
      latency=(-1, "Raft quorum writes plus timestamp-oracle round trips; cross-region placement adds WAN latency."),
      **{"write-scale": (2, "Regions split and rebalance automatically across TiKV nodes.")},
      **{"multi-region": (1, "Raft groups span regions and survive a region loss; every write still goes to the leader of its Raft group, wherever that region is.")},
      ops=(-1, "TiDB, TiKV and PD components to run and upgrade unless bought as TiDB Cloud."),
      cost=(0, "No licence fee; at least three TiKV and three PD nodes."),
      portability=(2, "Apache 2.0, self-hostable anywhere, speaks the MySQL protocol."),
      features=(0, "Vector search and full-text search are newer features; spatial types are not supported."),
      flexibility=(1, "Online DDL without locking tables."),
      retention=(1, "Row-level TTL on tables."),
      selfrun=(1, "Raft leader election is automatic; PD schedules rebalancing."),
      **{"skills-pg": (0, NOPG), "skills-mysql": (1, "MySQL drivers and most SQL work; operations are TiDB-specific."), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("TiDB architecture", "https://docs.pingcap.com/tidb/stable/tidb-architecture/"),
  ("TiDB: MySQL compatibility", "https://docs.pingcap.com/tidb/stable/mysql-compatibility/"),
  ("TiDB: multiple data centers in one city / cross-region deployment", "https://docs.pingcap.com/tidb/stable/multi-data-centers-in-one-city-deployment/")],
 "CI runs the MySQL test suite of the application against TiDB; alerts on TiKV store health and Raft leader balance; a region-loss exercise runs in staging each quarter.")

opt("mongodb", "MongoDB (replica set or sharded cluster)",
 "Document database storing JSON-like documents with secondary indexes and multi-document transactions; self-hosted (SSPL Community) or MongoDB Atlas on AWS, Azure and Google Cloud.",
 dict(integrity=(0, "Single-document writes are atomic and multi-document transactions exist (60 s default lifetime, slower across shards), but there are no foreign keys or check constraints: referential integrity lives in application code."),
      query=(1, "Rich queries and aggregation pipelines on indexed fields; $lookup joins are limited."),
      latency=(0, "Millisecond reads of a whole aggregate by _id when the working set fits the WiredTiger cache; no latency SLA at scale."),
      **{"write-scale": (2, "Hash or range sharding spreads writes over shards, with online resharding.")},
      **{"multi-region": (1, "One primary per shard, so no multi-region writes (like TiDB, every write goes to one leader); but a replica set spread over three regions elects a new primary automatically (about 12 s) and w:majority writes survive a region loss.")},
      ops=(1, "Atlas manages it; self-hosted replica sets elect a new primary automatically."),
      cost=(0, "Community edition free; Atlas priced per cluster tier; data is stored with field names per document."),
      portability=(0, "SSPL (not OSI); Atlas runs on three clouds; compatible services implement only subsets of the API."),
      features=(1, "Geospatial indexes; Atlas Search and Vector Search for full-text and similarity."),
      flexibility=(2, "Documents vary in shape; schema validation is optional."),
      retention=(1, "Time series collections and TTL indexes expire old documents."),
      selfrun=(2, "Replica sets elect a new primary automatically (about 12 s median)."),
      **{"skills-pg": (0, NOPG), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (2, "It is MongoDB."), "skills-cassandra": (0, NOCASS)}),
 [("MongoDB: data modeling", "https://www.mongodb.com/docs/manual/data-modeling/"),
  ("MongoDB: transactions in production", "https://www.mongodb.com/docs/manual/core/transactions-production-consideration/"),
  ("MongoDB: sharding", "https://www.mongodb.com/docs/manual/sharding/"),
  ("Server Side Public License", "https://www.mongodb.com/legal/licensing/server-side-public-license")],
 "Schema validation rules are versioned and tested in CI; alerts on replication lag, election count and chunk imbalance; a test fails if a hot query performs a COLLSCAN.")

opt("dynamodb", "Amazon DynamoDB",
 "AWS's serverless key-value and document store with partition-key access, single-digit-millisecond latency and global tables.",
 dict(integrity=(0, "Transactions of up to 100 items in one Region; no joins or foreign keys."),
      query=(-2, "Access by partition and sort key; new access patterns need new indexes or a table redesign."),
      latency=(1, "Single-digit-millisecond reads and writes at any scale."),
      **{"write-scale": (2, "Partitions split automatically; 1,000 WCU per partition is the per-key ceiling.")},
      **{"multi-region": (2, "Global tables: multi-active replicas, eventual (MREC) or strong (MRSC) multi-Region consistency.")},
      ops=(2, "Serverless: no nodes, patching or failover."),
      cost=(0, "On-demand or provisioned capacity; cheap at moderate volume, expensive for sustained write-heavy traffic and hot keys."),
      portability=(-2, "Proprietary and AWS only."),
      features=(-2, "No geospatial, full-text or vector queries."),
      flexibility=(2, "Schemaless items beyond the key attributes."),
      retention=(1, "TTL deletes expired items in the background at no write cost."),
      selfrun=(0, MANAGED_ONLY),
      **{"skills-pg": (0, NOPG), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("DynamoDB: partition key design", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html"),
  ("DynamoDB: transactions", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html"),
  ("DynamoDB: global tables", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html")],
 "Every access pattern is listed in the design doc and covered by a key or index; alerts on throttled requests and hot-partition (Contributor Insights) metrics; monthly cost per million requests is tracked.")

opt("cosmosdb", "Azure Cosmos DB for NoSQL",
 "Azure's globally distributed document database with five consistency levels, automatic partitioning and optional multi-region writes.",
 dict(integrity=(0, "Transactional batches only within one logical partition."),
      query=(0, "SQL-like queries over JSON within a partition; cross-partition queries fan out and cost more RUs."),
      latency=(1, "Single-digit-millisecond point reads backed by an SLA."),
      **{"write-scale": (2, "Physical partitions split automatically by partition key.")},
      **{"multi-region": (2, "Multi-region writes with conflict resolution; strong consistency is not available with multiple write regions.")},
      ops=(2, "Fully managed, including global distribution and backups."),
      cost=(0, "Request units per operation (serverless, autoscale or provisioned); every added region, and multi-region writes, multiply the bill."),
      portability=(-2, "Proprietary and Azure only."),
      features=(1, "Vector search, geospatial queries and full-text search in the NoSQL API."),
      flexibility=(2, "Schemaless JSON items."),
      retention=(1, "Per-item TTL deletes expired items."),
      selfrun=(0, MANAGED_ONLY),
      **{"skills-pg": (0, NOPG), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("Azure Cosmos DB: consistency levels", "https://learn.microsoft.com/en-us/azure/cosmos-db/consistency-levels"),
  ("Azure Cosmos DB: configure multi-region writes", "https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-multi-master"),
  ("Azure Cosmos DB: partitioning", "https://learn.microsoft.com/en-us/azure/cosmos-db/partitioning-overview")],
 "Alerts on 429 (rate-limited) responses and normalised RU consumption per partition; the chosen consistency level is recorded and tested; monthly RU cost per region is tracked.")

opt("bigtable", "Google Cloud Bigtable",
 "Google Cloud's managed wide-column store: rows sorted by row key, sparse column families, automatic tablet splitting, and clusters in several regions with asynchronous replication.",
 dict(integrity=(-1, "Each row mutation is atomic; no multi-row transactions, and single-row read-modify-write transactions need single-cluster routing."),
      query=(-1, "Row-key lookups and row-range scans; other access paths need a second table or a continuous materialized view; no joins."),
      latency=(1, "Single-digit-millisecond reads and writes by row key at sustained high throughput."),
      **{"write-scale": (2, "Tablets split and rebalance automatically; throughput grows with the node count (autoscaling available).")},
      **{"multi-region": (1, "Clusters in up to eight regions each accept reads and writes, but replication between them is asynchronous and eventually consistent.")},
      ops=(2, "Fully managed: no patching, failover or compaction tuning; node autoscaling."),
      cost=(0, "Billed per node-hour (at least one node per cluster) plus storage; every replicated cluster is billed again; cost-efficient at sustained high throughput, wasteful for small tables."),
      portability=(-2, "Proprietary and Google Cloud only; the HBase-compatible client API eases, but does not remove, a later move to Apache HBase."),
      features=(-1, "No geospatial or full-text search."),
      flexibility=(2, "Column qualifiers are free-form per row inside declared column families; rows are sparse, so new attributes need no migration."),
      retention=(2, "Age-based garbage-collection policies per column family expire old cells during compaction, data is compressed automatically, and row keys of entity plus time bucket keep time ranges contiguous (Google's documented time-series design)."),
      selfrun=(0, MANAGED_ONLY),
      **{"skills-pg": (0, NOPG), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, "Wide-column row-key design carries over, but Bigtable uses its own (HBase-compatible) API, not CQL, and is operated by Google.")}),
 [("Bigtable overview", "https://cloud.google.com/bigtable/docs/overview"),
  ("Bigtable replication overview (eventual consistency between clusters)", "https://cloud.google.com/bigtable/docs/replication-overview"),
  ("Bigtable garbage collection", "https://cloud.google.com/bigtable/docs/garbage-collection"),
  ("Bigtable schema design for time series data", "https://cloud.google.com/bigtable/docs/schema-design-time-series")],
 "Key Visualizer shows no hot row-key ranges and CPU per node stays below Google's recommended maximum (alert); a test rejects row keys that begin with a timestamp or sequential ID; replication latency is monitored and a cluster failover is exercised each quarter.")

opt("cassandra", "Apache Cassandra",
 "Open-source (Apache 2.0) wide-column store with masterless multi-datacentre replication and tunable consistency; also offered as Amazon Keyspaces and DataStax Astra.",
 dict(integrity=(-1, "No multi-partition transactions in 5.0; lightweight transactions (Paxos) serialise writes within one partition."),
      query=(-1, "Queries by partition key and clustering order; SAI adds secondary indexes but not joins."),
      latency=(1, "Single-digit-millisecond writes to the commit log and memtable at any node."),
      **{"write-scale": (2, "Linear write scaling by adding nodes; no primary.")},
      **{"multi-region": (2, "Every datacentre accepts writes; LOCAL_QUORUM keeps latency local, conflicts resolve by timestamp.")},
      ops=(0, "Amazon Keyspaces, Astra and Azure Managed Instance run it managed; self-hosted it needs repair within gc_grace_seconds, compaction and JVM tuning."),
      cost=(0, "No licence fee; replication factor 3 per datacentre on commodity nodes."),
      portability=(2, "Apache 2.0 under the ASF; CQL is served by Keyspaces, Astra, ScyllaDB and Azure."),
      features=(0, "SAI vector search in 5.0; no geospatial or full-text search."),
      flexibility=(1, "ALTER TABLE ADD is a metadata change and columns are sparse, but every column is declared and typed, nested variation needs maps or frozen UDTs, and every new query pattern needs its own table."),
      retention=(2, "Per-row TTL with TimeWindowCompactionStrategy drops whole expired SSTables."),
      selfrun=(2, "Masterless: losing a node needs no failover at all; node replacement and repair are routine operations."),
      **{"skills-pg": (0, NOPG), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (2, "It is Cassandra; Keyspaces and Astra speak CQL too.")}),
 [("Cassandra: data modeling", "https://cassandra.apache.org/doc/latest/cassandra/developing/data-modeling/intro.html"),
  ("Cassandra: Dynamo architecture (replication, consistency)", "https://cassandra.apache.org/doc/latest/cassandra/architecture/dynamo.html"),
  ("Cassandra: repair", "https://cassandra.apache.org/doc/latest/cassandra/managing/operating/repair.html"),
  ("Cassandra: TimeWindowCompactionStrategy", "https://cassandra.apache.org/doc/latest/cassandra/managing/operating/compaction/twcs.html")],
 "Alerts when a full repair has not completed within gc_grace_seconds; partition-size histograms stay below 100 MB; a chaos test stops one datacentre and checks LOCAL_QUORUM writes continue.")

opt("memorydb", "Amazon MemoryDB (Valkey or Redis OSS API, durable)",
 "AWS's durable in-memory database: Valkey/Redis OSS data structures with every write committed to a Multi-AZ transaction log before it is acknowledged.",
 dict(integrity=(0, "Durable single-shard MULTI/EXEC and Lua scripts; no multi-key transactions across shards, no constraints."),
      query=(-2, "Key and data-structure commands only; no ad-hoc queries beyond search indexes."),
      latency=(2, "Microsecond reads and single-digit-millisecond writes, from memory."),
      **{"write-scale": (2, "Cluster mode spreads keys and writes over many shards; capacity is bought as RAM.")},
      **{"multi-region": (1, "MemoryDB Multi-Region is active-active but asynchronous, in a subset of Regions.")},
      ops=(2, "Fully managed with Multi-AZ failover and snapshots."),
      cost=(-2, "All data in RAM on every replica: cost per GB is far above disk-based stores."),
      portability=(0, "Valkey (BSD-3) and Redis OSS APIs run anywhere, but this durability model is AWS only."),
      features=(0, "Vector search is available; no geospatial SQL or full-text search engine."),
      flexibility=(1, "Hashes, sets and streams per key; no schema."),
      retention=(1, "Per-key EXPIRE; streams can be trimmed by length or ID."),
      selfrun=(0, MANAGED_ONLY),
      **{"skills-pg": (0, NOPG), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("Amazon MemoryDB: what is MemoryDB", "https://docs.aws.amazon.com/memorydb/latest/devguide/what-is-memorydb.html"),
  ("Amazon MemoryDB Multi-Region", "https://docs.aws.amazon.com/memorydb/latest/devguide/multi-region.html"),
  ("Valkey (BSD-3-Clause)", "https://valkey.io/"),
  ("Redis LICENSE.txt (Redis 8: RSALv2, SSPLv1 or AGPLv3; 7.2 and earlier BSD-3)", "https://github.com/redis/redis/blob/unstable/LICENSE.txt")],
 "Memory usage per shard alerts at 70 %; a failover test (TestFailover API) runs quarterly and checks no acknowledged write is lost; the dataset size forecast is reviewed against RAM cost monthly.")

opt("timescaledb", "PostgreSQL with TimescaleDB",
 "PostgreSQL extension for time series: hypertables partition by time automatically, with columnar compression, retention policies and continuous aggregates.",
 dict(integrity=(2, "It is PostgreSQL: ACID transactions and constraints alongside the time series."),
      query=(2, "Full PostgreSQL SQL plus time_bucket and continuous aggregates for time-window queries."),
      latency=(-1, "PostgreSQL latency; recent chunks stay in memory, older compressed chunks are decompressed on read."),
      **{"write-scale": (-1, "One writable primary, but chunked inserts and compression sustain high ingest on one node; multi-node was discontinued.")},
      **{"multi-region": (-2, "One writable primary; other regions hold read-only replicas.")},
      ops=(1, "PostgreSQL operations plus compression and retention jobs; Tiger Cloud runs it managed."),
      cost=(1, "Columnar compression shrinks older chunks many times over; no licence fee to self-host."),
      portability=(1, "Core under Apache 2.0; compression and continuous aggregates under the source-available Timescale License."),
      features=(2, "PostgreSQL extensions (PostGIS, pgvector) work next to hypertables."),
      flexibility=(1, "PostgreSQL DDL and jsonb; compressed chunks restrict some schema changes."),
      retention=(2, "Retention policies drop whole chunks; compression policies convert old chunks to columnar form."),
      selfrun=(0, "Self-hosted HA is PostgreSQL's: Patroni or a Kubernetes operator adds failover, exactly as for plain PostgreSQL."),
      **{"skills-pg": (2, "It is PostgreSQL with an extension."), "skills-mysql": (0, NOMY), "skills-mssql": (0, NOMS), "skills-mongo": (0, NOMONGO), "skills-cassandra": (0, NOCASS)}),
 [("TimescaleDB: hypertables", "https://docs.timescale.com/use-timescale/latest/hypertables/"),
  ("TimescaleDB: data retention", "https://docs.timescale.com/use-timescale/latest/data-retention/"),
  ("TimescaleDB licensing (Apache 2.0 and Timescale License)", "https://github.com/timescale/timescaledb/blob/main/LICENSE")],
 "Ingest rate, chunk count and compression ratio are dashboards with alerts; a load test at twice the expected rows per second runs before launch; retention jobs are monitored for failure.")

ORDER = ["postgresql", "mysql", "sql-server", "citus", "vitess", "yugabytedb", "cockroachdb", "tidb", "aurora-dsql", "spanner", "timescaledb", "mongodb", "dynamodb", "cosmosdb", "bigtable", "cassandra", "memorydb"]
assert set(ORDER) == set(OPTS)

# ---------------- helpers for effects
def ro(o, reason): return {"op": "rule_out", "option": O(o), "reason": reason}
def setw(c, w): return {"op": "set", "criterion": C(c), "weight": w}
def raise_(c, by): return {"op": "raise", "criterion": C(c), "by": by}
def lower(c, by): return {"op": "lower", "criterion": C(c), "by": by}
def note(text, source=None, ifc=None):
    e = {"op": "note", "text": text}
    if source: e["source"] = source
    if ifc: e["if_chosen"] = [O(x) for x in ifc]
    return e

AWS_ONLY = ["dynamodb", "aurora-dsql", "memorydb"]
PROVIDER_ONLY = {"dynamodb": "AWS", "aurora-dsql": "AWS", "memorydb": "AWS", "cosmosdb": "Azure", "spanner": "Google Cloud", "bigtable": "Google Cloud"}
def ro_provider(keep_provider, why):
    return [ro(o, f"{OPTS[o]['name']} runs only in {p}; {why}") for o, p in PROVIDER_ONLY.items() if p != keep_provider]

PGFAM = ["postgresql", "citus", "timescaledb", "yugabytedb", "cockroachdb", "aurora-dsql", "spanner"]
MYFAM = ["mysql", "vitess", "tidb"]
SINGLE_WRITER = ["postgresql", "mysql", "citus", "vitess", "timescaledb", "mongodb"]

nodes = []
def Q(id, prompt, help, answers, fact=None, multi=False, next=None):
    n = {"id": id, "kind": "question", "prompt": prompt, "help": help, "answers": answers}
    if fact: n["fact"] = fact
    if multi: n["multi"] = True; n["next"] = next
    nodes.append(n)
def A(label, consequence, effects=(), next=None, exclusive=False):
    a = {"label": label, "consequence": consequence}
    if next: a["next"] = next
    if exclusive: a["exclusive"] = True
    if effects: a["effects"] = list(effects)
    return a

# ---------------- compliance
Q("q-compliance", "Which regulations or audits apply to the data this store will hold?",
  "Regulations do not change which engine can store the data (every option here can be operated compliantly), but they add duties the ADR must carry: encryption, audit logging, restore tests and where replicas may live.",
  [A("PCI DSS: payment card data is stored, processed or transmitted", "Encryption of stored PAN and database audit logging become requirements.", [
      note("PCI DSS v4.0.1 Req. 3.5.1: stored PAN must be rendered unreadable (strong cryptography with key management, truncation, tokenisation or hashing); storage-level encryption alone is not enough where Req. 3.5.1.2 applies. Keep PAN out of this store if a tokenisation service can hold it.", "https://www.pcisecuritystandards.org/document_library/"),
      note("PCI DSS v4.0.1 Req. 10.2: log individual access to cardholder data and all administrative actions; enable the engine's audit log (pgaudit, MySQL audit plugin, SQL Server Audit, database activity streams) and ship it off the database host.", "https://www.pcisecuritystandards.org/document_library/")]),
   A("HIPAA: protected health information of US patients", "Encryption, audit controls and a BAA with the provider become requirements.", [
      note("HIPAA Security Rule 45 CFR 164.312(a)(2)(iv) (encryption and decryption, addressable) and 164.312(b) (audit controls): encrypt ePHI at rest and in transit, and record access to it. Use only services covered by the cloud provider's Business Associate Addendum.", "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312")]),
   A("GDPR or similar personal-data law", "Erasure, data-residency and transfer rules apply to every copy, including replicas and backups.", [
      note("GDPR Art. 17 (erasure) and Art. 5(1)(e) (storage limitation): design how a person's rows are found and deleted in the primary, the replicas and the backups (backup expiry or crypto-shredding). Art. 32 requires security appropriate to the risk (encryption, access control, restore tests).", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"),
      note("GDPR Chapter V (Art. 44-46): a replica or backup in a region outside the EEA is a transfer; pick replica regions accordingly or document the transfer mechanism.", "https://eur-lex.europa.eu/eli/reg/2016/679/oj")]),
   A("SOC 2 or ISO/IEC 27001 audit", "Backups, restores and access reviews need evidence.", [
      note("Keep evidence an auditor can sample: automated backups with a tested restore (ISO/IEC 27001:2022 Annex A 8.13 information backup), database access reviews and change records for schema changes.", "https://www.iso.org/standard/27001")]),
   A("FedRAMP or other government authorisation", "Only services inside the authorisation boundary may hold the data.", [
      note("Use only database services listed as authorised at the required impact level in the FedRAMP Marketplace for your provider and region; newer services often reach authorisation months after general availability.", "https://marketplace.fedramp.gov/")]),
   A("None of these", "No regulatory duties are added to the ADR.", exclusive=True)],
  fact="compliance", multi=True, next="q-hosting")

# ---------------- hosting
MANAGED_CHECK = note("Restricted partitions (AWS GovCloud, Azure Government, sovereign regions) offer a subset of services and features: confirm this service, and the multi-region feature you rely on, is available in your partition before accepting this ADR.", "https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/using-services.html", ["dynamodb", "aurora-dsql", "memorydb", "cosmosdb", "spanner", "bigtable"])
Q("q-hosting", "Where will this data store run?",
  "Provider-only services (DynamoDB, Aurora DSQL, MemoryDB, Cosmos DB, Spanner, Bigtable) exist only in their provider's cloud, so hosting removes them; self-hosting also makes built-in failover and an open licence matter.",
  [A("One public cloud (AWS, Azure or Google Cloud)", "That cloud's managed services stay in play; the next question asks which cloud.", [setw("selfrun", 0)], next="q-cloud"),
   A("Several public clouds", "Only engines that run in every cloud stay; portability weighs more.", ro_provider(None, "the workload must run in several clouds.") + [raise_("portability", 2), setw("selfrun", 1),
      note("Running one system of record across clouds means either one engine cluster spanning clouds (inter-cloud latency and egress on every replicated write) or one cluster per cloud with data partitioned between them; record which.")], next="q-ops"),
   A("Our own data centres (on-premises)", "Managed-only cloud services are ruled out; built-in failover and the licence weigh more.", ro_provider(None, "it cannot run in your own data centres.") + [setw("selfrun", 2), raise_("portability", 1)], next="q-ops"),
   A("A restricted cloud partition (sovereign or government region)", "Managed services stay only if the partition offers them; the next question asks which provider.", [setw("selfrun", 0), raise_("portability", 1), MANAGED_CHECK], next="q-cloud")],
  fact="hosting")

Q("q-cloud", "Which provider runs that cloud or partition?",
  "DynamoDB, Aurora DSQL and MemoryDB exist only on AWS, Cosmos DB only on Azure, Spanner and Bigtable only on Google Cloud; the provider decides which of them are possible.",
  [A("AWS", "DynamoDB, Aurora DSQL and MemoryDB stay in play.", ro_provider("AWS", "this workload runs on AWS.") + [
      note("On RDS or Aurora, if many short-lived or autoscaled clients connect (Lambda functions, scale-out containers), put Amazon RDS Proxy in front: it pools and reuses database connections, queues or throttles clients beyond the pool instead of overwhelming the database, and keeps client connections open across a failover.", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy.html", ["postgresql", "mysql"])], next="q-ops"),
   A("Microsoft Azure", "Cosmos DB stays in play; Citus is available managed as elastic clusters.", ro_provider("Azure", "this workload runs on Azure."), next="q-ops"),
   A("Google Cloud", "Spanner and Bigtable stay in play.", ro_provider("Google Cloud", "this workload runs on Google Cloud."), next="q-ops")])

POOL_NOTE = note("If many short-lived or autoscaled application instances connect (serverless functions, scale-out containers), put a connection pooler in front of the database so client count cannot exhaust its connection limit: PgBouncer in transaction mode, or the provider's managed pooler. Transaction pooling breaks session state (SET, LISTEN/NOTIFY, session advisory locks, WITH HOLD cursors), so check the PgBouncer feature table against the application.", "https://www.pgbouncer.org/features.html", ["postgresql", "citus", "timescaledb"])
Q("q-ops", "Who will operate the database?",
  "A self-operated distributed database (Cassandra, Citus, Vitess, TiDB) demands skills and on-call time a product team rarely has; buying a managed service moves that work to the provider.",
  [A("A platform or SRE team runs infrastructure for us", "Operational effort weighs less.", [setw("ops", 2), POOL_NOTE], next="q-existing"),
   A("The product team runs its own infrastructure", "Operational effort weighs more; built-in failover helps.", [setw("ops", 4), raise_("selfrun", 1), POOL_NOTE], next="q-existing"),
   A("Little operations capacity: we buy managed services", "Operational effort weighs most.", [setw("ops", 5), lower("selfrun", 2), POOL_NOTE,
      note("With little operations capacity, buy the chosen engine as a managed service where one exists in your hosting (RDS/Aurora, Azure Database, Cloud SQL, Atlas, YugabyteDB Aeon, CockroachDB Cloud, TiDB Cloud, PlanetScale, Keyspaces or Astra, Azure elastic clusters for Citus). If it must be self-hosted, name that risk in this ADR: someone must be on call for failover, backups and upgrades; budget for vendor support or a Kubernetes operator the organisation already runs.", None, ["postgresql", "mysql", "sql-server", "citus", "vitess", "yugabytedb", "cockroachdb", "tidb", "timescaledb", "mongodb", "cassandra"])], next="q-existing")],
  fact="ops-capacity")

# ---------------- existing engine (binding)
def keep_only(keep, engine):
    return [ro(o, f"The code must keep working on {engine}; {OPTS[o]['name']} does not speak its protocol or query language.") for o in ORDER if o not in keep]
Q("q-existing", "Must the code keep working against an existing database engine?",
  "An existing engine the team must keep is a hard constraint: drivers, queries, tooling and skills are bound to it. Only that engine and engines that speak its protocol stay in play; replacing it is a separate migration decision.",
  [A("No: this is a new workload with no engine to keep", "Every engine stays in play; the next question asks about team skills.", next="q-skills"),
   A("PostgreSQL: its protocol and SQL must keep working", "PostgreSQL and PostgreSQL-compatible engines stay; PostgreSQL skills weigh most.",
     keep_only(PGFAM, "PostgreSQL") + [setw("skills-pg", 5),
     note("PostgreSQL-compatible is not PostgreSQL: run the application's test suite against the chosen engine before committing; CockroachDB, YugabyteDB, Aurora DSQL and Spanner's PostgreSQL interface each document unsupported features.", "https://docs.aws.amazon.com/aurora-dsql/latest/userguide/working-with-postgresql-compatibility-unsupported-features.html", ["yugabytedb", "cockroachdb", "aurora-dsql", "spanner"])], next="q-workload"),
   A("MySQL: its protocol and SQL must keep working", "MySQL, Vitess and TiDB stay; MySQL skills weigh most.",
     keep_only(MYFAM, "MySQL") + [setw("skills-mysql", 5),
     note("TiDB and Vitess speak the MySQL protocol but differ in details (TiDB: no spatial types, different auto-increment semantics; Vitess: cross-shard queries); run the application's tests against it before committing.", "https://docs.pingcap.com/tidb/stable/mysql-compatibility/", ["tidb", "vitess"])], next="q-workload"),
   A("SQL Server: its T-SQL and drivers must keep working", "Only SQL Server (or Azure SQL) stays.",
     keep_only(["sql-server"], "SQL Server") + [setw("skills-mssql", 5)], next="q-workload"),
   A("MongoDB: its query API and drivers must keep working", "Only MongoDB stays.",
     keep_only(["mongodb"], "MongoDB") + [
     note("API-compatible services (Amazon DocumentDB, Azure Cosmos DB for MongoDB) implement subsets of the MongoDB API; if one is considered, test the application against its documented functional differences.", "https://docs.aws.amazon.com/documentdb/latest/developerguide/functional-differences.html", ["mongodb"])], next="q-workload"),
   A("Apache Cassandra: its CQL and drivers must keep working", "Only Cassandra (self-hosted, Amazon Keyspaces or Astra) stays.",
     keep_only(["cassandra"], "Cassandra CQL") + [
     note("Amazon Keyspaces and other CQL services differ from Apache Cassandra (e.g. lightweight transactions, TTL, batch limits); check their functional differences before treating them as a drop-in.", "https://docs.aws.amazon.com/keyspaces/latest/devguide/functional-differences.html", ["cassandra"])], next="q-workload")])

Q("q-skills", "Which database engine does the team already run well in production?",
  "For a new workload, existing skills decide between engines that are otherwise close: the on-call knowledge, tooling and drivers a team already has are worth more than small feature differences.",
  [A("PostgreSQL", "PostgreSQL skills weigh more.", [setw("skills-pg", 4)], next="q-workload"),
   A("MySQL", "MySQL skills weigh more.", [setw("skills-mysql", 5)], next="q-workload"),
   A("SQL Server", "SQL Server skills weigh more.", [setw("skills-mssql", 5),
      note("The ranking puts PostgreSQL ahead of SQL Server for a new workload on licence cost and portability, not on capability. A team that runs SQL Server well, on Azure or with licences it already owns (Azure Hybrid Benefit), can reasonably choose Azure SQL Database or SQL Server instead; record that trade-off (per-core licence, one vendor) in this ADR and check the sensitivity section for the gap.", "https://learn.microsoft.com/en-us/azure/azure-sql/azure-hybrid-benefit", ["postgresql", "timescaledb"])], next="q-workload"),
   A("MongoDB", "MongoDB skills weigh more.", [setw("skills-mongo", 3)], next="q-workload"),
   A("Apache Cassandra", "Cassandra skills weigh more.", [setw("skills-cassandra", 5)], next="q-workload"),
   A("None in particular", "Skills do not favour any engine.", next="q-workload")])

# ---------------- workload
GRAPH_NOTE = note("If some queries walk relationships of unknown depth (hierarchies, bills of materials, reporting lines), PostgreSQL answers them in SQL with recursive CTEs (WITH RECURSIVE), using the CYCLE clause (PostgreSQL 14 and later) to stop at cycles. If multi-hop traversal of a large graph is the dominant workload (fraud rings, recommendations), a graph database (for example Neo4j or Amazon Neptune) is a separate decision this tree does not make.", "https://www.postgresql.org/docs/current/queries-with.html", ["postgresql"])
Q("q-workload", "What is the dominant access pattern of this system of record?",
  "The access pattern decides the data model, and the model decides which engines fit: relational engines for related entities and invariants across rows, document or key-value stores for aggregates read by key, wide-column or time-series engines for append-heavy time-stamped data (Azure's data store guide starts here). Caches, search indexes and analytics copies are derived data and belong to other decisions.",
  [A("Related entities changed together in transactions (orders, accounts, inventory)", "Transactional integrity and query flexibility weigh most.", [
       setw("integrity", 5), setw("query", 3), setw("flexibility", 0), setw("latency", 1), GRAPH_NOTE], next="q-rel-features"),
   A("Self-contained documents read and written whole, with varying shape (catalogue items, profiles, content)", "Schema flexibility and aggregate reads weigh most.", [
       setw("integrity", 1), setw("query", 2), setw("flexibility", 5), setw("latency", 2)], next="q-doc-regions"),
   A("Records addressed by a known key at high request rates (carts, sessions of record, device state)", "Key-access latency and write scale weigh most; ad-hoc queries do not weigh; portability weighs less, because key-value data moves between stores more easily than SQL.", [
       setw("integrity", 1), setw("query", 0), setw("flexibility", 2), setw("latency", 4), raise_("write-scale", 2), lower("portability", 1)], next="q-kv-latency"),
   A("Append-heavy, time-stamped events read by entity and time range (metrics, IoT readings, audit events)", "Ingest and expiry of old data weigh most; ad-hoc query flexibility weighs little, because reads follow the fixed entity-and-time-range pattern that key design serves.", [
       setw("integrity", 1), setw("query", 1), setw("flexibility", 1), setw("latency", 1), setw("retention", 5), raise_("write-scale", 2)], next="q-ts-regions")])

Q("q-rel-features", "Which search capabilities must the relational store answer itself?",
  "Geospatial, vector and full-text queries inside the system of record avoid a second store kept in sync; engines differ sharply here (PostGIS and pgvector exist for PostgreSQL; Aurora DSQL has no extensions).",
  [A("Geospatial queries (distance, containment)", "In-database search features weigh more.", [raise_("features", 2),
      note("Use PostGIS geography/geometry types with GiST indexes; check the extension version your managed service ships.", "https://postgis.net/documentation/", ["postgresql", "citus", "timescaledb"])]),
   A("Vector similarity search (embeddings)", "In-database search features weigh more.", [raise_("features", 2),
      note("Use pgvector with an HNSW index and measure recall against exact search on a sample; filtered vector queries need care.", "https://github.com/pgvector/pgvector", ["postgresql", "citus", "timescaledb", "yugabytedb"])]),
   A("Full-text search", "In-database search features weigh more.", [raise_("features", 2)]),
   A("None of these", "Search features do not weigh.", exclusive=True)],
  multi=True, next="q-rel-regions")

Q("q-kv-latency", "What read latency must the store itself meet at p99?",
  "Only an in-memory store answers in microseconds; disk-based stores answer in single-digit milliseconds. An in-memory store is a system of record only if every write is durable before it is acknowledged (MemoryDB); otherwise a cache in front of a durable store is the design.",
  [A("Single-digit milliseconds are fine", "Latency keeps its weight.", [setw("latency", 3),
      note("Counters (rate limits, scores) are atomic with UpdateItem ADD, but an atomic-counter update is not idempotent: a retried request can count twice, which a rate limit tolerates and a balance does not (use a conditional write there). Expire short-lived items (sessions, rate-limit windows) with TTL; TTL deletion is a background process that can lag expiry by days, so filter expired items on read.", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.AtomicCounters", ["dynamodb"])], next="q-kv-regions"),
   A("Sub-millisecond reads are required from the system of record itself", "Latency weighs most; ad-hoc queries do not weigh; cost weighs less, because memory-speed reads mean paying for RAM.", [setw("latency", 5), setw("query", 0), lower("cost", 2),
      note("Self-hosted Valkey or Redis as the only copy is not a system of record: AOF with appendfsync everysec can lose a second of writes, and replication is asynchronous, so a failover can lose acknowledged writes even after WAIT. If sub-millisecond reads are needed off AWS, put a cache in front of a durable store (data-caching decision).", "https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/"),
      note("DynamoDB Accelerator (DAX) serves eventually consistent reads in microseconds; strongly consistent reads bypass it.", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.html", ["dynamodb"]),
      note("The chosen store is disk-based and answers in milliseconds: it will not hold a sub-millisecond p99 on its own: this ADR must add a cache in front of it (data-caching decision) and state the staleness and invalidation that cache brings, or the requirement must be relaxed to single-digit milliseconds.", "https://docs.aws.amazon.com/whitepapers/latest/database-caching-strategies-using-redis/caching-patterns.html", [x for x in ORDER if x not in ("memorydb", "dynamodb")])], next="q-kv-regions")])

# ---------------- regions, per workload
AA_NOTE_HOME = "If records can be given a home region (per user or tenant), a single-writer engine per region plus routing by home region avoids cross-region write conflicts altogether; re-answer with one writing region per record if that fits."
def regions(w, next_scale, outcome, strong_only):
    one = A("One region, spread across availability zones", "Multi-region capability does not weigh.", [setw("multi-region", 0),
        note("Keep a synchronous standby or quorum replicas in another availability zone (Bigtable: a second cluster in another zone, because one cluster lives in one zone), and backups or point-in-time restore with a tested RPO.", "https://cloud.google.com/bigtable/docs/replication-overview")], next=next_scale)
    dr = A("Several regions; one region writes at a time, others serve reads and take over", "Multi-region survival weighs a little; one writer is enough.", [setw("multi-region", 2),
        note("Cross-region replicas are asynchronous: writes committed in the last seconds before a regional failure can be lost. Record the accepted RPO and rehearse the promotion runbook.", None, ["postgresql", "mysql", "sql-server", "citus", "vitess", "timescaledb", "mongodb"])], next=next_scale)
    strong_reason = "it has one writable primary (one per shard when sharded); writes from other regions cross the WAN and stop during a regional failover."
    strong = [ro(o, f"Several regions must write at once with strong consistency, but {OPTS[o]['name']} {strong_reason.replace('it has','has')}") for o in SINGLE_WRITER + ["sql-server"]]
    strong += [ro("cosmosdb", "Azure Cosmos DB does not offer strong consistency with multiple write regions."),
               ro("memorydb", "MemoryDB Multi-Region replicates asynchronously between Regions and resolves conflicts automatically; it is not strongly consistent across Regions."),
               ro("bigtable", "Bigtable replicates asynchronously between clusters (eventual consistency); it cannot make every write strongly consistent across regions.")]
    strong += [setw("multi-region", 5), raise_("integrity", 1),
        note("DynamoDB: create the global table with multi-Region strong consistency (MRSC): it needs exactly three Regions (three replicas, or two replicas plus a witness), is chosen when the global table is created on an empty table and cannot be changed later; check the current MRSC feature limits (such as transactions) before committing, because MREC global tables replicate items individually and a transaction is atomic only in its writing Region.", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html", ["dynamodb"]),
        note("Cassandra resolves concurrent writes by timestamp; to keep a conflicting update from being lost, write it as a lightweight transaction with SERIAL consistency (Paxos across datacentres, several WAN round trips) and keep each invariant within one partition.", "https://cassandra.apache.org/doc/latest/cassandra/architecture/dynamo.html", ["cassandra"]),
        note("Strongly consistent multi-region writes need a quorum across regions: plan at least three regions (Aurora DSQL: two Regions plus a witness Region), expect every commit to pay a cross-region round trip (tens of milliseconds), and place leaders near the writers (CockroachDB REGIONAL BY ROW tables, YugabyteDB geo-partitioned tablespaces, Spanner default leader region, TiDB placement rules). Load-test commit latency from every region before accepting this ADR.", "https://www.cockroachlabs.com/docs/stable/multiregion-survival-goals", ["yugabytedb", "cockroachdb", "spanner", "aurora-dsql", "tidb"]),
        note(AA_NOTE_HOME)]
    strong_label = ("Several regions write at once; transactions must stay serializable across regions" if strong_only
                    else "Several regions write at once; every write must be strongly consistent across regions")
    ans = [one, dr, A(strong_label, "Single-writer engines are ruled out; multi-region writes weigh most.", strong, next=outcome)]
    if not strong_only:
        lww = [ro(o, f"Several regions must write at once, but {OPTS[o]['name']} {strong_reason.replace('it has','has')}") for o in SINGLE_WRITER]
        lww += [setw("multi-region", 5),
            note("Last-writer-wins replication silently discards the older of two concurrent updates to the same record; make updates idempotent and commutative (counters as increments, sets as additions) or keep each record's writes in one region.", "https://docs.aws.amazon.com/prescriptive-guidance/latest/dynamodb-global-tables/overview.html"),
            note("SQL Server peer-to-peer replication with last-writer-wins (SQL Server 2019 CU13 and later) is the only multi-writer option; Microsoft still requires writes to a row to originate at one node, so route each record's writes to its home region.", "https://learn.microsoft.com/en-us/sql/relational-databases/replication/transactional/peer-to-peer-conflict-detection-in-peer-to-peer-replication", ["sql-server"])]
        lww.append(note("PostgreSQL itself can take writes in several regions through multi-writer logical replication with last-writer-wins (the pgactive extension on Amazon RDS for PostgreSQL, EDB Postgres Distributed), but replication is asynchronous, DDL and sequences are not replicated and secondary unique indexes can diverge; the single-primary PostgreSQL option here does not cover that topology, so weigh it in its own ADR before choosing a PostgreSQL-compatible distributed engine.", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Appendix.PostgreSQL.CommonDBATasks.pgactive.html", ["yugabytedb", "cockroachdb", "aurora-dsql", "spanner"]))
        ans.append(A("Several regions write at once; last-writer-wins for concurrent updates is acceptable", "Single-primary engines are ruled out; multi-region writes weigh most.", lww, next=outcome))
    Q(f"q-{w}-regions", "How many regions must accept writes?",
      "A single-writer engine cannot accept writes in two regions at once and loses recent commits when a region fails; multi-writer stores either pay a WAN round trip per write (strongly consistent) or resolve conflicts by last writer wins. This is where the candidate set changes most.",
      ans)

LIMITLESS_NOTE = note("If this workload runs on AWS, Aurora PostgreSQL Limitless Database is AWS's managed sharded PostgreSQL (sharded and reference tables spread over a DB shard group of routers and shards); it is not an option in this tree, so weigh it against Citus in its own ADR. AWS documents its limits: only the special 16.x-limitless engine versions, only Aurora I/O-Optimized storage, not available in Asia Pacific (Taipei) or AWS GovCloud (US), and a list of unsupported PostgreSQL features, DDL and DML; check that list against the application before choosing it.", "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/limitless-reqs-limits.html", ["citus"])
def scale(w, outcome):
    Q(f"q-{w}-scale", "Will one writable node hold the data and the write rate for the next three years?",
      "Beyond one node (roughly: tens of thousands of writes per second or tens of TB, on the largest instance you would buy), a single-primary engine needs a sharding layer; below it, sharding only adds cost and operational risk.",
      [A("Yes: one node with headroom (scale up, read replicas if needed)", "Horizontal write scale does not weigh.", [setw("write-scale", 0)], next=outcome),
       A("No: writes or data volume will outgrow the largest single node", "Single-node engines that have a sharded sibling here are ruled out; horizontal write scale weighs most.", [setw("write-scale", 5),
          ro("postgresql", "You expect writes or data to outgrow the largest single node; one PostgreSQL primary cannot shard. PostgreSQL with Citus stays in play for PostgreSQL code."),
          ro("mysql", "You expect writes or data to outgrow the largest single node; one MySQL primary cannot shard. MySQL with Vitess stays in play for MySQL code."),
          ro("timescaledb", "You expect writes or data to outgrow the largest single node; TimescaleDB runs on one writable PostgreSQL node (its multi-node mode was discontinued)."),
          note("Choose the shard or partition key from the dominant access path (tenant, customer, device) so most transactions stay on one shard; load-test the key distribution with production-like data.", "https://docs.citusdata.com/en/stable/sharding/data_modeling.html"),
          note("SQL Server has no built-in write sharding: plan application-level sharding (for example Azure SQL elastic database tools) or confirm that the largest available instance covers the three-year forecast.", "https://learn.microsoft.com/en-us/azure/azure-sql/database/elastic-scale-introduction", ["sql-server"]),
          note("A single PostgreSQL or MySQL primary at this size is a risk the ADR must state: record the vertical ceiling and the trigger for moving to Citus, Vitess or distributed SQL.", None, ["postgresql", "mysql", "timescaledb"]),
          LIMITLESS_NOTE], next=outcome)])

for w, strong_only in [("rel", True), ("doc", False), ("kv", False), ("ts", False)]:
    regions(w, f"q-{w}-scale", f"o-{w}", strong_only)
    scale(w, f"o-{w}")

nodes.append({"id": "o-rel", "kind": "outcome", "title": "System-of-record store for related entities",
   "options": [O(x) for x in ["postgresql", "mysql", "sql-server", "citus", "vitess", "yugabytedb", "cockroachdb", "tidb", "aurora-dsql", "spanner", "mongodb", "cassandra"]],
   "context": "The workload changes related entities together and needs transactional integrity; the store is chosen within the hosting, operations and existing-engine constraints recorded above, and a separate data-design decision covers schema and migrations."})
nodes.append({"id": "o-doc", "kind": "outcome", "title": "System-of-record store for self-contained documents",
   "options": [O(x) for x in ORDER],
   "context": "The workload reads and writes self-contained documents of varying shape; the store is chosen within the hosting, operations and existing-engine constraints recorded above."})
nodes.append({"id": "o-kv", "kind": "outcome", "title": "System-of-record store for key-addressed records",
   "options": [O(x) for x in ORDER],
   "context": "The workload reads and writes records by a known key at high request rates, and this store is their durable system of record (caches in front of it are a separate decision)."})
nodes.append({"id": "o-ts", "kind": "outcome", "title": "System-of-record store for time-stamped events",
   "options": [O(x) for x in ORDER],
   "context": "The workload appends time-stamped events and reads them by entity and time range; old data must leave cheaply, and analytics copies are a separate decision."})

checks = []
def chk(name, when, expect, why, source):
    checks.append({"name": name, "when": when, "expect": expect, "why": why, "source": source})

tree = {
 "$schema": "./schema.json", "format": 2, "id": "data-store", "namespace": NS,
 "title": "System-of-record data store",
 "description": "Pick the durable system-of-record store for one workload: engine family, product and managed or self-hosted form.",
 "source": "Backend Developer Persona › Decision-Making Approaches › Database Design",
 "area": {"id": "database", "title": "Database Design", "position": 1},
 "references": [
   ref("Azure Architecture Center: Understand data store models", "https://learn.microsoft.com/en-us/azure/architecture/data-guide/technology-choices/understand-data-store-models"),
   ref("AWS Agent Toolkit: aws-database selection procedure (eliminate, route, recommend one plus an alternative)", "https://github.com/aws/agent-toolkit-for-aws/blob/main/skills/core-skills/aws-database/references/select.md"),
   ref("Kleppmann & Riccomini, Designing Data-Intensive Applications, 2nd ed. (O'Reilly)", "https://www.oreilly.com/library/view/designing-data-intensive-applications/9781098119058/"),
   ref("Hermitage: testing transaction isolation levels", "https://github.com/ept/hermitage")],
 "tie_break": {"order": [O(x) for x in ORDER], "why": "Prefer the engine with the widest skills pool and the fewest moving parts: single-node relational first, then sharded and distributed SQL, then provider-specific and specialised stores."},
 "criteria": [{"id": C(i), "name": n, "description": d, "default_weight": w} for i, n, d, w in CRIT],
 "options": [OPTS[o] for o in ORDER],
 "root": "q-compliance", "nodes": nodes, "checks": checks,
}

import importlib.util
spec = importlib.util.spec_from_file_location("checks", "/work/brief/gen/data-store-checks.py")
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
m.add(chk, O)
m.add_review(chk, O)

json.dump(tree, open(sys.argv[1], "w"), indent=1, ensure_ascii=False)
print("ok", len(checks), "checks")
