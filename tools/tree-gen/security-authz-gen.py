#!/usr/bin/env python3
"""Generates decision-trees/security-authz.json (tree security-authz, namespace authz)."""
import json, sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "/work/wt/security-authz/decision-trees/security-authz.json"

# ---------------------------------------------------------------- sources
OWASP_AUTHZ = "https://cheatsheetseries.owasp.org/cheatsheets/Authorization_Cheat_Sheet.html"
OWASP_API1 = "https://owasp.org/API-Security/editions/2023/en/0xa1-broken-object-level-authorization/"
OWASP_API5 = "https://owasp.org/API-Security/editions/2023/en/0xa5-broken-function-level-authorization/"
NIST_162 = "https://csrc.nist.gov/pubs/sp/800/162/upd2/final"
NIST_207 = "https://csrc.nist.gov/pubs/sp/800/207/final"
NIST_53 = "https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final"
ZANZIBAR = "https://www.usenix.org/conference/atc19/presentation/pang"
OPENFGA = "https://openfga.dev/docs/concepts"
OPENFGA_CONS = "https://openfga.dev/docs/interacting/consistency"
OPENFGA_LIST = "https://openfga.dev/docs/interacting/relationship-queries"
OPENFGA_COND = "https://openfga.dev/docs/modeling/conditions"
SPICEDB = "https://authzed.com/docs/spicedb/getting-started/discovering-spicedb"
SPICEDB_CONS = "https://authzed.com/docs/spicedb/concepts/consistency"
SPICEDB_CAVEATS = "https://authzed.com/docs/spicedb/concepts/caveats"
OPA = "https://www.openpolicyagent.org/docs"
OPA_LOGS = "https://www.openpolicyagent.org/docs/management-decision-logs"
OPA_BUNDLES = "https://www.openpolicyagent.org/docs/management-bundles"
OPA_REST = "https://www.openpolicyagent.org/docs/rest-api"
CEDAR = "https://docs.cedarpolicy.com/"
CEDAR_REPO = "https://github.com/cedar-policy/cedar"
OPENFGA_CONFIG = "https://openfga.dev/docs/getting-started/setup-openfga/configuration"
AVP = "https://docs.aws.amazon.com/verifiedpermissions/latest/userguide/what-is-avp.html"
AVP_QUOTAS = "https://docs.aws.amazon.com/verifiedpermissions/latest/userguide/quotas.html"
AVP_TRAIL = "https://docs.aws.amazon.com/verifiedpermissions/latest/userguide/monitoring-cloudtrail.html"
AVP_BATCH = "https://docs.aws.amazon.com/verifiedpermissions/latest/apireference/API_BatchIsAuthorized.html"
AVP_TEMPLATES = "https://docs.aws.amazon.com/verifiedpermissions/latest/userguide/policy-templates.html"
AWS_SCOPE = "https://aws.amazon.com/compliance/services-in-scope/"
AWS_REGIONAL = "https://aws.amazon.com/about-aws/global-infrastructure/regional-product-services/"
AVP_GOVCLOUD = "https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-verifiedpermissions.html"
DDB_FGAC = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html"
POSTGREST_AUTH = "https://docs.postgrest.org/en/v12/references/auth.html"
PG_VIEW = "https://www.postgresql.org/docs/current/sql-createview.html"
PG_RLS = "https://www.postgresql.org/docs/current/ddl-rowsecurity.html"
PG_POLICY = "https://www.postgresql.org/docs/current/sql-createpolicy.html"
AUTHZEN = "https://openid.net/specs/authorization-api-1_0.html"
PCI = "https://www.pcisecuritystandards.org/document_library/"
HIPAA_312 = "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312"
HIPAA_502 = "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.502"
HIPAA_514 = "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.514"
GDPR = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
ISO27001 = "https://www.iso.org/standard/27001"
SOC2 = "https://www.aicpa-cima.com/topic/audit-assurance/audit-and-assurance-greater-than-soc-2"
FEDRAMP = "https://www.fedramp.gov/"

# ---------------------------------------------------------------- criteria
C = [
    ("authz.relationships", "Per-resource sharing and hierarchies",
     "How directly the model expresses access that follows relationships: a document shared with a user or group, a folder whose viewers see its files, an organisation whose admins manage its projects. Missing per-object checks are OWASP API Security Top 10 2023 API1 (broken object level authorization).", 0),
    ("authz.conditions", "Attribute and context conditions",
     "How directly the model expresses conditions on attributes of the subject, resource and environment (NIST SP 800-162 ABAC): time of day, network location, transaction amount, data classification, treating relationship.", 0),
    ("authz.revocation", "Revocation consistency (the \"new enemy\" problem)",
     "How surely a removed grant stops working on the next request, and whether a check can see a permission change made just before a content change (the Zanzibar paper's \"new enemy\" problem). Caches, replicas, bundles and long-lived tokens all widen the window.", 2),
    ("authz.audit", "Audit and explainability",
     "Whether each decision can be logged with the policy or relationship that produced it, whether access reviews can answer \"who can access what\", and whether the rules can be read and tested by someone other than the code's author.", 2),
    ("authz.latency", "Check latency and availability",
     "Time added per check and whether a remote dependency sits on every request path: in-process evaluation costs microseconds, a local sidecar well under a millisecond, a network call to a central service milliseconds plus its availability.", 2),
    ("authz.simplicity", "Low build and operations cost",
     "How little must be built, learned and run: a new policy language, a new stateful service with its own datastore, synchronising grants out of the application database, policy distribution, high availability on the request path.", 3),
    ("authz.cross-service", "Same decisions across services",
     "Whether many services, possibly in several languages, get identical decisions from one definition instead of each re-implementing the rules (and drifting).", 2),
    ("authz.delegated-admin", "Permissions managed by administrators in the product",
     "Whether customer or business administrators can assign roles, share items or define custom roles without an engineer changing code, safely scoped to their own tenant.", 0),
    ("authz.data-filtering", "Filtered lists and search",
     "Whether list, search and report queries can return only the rows the caller may see without checking items one by one.", 2),
    ("authz.coverage", "Fails closed on every query path",
     "Whether a forgotten check in one endpoint, or a query that never passes through the service code (a generated data API, a reporting user), still cannot return another user's or tenant's rows.", 0),
]
CRIT_IDS = [c[0] for c in C]

# ---------------------------------------------------------------- options
def imp(**kw):
    out = {}
    for short, (v, r) in kw.items():
        out["authz." + short.replace("_", "-")] = {"impact": v, "rationale": r}
    assert set(out) == set(CRIT_IDS), set(CRIT_IDS) ^ set(out)
    return out

OPTIONS = [
    {
        "id": "authz.app-rbac",
        "name": "Roles and grants in application code (central authorization module)",
        "summary": "One authorization module inside the application (policy functions or middleware, deny by default) checks roles and ownership held in a grants table of the application's own database; object-level checks are predicates in the same queries that read the data.",
        "impacts": imp(
            relationships=(-1, "Ownership and one level of sharing are a join on a grants table; nested groups and folder inheritance become hand-written recursive queries that each endpoint must reuse correctly."),
            conditions=(-1, "Attribute conditions can be written as policy functions (ASP.NET Core requirement handlers, Pundit policy methods, Spring method-security expressions), but there is no condition language: each one is imperative code that every check must call and every test must cover, and encoding conditions as extra roles instead leads to the role explosion the OWASP Authorization Cheat Sheet warns about."),
            revocation=(2, "Grants are read from the primary database in the same transaction as the data, so a revoked grant stops working on the next request with no cache or replica in between (as long as roles are not copied into long-lived tokens)."),
            audit=(0, "The central module is the one place to log decisions and \"who has which role\" is one SQL query over the grants table, but the rules an auditor reads are application code."),
            latency=(2, "In-process: a function call plus an indexed lookup that usually rides on a query the request makes anyway; no network hop, no extra dependency."),
            simplicity=(2, "No new component or language; every web framework has a hook for it (Spring Security method security, ASP.NET Core policies, Django permissions, Pundit, CASL)."),
            cross_service=(-2, "Each service re-implements the rules in its own language; a shared library helps only while all services use one language and deploy the same version."),
            delegated_admin=(0, "Administrators assigning users to roles is ordinary CRUD on the grants table, and custom roles can be rows of permission sets; administrator-defined conditions would mean building a rule engine."),
            data_filtering=(1, "Checks are SQL predicates over the grants table, so list and search queries filter in the database in one round trip."),
            coverage=(-1, "Only code that calls the module is protected: one query or endpoint that forgets the predicate is a broken-object-level-authorization bug (OWASP API1), and queries outside the service are not covered at all."),
        ),
        "references": [
            {"title": "OWASP Authorization Cheat Sheet", "url": OWASP_AUTHZ},
            {"title": "OWASP API Security Top 10 2023: API1 Broken Object Level Authorization", "url": OWASP_API1},
            {"title": "OWASP API Security Top 10 2023: API5 Broken Function Level Authorization", "url": OWASP_API5},
        ],
        "confirmation": "Every route is registered with an authorization requirement and a test fails the build when a route has none (deny by default); an integration test suite calls every endpoint as a user of another tenant and as a user without the role and expects 403/404; a revoked role is denied on the next request in an end-to-end test.",
    },
    {
        "id": "authz.policy-engine",
        "name": "Policy engine as a library or sidecar (OPA/Rego or Cedar)",
        "summary": "Policies live as code in a repository and are evaluated by an embedded engine (the Cedar library, OPA as a Go library or WebAssembly) or a local OPA sidecar; the application sends subject, action, resource and context attributes and enforces the allow or deny it gets back. Grants and attributes stay in the application's database or the identity provider and are passed in per request (or replicated into the engine as data).",
        "impacts": imp(
            relationships=(-1, "Ownership and group membership work when the caller passes them as attributes or Cedar entity parents, but there is no relationship store: every ancestor and share of the object must be loaded per request or replicated into the engine's data."),
            conditions=(2, "Attribute conditions are the native case (NIST SP 800-162): Cedar `when` clauses over `context`, Rego rules over `input`, for time, IP range, amount or classification."),
            revocation=(1, "Attributes fetched at request time are fresh, but policies and any replicated data arrive by bundle polling (OPA bundles) or deployment, so a policy change takes seconds to minutes to reach every instance."),
            audit=(2, "Policies are reviewed and unit-tested as code; OPA decision logs record input, result and bundle revision per decision, and Cedar returns the determining policy IDs and validates policies against a schema."),
            latency=(2, "No network hop: Cedar (or OPA compiled to WebAssembly or used as a Go library) evaluates in-process in microseconds and an OPA sidecar answers over localhost; attribute fetching is the caller's cost."),
            simplicity=(0, "No datastore, but a policy language to learn and test and a policy-distribution pipeline; OPA adds a sidecar per service instance to deploy and monitor, Cedar embeds as a library."),
            cross_service=(1, "One policy bundle distributed to every service gives the same rules everywhere, and the sidecar's HTTP API is language-neutral; each service must still assemble the same input attributes."),
            delegated_admin=(0, "Role assignments and shares are data passed in with each request (Cedar entity parents, OPA input or data), so administrators can manage them; administrator-defined rules need Cedar templates or a data-driven policy design you build and guard yourself."),
            data_filtering=(-1, "List filtering needs partial evaluation (OPA's Compile API turns a policy into residual conditions you translate to SQL) or a pre-filter query plus per-item checks; neither is automatic."),
            coverage=(-1, "Enforcement happens where the service calls the engine: an endpoint that skips the call, or a query outside the service, is unprotected."),
        ),
        "references": [
            {"title": "Open Policy Agent documentation", "url": OPA},
            {"title": "OPA decision logs", "url": OPA_LOGS},
            {"title": "Cedar policy language documentation", "url": CEDAR},
            {"title": "Cedar repository (engine, schema validator, formal specification)", "url": CEDAR_REPO},
            {"title": "NIST SP 800-162, Guide to Attribute Based Access Control (ABAC)", "url": NIST_162},
        ],
        "confirmation": "Policy unit tests (`opa test` or Cedar policy tests) run in CI with a coverage threshold and Cedar policies are validated against the schema; decision logs are shipped and sampled; an alert fires when a sidecar's bundle revision lags the published one for more than the agreed window; p99 decision latency is tracked per service.",
    },
    {
        "id": "authz.rebac-service",
        "name": "Relationship-based access control service (OpenFGA or SpiceDB, Zanzibar-style)",
        "summary": "A central authorization service stores relationship tuples (object#relation@subject) under a schema that derives permissions from relationships (owner, editor, member of a group, parent folder); every service calls Check, and lists use ListObjects/LookupResources. Self-hosted OpenFGA or SpiceDB, or a managed offering of either.",
        "impacts": imp(
            relationships=(2, "The native case: sharing with users and groups, nested groups and inheritance from parent folders or organisations are schema rewrites over tuples, as in Google Zanzibar (USENIX ATC 2019)."),
            conditions=(1, "Conditions on relationships are evaluated with request context (OpenFGA conditional tuples and SpiceDB caveats, both written in CEL), which covers time windows, IP ranges and amount limits; richer rule sets (approval chains, many interacting attributes) still read better in a policy language."),
            revocation=(1, "Consistency tokens (SpiceDB ZedTokens, Zanzibar zookies) or OpenFGA's HIGHER_CONSISTENCY preference prevent stale checks, but grants live in a second store, so every permission change is a dual write that must not be lost."),
            audit=(2, "Every check is an API call that can be logged, the relationship path behind a decision can be expanded, and reverse queries (who can access this object, what can this user access) produce the lists access reviews ask for; the model is a short, reviewable schema file."),
            latency=(-1, "A network call per check, typically milliseconds with the service's caches, more for deep graphs; the service sits on every request path and must be as available as the API."),
            simplicity=(-1, "A new stateful service with its own datastore (PostgreSQL or MySQL for OpenFGA; PostgreSQL, CockroachDB, Spanner or MySQL for SpiceDB), schema design, and a pipeline that keeps tuples in step with the application database; managed offerings remove the servers, not the modelling or sync."),
            cross_service=(2, "One model and one store answer every service through the same gRPC/HTTP API, so all services see the same permission for the same object."),
            delegated_admin=(2, "Sharing a document, adding someone to a group or making someone a project admin writes a tuple from the product UI; administrators manage access as data without code changes."),
            data_filtering=(0, "ListObjects/LookupResources return the object IDs a user can reach, but they are bounded (OpenFGA ListObjects defaults to 1,000 results and a 3-second deadline) and must be joined with the database query."),
            coverage=(-1, "Enforcement happens where the service calls Check: an endpoint that skips it, or a query outside the service, is unprotected."),
        ),
        "references": [
            {"title": "Zanzibar: Google's Consistent, Global Authorization System (USENIX ATC 2019)", "url": ZANZIBAR},
            {"title": "OpenFGA concepts", "url": OPENFGA},
            {"title": "OpenFGA query consistency", "url": OPENFGA_CONS},
            {"title": "OpenFGA configuration options (ListObjects deadline and result limits)", "url": OPENFGA_CONFIG},
            {"title": "SpiceDB documentation", "url": SPICEDB},
            {"title": "SpiceDB consistency (ZedTokens)", "url": SPICEDB_CONS},
        ],
        "confirmation": "The authorization model has assertion tests in CI (OpenFGA model tests or SpiceDB validation files); a reconciliation job compares tuples with the application's ownership and membership rows and alerts on drift; check p99 latency and error rate have SLOs and the caller's behaviour when the service is down (fail closed) is tested; writes that change permissions store and reuse the consistency token.",
    },
    {
        "id": "authz.verified-permissions",
        "name": "Managed Cedar policy service (Amazon Verified Permissions)",
        "summary": "AWS runs the policy decision point: Cedar policies and schema live in a policy store (one per tenant if wanted), the application calls IsAuthorized or BatchIsAuthorized with the principal, action, resource and the entities they depend on, and gets allow or deny with the determining policies. Policies live in the policy store; grants and attributes stay in your database or come from token claims.",
        "impacts": imp(
            relationships=(-1, "No relationship store: the caller must load and send the entities and their parents (up to 100 principals and 100 resources per batch request) on every call, so hierarchies cost a fetch per request."),
            conditions=(2, "Cedar's `when`/`unless` clauses over entity attributes and request context express time, network, amount and classification conditions directly."),
            revocation=(0, "Entity data sent with each request is as fresh as the application's read, but policy and template changes go through the service's control plane; test how soon a changed policy is enforced rather than assume it is immediate."),
            audit=(1, "Each response names the determining policies and Cedar policies are schema-validated and analyzable, but IsAuthorized calls reach CloudTrail only as data events that are off by default and billed, and there is no reverse \"who can access this\" query."),
            latency=(-1, "A signed HTTPS call to a regional AWS endpoint per check or per batch of at most 30, outside your cluster, plus a per-account requests-per-second quota (the IsAuthorized default was raised to 200 TPS in March 2024; adjustable) that must be sized for peak."),
            simplicity=(1, "No servers or datastore to run, but real build work: modelling the Cedar schema, loading and sending the entities for every request, IAM permissions and quota management."),
            cross_service=(2, "One managed decision point with SDKs in every AWS language serves all services from the same policy store."),
            delegated_admin=(2, "Built for it: policy templates let the product create template-linked policies through the API when an administrator grants access, and per-tenant policy stores keep one tenant's policies away from another's; free-form customer Cedar still needs schema validation."),
            data_filtering=(-1, "There is no list or filter query: a list of N items needs N decisions in batches of at most 30, so large filtered lists must be pre-filtered in the database."),
            coverage=(-1, "Enforcement happens where the service calls IsAuthorized: an endpoint that skips it, or a query outside the service, is unprotected."),
        ),
        "references": [
            {"title": "What is Amazon Verified Permissions?", "url": AVP},
            {"title": "Quotas for Amazon Verified Permissions", "url": AVP_QUOTAS},
            {"title": "BatchIsAuthorized API reference", "url": AVP_BATCH},
            {"title": "Logging Verified Permissions API calls with CloudTrail", "url": AVP_TRAIL},
            {"title": "Verified Permissions policy templates and template-linked policies", "url": AVP_TEMPLATES},
            {"title": "Cedar policy language documentation", "url": CEDAR},
        ],
        "confirmation": "Cedar policies and the schema are kept in the repository and deployed by pipeline, with policy tests run against the Cedar library in CI; CloudTrail data events for IsAuthorized are enabled and retained for the audit period; CloudWatch alarms fire on throttling and on p99 call latency above the budget; a game day confirms the API fails closed when the service is unreachable.",
    },
    {
        "id": "authz.db-rls",
        "name": "Database row-level security as the enforcement layer (PostgreSQL RLS or equivalent)",
        "summary": "Row security policies on each protected table filter every SELECT, UPDATE and DELETE and check every INSERT against the tenant and user the application sets for the transaction (a database role or a transaction-local setting); grants live in tables the policies read. Function-level checks (who may call an admin endpoint) stay in the application.",
        "impacts": imp(
            relationships=(-1, "Ownership and group membership are subqueries in a policy; inherited access through deep hierarchies needs recursive queries per row, which is slow and hard to read."),
            conditions=(-1, "Column values and the current time are easy, but request context (IP, device, the amount being approved) must first be pushed into the session as settings, and every extra condition is SQL evaluated per row."),
            revocation=(2, "Policies read the live grant rows inside the same transaction as the data, so a revocation committed before the next statement applies to it."),
            audit=(-1, "Policies are reviewable DDL, but rows are silently filtered rather than denied, so there is no per-decision record to show an assessor; pgaudit logs statements, not authorization outcomes."),
            latency=(1, "Evaluated inside the query the request makes anyway, with no extra round trip; keep policies to comparisons on indexed columns, because subquery policies run per row and functions that are not leakproof can block index use."),
            simplicity=(1, "No new service, but real pitfalls: table owners and BYPASSRLS roles skip policies unless FORCE ROW LEVEL SECURITY and a separate non-owner application role are used, and pooled connections must set and reset the tenant per transaction."),
            cross_service=(-1, "It protects one database; caches, search indexes, object storage and other services' stores need their own checks."),
            delegated_admin=(0, "Policies are DDL written by engineers; administrators can manage the grant rows the policies read, but not rules of their own."),
            data_filtering=(2, "Every list, search and report query on the table is filtered by the database itself, with no per-item checks."),
            coverage=(2, "The database applies the policies to every query from a non-owner role without BYPASSRLS, whatever the client, and a table with RLS enabled and no matching policy denies by default, so a forgotten WHERE fails closed."),
        ),
        "references": [
            {"title": "PostgreSQL documentation: Row Security Policies", "url": PG_RLS},
            {"title": "PostgreSQL documentation: CREATE POLICY", "url": PG_POLICY},
            {"title": "OWASP Authorization Cheat Sheet", "url": OWASP_AUTHZ},
        ],
        "confirmation": "A migration test asserts that every table with a tenant or owner column has ROW LEVEL SECURITY enabled and forced and at least one policy; the application connects as a role that owns no tables and lacks BYPASSRLS (checked against pg_roles in CI); every view over a protected table is created WITH (security_invoker = true) (PostgreSQL 15 and later), because a view otherwise applies its owner's rights and policies, and a CI query over pg_class fails the build on any that is not; an integration test runs each list query as tenant A and asserts no tenant B row is returned; EXPLAIN plans of the hot queries are reviewed after each policy change.",
    },
]
OPT_IDS = [o["id"] for o in OPTIONS]
ALL_BUT_RLS = [o for o in OPT_IDS if o != "authz.db-rls"]

# ---------------------------------------------------------------- helpers
def note(text, source, if_chosen=None):
    e = {"op": "note", "text": text, "source": source}
    if if_chosen:
        e["if_chosen"] = if_chosen
    return e

def raise_(c, by):
    return {"op": "raise", "criterion": "authz." + c, "by": by}

def lower(c, by):
    return {"op": "lower", "criterion": "authz." + c, "by": by}

def set_(c, w):
    return {"op": "set", "criterion": "authz." + c, "weight": w}

def rule_out(o, reason):
    return {"op": "rule_out", "option": o, "reason": reason}

# ---------------------------------------------------------------- nodes
NODES = []

NODES.append({
    "id": "q-compliance", "kind": "question", "fact": "compliance", "multi": True, "next": "q-hosting",
    "prompt": "Which regimes apply to the data these permissions protect?",
    "help": "Regulations turn \"who may see what\" into audited duties: PCI DSS Requirement 7 and HIPAA's minimum-necessary standard require access limited by job function, reviewed periodically, and provable to an assessor, so decision logging, access reviews and enforcement close to the data gain weight. Select all that apply.",
    "answers": [
        {"label": "PCI DSS: payment card data is stored, processed or transmitted",
         "consequence": "Audit gains weight; Requirement 7 access-control duties go into the ADR.",
         "effects": [set_("audit", 4),
                     note("PCI DSS v4.0.1 Requirement 7: define an access control model that grants least privilege by job classification and function (7.2.1, 7.2.2); have required privileges approved by authorized personnel (7.2.3); review all user accounts and their privileges at least once every six months, with management acknowledging the result (7.2.4); give application and system accounts least privilege and review them (7.2.5, 7.2.5.1); restrict direct query access to stored cardholder data to administrators, with everyone else going through the application's role-based checks (7.2.6); and configure the access control system to enforce assigned privileges and \"deny all\" by default (7.3.1–7.3.3).", PCI),
                     note("Record authorization decisions that touch cardholder data so PCI DSS Requirement 10 audit trails (individual user access to cardholder data, 10.2.1.1) can be matched to the policy or grant that allowed them.", PCI)]},
        {"label": "HIPAA: protected health information of US patients",
         "consequence": "Audit gains weight; minimum-necessary and access-control duties go into the ADR.",
         "effects": [set_("audit", 4),
                     note("HIPAA Security Rule 45 CFR 164.312(a)(1): technical policies that allow access to ePHI only to persons or software programs granted access rights under 164.308(a)(4) (information access management); 164.312(a)(2)(i) unique user identification and (a)(2)(ii) an emergency access procedure are required; 164.312(b) audit controls must record and examine activity in systems that hold ePHI.", HIPAA_312),
                     note("HIPAA minimum necessary, 45 CFR 164.502(b) and 164.514(d): identify the classes of workforce members who need PHI, the categories of PHI each needs and any conditions, and make reasonable efforts to limit access accordingly (164.514(d)(2)); the standard does not apply to disclosures to a provider for treatment (164.502(b)(2)(i)). Model these classes and categories explicitly (role plus data category, or attribute rules), not as one \"clinician\" role that sees every record.", HIPAA_514),
                     note("Implement the required emergency access procedure as break-glass: a separate, time-limited grant or policy path that requires a stated reason, is logged as such and is reviewed afterwards, rather than an administrator role that bypasses the checks silently.", HIPAA_312)]},
        {"label": "GDPR or similar personal-data law",
         "consequence": "Audit gains weight; access limited to the purpose goes into the ADR.",
         "effects": [set_("audit", 4),
                     note("GDPR Art. 25(2): by default, personal data must not be made accessible to an indefinite number of people without the individual's intervention, and only data necessary for each purpose is processed; Art. 32(1)(b) asks for ongoing confidentiality of processing systems and Art. 32(4) that anyone with access processes data only on instructions. Deny by default and scope grants to the purpose.", GDPR)]},
        {"label": "SOC 2 or ISO/IEC 27001 audit",
         "consequence": "Audit gains weight; access reviews and evidence go into the ADR.",
         "effects": [set_("audit", 4),
                     note("SOC 2 (Trust Services Criteria CC6.1–CC6.3) and ISO/IEC 27001:2022 Annex A 5.15 (access control), 5.18 (access rights) and 8.3 (information access restriction) expect role or attribute based access by least privilege, timely removal and periodic access reviews with evidence: keep grant changes in an append-only log and be able to export \"who can access what\" for the reviewer.", ISO27001)]},
        {"label": "FedRAMP or other government authorisation",
         "consequence": "Audit gains weight; NIST SP 800-53 AC and AU controls go into the ADR.",
         "effects": [set_("audit", 4),
                     note("FedRAMP baselines build on NIST SP 800-53 Rev. 5: AC-3 (access enforcement), AC-6 (least privilege), AC-2 (account management, including removal) and AU-2/AU-12 (audit events): the authorization layer must enforce approved authorizations on every access and produce auditable records of the decisions.", NIST_53),
                     note("Every external service in the authorization path must be inside your authorization boundary: confirm Amazon Verified Permissions is listed for your FedRAMP baseline on AWS's services-in-scope page before adopting it.", AWS_SCOPE, ["authz.verified-permissions"])]},
        {"label": "None of these", "exclusive": True,
         "consequence": "No regulatory duty changes the weights; OWASP's deny-by-default and per-request checks still apply."},
    ],
})

NODES.append({
    "id": "q-hosting", "kind": "question", "fact": "hosting",
    "prompt": "Where do the services that make authorization decisions run?",
    "help": "A managed policy service runs only where its provider offers it, and every check is a call to it; a self-hosted engine or service runs anywhere you can run a container and a database.",
    "answers": [
        {"label": "One public cloud (AWS, Azure or Google Cloud)", "next": "q-cloud",
         "consequence": "The next question asks which cloud, because one option is an AWS service."},
        {"label": "Several public clouds", "next": "q-clouds-aws",
         "consequence": "The next question asks whether AWS is one of them, because one option is an AWS service."},
        {"label": "Our own data centres (on-premises)", "next": "q-ops",
         "consequence": "Amazon Verified Permissions is ruled out; self-hosted engines and services remain.",
         "effects": [rule_out("authz.verified-permissions", "Amazon Verified Permissions runs only in AWS Regions; it cannot be installed on-premises, and calling it from your data centre would make every authorization check depend on an internet path to AWS.")]},
        {"label": "A restricted cloud partition (sovereign or government region)", "next": "q-ops",
         "consequence": "Managed services must be offered inside the partition.",
         "effects": [note("A partition has its own accounts and IAM, so a policy store in the commercial partition cannot serve it: Verified Permissions must be offered inside your partition. AWS GovCloud (US) offers it, but without identity sources (no Amazon Cognito or OIDC identity source, so no IsAuthorizedWithToken: pass principals and their groups as entities with IsAuthorized); for the AWS European Sovereign Cloud and other partitions, check AWS's regional services list before adopting it. Where it is not offered, the same Cedar policies run in the embedded Cedar library.", AVP_GOVCLOUD, ["authz.verified-permissions"])]},
    ],
})

NODES.append({
    "id": "q-cloud", "kind": "question",
    "prompt": "Which public cloud?",
    "help": "Amazon Verified Permissions is an AWS service; the other options run on any cloud. This is asked here as a plain question, not a shared fact.",
    "answers": [
        {"label": "AWS", "next": "q-ops", "consequence": "All options stay in play."},
        {"label": "Microsoft Azure", "next": "q-ops",
         "consequence": "Amazon Verified Permissions is ruled out.",
         "effects": [rule_out("authz.verified-permissions", "Amazon Verified Permissions runs only in AWS Regions, not in Azure. Calling it from Azure would add a second cloud provider (account, contract, workload identity federation) and make every authorization check depend on a cross-provider internet path; the same Cedar policies run in-process with the open-source Cedar library (the policy engine option).")]},
        {"label": "Google Cloud", "next": "q-ops",
         "consequence": "Amazon Verified Permissions is ruled out.",
         "effects": [rule_out("authz.verified-permissions", "Amazon Verified Permissions runs only in AWS Regions, not in Google Cloud. Calling it from Google Cloud would add a second cloud provider (account, contract, workload identity federation) and make every authorization check depend on a cross-provider internet path; the same Cedar policies run in-process with the open-source Cedar library (the policy engine option).")]},
    ],
})

NODES.append({
    "id": "q-clouds-aws", "kind": "question",
    "prompt": "Is AWS one of those clouds?",
    "help": "Amazon Verified Permissions runs only in AWS Regions: if AWS is one of your clouds, services there call it in-Region and the others cross clouds; if none of your clouds is AWS, every check would leave your clouds.",
    "answers": [
        {"label": "Yes, AWS is one of them", "next": "q-ops",
         "consequence": "All options stay in play; a managed AWS service would be a cross-cloud call for services on the other clouds.",
         "effects": [note("Services on other clouds would call an AWS Region for every decision: measure the cross-cloud latency, budget the egress, and keep the Cedar policies portable (the open-source Cedar library evaluates the same policies in-process) so a service outside AWS can evaluate locally.", CEDAR, ["authz.verified-permissions"])]},
        {"label": "No, none of them is AWS", "next": "q-ops",
         "consequence": "Amazon Verified Permissions is ruled out.",
         "effects": [rule_out("authz.verified-permissions", "Amazon Verified Permissions runs only in AWS Regions, and none of your clouds is AWS: adopting it would add another cloud provider and make every authorization check depend on a cross-provider internet path; the same Cedar policies run in-process with the open-source Cedar library (the policy engine option).")]},
    ],
})

NODES.append({
    "id": "q-ops", "kind": "question", "fact": "ops-capacity",
    "prompt": "Who would run an authorization service or policy distribution?",
    "help": "A central authorization service is a stateful, latency-critical dependency of every request; a policy engine needs a bundle pipeline and sidecars. Who carries that pager changes how much a new component costs.",
    "answers": [
        {"label": "A platform or SRE team runs infrastructure for us", "next": "q-tenancy",
         "consequence": "Build and operations cost loses weight: the platform team absorbs running a new service.",
         "effects": [lower("simplicity", 2)]},
        {"label": "The product team runs its own infrastructure", "next": "q-tenancy",
         "consequence": "Build and operations cost keeps its default weight."},
        {"label": "Little operations capacity: we buy managed services", "next": "q-tenancy",
         "consequence": "Build and operations cost gains the most weight; managed offerings are preferred where a service is needed.",
         "effects": [raise_("simplicity", 2),
                     note("With little operations capacity, do not run a distributed relationship store yourself: in a public cloud use a managed offering (Auth0 FGA for OpenFGA models, AuthZed Cloud or Dedicated for SpiceDB) and keep the model portable; in a restricted partition use one only if it is authorised inside your boundary; otherwise (and on-premises) run OpenFGA on a PostgreSQL you already operate, or reconsider whether application-level grants suffice.", SPICEDB, ["authz.rebac-service"]),
                     note("Prefer evaluating Cedar in-process (no sidecar to run) over an OPA sidecar fleet, or use Verified Permissions if you are on AWS.", CEDAR, ["authz.policy-engine"])]},
    ],
})

NODES.append({
    "id": "q-tenancy", "kind": "question", "fact": "tenancy",
    "prompt": "How is the data divided between customers?",
    "help": "In a pooled multi-tenant system a missing tenant check leaks another customer's data, so the tenant boundary must hold in every query, list and cache; the OWASP Authorization Cheat Sheet lists better multi-tenancy support among its reasons to prefer ABAC or ReBAC over RBAC.",
    "answers": [
        {"label": "One organisation's data (no tenants)", "next": "q-model",
         "consequence": "No tenant boundary to enforce."},
        {"label": "Many tenants with similar needs", "next": "q-model",
         "consequence": "Fail-closed enforcement gains weight; the tenant goes into every check.",
         "effects": [raise_("coverage", 2),
                     note("Make the tenant part of every decision: the tenant ID comes from the authenticated session or token, never from a request parameter, and every check and every query is scoped by it; test each endpoint with a user of another tenant (OWASP API1).", OWASP_API1),
                     note("Model the tenant as the root of the hierarchy (organisation#member, organisation#admin) so a tenant admin's rights cannot reach another tenant's objects, and keep tuples of different tenants distinguishable for export and deletion.", OPENFGA, ["authz.rebac-service"]),
                     note("Add PostgreSQL row-level security keyed on the tenant as a second layer where the data is in PostgreSQL: the application's checks decide what a user may do, RLS guarantees a missed filter cannot return another tenant's rows.", PG_RLS, ["authz.app-rbac", "authz.policy-engine", "authz.rebac-service", "authz.verified-permissions"]),
                     note("Use one policy store per tenant when tenants have their own policies (the default quota is 30,000 policy stores per Region per account), or one shared store with the tenant as an entity in every policy when they do not.", AVP_QUOTAS, ["authz.verified-permissions"])]},
        {"label": "Some tenants require dedicated isolation", "next": "q-model",
         "consequence": "Fail-closed enforcement gains some weight; dedicated tenants get their own stores or policy stores.",
         "effects": [raise_("coverage", 2),
                     note("Dedicated tenants (own database, own policy store or own authorization store) still need the same model: keep one model and route by tenant, so isolation is a deployment choice and not a second authorization design.", OWASP_AUTHZ)]},
    ],
})

NODES.append({
    "id": "q-model", "kind": "question", "multi": True, "next": "q-services",
    "prompt": "What shape do your permission rules have?",
    "help": "The shape decides the model: fixed roles fit a grants table, per-object sharing and inheritance fit relationship tuples (Zanzibar), and conditions on attributes fit a policy language (NIST SP 800-162). The OWASP Authorization Cheat Sheet recommends ABAC or ReBAC over RBAC for application authorization while conceding that RBAC is simpler to set up. Select all that apply.",
    "answers": [
        {"label": "Roles only: users hold roles (admin, editor, viewer) and may act on records they own", "exclusive": True,
         "consequence": "Sharing and conditions weigh nothing; simplicity gains weight.",
         "effects": [set_("relationships", 0), set_("conditions", 0), raise_("simplicity", 2),
                     note("With roles only, the usual failures are a missing ownership check on an ID taken from the request (OWASP API1) and an admin function reachable by a normal role (OWASP API5): check both on every request.", OWASP_API5),
                     note("Do not copy roles into long-lived access tokens: a role removed in the grants table would keep working until the token expires. Read roles per request or keep token lifetimes short.", OWASP_AUTHZ, ["authz.app-rbac", "authz.db-rls", "authz.policy-engine"]),
                     note("IsAuthorizedWithToken takes the principal's groups from the identity token's claims, so a removed group keeps working until the token expires; pass entities from your database with IsAuthorized when revocation must be immediate.", AVP, ["authz.verified-permissions"])]},
        {"label": "Per-resource sharing and hierarchies (items shared with users or groups, access inherited from folders, projects or organisations)",
         "consequence": "Sharing and hierarchies gain the most weight.",
         "effects": [raise_("relationships", 4),
                     note("Per-object permissions do not fit in tokens: there are too many and they change too often. Check them at the resource on every request.", OWASP_AUTHZ),
                     note("Write the relationship tuple in the same unit of work as the object it describes (transactional outbox, or the authorization service's consistency token stored with the object) so a created document is never unprotected and a revoked share is never left behind.", SPICEDB_CONS, ["authz.rebac-service"]),
                     note("Sharing and inheritance built on a grants table need one shared, tested query for \"effective access\" (direct grants, group grants, inherited from parents); revisit a relationship-based service if hierarchies deepen or more services need the answer.", ZANZIBAR, ["authz.app-rbac", "authz.db-rls"])]},
        {"label": "Conditions on attributes (time, location, transaction amount, data classification)",
         "consequence": "Attribute conditions gain weight.",
         "effects": [raise_("conditions", 4),
                     note("Fetch fast-changing attributes (employment status, account freeze, classification) at decision time from their source of truth, not from claims in a long-lived token (NIST SP 800-162 attribute freshness).", NIST_162),
                     note("Express conditions as caveats (SpiceDB) or conditional tuples (OpenFGA) evaluated with request context, and keep anything richer (amount limits per role, approval workflows) in a policy layer next to the check.", OPENFGA_COND, ["authz.rebac-service"])]},
    ],
})

NODES.append({
    "id": "q-services", "kind": "question",
    "prompt": "How many services need the same authorization decisions?",
    "help": "Rules re-implemented in each service drift apart; a single decision point (NIST SP 800-207's policy decision point) keeps them identical but adds a dependency. The number and languages of services decide which cost is larger.",
    "answers": [
        {"label": "One application or service", "next": "q-latency",
         "consequence": "Cross-service consistency weighs nothing.",
         "effects": [set_("cross-service", 0),
                     note("Deny by default, enforce on the server on every request (object-level and function-level, OWASP API1 and API5), keep the rules in one module, policy set or model rather than scattered in handlers, and run authorization tests for every endpoint in CI.", OWASP_AUTHZ)]},
        {"label": "A few services in one language", "next": "q-latency",
         "consequence": "Cross-service consistency gains some weight.",
         "effects": [set_("cross-service", 2),
                     note("Deny by default, enforce on the server on every request (object-level and function-level, OWASP API1 and API5), keep the rules in one module, policy set or model rather than scattered in handlers, and run authorization tests for every endpoint in CI.", OWASP_AUTHZ),
                     note("Share one authorization library across the services, versioned and released together, with one test suite; a rule change means redeploying every service that embeds it.", OWASP_AUTHZ, ["authz.app-rbac"])]},
        {"label": "Many services in several languages", "next": "q-latency",
         "consequence": "Cross-service consistency gains the most weight.",
         "effects": [set_("cross-service", 4),
                     note("Deny by default, enforce on the server on every request (object-level and function-level, OWASP API1 and API5), keep the rules in one module, policy set or model rather than scattered in handlers, and run authorization tests for every endpoint in CI.", OWASP_AUTHZ),
                     note("Put a standard interface between enforcement points and the decision point: the OpenID AuthZEN Authorization API 1.0 (Final Specification, January 2026) defines subject/action/resource/context evaluation requests over HTTPS, so gateways and services are not tied to one engine's SDK.", AUTHZEN, ["authz.policy-engine", "authz.rebac-service", "authz.verified-permissions"])]},
    ],
})

NODES.append({
    "id": "q-latency", "kind": "question",
    "prompt": "What can one authorization check cost?",
    "help": "A central service adds a network round trip and its availability to every check; endpoints that check many items per request (lists, bulk operations, streaming) multiply that cost. In-process evaluation avoids both.",
    "answers": [
        {"label": "Under a millisecond: many checks per request or a tight latency budget", "next": "q-editors",
         "consequence": "Latency gains the most weight; remote calls per check are penalised.",
         "effects": [set_("latency", 4),
                     note("Do not check items one by one over the network: use LookupResources/ListObjects or bulk check APIs, and cache decisions only with the consistency token or a TTL shorter than your revocation window.", SPICEDB_CONS, ["authz.rebac-service"]),
                     note("Batch checks (BatchIsAuthorized, up to 30 per call) and pre-filter lists in the database; a sub-millisecond budget cannot include a regional API call per item.", AVP_BATCH, ["authz.verified-permissions"])]},
        {"label": "A few milliseconds per request is acceptable", "next": "q-editors",
         "consequence": "Latency keeps its default weight."},
    ],
})

NODES.append({
    "id": "q-editors", "kind": "question",
    "prompt": "Who changes permissions and rules?",
    "help": "If only engineers change rules, policy-as-code with review is natural; if administrators grant access or build custom roles, permissions are data they edit within their own tenant; if they write conditional rules, the product must validate and evaluate rules it did not write, and each change must be auditable.",
    "answers": [
        {"label": "Only our engineers, through code review", "next": "q-revocation",
         "consequence": "Administrator-managed permissions weigh nothing.",
         "effects": [set_("delegated-admin", 0)]},
        {"label": "Administrators manage access in the product as data (assign roles, build custom roles from permissions we define, share items)", "next": "q-revocation",
         "consequence": "Administrator-managed permissions gain weight.",
         "effects": [set_("delegated-admin", 2),
                     note("Administrators may grant only rights they hold themselves and only within their tenant; custom roles are sets drawn from a fixed list of permissions you define, never free-form rules; log every grant and revocation with actor, target, before and after, and show administrators who has access to what.", OWASP_AUTHZ)]},
        {"label": "Administrators write their own conditional rules in the product (attribute conditions, exceptions)", "next": "q-revocation",
         "consequence": "Administrator-managed permissions gain the most weight, and audit gains weight.",
         "effects": [set_("delegated-admin", 4), set_("audit", 4),
                     note("Offer conditional rules as parameterised rule types you define (or policy templates), never free-form policy code; validate every rule against the schema before saving, scope it to the administrator's tenant and keep a versioned history.", OWASP_AUTHZ),
                     note("Generate customer rules from Cedar policy templates (template-linked policies) or validate customer-authored Cedar against the schema before saving; never let one tenant's policy reference another tenant's entities.", AVP_TEMPLATES, ["authz.verified-permissions", "authz.policy-engine"])]},
    ],
})

NODES.append({
    "id": "q-revocation", "kind": "question",
    "prompt": "When access is revoked, how soon must it stop working?",
    "help": "Caches, replicas, policy bundles and tokens each widen the window in which a revoked user still gets in; the Zanzibar paper's \"new enemy\" problem is a check that misses a permission change made just before a content change (remove Bob from a folder, then add a secret document, and Bob still sees it).",
    "answers": [
        {"label": "On the next request, including the first request after a permission change", "next": "q-data",
         "consequence": "Revocation consistency gains the most weight.",
         "effects": [set_("revocation", 4),
                     note("Use the strongest consistency for checks after a permission change: store the ZedToken (SpiceDB) returned by the write with the object and pass it as at_least_as_fresh, or request HIGHER_CONSISTENCY (OpenFGA) on sensitive checks; do not cache check results beyond that.", SPICEDB_CONS, ["authz.rebac-service"]),
                     note("Do not rely on policy bundles for revocation: put revocable facts (membership, suspension) in attributes fetched per request, and alert when a sidecar's bundle revision lags.", OPA_BUNDLES, ["authz.policy-engine"])]},
        {"label": "Within seconds to a few minutes is acceptable", "next": "q-data",
         "consequence": "Revocation consistency keeps its default weight; short caches are acceptable."},
    ],
})

NODES.append({
    "id": "q-data", "kind": "question",
    "prompt": "Where does the protected data live, and who queries it?",
    "help": "Row-level security can only protect rows in a database that supports it, and it matters most when something other than your service code queries the data; data spread over several stores needs a check that is not tied to one database.",
    "answers": [
        {"label": "One relational database with row-level security (PostgreSQL, SQL Server, Oracle), queried only by our service code", "next": "o-rls-possible",
         "consequence": "All options stay in play."},
        {"label": "One PostgreSQL database that clients query through a generated data API (PostgREST, Supabase)", "next": "o-rls-generated-api",
         "consequence": "Only database row-level security sees every query; options that enforce elsewhere are ruled out.",
         "effects": [set_("coverage", 4),
                     rule_out("authz.app-rbac", "Clients query the tables through a generated data API that runs their requests directly as SQL, so authorization code in your application is never consulted on that path; only the database sees every query (PostgREST: all authorization happens in the database). Route clients through your own API instead if you want checks in application code."),
                     rule_out("authz.policy-engine", "Clients query the tables through a generated data API that runs their requests directly as SQL, so a policy engine called by your services is never consulted on that path; only the database sees every query (PostgREST: all authorization happens in the database). Route clients through your own API instead if you want a policy engine."),
                     rule_out("authz.rebac-service", "Clients query the tables through a generated data API that runs their requests directly as SQL, so a relationship service called by your services is never consulted on that path; only the database sees every query (PostgREST: all authorization happens in the database). Route clients through your own API instead if you want a relationship service."),
                     rule_out("authz.verified-permissions", "Clients query the tables through a generated data API that runs their requests directly as SQL, so a policy service called by your services is never consulted on that path; only the database sees every query (PostgREST: all authorization happens in the database). Route clients through your own API instead if you want Verified Permissions."),
                     note("Take the caller from the verified JWT inside policies (PostgREST exposes its claims as the transaction setting request.jwt.claims), express request conditions there, and give the anonymous role no access to protected tables; business operations that need more than row filters belong in database functions or your own service, not in the client.", POSTGREST_AUTH, ["authz.db-rls"])]},
        {"label": "One relational database with row-level security, also queried directly by other consumers (reporting users, BI tools, another application's database login)", "next": "o-rls-possible",
         "consequence": "Fail-closed enforcement gains the most weight: checks in code do not cover those queries.",
         "effects": [set_("coverage", 4),
                     note("Queries that bypass your service code bypass its checks: protect those tables with row-level security (and a database role per consumer), or give the other consumers a separate, filtered copy or route them through the same API.", PG_RLS, ["authz.app-rbac", "authz.policy-engine", "authz.rebac-service", "authz.verified-permissions"])]},
        {"label": "Several databases or stores (SQL, document store, search index, object storage)", "next": "o-rls-possible",
         "consequence": "No single database layer can fail closed for every store, so that criterion stops counting; the ADR records which layer guards each store.",
         "effects": [set_("coverage", 0),
                     note("Row-level security covers only the database it is defined in: the search index, caches and object storage need the same decisions from the application, so record which layer enforces each store.", PG_RLS, ["authz.db-rls"])]},
        {"label": "A database without row-level security (MySQL, MongoDB, DynamoDB)", "next": "o-rls-impossible",
         "consequence": "Database row-level security is ruled out.",
         "effects": [rule_out("authz.db-rls", "The database has no row-level security policies that can read your grants, so checks must run in the application or a policy service."),
                     note("If the data is in DynamoDB and tenants are pooled, add a database-enforced tenant boundary: call DynamoDB with tenant-scoped credentials whose IAM policy restricts dynamodb:LeadingKeys to the tenant's partition-key values, so a missed filter in code cannot read another tenant's items.", DDB_FGAC)]},
    ],
})

NODES.append({
    "id": "o-rls-possible", "kind": "outcome", "options": OPT_IDS,
    "title": "Choose the authorization model and where its checks run",
    "context": "The data sits where database row-level security is available, so the choice spans checks in application code, a policy engine, a relationship service, a managed policy service and enforcement in the database itself.",
})
NODES.append({
    "id": "o-rls-generated-api", "kind": "outcome", "options": ["authz.db-rls"],
    "title": "Enforce authorization in the database behind the generated data API",
    "context": "Clients query the tables through a generated data API, so the database is the only component that sees every query; row-level security policies are the authorization layer, with database functions for operations that need more than row filters.",
})
NODES.append({
    "id": "o-rls-impossible", "kind": "outcome", "options": ALL_BUT_RLS,
    "title": "Choose the authorization model and where its checks run, outside the database",
    "context": "The data store has no row-level security, so every object-level check runs in the application, a policy engine or an authorization service, and list queries must carry the filter themselves.",
})

# ---------------------------------------------------------------- checks
def chk(name, when, expect, why, source):
    return {"name": name, "when": when, "expect": expect, "why": why, "source": source}

ROLES = "Roles only: users hold roles (admin, editor, viewer) and may act on records they own"
SHARE = "Per-resource sharing and hierarchies (items shared with users or groups, access inherited from folders, projects or organisations)"
COND = "Conditions on attributes (time, location, transaction amount, data classification)"
ONE_SVC = "One application or service"
FEW_SVC = "A few services in one language"
MANY_SVC = "Many services in several languages"
SUBMS = "Under a millisecond: many checks per request or a tight latency budget"
MS = "A few milliseconds per request is acceptable"
ENG = "Only our engineers, through code review"
ADM_ASSIGN = "Administrators manage access in the product as data (assign roles, build custom roles from permissions we define, share items)"
ADM_DEFINE = "Administrators write their own conditional rules in the product (attribute conditions, exceptions)"
REV_NOW = "On the next request, including the first request after a permission change"
REV_LATER = "Within seconds to a few minutes is acceptable"
D_RLS = "One relational database with row-level security (PostgreSQL, SQL Server, Oracle), queried only by our service code"
D_GEN = "One PostgreSQL database that clients query through a generated data API (PostgREST, Supabase)"
D_RLS_EXT = "One relational database with row-level security, also queried directly by other consumers (reporting users, BI tools, another application's database login)"
D_MULTI = "Several databases or stores (SQL, document store, search index, object storage)"
D_NORLS = "A database without row-level security (MySQL, MongoDB, DynamoDB)"
ONPREM = "Our own data centres (on-premises)"
LITTLE_OPS = "Little operations capacity: we buy managed services"
POOLED = "Many tenants with similar needs"

CHECKS = [
    chk("no-managed-aws-service-on-premises", {"q-hosting": [ONPREM]},
        {"never": ["authz.verified-permissions"]},
        "Verified Permissions is an AWS Regional service; an on-premises system cannot host it.", AVP),
    chk("no-managed-aws-service-on-azure-or-gcp", {"q-cloud": ["Microsoft Azure", "Google Cloud"]},
        {"never": ["authz.verified-permissions"]},
        "Verified Permissions is offered only in AWS Regions.", AWS_REGIONAL),
    chk("no-rls-without-rls", {"q-data": [D_NORLS]},
        {"never": ["authz.db-rls"]},
        "MySQL, MongoDB and DynamoDB have no row-level security policies to enforce.", PG_RLS),
    chk("fixed-roles-one-app-stays-simple", {"q-model": [ROLES], "q-services": [ONE_SVC]},
        {"winner_in": ["authz.app-rbac", "authz.db-rls"]},
        "A few fixed roles in one application need no policy engine or authorization service; OWASP concedes RBAC is simpler to set up, and a central module with deny-by-default covers it.", OWASP_AUTHZ),
    chk("fixed-roles-never-need-a-relationship-graph", {"q-model": [ROLES], "q-services": [ONE_SVC, FEW_SVC], "q-editors": [ENG, ADM_ASSIGN]},
        {"never": ["authz.rebac-service"]},
        "Without per-object sharing or inheritance there are no relationships to store; a Zanzibar-style service would be a stateful dependency for a role lookup.", ZANZIBAR),
    chk("sharing-across-many-services-uses-rebac", {"q-model": [SHARE], "q-services": [MANY_SVC], "q-latency": [MS], "q-data": [D_RLS, D_MULTI, D_NORLS]},
        {"winner_in": ["authz.rebac-service"]},
        "Per-object sharing and inherited access checked by many services in several languages is the problem Zanzibar and its descendants (OpenFGA, SpiceDB) were built for.", ZANZIBAR),
    chk("sharing-with-admin-managed-access-uses-rebac", {"q-model": [SHARE], "q-services": [FEW_SVC, MANY_SVC], "q-editors": [ADM_ASSIGN, ADM_DEFINE], "q-latency": [MS], "q-ops": ["A platform or SRE team runs infrastructure for us", "The product team runs its own infrastructure"], "q-data": [D_RLS, D_MULTI, D_NORLS]},
        {"winner_in": ["authz.rebac-service"]},
        "When users share items and administrators manage groups across services, access is data (tuples), which a relationship service stores and evaluates centrally.", OPENFGA),
    chk("sharing-across-many-services-not-per-service-code", {"q-model": [SHARE], "q-services": [MANY_SVC], "q-latency": [MS], "q-data": [D_RLS, D_MULTI, D_NORLS]},
        {"never": ["authz.app-rbac", "authz.db-rls"]},
        "Re-implementing sharing and inheritance in every service and language drifts; the decision must come from one definition.", NIST_207),
    chk("conditions-across-services-engineers-use-an-engine", {"q-model": [COND], "q-services": [MANY_SVC], "q-editors": [ENG], "q-cloud": ["Microsoft Azure", "Google Cloud"], "q-data": [D_RLS, D_MULTI, D_NORLS]},
        {"winner_in": ["authz.policy-engine", "authz.rebac-service"]},
        "Attribute conditions maintained by engineers and shared by several services are the ABAC case NIST SP 800-162 describes, evaluated by a policy engine such as OPA or Cedar; without AWS the managed Cedar service is not available.", NIST_162),
    chk("conditions-not-hand-coded-across-many-services", {"q-model": [COND], "q-services": [MANY_SVC], "q-data": [D_RLS, D_MULTI, D_NORLS]},
        {"never": ["authz.app-rbac", "authz.db-rls"]},
        "Attribute rules re-coded in many services in several languages diverge; OWASP recommends centralised, policy-based ABAC over scattered role checks.", OWASP_AUTHZ),
    chk("customer-defined-conditions-not-hand-coded", {"q-model": [COND], "q-editors": [ADM_DEFINE], "q-services": [FEW_SVC, MANY_SVC], "q-data": [D_RLS, D_MULTI, D_NORLS]},
        {"never": ["authz.app-rbac", "authz.db-rls"]},
        "Administrator-defined conditional rules in hand-written code means building a policy engine; use a policy language with schema validation or templates.", CEDAR),
    chk("aws-little-ops-admin-conditions-central", {"q-cloud": ["AWS"], "q-ops": [LITTLE_OPS], "q-model": [COND], "q-services": [MANY_SVC], "q-latency": [MS], "q-editors": [ADM_DEFINE], "q-data": [D_RLS, D_MULTI, D_NORLS]},
        {"never": ["authz.app-rbac", "authz.db-rls"]},
        "On AWS, with little operations capacity, administrator-defined attribute rules shared by many services need one decision point (managed Cedar, an embedded engine, or a relationship service when sharing is also needed), not per-service code.", AVP),
    chk("sub-millisecond-never-remote-managed-call", {"q-latency": [SUBMS]},
        {"never": ["authz.verified-permissions"]},
        "A regional AWS API call per check cannot fit a sub-millisecond budget; batches are capped at 30 decisions.", AVP_BATCH),
    chk("sub-millisecond-roles-never-remote-service", {"q-latency": [SUBMS], "q-model": [ROLES]},
        {"never": ["authz.rebac-service", "authz.verified-permissions"]},
        "With only roles to check and a sub-millisecond budget, a network hop per check buys nothing an in-process check cannot do.", NIST_207),
    chk("generated-data-api-enforces-in-database", {"q-data": [D_GEN]},
        {"winner_in": ["authz.db-rls"]},
        "With a generated data API (PostgREST, Supabase) clients' requests run directly as SQL, so no application check, policy engine or authorization service is on that path; PostgREST delegates all authorization to the database.", POSTGREST_AUTH),
    chk("direct-db-consumers-roles-one-service-enforce-in-database", {"q-data": [D_RLS_EXT], "q-services": [ONE_SVC], "q-model": [ROLES]},
        {"winner_in": ["authz.db-rls"]},
        "When tables are also queried directly by reporting users or other logins, only row-level security in the database covers every query path; for fixed roles in one service it is also the simplest layer.", PG_RLS),
    chk("no-aws-among-several-clouds-no-avp", {"q-clouds-aws": ["No, none of them is AWS"]},
        {"never": ["authz.verified-permissions"]},
        "Verified Permissions runs only in AWS Regions; with no AWS among the clouds every check would leave them.", AWS_REGIONAL),
    chk("several-stores-not-rls-only", {"q-data": [D_MULTI], "q-services": [FEW_SVC, MANY_SVC]},
        {"never": ["authz.db-rls"]},
        "Row security policies protect one database; several stores and services need a decision that is not tied to one of them.", PG_RLS),
    chk("sub-millisecond-conditions-engineers-evaluate-in-process", {"q-latency": [SUBMS], "q-model": [COND], "q-editors": [ENG], "q-services": [ONE_SVC, FEW_SVC]},
        {"never": ["authz.rebac-service", "authz.verified-permissions"]},
        "Attribute conditions owned by engineers with a sub-millisecond budget belong in an in-process evaluator (Cedar library, OPA as a library or sidecar), not behind a network call per check.", CEDAR),
    chk("one-org-roles-one-app-engineers-is-plain-rbac", {"q-tenancy": ["One organisation's data (no tenants)"], "q-model": [ROLES], "q-services": [ONE_SVC], "q-editors": [ENG], "q-data": [D_RLS, D_MULTI, D_NORLS]},
        {"winner_in": ["authz.app-rbac"]},
        "The simplest case: one application, no tenants, a few roles maintained by engineers. A deny-by-default authorization module with role and ownership checks is enough.", OWASP_AUTHZ),
    chk("pooled-tenants-one-service-roles-enforce-near-data", {"q-tenancy": [POOLED], "q-model": [ROLES], "q-services": [ONE_SVC]},
        {"winner_in": ["authz.app-rbac", "authz.db-rls"]},
        "Pooled tenants with fixed roles in one service need tenant-scoped checks in the query path (application predicates or RLS), not a separate authorization service.", OWASP_API1),
]

TREE = {
    "$schema": "./schema.json",
    "format": 2,
    "id": "security-authz",
    "namespace": "authz",
    "title": "Authorization model and enforcement",
    "description": "Pick the authorization model and where its checks run: roles in application code, a policy engine (OPA, Cedar), a relationship service (OpenFGA, SpiceDB), a managed Cedar service, or database row-level security.",
    "source": "Decision-Making Approaches › Security Implementation",
    "references": [
        {"title": "OWASP Authorization Cheat Sheet", "url": OWASP_AUTHZ},
        {"title": "NIST SP 800-162, Guide to Attribute Based Access Control", "url": NIST_162},
        {"title": "NIST SP 800-207, Zero Trust Architecture", "url": NIST_207},
        {"title": "Zanzibar: Google's Consistent, Global Authorization System (USENIX ATC 2019)", "url": ZANZIBAR},
        {"title": "OpenID AuthZEN Authorization API 1.0", "url": AUTHZEN},
    ],
    "area": {"id": "security", "title": "Security Implementation", "position": 3},
    "tie_break": {
        "order": ["authz.app-rbac", "authz.db-rls", "authz.policy-engine", "authz.verified-permissions", "authz.rebac-service"],
        "why": "Fewest new components first: code in the application, then the database's own feature, then an embedded engine, then a managed service, then a stateful service to run.",
    },
    "criteria": [{"id": i, "name": n, "description": d, "default_weight": w} for i, n, d, w in C],
    "options": OPTIONS,
    "root": "q-compliance",
    "nodes": NODES,
    "checks": CHECKS,
}

with open(OUT, "w") as f:
    json.dump(TREE, f, indent=2, ensure_ascii=False)
    f.write("\n")
print("wrote", OUT)
