def add(chk, O):
    P = lambda *xs: [O(x) for x in xs]
    PROV = P("dynamodb", "aurora-dsql", "memorydb", "cosmosdb", "spanner", "bigtable")
    GF = {"q-existing": ["No: this is a new workload with no engine to keep"]}
    ONE = "One region, spread across availability zones"
    FITS = "Yes: one node with headroom (scale up, read replicas if needed)"
    BEYOND = "No: writes or data volume will outgrow the largest single node"
    STRONG_REL = "Several regions write at once; transactions must stay serializable across regions"
    STRONG = "Several regions write at once; every write must be strongly consistent across regions"
    LWW = "Several regions write at once; last-writer-wins for concurrent updates is acceptable"
    SW = P("postgresql", "mysql", "citus", "vitess", "timescaledb", "mongodb")
    chk("onprem-no-managed-only", {"q-hosting": ["Our own data centres (on-premises)"]}, {"never": PROV},
        "Review H4: DynamoDB won after 'our own team runs it'. Provider-only services cannot run in the team's data centres.",
        "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Introduction.html")
    chk("multicloud-no-provider-only", {"q-hosting": ["Several public clouds"]}, {"never": PROV},
        "A store that must run in several clouds cannot be a service that exists in one provider only.",
        "https://learn.microsoft.com/en-us/azure/architecture/data-guide/technology-choices/understand-data-store-models")
    chk("aws-no-other-providers", {"q-cloud": ["AWS"]}, {"never": P("cosmosdb", "spanner", "bigtable")},
        "Cosmos DB is Azure-only; Spanner and Bigtable are Google-Cloud-only services.", "https://cloud.google.com/spanner/docs/instance-configurations")
    chk("rel-active-active-no-single-writer", {"q-rel-regions": [STRONG_REL]}, {"never": SW + P("sql-server")},
        "Review H2: single-primary SQL Server won multi-region active-active writes. One writable primary cannot accept writes in two regions.",
        "https://learn.microsoft.com/en-us/sql/database-engine/availability-groups/windows/overview-of-always-on-availability-groups-sql-server")
    for w, name in [("doc", "documents"), ("kv", "key-value"), ("ts", "time series")]:
        chk(f"{w}-strong-active-active-no-single-writer", {f"q-{w}-regions": [STRONG]}, {"never": SW + P("sql-server", "cosmosdb", "memorydb", "bigtable")},
            f"Strongly consistent multi-region writes ({name}): single-writer engines cannot take writes in two regions, Cosmos DB offers no strong consistency with multiple write regions, MemoryDB Multi-Region is asynchronous.",
            "https://learn.microsoft.com/en-us/azure/cosmos-db/consistency-levels")
        chk(f"{w}-lww-active-active-no-single-primary", {f"q-{w}-regions": [LWW]}, {"never": SW},
            f"Multi-region writes ({name}): engines with one primary per shard cannot accept writes in several regions (review H2).",
            "https://docs.aws.amazon.com/prescriptive-guidance/latest/dynamodb-global-tables/overview.html")
    chk("keep-postgresql", {"q-existing": ["PostgreSQL: its protocol and SQL must keep working"]},
        {"winner_in": P("postgresql", "citus", "timescaledb", "yugabytedb", "cockroachdb", "aurora-dsql", "spanner")},
        "Review H3: the existing-engine answer must be binding; only PostgreSQL or PostgreSQL-protocol engines may win.",
        "https://www.postgresql.org/docs/current/protocol.html")
    chk("keep-mysql", {"q-existing": ["MySQL: its protocol and SQL must keep working"]}, {"winner_in": P("mysql", "vitess", "tidb")},
        "Review H3: a MySQL codebase got PostgreSQL. Only MySQL-protocol engines may win.", "https://docs.pingcap.com/tidb/stable/mysql-compatibility/")
    chk("keep-sqlserver", {"q-existing": ["SQL Server: its T-SQL and drivers must keep working"]}, {"winner_in": P("sql-server")},
        "Review H1/H3: a SQL Server shop got Redis. Only SQL Server speaks T-SQL and TDS.", "https://learn.microsoft.com/en-us/sql/sql-server/editions-and-components-of-sql-server-2025")
    chk("keep-mongodb", {"q-existing": ["MongoDB: its query API and drivers must keep working"]}, {"winner_in": P("mongodb")},
        "Review H3: a MongoDB codebase with time series got Cassandra; MongoDB has time series collections.", "https://www.mongodb.com/docs/manual/core/timeseries-collections/")
    chk("keep-cassandra", {"q-existing": ["Apache Cassandra: its CQL and drivers must keep working"]}, {"winner_in": P("cassandra")},
        "Review surprising path 3,3,3,3,1,1: a CQL-bound team got Redis. Only Cassandra speaks CQL here.", "https://cassandra.apache.org/doc/latest/cassandra/developing/cql/index.html")
    chk("greenfield-rel-single-region-relational", dict(GF, **{"q-rel-regions": [ONE], "q-rel-scale": [FITS]}),
        {"winner_in": P("postgresql", "mysql", "sql-server")},
        "Canonical path the old tree got right: related entities, one region, fits one node: a single-primary relational engine.",
        "https://learn.microsoft.com/en-us/azure/architecture/data-guide/technology-choices/understand-data-store-models")
    chk("greenfield-rel-beyond-one-node-not-single-primary", dict(GF, **{"q-rel-scale": [BEYOND]}), {"never": P("postgresql", "mysql", "timescaledb")},
        "Review M4: the user said one node cannot hold the load; a single primary must not be recommended for a new workload.",
        "https://docs.citusdata.com/en/stable/sharding/data_modeling.html")
    chk("greenfield-doc-beyond-one-node-not-single-primary", dict(GF, **{"q-doc-scale": [BEYOND]}), {"never": P("postgresql", "mysql", "sql-server", "timescaledb")},
        "Review M4: a document store that needs sharding got single-primary PostgreSQL.", "https://www.mongodb.com/docs/manual/sharding/")
    chk("greenfield-ts-beyond-one-node-not-single-primary", dict(GF, **{"q-ts-scale": [BEYOND]}), {"never": P("postgresql", "mysql", "sql-server", "timescaledb")},
        "Review M3: one PostgreSQL primary won 100k+ rows/s ingest beyond one node.", "https://cassandra.apache.org/doc/latest/cassandra/managing/operating/compaction/twcs.html")
    chk("rel-features-not-dsql-mysql", dict(GF, **{"q-rel-features": ["Geospatial queries (distance, containment)"], "q-rel-regions": [ONE]}), {"never": P("aurora-dsql", "dynamodb")},
        "Aurora DSQL supports no PostgreSQL extensions (no PostGIS); with geospatial needs it must not win.",
        "https://docs.aws.amazon.com/aurora-dsql/latest/userguide/working-with-postgresql-compatibility-unsupported-features.html")
    chk("kv-submillisecond-aws", dict(GF, **{"q-skills": ["None in particular"], "q-cloud": ["AWS"], "q-kv-latency": ["Sub-millisecond reads are required from the system of record itself"], "q-kv-regions": [ONE]}),
        {"winner_in": P("memorydb", "dynamodb")},
        "Sub-millisecond system-of-record reads on AWS: MemoryDB (durable in-memory) or DynamoDB with DAX; never a non-durable cache as the only copy.",
        "https://docs.aws.amazon.com/memorydb/latest/devguide/what-is-memorydb.html")
    chk("greenfield-mysql-skills-wins-plain-relational", dict(GF, **{"q-skills": ["MySQL"], "q-rel-features": ["None of these"], "q-rel-regions": [ONE], "q-rel-scale": [FITS]}),
        {"winner_in": P("mysql")},
        "Review M5: PostgreSQL beat MySQL by a constant point. A team that runs MySQL well, with no PostgreSQL-only feature needed, should get MySQL.",
        "https://dev.mysql.com/doc/refman/8.4/en/innodb-storage-engine.html")
    chk("greenfield-onprem-ts-beyond-node", dict(GF, **{"q-hosting": ["Our own data centres (on-premises)"], "q-ts-scale": [BEYOND]}),
        {"winner_in": P("cassandra", "citus", "cockroachdb", "yugabytedb", "tidb", "mongodb")},
        "Review surprising path 4,4,4,1,1,2,2: self-run time series beyond one node should get a horizontally scaling self-hostable engine (Cassandra with TWCS+TTL, Citus), not DynamoDB.",
        "https://cassandra.apache.org/doc/latest/cassandra/managing/operating/compaction/twcs.html")
    REL = "Related entities changed together in transactions (orders, accounts, inventory)"
    chk("greenfield-relational-not-key-value-store", dict(GF, **{"q-workload": [REL]}), {"never": P("dynamodb", "memorydb", "cosmosdb", "cassandra")},
        "Related entities with multi-row invariants need multi-row transactions and joins; key-value and wide-column stores offer transactions only within a partition or item set (DDIA ch. 2; Azure data store models).",
        "https://learn.microsoft.com/en-us/azure/architecture/data-guide/technology-choices/understand-data-store-models")
    chk("gcp-rel-active-active", {"q-cloud": ["Google Cloud"], "q-existing": ["No: this is a new workload with no engine to keep"], "q-rel-regions": [STRONG_REL]},
        {"winner_in": P("spanner", "cockroachdb", "yugabytedb", "tidb")},
        "Review surprising path 4,2,4,2,2,3,1: on Google Cloud, serializable multi-region writes are Spanner's documented purpose (or another distributed SQL engine).",
        "https://cloud.google.com/spanner/docs/instance-configurations")
    chk("aws-rel-active-active", {"q-cloud": ["AWS"], "q-existing": ["No: this is a new workload with no engine to keep"], "q-rel-regions": [STRONG_REL]},
        {"winner_in": P("aurora-dsql", "cockroachdb", "yugabytedb", "tidb")},
        "On AWS, active-active relational writes need distributed SQL: Aurora DSQL multi-Region clusters or a self-managed/partner distributed SQL engine.",
        "https://docs.aws.amazon.com/aurora-dsql/latest/userguide/what-is-aurora-dsql.html")
    chk("azure-doc-lww-active-active", {"q-cloud": ["Microsoft Azure"], "q-existing": ["No: this is a new workload with no engine to keep"], "q-doc-regions": [LWW]},
        {"winner_in": P("cosmosdb", "cassandra", "cockroachdb", "yugabytedb")},
        "On Azure, documents written in several regions with last-writer-wins are Cosmos DB's multi-region-write design.",
        "https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-multi-master")

def add_review(chk, O):
    """Checks added by the independent review (2026-12-02)."""
    P = lambda *xs: [O(x) for x in xs]
    GF = {"q-existing": ["No: this is a new workload with no engine to keep"]}
    NOSKILL = ["PostgreSQL", "MySQL", "SQL Server", "None in particular"]
    ONE = "One region, spread across availability zones"
    FITS = "Yes: one node with headroom (scale up, read replicas if needed)"
    BEYOND = "No: writes or data volume will outgrow the largest single node"
    LWW = "Several regions write at once; last-writer-wins for concurrent updates is acceptable"
    REL = "Related entities changed together in transactions (orders, accounts, inventory)"
    DOC = "Self-contained documents read and written whole, with varying shape (catalogue items, profiles, content)"
    KV = "Records addressed by a known key at high request rates (carts, sessions of record, device state)"
    TS = "Append-heavy, time-stamped events read by entity and time range (metrics, IoT readings, audit events)"
    chk("review-greenfield-relational-not-document-or-wide-column", dict(GF, **{"q-workload": [REL]}),
        {"never": P("mongodb", "cassandra", "dynamodb", "cosmosdb", "memorydb")},
        "Review: with MongoDB skills weighted 5, MongoDB won new relational workloads beyond one node. Related entities with cross-entity invariants need foreign keys and multi-row transactions; a document store keeps those in application code. Team skills decide between fitting engines, not the data model.",
        "https://learn.microsoft.com/en-us/azure/architecture/data-guide/technology-choices/understand-data-store-models")
    chk("review-greenfield-doc-beyond-node-document-store", dict(GF, **{"q-workload": [DOC], "q-skills": NOSKILL, "q-doc-regions": [ONE], "q-doc-scale": [BEYOND]}),
        {"winner_in": P("mongodb", "dynamodb", "cosmosdb", "yugabytedb", "cockroachdb", "tidb", "spanner", "citus")},
        "Review: Cassandra won 41 % of new document workloads after its schema flexibility was tuned to +2. Documents of varying shape that outgrow one node belong in a sharded document store (or distributed SQL with JSONB), not in a wide-column store whose columns are declared and typed.",
        "https://www.mongodb.com/docs/manual/sharding/")
    chk("review-greenfield-ts-beyond-node-cassandra-off-provider", dict(GF, **{"q-workload": [TS], "q-skills": NOSKILL, "q-hosting": ["Our own data centres (on-premises)", "Several public clouds"], "q-ts-regions": [ONE], "q-ts-scale": [BEYOND]}),
        {"winner_in": P("cassandra")},
        "High-volume, write-heavy time series beyond one node, self-hosted or across clouds: Cassandra with TimeWindowCompactionStrategy and TTL is the canonical design (whole expired SSTables are dropped).",
        "https://cassandra.apache.org/doc/latest/cassandra/managing/operating/compaction/twcs.html")
    chk("review-greenfield-ts-fits-node-timescale", dict(GF, **{"q-workload": [TS], "q-skills": ["PostgreSQL", "SQL Server", "None in particular"], "q-ts-regions": [ONE], "q-ts-scale": [FITS]}),
        {"winner_in": P("timescaledb", "postgresql")},
        "Time series that fits one node in one region: PostgreSQL with TimescaleDB (hypertables, compression, retention policies) before any distributed store.",
        "https://docs.timescale.com/use-timescale/latest/hypertables/")
    chk("review-greenfield-doc-fits-node-single-primary", dict(GF, **{"q-workload": [DOC], "q-skills": NOSKILL, "q-doc-regions": [ONE], "q-doc-scale": [FITS]}),
        {"winner_in": P("postgresql", "mysql", "mongodb", "sql-server")},
        "Documents that fit one node in one region need no distributed store: PostgreSQL jsonb, MySQL JSON or a MongoDB replica set.",
        "https://www.postgresql.org/docs/current/datatype-json.html")
    chk("review-aws-kv-lww-dynamodb", dict(GF, **{"q-workload": [KV], "q-hosting": ["One public cloud (AWS, Azure or Google Cloud)"], "q-cloud": ["AWS"], "q-skills": NOSKILL, "q-kv-regions": [LWW]}),
        {"winner_in": P("dynamodb")},
        "Key-addressed records written in several AWS Regions with last-writer-wins: DynamoDB global tables (MREC) are AWS's managed multi-active design.",
        "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html")
    chk("review-azure-kv-lww-cosmos", dict(GF, **{"q-workload": [KV], "q-hosting": ["One public cloud (AWS, Azure or Google Cloud)"], "q-cloud": ["Microsoft Azure"], "q-skills": NOSKILL, "q-kv-regions": [LWW]}),
        {"winner_in": P("cosmosdb")},
        "Key-addressed records written in several Azure regions with last-writer-wins: Cosmos DB multi-region writes with its default last-writer-wins conflict resolution.",
        "https://learn.microsoft.com/en-us/azure/cosmos-db/conflict-resolution-policies")
    chk("review-onprem-kv-beyond-node-self-hostable", dict(GF, **{"q-workload": [KV], "q-hosting": ["Our own data centres (on-premises)"], "q-kv-scale": [BEYOND]}),
        {"winner_in": P("cassandra", "mongodb", "citus", "vitess", "yugabytedb", "cockroachdb", "tidb")},
        "Review H1/H4: key-value system of record on premises beyond one node must get a durable, self-hostable, horizontally scaling store, never a provider-only service or an in-memory cache.",
        "https://cassandra.apache.org/doc/latest/cassandra/architecture/dynamo.html")
    chk("review-gcp-managed-kv-beyond-node-bigtable", dict(GF, **{"q-hosting": ["One public cloud (AWS, Azure or Google Cloud)"], "q-cloud": ["Google Cloud"], "q-ops": ["Little operations capacity: we buy managed services"], "q-skills": NOSKILL, "q-kv-latency": ["Single-digit milliseconds are fine"], "q-kv-regions": [ONE], "q-kv-scale": [BEYOND]}),
        {"winner_in": P("bigtable", "spanner")},
        "Review: the tree had no Google Cloud wide-column option, so a team with little operations capacity on Google Cloud got self-run Cassandra or MongoDB for high-throughput key-value data beyond one node. Bigtable is Google Cloud's managed store for exactly this workload.",
        "https://cloud.google.com/bigtable/docs/schema-design-time-series")
    chk("review-gcp-managed-ts-beyond-node-bigtable", dict(GF, **{"q-hosting": ["One public cloud (AWS, Azure or Google Cloud)"], "q-cloud": ["Google Cloud"], "q-ops": ["Little operations capacity: we buy managed services"], "q-skills": NOSKILL, "q-ts-regions": [ONE], "q-ts-scale": [BEYOND]}),
        {"winner_in": P("bigtable", "spanner")},
        "Review: the tree had no Google Cloud wide-column option, so a team with little operations capacity on Google Cloud got self-run Cassandra or MongoDB for high-throughput time-series data beyond one node. Bigtable is Google Cloud's managed store for exactly this workload.",
        "https://cloud.google.com/bigtable/docs/schema-design-time-series")
