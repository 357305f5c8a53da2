#!/usr/bin/env python3
"""Generates decision-trees/security-api.json (tree id security-api, namespace api)."""
import json, sys

NS = "api"
def c(x): return f"{NS}.{x}"

# ---------------------------------------------------------------- references
RFC = lambda n: f"https://www.rfc-editor.org/rfc/rfc{n}"
R = {
    "6749": {"title": "RFC 6749: The OAuth 2.0 Authorization Framework", "url": RFC(6749)},
    "6749cc": {"title": "RFC 6749 section 4.4: Client Credentials Grant", "url": RFC(6749) + "#section-4.4"},
    "6750": {"title": "RFC 6750: OAuth 2.0 Bearer Token Usage", "url": RFC(6750)},
    "9700": {"title": "RFC 9700: Best Current Practice for OAuth 2.0 Security", "url": RFC(9700)},
    "9449": {"title": "RFC 9449: OAuth 2.0 Demonstrating Proof of Possession (DPoP)", "url": RFC(9449)},
    "8705": {"title": "RFC 8705: OAuth 2.0 Mutual-TLS Client Authentication and Certificate-Bound Access Tokens", "url": RFC(8705)},
    "7662": {"title": "RFC 7662: OAuth 2.0 Token Introspection", "url": RFC(7662)},
    "9068": {"title": "RFC 9068: JSON Web Token (JWT) Profile for OAuth 2.0 Access Tokens", "url": RFC(9068)},
    "8725": {"title": "RFC 8725: JSON Web Token Best Current Practices", "url": RFC(8725)},
    "7523": {"title": "RFC 7523: JWT Profile for OAuth 2.0 Client Authentication and Authorization Grants", "url": RFC(7523)},
    "8693": {"title": "RFC 8693: OAuth 2.0 Token Exchange", "url": RFC(8693)},
    "8707": {"title": "RFC 8707: Resource Indicators for OAuth 2.0", "url": RFC(8707)},
    "8252": {"title": "RFC 8252: OAuth 2.0 for Native Apps", "url": RFC(8252)},
    "9421": {"title": "RFC 9421: HTTP Message Signatures", "url": RFC(9421)},
    "2104": {"title": "RFC 2104: HMAC: Keyed-Hashing for Message Authentication", "url": RFC(2104)},
    "10017": {"title": "RFC 10017: OAuth 2.0 for Browser-Based Applications", "url": RFC(10017)},
    "fapi": {"title": "OpenID Foundation: FAPI 2.0 Security Profile (Final, February 2025)", "url": "https://openid.net/specs/fapi-security-profile-2_0.html"},
    "fapi-attacker": {"title": "OpenID Foundation FAPI Working Group: final specifications (Security Profile, Attacker Model, Message Signing)", "url": "https://openid.net/wg/fapi/specifications/"},
    "owasp-api": {"title": "OWASP API Security Top 10 2023: API2 Broken Authentication", "url": "https://owasp.org/API-Security/editions/2023/en/0xa2-broken-authentication/"},
    "owasp-api-top10": {"title": "OWASP API Security Top 10 2023", "url": "https://owasp.org/API-Security/editions/2023/en/0x11-t10/"},
    "owasp-rest": {"title": "OWASP REST Security Cheat Sheet", "url": "https://cheatsheetseries.owasp.org/cheatsheets/REST_Security_Cheat_Sheet.html"},
    "owasp-jwt": {"title": "OWASP JSON Web Token Cheat Sheet", "url": "https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_Cheat_Sheet.html"},
    "owasp-ms": {"title": "OWASP Microservices Security Cheat Sheet", "url": "https://cheatsheetseries.owasp.org/cheatsheets/Microservices_Security_Cheat_Sheet.html"},
    "owasp-oauth": {"title": "OWASP OAuth 2.0 Cheat Sheet", "url": "https://cheatsheetseries.owasp.org/cheatsheets/OAuth2_Cheat_Sheet.html"},
    "owasp-secrets": {"title": "OWASP Secrets Management Cheat Sheet", "url": "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"},
    "nist-204": {"title": "NIST SP 800-204: Security Strategies for Microservices-based Application Systems", "url": "https://csrc.nist.gov/pubs/sp/800/204/final"},
    "nist-204a": {"title": "NIST SP 800-204A: Building Secure Microservices-based Applications Using Service-Mesh Architecture", "url": "https://csrc.nist.gov/pubs/sp/800/204/a/final"},
    "nist-53": {"title": "NIST SP 800-53 Rev. 5: Security and Privacy Controls", "url": "https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final"},
    "spiffe": {"title": "SPIFFE: Secure Production Identity Framework for Everyone (overview)", "url": "https://spiffe.io/docs/latest/spiffe-about/overview/"},
    "spire": {"title": "SPIRE concepts", "url": "https://spiffe.io/docs/latest/spire-about/spire-concepts/"},
    "k8s-sa": {"title": "Kubernetes: Service account token volume projection", "url": "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#serviceaccount-token-volume-projection"},
    "gcp-wif": {"title": "Google Cloud: Workload Identity Federation", "url": "https://cloud.google.com/iam/docs/workload-identity-federation"},
    "aws-pod-id": {"title": "Amazon EKS Pod Identity", "url": "https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html"},
    "azure-wi": {"title": "Microsoft Entra Workload ID: workload identity federation", "url": "https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation"},
    "aws-rolesanywhere": {"title": "AWS IAM Roles Anywhere", "url": "https://docs.aws.amazon.com/rolesanywhere/latest/userguide/introduction.html"},
    "istio-sec": {"title": "Istio security concepts (peer authentication, request authentication, authorization policy)", "url": "https://istio.io/latest/docs/concepts/security/"},
    "linkerd-mtls": {"title": "Linkerd: automatic mTLS", "url": "https://linkerd.io/2-edge/features/automatic-mtls/"},
    "appmesh-eos": {"title": "AWS App Mesh: end of support on 30 September 2026", "url": "https://docs.aws.amazon.com/app-mesh/latest/userguide/what-is-app-mesh.html"},
    "aws-apikeys": {"title": "Amazon API Gateway: usage plans and API keys", "url": "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html"},
    "stdwebhooks": {"title": "Standard Webhooks specification", "url": "https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md"},
    "stripe-wh": {"title": "Stripe: verify webhook signatures", "url": "https://docs.stripe.com/webhooks#verify-events"},
    "github-wh": {"title": "GitHub: validating webhook deliveries", "url": "https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries"},
    "pci": {"title": "PCI Security Standards Council document library (PCI DSS v4.0.1)", "url": "https://www.pcisecuritystandards.org/document_library/"},
    "hipaa": {"title": "45 CFR 164.312: Technical safeguards", "url": "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312"},
    "gdpr": {"title": "Regulation (EU) 2016/679 (GDPR), EUR-Lex", "url": "https://eur-lex.europa.eu/eli/reg/2016/679/oj"},
    "iso27001": {"title": "ISO/IEC 27001:2022", "url": "https://www.iso.org/standard/27001"},
    "fedramp": {"title": "FedRAMP", "url": "https://www.fedramp.gov/"},
    "fips1403": {"title": "NIST CMVP: FIPS 140-3 validated modules", "url": "https://csrc.nist.gov/projects/cryptographic-module-validation-program"},
}

# ---------------------------------------------------------------- criteria
CRIT = [
    ("theft", "Stolen-credential and replay resistance",
     "How little a copied credential is worth to an attacker: bearer tokens and static keys work for whoever holds them, proof-of-possession (DPoP, RFC 8705, signatures) needs a private key the thief lacks. OWASP API2:2023 Broken Authentication is the attack this prevents.", 1),
    ("revocation", "Revocation latency",
     "How fast a revoked credential, disabled client or withdrawn consent stops working at the API: at once (introspection, key deletion) or only when a self-contained token expires.", 2),
    ("integrity", "Request content integrity",
     "Whether the request body and headers themselves are authenticated end to end, so tampering or replay is detectable after TLS ends at a proxy, queue or gateway; matters most for webhooks.", 1),
    ("secrets", "No long-lived shared secrets",
     "How many long-lived secrets the scheme needs to store, distribute and rotate on both sides: shared keys and client secrets score low, private keys that never leave the caller and platform-issued short-lived identities score high.", 2),
    ("caller-effort", "Effort for callers to integrate",
     "How much work each calling team, partner or provider must do: SDK support, key or certificate handling, per-request proofs. Third parties you cannot force to change weigh this heavily.", 2),
    ("ops", "Operational burden on us",
     "What we must run and keep available: an authorization server, an introspection endpoint, a PKI, a service mesh, replay caches, key rotation.", 3),
    ("latency", "Per-request cost and runtime dependencies",
     "Work and network calls added to every request: local signature checks versus a call to an introspection endpoint or a sidecar hop, and what fails when that dependency is down.", 2),
    ("assurance", "Recognised assurance for auditors and regulators",
     "Whether the scheme maps to controls that assessors test (NIST SP 800-53 IA-9/SC-8, PCI DSS 8.3.2, HIPAA 164.312(d)), with per-caller attribution in logs. FAPI 2.0 certification is scored separately, under third-party onboarding, because none of these regimes requires it.", 2),
    ("reuse", "Reuse of identity infrastructure already in place",
     "How much of the scheme the callers and platform already have: client certificates from a trusted CA, a running service mesh, platform identities. Weighs nothing by default; answers that say such infrastructure exists raise it.", 0),
]
CRIT_IDS = [k for k, *_ in CRIT]

def imp(*pairs):
    """pairs: (value, rationale) in CRIT order."""
    assert len(pairs) == len(CRIT_IDS), pairs
    return {c(k): {"impact": v, "rationale": r} for k, (v, r) in zip(CRIT_IDS, pairs)}

# ---------------------------------------------------------------- options
OPTIONS = [
 {
  "id": c("jwt-bearer"),
  "name": "User-delegated OAuth access tokens as signed JWTs, validated locally (RFC 9068)",
  "summary": "The client obtains an access token for the signed-in user (authorization code with PKCE); the token is a short-lived signed JWT in the RFC 9068 profile (typ at+jwt, iss, aud, sub, client_id, scope, exp) that each API validates locally against the authorization server's JWKS and sends as a bearer token (RFC 6750).",
  "impacts": imp(
    (-1, "A bearer token (RFC 6750): whoever copies it can call the API until exp, so lifetimes are kept to 5-15 minutes."),
    (-1, "Self-contained: a revoked grant keeps working until exp unless every API also checks a denylist."),
    (-1, "Authenticates the caller, not the request: the body is protected only by TLS up to wherever TLS ends."),
    (1, "No secret at the API: it needs only the authorization server's public keys (JWKS); the client's secret stays at the token endpoint."),
    (1, "Every OAuth/OIDC client library and API gateway supports it; the caller only adds an Authorization: Bearer header."),
    (1, "Needs an authorization server (managed IdP or self-hosted) and JWKS caching, but no per-request dependency."),
    (2, "One local signature and claims check per request; the API keeps working if the authorization server is briefly down."),
    (1, "Standard (RFC 9068, RFC 9700) and testable against OWASP ASVS 5.0 V9 (self-contained tokens), with per-user and per-client attribution from sub and client_id."),
    (1, "Every identity provider issues RFC 9068-style JWT access tokens and every gateway validates them out of the box."),
  ),
  "relations": [
    {"kind": "complements", "target": c("dpop"), "rationale": "DPoP adds a cnf key binding to the same JWT when theft of a bearer token is not acceptable."},
  ],
  "references": [R["9068"], R["6750"], R["9700"], R["8725"], R["owasp-jwt"]],
  "confirmation": "Contract tests send tokens with a wrong aud, an expired exp, alg none, an HS256 token signed with the public key, typ JWT instead of at+jwt, and a jku/x5u header pointing elsewhere; every one gets 401. A dashboard tracks the p99 token lifetime (alert above 15 minutes) and JWKS fetch failures.",
 },
 {
  "id": c("opaque-introspection"),
  "name": "User-delegated opaque access tokens checked by introspection (RFC 7662)",
  "summary": "The authorization server issues random reference tokens; the API or a gateway calls the RFC 7662 introspection endpoint (cached for seconds) to learn whether the token is active and its sub, client_id and scope. A gateway may swap it for a short-lived internal JWT (the 'phantom token' pattern).",
  "impacts": imp(
    (-1, "Still a bearer token: a copied reference token works until it is revoked or expires."),
    (2, "The authorization server answers active=false as soon as a grant is revoked; latency is bounded by the introspection cache TTL (seconds)."),
    (-1, "Authenticates the caller, not the request: the body is protected only by TLS."),
    (1, "Clients handle the same short-lived tokens; the API needs its own credential to call the introspection endpoint (RFC 7662 section 2.1)."),
    (1, "Identical to JWTs for the caller: an opaque Authorization: Bearer value."),
    (0, "The authorization server (often a managed IdP) serves introspection; you size the result cache and monitor the dependency."),
    (-1, "A network call per cache miss (results cached for seconds); an introspection outage stops every API once the cache runs dry."),
    (1, "Tokens carry no readable personal data (GDPR Art. 5(1)(c) data minimisation) and the authorization server logs every check."),
    (1, "Most identity providers offer RFC 7662 introspection out of the box; the API or gateway registers once to call it."),
  ),
  "relations": [
  ],
  "references": [R["7662"], R["6750"], R["9700"], R["owasp-oauth"]],
  "confirmation": "A test revokes a grant and asserts the API returns 401 within the cache TTL (for example 30 seconds); introspection latency and error rate are alerted on; the resource server's introspection credential is rotated on schedule.",
 },
 {
  "id": c("dpop"),
  "name": "DPoP sender-constrained access tokens (RFC 9449)",
  "summary": "The client holds a key pair and signs a DPoP proof JWT per request (htm, htu, iat, jti, ath); the authorization server binds the access and refresh tokens to the key's thumbprint (cnf.jkt), and the API rejects a token presented without a matching proof. Works at the application layer, so TLS may end at a CDN or load balancer.",
  "impacts": imp(
    (2, "A copied token is useless without the private key: the API checks the proof's signature, htm/htu, ath and cnf.jkt (RFC 9449 sections 4.3 and 7)."),
    (1, "DPoP-bound tokens can be introspected (RFC 9449 section 6.2, the cnf.jkt is returned), so revocation can bite within the introspection cache TTL when needed; self-contained, they last until exp."),
    (0, "The proof covers method, URI and token hash, not the body; a captured proof is only replayable within the jti/iat window."),
    (2, "No shared secret: the client generates its own key pair (in secure hardware on devices) and nothing is registered in advance; confidential clients pair it with private_key_jwt."),
    (-2, "Every client signs a proof per request and handles DPoP-Nonce challenges; library support is growing but absent from many partner SDKs and HTTP clients, so integrators often write it themselves."),
    (-1, "The authorization server must support DPoP; APIs keep a short-lived cache of seen jti values (or issue nonces) to stop proof replay."),
    (0, "A signature verification per request plus a jti lookup in a replay cache shared by all API instances; no call to the authorization server."),
    (1, "Recommended by RFC 9700 section 2.2 and one of the two sender-constraining methods FAPI 2.0 accepts."),
    (-1, "New to most estates: the authorization server, gateway and every client must add DPoP support."),
  ),
  "relations": [
    {"kind": "complements", "target": c("jwt-bearer"), "rationale": "The JWT validation rules stay; DPoP adds the key-binding check."},
  ],
  "references": [R["9449"], R["9700"], R["fapi"]],
  "confirmation": "A test replays a captured DPoP-bound token with no proof, with a proof from another key, with a reused jti and with a wrong htu; all get 401. Metrics count rejected proofs per client; the share of API calls carrying DPoP is 100% for the bound audience.",
 },
 {
  "id": c("mtls-bound"),
  "name": "Mutual-TLS client authentication and certificate-bound tokens (RFC 8705)",
  "summary": "Callers present an X.509 client certificate in the TLS handshake; the authorization server authenticates the client with it (tls_client_auth or self_signed_tls_client_auth) and binds issued tokens to the certificate thumbprint (cnf.x5t#S256), which the API compares with the certificate of the connection.",
  "impacts": imp(
    (2, "A copied token fails unless presented over a TLS connection authenticated with the bound certificate's private key (RFC 8705 section 3)."),
    (1, "Certificate-bound tokens can be introspected (RFC 8705 section 3.2), so revocation can bite within the introspection cache TTL; revoking the certificate itself needs CRL/OCSP checking or short-lived certificates."),
    (0, "The TLS channel is authenticated end to end to the terminating point, but the request content is not signed."),
    (1, "The private key never leaves the client and replaces a shared client secret, but certificates must be issued, renewed and revoked (ACME, SPIRE or a private CA)."),
    (-2, "Each caller needs a certificate from a CA you trust and TLS stacks configured for client certificates; hard for browsers and mobile apps."),
    (-2, "Running a PKI (issuance, rotation, revocation) and keeping the client certificate visible to the API through every proxy."),
    (1, "No per-request signature: the binding is a thumbprint compare against the handshake, but each new connection pays a client-certificate handshake."),
    (1, "Accepted by FAPI 2.0 for client authentication and token binding; X.509 client authentication maps to NIST SP 800-53 IA-3/IA-9 and gives per-client attribution."),
    (2, "Reuses the X.509 client certificates and CA that callers already hold."),
  ),
  "relations": [
  ],
  "references": [R["8705"], R["9700"], R["fapi"]],
  "confirmation": "A test presents a bound token over a connection with another certificate and expects 401; certificate expiry is alerted 14 days ahead; the edge configuration is tested to forward the verified client certificate, never a client-supplied header.",
 },
 {
  "id": c("fapi2"),
  "name": "FAPI 2.0 Security Profile for third-party and high-value access",
  "summary": "The OpenID Foundation profile for high-value APIs: confidential clients only, authenticated with private_key_jwt or mTLS; pushed authorization requests (PAR) with PKCE; sender-constrained access tokens with DPoP or RFC 8705; iss in the authorization response; no bearer tokens. For machine clients using the client credentials grant it reduces to asymmetric client authentication plus sender-constrained tokens. Implemented on a FAPI-certified authorization server and checked with the OpenID conformance suite.",
  "impacts": imp(
    (2, "Access tokens are always sender-constrained (DPoP or RFC 8705) and clients are authenticated with asymmetric keys."),
    (1, "The Security Profile fixes neither the token format nor introspection: like DPoP or RFC 8705 alone, bound tokens can be introspected so revocation bites within the cache TTL (per-call consent checks are an ecosystem rule, not the profile's)."),
    (0, "The Security Profile protects the authorization flow (PAR, PKCE, iss); signing API requests and responses is the separate FAPI 2.0 Message Signing profile."),
    (2, "No shared client secrets: only private_key_jwt or mTLS client authentication are permitted."),
    (-2, "Every client must implement PAR, PKCE, private_key_jwt or mTLS, and DPoP or certificate binding, and pass onboarding tests."),
    (-2, "Needs a FAPI-capable authorization server, client registration and certificate or key onboarding, and conformance testing."),
    (0, "Per request, the same proof or certificate check as DPoP or RFC 8705; PAR adds one back-channel call per authorization, not per API call (per-call consent lookups are an ecosystem rule, not the profile's)."),
    (1, "Maps to the same controls as DPoP or RFC 8705 for PCI DSS, HIPAA, SOC 2 or FedRAMP assessors (none of them requires FAPI); its certification value for onboarding third parties is scored under third-party interoperability."),
    (-2, "Usually needs a new or upgraded FAPI-certified authorization server and new onboarding for every client."),
  ),
  "relations": [
    {"kind": "complements", "target": c("dpop"), "rationale": "FAPI 2.0 uses DPoP or RFC 8705 as its sender-constraining mechanism."},
    {"kind": "complements", "target": c("mtls-bound"), "rationale": "FAPI 2.0 accepts RFC 8705 for client authentication and token binding."},
  ],
  "references": [R["fapi"], R["fapi-attacker"], R["9449"], R["8705"]],
  "confirmation": "The authorization server and every client pass the OpenID Foundation FAPI 2.0 conformance tests before go-live and after each upgrade; the API rejects every bearer (unbound) token in a contract test; client onboarding is blocked without a registered JWKS or certificate.",
 },
 {
  "id": c("client-credentials"),
  "name": "OAuth client credentials with private_key_jwt (machine clients)",
  "summary": "Each calling system is a registered confidential OAuth client that gets short-lived, scoped, audience-restricted access tokens with the client credentials grant (RFC 6749 section 4.4), authenticating to the token endpoint with a signed JWT assertion (private_key_jwt, RFC 7523) rather than a shared client secret.",
  "impacts": imp(
    (-1, "Issued tokens are bearer tokens: a copied token works until exp unless you add DPoP or RFC 8705 binding."),
    (0, "Disabling the client stops new tokens at once; tokens already issued live until exp, so keep them to minutes."),
    (-1, "Authenticates the calling system, not the request body."),
    (1, "private_key_jwt keeps the private key with the caller (RFC 9700 section 2.5 recommends asymmetric client authentication); a client_secret fallback would be a shared secret."),
    (1, "Every OAuth SDK and most partner stacks support the grant; private_key_jwt needs one signing key per client."),
    (0, "Needs an authorization server and a client registry, which most teams already run or buy."),
    (2, "One token request per token lifetime per client; the API validates the token locally."),
    (1, "Each client has its own id, scopes and audit trail at the token endpoint."),
    (1, "Uses the authorization server and client registry most teams already have."),
  ),
  "relations": [
    {"kind": "complements", "target": c("dpop"), "rationale": "Client-credentials tokens can be DPoP-bound when a copied token must not be usable."},
  ],
  "references": [R["6749cc"], R["7523"], R["9700"], R["owasp-oauth"]],
  "confirmation": "An inventory of clients, scopes and key owners is reviewed quarterly; tests reject tokens for another audience and tokens older than their exp; the token endpoint accepts private_key_jwt only, except for clients listed as unable to hold a key, each with client_secret, an owner and a migration date (configuration test).",
 },
 {
  "id": c("workload-identity"),
  "name": "Workload identity: platform-issued short-lived credentials (SPIFFE/SPIRE, cloud workload identity, Kubernetes service account tokens)",
  "summary": "Each service gets an attested, automatically rotated identity from its platform: an X.509 or JWT SVID from SPIRE, a projected Kubernetes service account token with an audience, an AWS IAM role, a Google or Azure service identity, or an external identity federated into one. The callee validates that identity (signature, audience, trust domain) instead of any stored secret.",
  "impacts": imp(
    (1, "Credentials live minutes to an hour and are audience-bound; a JWT-SVID or service account token is still a bearer token within that window."),
    (0, "Removing the workload's registration or role stops new credentials; issued ones expire within their short lifetime."),
    (-1, "Authenticates the calling workload, not the request body (unless used for mTLS with an X.509 SVID)."),
    (2, "No stored secret at all: the platform attests the workload and rotates the credential automatically."),
    (0, "Transparent on managed platforms (metadata endpoint, projected volume), but each callee must be configured with trusted issuers and audiences."),
    (0, "Built into AWS, Azure, Google Cloud and Kubernetes; on your own servers SPIRE server and agents are one more system to run."),
    (2, "Local validation of a JWT or certificate; callers fetch and cache tokens from the platform's metadata endpoint or projected volume, off the request path."),
    (1, "Maps to NIST SP 800-53 IA-9 (service identification and authentication) with one identity per workload in the logs."),
    (1, "Uses identities the platform already issues, but every callee must be configured to trust the issuer and audience."),
  ),
  "relations": [
    {"kind": "complements", "target": c("mesh-mtls"), "rationale": "A mesh uses the same SPIFFE identities as X.509 certificates at the transport layer."},
  ],
  "references": [R["spiffe"], R["k8s-sa"], R["gcp-wif"], R["aws-pod-id"], R["azure-wi"], R["nist-204"]],
  "confirmation": "No long-lived service credential exists in code, images or CI variables (secret scanning blocks it); each service rejects tokens whose audience or trust domain is not its own (contract test); credential lifetime is capped at one hour by platform policy.",
 },
 {
  "id": c("mesh-mtls"),
  "name": "Service-mesh mTLS with identity-based authorization policies",
  "summary": "A service mesh (Istio, Linkerd, Cilium) gives every workload a SPIFFE X.509 identity, encrypts and mutually authenticates every hop, and enforces which service identities may call which service. Transport identity only: it says which workload is calling, not which user or with which consent, so user-level authorization still needs a propagated token.",
  "impacts": imp(
    (2, "Proof of possession on every hop: the X.509 SVID's private key stays in the proxy, so there is no bearer credential to copy, and certificates expire within 24 hours or less."),
    (0, "Revoking a workload's identity or tightening a policy stops new connections; certificates rotate on the mesh's schedule."),
    (0, "The channel is authenticated hop by hop between proxies, not the request content end to end."),
    (2, "Certificates are issued and rotated by the mesh; application code holds no credential."),
    (2, "Transparent to application code: no token handling in the service."),
    (-2, "A mesh control plane and data plane (sidecars or node proxies) to run, upgrade and debug; adopting one is a platform project."),
    (0, "A proxy hop per call adds latency and memory, in exchange for no token validation in the service."),
    (1, "Implements NIST SP 800-204A's service-mesh security (mutual authentication and policy per service) uniformly across every hop."),
    (2, "Reuses the identities and mTLS a running mesh already provides, with no application change."),
  ),
  "relations": [
    {"kind": "complements", "target": c("workload-identity"), "rationale": "The mesh issues SPIFFE identities; services may also use JWT-SVIDs where traffic leaves the mesh."},
  ],
  "references": [R["nist-204a"], R["istio-sec"], R["linkerd-mtls"], R["spiffe"]],
  "confirmation": "Strict mTLS mode is enforced mesh-wide (a test connection in plaintext is refused); a default-deny authorization policy is in place and a test call from an unlisted service identity gets 403; certificate rotation and control-plane health are alerted on.",
 },
 {
  "id": c("api-keys"),
  "name": "API keys (identification and metering for low-risk APIs)",
  "summary": "Each consumer gets a random key sent in a header; the gateway or API looks up its hash to identify the consumer, apply quotas and meter usage. Identification, not strong authentication: a key is a static bearer secret.",
  "impacts": imp(
    (-2, "A static bearer secret that often leaks into logs, repositories and browser code, and works for anyone until revoked."),
    (1, "Deleting or disabling a key at the gateway takes effect at once."),
    (-2, "Authenticates nothing about the request; the key itself travels with every call."),
    (-2, "A long-lived shared secret per consumer that must be stored hashed, distributed and rotated by hand."),
    (2, "The simplest integration there is: one header, no SDK."),
    (2, "Built into every API gateway (usage plans, quotas); no authorization server."),
    (1, "One cached lookup per request."),
    (-2, "OWASP REST Security: do not rely on API keys alone for sensitive, critical or high-value resources."),
    (1, "Uses the API gateway's built-in key and usage-plan features."),
  ),
  "relations": [],
  "references": [R["owasp-rest"], R["aws-apikeys"], R["owasp-api"]],
  "confirmation": "Keys are stored only as hashes, have an owner and a maximum age (rotation alert), and secret scanning is on for every repository; the endpoints they reach are inventoried and reviewed to contain no sensitive data; per-key rate limits return 429.",
 },
 {
  "id": c("hmac-signing"),
  "name": "HMAC request signing with a per-sender secret (webhooks)",
  "summary": "The sender computes an HMAC (for example HMAC-SHA256, RFC 2104) over a timestamp and the raw request body with a secret shared per endpoint, in the scheme of the provider or of Standard Webhooks, or as HTTP Message Signatures (RFC 9421); the receiver recomputes it in constant time and rejects old timestamps.",
  "impacts": imp(
    (1, "The secret never travels; a captured request can be replayed only inside the timestamp tolerance (typically 5 minutes) unless the receiver also deduplicates event ids."),
    (1, "Rotating or deleting the endpoint secret stops acceptance at once."),
    (2, "The signature covers the raw body and timestamp, so any change in transit or in an intermediary is detected."),
    (-1, "A shared symmetric secret per endpoint, held by both sides and rotated by hand (providers support two active secrets during rotation)."),
    (1, "Webhook providers ship it and document verification; for your own API clients, canonicalisation mistakes are the usual bug."),
    (0, "No authorization server or PKI, but each sender's secret must be kept in recoverable form (verification needs the key itself, not a hash) in a secrets store."),
    (2, "One HMAC per request, no network call."),
    (0, "A widely used practice without an assurance profile; attribution is per endpoint secret."),
    (0, "Uses the provider's own signing scheme; a verification library or a few lines of code."),
  ),
  "relations": [],
  "references": [R["2104"], R["9421"], R["stdwebhooks"], R["stripe-wh"], R["github-wh"]],
  "confirmation": "Tests send a delivery with a modified body, a signature from the old secret after rotation, and a timestamp 10 minutes old; all are rejected. Verification uses the raw body bytes and a constant-time compare (code review checklist); duplicate event ids are dropped.",
 },
]
# Criterion added after the options: only the third-party branch gives it weight.
CRIT.append(("interop", "Certifiable onboarding for independent third-party clients",
     "Whether independent third-party developers can onboard against a published, certifiable profile instead of a bespoke integration: FAPI 2.0 with the OpenID Foundation conformance suite is the reference; plain OAuth flows are standard but leave each deployment's choices open; infrastructure-bound or provider-specific schemes score low. Weighs nothing unless third parties act for our users.", 0))
INTEROP = {
  "jwt-bearer": (1, "Authorization code with PKCE and RFC 9068 tokens is what every third-party OAuth library expects, but each deployment's choices (scopes, client authentication) are negotiated per API."),
  "opaque-introspection": (1, "Standard OAuth for the client; opaque tokens change nothing on the third party's side."),
  "dpop": (0, "An RFC every client can implement, but with no certification of clients; each third party's DPoP support is tested by you, one integration at a time."),
  "mtls-bound": (0, "An RFC, but each third party needs a certificate from a CA you trust and onboarding of that certificate; no client certification."),
  "fapi2": (2, "A published profile with a formal attacker model and OpenID Foundation conformance tests that clients and authorization servers certify against; open-banking, open-finance and e-health ecosystems onboard third parties this way."),
  "client-credentials": (1, "A standard grant that every OAuth library supports; onboarding is client registration."),
  "workload-identity": (-1, "Federation is configured per cloud provider and per partner; not an interface third-party developers can build against generically."),
  "mesh-mtls": (-2, "Works only inside your own mesh's trust domain."),
  "api-keys": (0, "Trivial to onboard, but every API defines its own key scheme; nothing to certify."),
  "hmac-signing": (-1, "Each provider's signing scheme is its own (unless Standard Webhooks or RFC 9421 is used); nothing to certify."),
}
for _o in OPTIONS:
    _v, _r = INTEROP[_o["id"].split(".", 1)[1]]
    _o["impacts"][c("interop")] = {"impact": _v, "rationale": _r}
OPT_IDS = [o["id"] for o in OPTIONS]
ALL = set(OPT_IDS)

# ---------------------------------------------------------------- helpers
def note(text, src=None, only=None):
    e = {"op": "note", "text": text}
    if src: e["source"] = src
    if only: e["if_chosen"] = [c(x) for x in only]
    return e
def ro(opt, reason): return {"op": "rule_out", "option": c(opt), "reason": reason}
def setw(k, w): return {"op": "set", "criterion": c(k), "weight": w}
def up(k, by=1): return {"op": "raise", "criterion": c(k), "by": by}
def down(k, by=1): return {"op": "lower", "criterion": c(k), "by": by}
def ans(label, consequence, effects=(), nxt=None, exclusive=False):
    a = {"label": label, "consequence": consequence}
    if nxt: a["next"] = nxt
    if exclusive: a["exclusive"] = True
    if effects: a["effects"] = list(effects)
    return a

NODES = []
def q(id, prompt, help, answers, next=None, multi=False, fact=None):
    n = {"id": id, "kind": "question", "prompt": prompt, "help": help, "answers": answers}
    if fact: n["fact"] = fact
    if multi: n["multi"] = True; n["next"] = next
    NODES.append(n)
def outcome(id, title, options, context):
    NODES.append({"id": id, "kind": "outcome", "title": title, "options": [c(x) for x in options], "context": context})

TOKEN_OPTS = ["jwt-bearer", "opaque-introspection", "dpop", "mtls-bound", "fapi2", "client-credentials"]

# ---------------------------------------------------------------- shared facts
L_PCI = "PCI DSS: payment card data is stored, processed or transmitted"
L_HIPAA = "HIPAA: protected health information of US patients"
L_GDPR = "GDPR or similar personal-data law"
L_SOC = "SOC 2 or ISO/IEC 27001 audit"
L_FED = "FedRAMP or other government authorisation"
L_NONE = "None of these"
q("q-compliance", "Which compliance regimes cover the data these APIs expose?",
  "Regimes fix controls on how system and application credentials are protected and logged (PCI DSS 8.3.2 and 8.6, HIPAA 164.312(d), NIST SP 800-53 IA-9), so they raise the weight of recognised assurance and add the exact requirements to the ADR; how much a stolen credential could do is asked separately for each caller class.",
  [
    ans(L_PCI, "Assurance weighs more; PCI rules for application credentials are recorded.", [
        up("assurance"),
        note("PCI DSS v4.0.1 Req 8.3.2: strong cryptography renders all authentication factors unreadable in transmission and storage on all system components, so API keys, client secrets and HMAC secrets are stored hashed or in a secrets manager, never in plaintext configuration.", R["pci"]["url"]),
        note("PCI DSS v4.0.1 Req 8.6.2: passwords/passphrases of application and system accounts that can be used for interactive login are not hard-coded in scripts, configuration files or source code; Req 8.6.3: such credentials are protected against misuse and changed on suspicion of compromise and at the frequency of your targeted risk analysis. Treat client secrets and API keys the same way.", R["pci"]["url"], only=["api-keys", "hmac-signing", "client-credentials"]),
        note("PCI DSS v4.0.1 Req 4.2.1: strong cryptography protects PAN during transmission over open, public networks; every API carrying card data uses TLS 1.2 or later with trusted certificates.", R["pci"]["url"]),
        note("PCI DSS v4.0.1 Req 10.2.1 and 10.2.1.1: audit logs are enabled and capture every individual user access to cardholder data; log the authenticated client_id (and sub for user-delegated tokens) on every call, never the token or key itself.", R["pci"]["url"]),
    ]),
    ans(L_HIPAA, "Assurance weighs more; HIPAA technical safeguards are recorded.", [
        up("assurance"),
        note("HIPAA 45 CFR 164.312(d) person or entity authentication: verify that every caller (user, partner system or service) seeking access to ePHI is the one claimed; 164.312(b) audit controls: record which client and user accessed which record; 164.312(e)(1) transmission security: TLS on every hop carrying ePHI, including internal service calls.", R["hipaa"]["url"]),
    ]),
    ans(L_GDPR, "Data minimisation in tokens is recorded; how fast consent withdrawal must bite is asked per caller class.", [
        note("GDPR Art. 5(1)(c) data minimisation and Art. 32 security of processing: a signed JWT is readable by anyone who holds it, so access tokens we issue carry identifiers and scopes, never names, e-mail addresses or other personal data; use opaque tokens or encrypted JWTs if the API needs more.", R["gdpr"]["url"], only=["jwt-bearer", "dpop", "mtls-bound", "fapi2", "client-credentials", "workload-identity"]),
    ]),
    ans(L_SOC, "Assurance weighs more; auditors will test credential inventories and rotation.", [
        up("assurance"),
        note("ISO/IEC 27001:2022 Annex A 5.17 (authentication information) and 8.5 (secure authentication), SOC 2 CC6.1: keep an inventory of every API credential (client, key, certificate, workload identity) with an owner, and evidence of rotation and revocation on offboarding.", R["iso27001"]["url"]),
    ]),
    ans(L_FED, "Assurance weighs the most; FIPS 140-3 validated cryptography is required for TLS and token signing.", [
        setw("assurance", 5),
        note("FedRAMP baselines follow NIST SP 800-53 Rev. 5: IA-9 (service identification and authentication), IA-5 (authenticator management), SC-8 (transmission confidentiality and integrity) and SC-13 with FIPS 140-3 validated modules for TLS, token signing and HMAC (FIPS 140-2 certificates moved to the CMVP historical list in September 2026).", R["nist-53"]["url"]),
    ]),
    ans(L_NONE, "No regime adds weight; the threat model alone sets it.", [], exclusive=True),
  ], next="q-hosting", multi=True, fact="compliance")

q("q-hosting", "Where do the APIs and the services that call them run?",
  "Hosting decides which workload identity the platform gives you for free (cloud IAM roles and service identities) and which you must run yourself (SPIRE on your own servers), and whether identities must be federated across providers.",
  [
    ans("One public cloud (AWS, Azure or Google Cloud)", "Cloud-native workload identity is available to services.", [
        note("Where our own services call APIs, use the cloud's workload identity (EKS Pod Identity or IAM roles, Azure managed identities or Entra Workload ID, Google service accounts with Workload Identity Federation) instead of access keys stored in configuration.", R["gcp-wif"]["url"], only=["workload-identity"]),
    ], nxt="q-ops"),
    ans("Several public clouds", "Workload identities must be federated across providers.", [
        note("Federate rather than copy secrets between clouds: each provider's workload identity federation accepts the other's OIDC tokens (AWS IAM OIDC providers, Google Workload Identity Federation, Entra Workload ID), or a SPIFFE trust domain federation spans all of them.", R["azure-wi"]["url"], only=["workload-identity", "mesh-mtls"]),
    ], nxt="q-ops"),
    ans("Our own data centres (on-premises)", "Workload identity needs SPIRE or the cluster's own service account issuer.", [
        note("On your own servers, workload identity comes from SPIRE (node and workload attestation, X.509 and JWT SVIDs) or the Kubernetes service account issuer; plan SPIRE server high availability and its upstream CA.", R["spire"]["url"], only=["workload-identity", "mesh-mtls"]),
    ], nxt="q-ops"),
    ans("A restricted cloud partition (sovereign or government region)", "Assurance weighs more; services and endpoints available in the partition must be checked.", [
        up("assurance"),
        note("Check that the identity provider, introspection and token endpoints, and managed workload identity features you pick are available inside the partition, and use its FIPS endpoints where the authorisation requires them.", None),
    ], nxt="q-ops"),
  ], fact="hosting")

q("q-ops", "Who runs the infrastructure these credentials depend on?",
  "An authorization server, an introspection endpoint, a PKI, SPIRE or a service mesh are each systems that must stay up on every request path; who operates them changes how much their burden counts.",
  [
    ans("A platform or SRE team runs infrastructure for us", "Operational burden weighs less.", [down("ops")], nxt="q-callers"),
    ans("The product team runs its own infrastructure", "Operational burden keeps its default weight.", [], nxt="q-callers"),
    ans("Little operations capacity: we buy managed services", "Operational burden weighs more; prefer managed identity providers and platform identities.", [up("ops")], nxt="q-callers"),
  ], fact="ops-capacity")

# ---------------------------------------------------------------- caller class
JWT_NOTE = note("Validate every JWT access token against an allow-list of algorithms (ES256, PS256 or EdDSA; OWASP lists RS256 as not recommended), the expected iss, aud and typ at+jwt (RFC 9068 section 4, which stops ID tokens being accepted as access tokens), exp with at most a minute of skew, and keys from the issuer's configured JWKS only, never from jwk, jku or x5u in the token header (RFC 8725, OWASP JWT Cheat Sheet).", R["owasp-jwt"]["url"], only=["jwt-bearer", "dpop", "mtls-bound", "fapi2", "client-credentials"])
KEY_NOTE = note("Keep the authorization server's token-signing keys in a KMS or HSM, publish them in the JWKS with a kid, rotate them on a schedule with an overlap at least as long as the longest token lifetime, and have APIs refresh the JWKS on an unknown kid rather than on every request.", R["8725"]["url"], only=["jwt-bearer", "dpop", "mtls-bound", "fapi2", "client-credentials"])
AUD_NOTE = note("Issue each token for one API audience (RFC 8707 resource indicators) with the narrowest scopes, and rate-limit the token endpoint and authentication failures per client (OWASP API2:2023 and API4:2023).", R["owasp-api"]["url"], only=["jwt-bearer", "opaque-introspection", "dpop", "mtls-bound", "fapi2", "client-credentials"])
AS_NOTE = note("These tokens come from an OAuth 2.0 authorization server (a managed identity provider or a self-hosted one such as Keycloak), never from a hand-rolled login endpoint that takes a password and returns a JWT: that is the resource owner password credentials grant, which RFC 9700 section 2.4 says must not be used.", R["9700"]["url"], only=["jwt-bearer", "opaque-introspection", "dpop", "mtls-bound", "fapi2"])
NO_USER = "No end user is present: this caller acts as itself, and user-delegated grants need a user to sign in and consent."
q("q-callers", "Which callers is this decision for?",
  "How a caller proves itself depends on what it is: a first-party BFF, an app on a user's device and a third-party client carry a user's delegated token; partner systems and internal services prove their own identity; webhook providers dictate their own scheme. An API with several caller classes records one decision per class, so answer for one class now and walk the tree again for the next.",
  [
    ans("Our own web app through its backend-for-frontend (BFF)",
        "The BFF calls the API with the signed-in user's access token; it is a confidential client on a server.", [
        ro("api-keys", "A key identifies the BFF, not the signed-in user; the API must authorize each user's request (OWASP API1:2023)."),
        ro("hmac-signing", "A shared signing secret identifies the BFF, not the signed-in user the API must authorize."),
        ro("mesh-mtls", "Mesh mTLS proves which workload is calling, not which user; the BFF must forward the user's token."),
        ro("workload-identity", "A workload identity names the BFF, not the user on whose behalf it calls."),
        ro("client-credentials", "The client credentials grant carries no user; the BFF calls for a signed-in user."),
        note("RFC 10017 (OAuth 2.0 for Browser-Based Applications): the BFF keeps access and refresh tokens server-side and the browser holds only a session cookie; the session design itself is decided in the security-identity tree.", R["10017"]["url"]),
        JWT_NOTE, KEY_NOTE, AUD_NOTE, AS_NOTE,
    ], nxt="q-bff-revocation"),
    ans("Our own mobile or desktop app calling the API directly",
        "A public client on a device holds the user's tokens (RFC 8252).", [
        ro("api-keys", "Anything embedded in an app binary can be extracted; RFC 8252 treats native apps as public clients that cannot keep a secret."),
        ro("hmac-signing", "A signing secret shipped in the app is extractable and shared by every install."),
        ro("mesh-mtls", "Devices are outside the mesh's trust domain."),
        ro("workload-identity", "Devices get no platform workload identity."),
        ro("client-credentials", "The client credentials grant needs a confidential client; an app on a device cannot keep the client secret or key (RFC 6749 section 4.4, RFC 8252)."),
        ro("fapi2", "FAPI 2.0 permits confidential clients only; an app on a device is a public client. Route it through a backend if FAPI applies."),
        note("App attestation (Google Play Integrity, Apple App Attest) can tell the API that requests come from a genuine app instance; use it as an extra signal next to the user's token, never instead of it.", "https://developer.android.com/google/play/integrity/overview"),
        note("RFC 8252: use the system browser with authorization code and PKCE, never an embedded web view; RFC 9700 section 2.2.2: refresh tokens for public clients are sender-constrained or rotated.", R["8252"]["url"]),
        JWT_NOTE, KEY_NOTE, AUD_NOTE, AS_NOTE,
    ], nxt="q-native-revocation"),
    ans("Our own single-page app calling the API directly with tokens held in the browser",
        "A public client in the browser holds the user's tokens; RFC 10017 prefers a BFF.", [
        ro("api-keys", "Anything shipped to the browser is readable by every user and by injected scripts."),
        ro("hmac-signing", "A signing secret in browser code is readable by every user and by injected scripts."),
        ro("mesh-mtls", "Browsers are outside the mesh's trust domain."),
        ro("workload-identity", "Browsers get no platform workload identity."),
        ro("client-credentials", "The client credentials grant needs a confidential client; code in a browser cannot keep a secret (RFC 6749 section 4.4)."),
        ro("fapi2", "FAPI 2.0 permits confidential clients only; a browser-based client is public. Use a BFF if FAPI applies."),
        note("RFC 10017 section 6.3.4.3: a browser-based OAuth client holding tokens is not recommended for business applications, sensitive applications or applications that handle personal data; for those, put a same-site BFF in front of the API (the security-identity decision) and answer 'Our own web app through its backend-for-frontend' here.", R["10017"]["url"]),
        note("DPoP in the browser limits token export but not abuse: malicious JavaScript in the page can use a non-extractable key online and can run a fresh flow that binds new tokens to its own key (RFC 10017), so DPoP does not make browser-held tokens equivalent to a BFF.", R["10017"]["url"], only=["dpop"]),
        note("Allow only your app's origin in CORS (no wildcard with credentials), keep tokens in memory rather than localStorage, and enforce a strict Content Security Policy, since any XSS can use the tokens (RFC 10017, OWASP HTML5 Security).", "https://cheatsheetseries.owasp.org/cheatsheets/HTML5_Security_Cheat_Sheet.html"),
        JWT_NOTE, KEY_NOTE, AUD_NOTE, AS_NOTE,
    ], nxt="q-spa-revocation"),
    ans("Third-party applications acting for our users (delegated access)",
        "Outside developers' clients obtain tokens after our users consent; integration effort and certifiable onboarding count more.", [
        ro("api-keys", "A key identifies the third-party app, not the user who consented; it cannot carry delegated, revocable consent."),
        ro("hmac-signing", "A signing secret identifies the third-party app, not the consenting user."),
        ro("mesh-mtls", "Third-party clients are outside your mesh's trust domain; mesh mTLS cannot authenticate them (RFC 8705 is the internet-facing form)."),
        ro("workload-identity", "Third-party apps are not workloads on your platform, and workload identity carries no user consent."),
        ro("client-credentials", NO_USER.replace("No end user is present: this caller acts as itself, and user", "These calls are made for a consenting user; the client credentials grant carries no user, and user") ),
        up("caller-effort"), setw("interop", 3),
        note("Register every third-party client, require authorization code with PKCE and exact redirect URI matching, issue audience-restricted tokens (RFC 8707 resource indicators) and never the implicit or password grants (RFC 9700 sections 2.1 and 2.4).", R["9700"]["url"]),
        JWT_NOTE, KEY_NOTE, AUD_NOTE, AS_NOTE,
    ], nxt="q-fapi"),
    ans("Partner or customer backend systems calling as themselves",
        "Machine clients with no user in the loop.", [
        ro("jwt-bearer", NO_USER), ro("opaque-introspection", NO_USER),
        ro("mesh-mtls", "Partner systems are outside your mesh's trust domain; authenticating them with client certificates is RFC 8705, not mesh mTLS."),
        JWT_NOTE, KEY_NOTE, AUD_NOTE,
    ], nxt="q-machine-keys"),
    ans("Our own internal services calling each other",
        "Service-to-service calls inside our platform.", [
        ro("jwt-bearer", "The calling service must prove its own identity; a forwarded user token alone does not say which service is calling (OWASP Microservices Security). User context is recorded separately below."),
        ro("opaque-introspection", "The calling service must prove its own identity; a forwarded user token alone does not say which service is calling."),
        up("secrets", 3),
        note("NIST SP 800-204: authenticate every service-to-service call, not only at the edge; the internal network is not a trust boundary.", R["nist-204"]["url"]),
    ], nxt="q-platform"),
    ans("An external provider delivering webhooks to our endpoint",
        "The provider's signing or authentication scheme decides what can be verified.", [
        ro("jwt-bearer", "Webhook deliveries carry no user-delegated token; the provider authenticates them its own way."),
        ro("opaque-introspection", "Webhook deliveries carry no token from your authorization server."),
        ro("dpop", "Webhook providers do not obtain DPoP-bound tokens from your authorization server. If yours calls your API with OAuth tokens, answer 'Partner or customer backend systems' instead."),
        ro("fapi2", "Webhook providers do not obtain tokens from your authorization server, so no OAuth profile applies. If yours does, answer 'Partner or customer backend systems' instead."),
        ro("client-credentials", "This branch is for providers that do not obtain tokens from your authorization server. If yours does, answer 'Partner or customer backend systems' instead."),
        ro("mesh-mtls", "The provider is outside your mesh's trust domain."),
        setw("integrity", 5), setw("caller-effort", 0),
        note("Verify before parsing: read the raw body, check the signature or certificate and the timestamp, reject duplicates by event id, and only then enqueue; answer 2xx quickly and process asynchronously.", R["stdwebhooks"]["url"]),
    ], nxt="q-webhook-scheme"),
  ])

# ---------------------------------------------------------------- reusable questions (copied per branch)
def revocation_q(prefix, nxt):
    q(f"q-{prefix}-revocation", "How fast must access stop after a grant, client or account is revoked?",
      "Self-contained JWTs stay valid until they expire; only introspection or a denylist stops them sooner. Fraud lockouts, consent withdrawal and employee offboarding can demand seconds, not the token lifetime.",
      [
        ans("Within seconds (fraud lockout, consent withdrawal, account takeover response)",
            "Revocation latency weighs the most.", [setw("revocation", 5),
            note("Keep JWT access tokens to 5 minutes and add a denylist of revoked grant ids (jti or sid) checked on each request, or move to introspection; revocation must also revoke refresh tokens (RFC 7009).", RFC(7009), only=["jwt-bearer", "dpop", "mtls-bound", "fapi2"])], nxt=nxt),
        ans("Within the access-token lifetime (5 to 15 minutes)", "Revocation weighs less; short expiry is the control.", [down("revocation"),
            note("Cap access-token lifetime at 15 minutes and rotate or sender-constrain refresh tokens (RFC 9700 section 2.2.2), so a revoked grant stops at the next refresh.", R["9700"]["url"])], nxt=nxt),
      ])

def edge_q(prefix, nxt):
    q(f"q-{prefix}-edge", "What sits between callers and the API services?",
      "A gateway that validates or introspects tokens once makes introspection cheap and central; TLS that ends at a CDN or load balancer that cannot forward client certificates makes RFC 8705 certificate binding impossible at the API, while DPoP still works at the application layer.",
      [
        ans("An API gateway that validates or introspects tokens before the services", "Per-request cost weighs less: the gateway caches validation results.", [
            down("latency"),
            note("The gateway validates (or introspects and caches) the token, then forwards a short-lived internal JWT or the validated claims; services still check audience and scopes, and accept traffic only from the gateway (the phantom-token pattern).", R["owasp-ms"]["url"]),
        ]),
        ans("TLS ends at a CDN or load balancer that cannot forward client certificates", "Certificate-bound tokens cannot be verified at the API.", [
            ro("mtls-bound", "RFC 8705 needs the API (or a gateway it trusts) to see the client certificate of the TLS connection; TLS ends at an edge that cannot forward it. DPoP binds at the application layer instead."),
        ]),
        ans("Neither: the services terminate TLS and validate credentials themselves", "Every service carries the validation code.", [
            note("Put token validation in one shared library or sidecar so every service checks issuer, audience, expiry, algorithm allow-list and scopes identically (OWASP API2:2023).", R["owasp-api"]["url"]),
        ], exclusive=True),
      ], next=nxt, multi=True)

SENS_LOW = "Low: public or low-value data; a stolen credential exposes little"
SENS_MOD = "Moderate: one account's personal or business data"
SENS_HIGH = "High: payments, health records, or actions that move money or change ownership"
def sens_q(prefix, out_low, out_mod, out_high, extra_high=(), extra_low=(), rule_keys=True):
    q(f"q-{prefix}-sens", "What can someone do with a stolen credential for this API?",
      "The damage one copied token or key can do decides whether bearer credentials with short lifetimes are acceptable or whether the credential must be bound to a key the thief lacks (RFC 9700 section 2.2, FAPI 2.0).",
      [
        ans(SENS_LOW, "Stolen-credential resistance and assurance weigh less; ease of integration counts more.", [down("theft"), down("assurance"), up("caller-effort")] + list(extra_low), nxt=out_low),
        ans(SENS_MOD, "Stolen-credential resistance keeps its default weight" + ("; API keys are excluded." if rule_keys else "."),
            [ro("api-keys", "OWASP REST Security: do not rely on API keys alone to protect sensitive resources, and one account's personal or business data is sensitive.")] if rule_keys else [], nxt=out_mod),
        ans(SENS_HIGH, "Stolen-credential resistance weighs the most and integration effort less" + ("; API keys are excluded." if rule_keys else "."), [setw("theft", 5), down("caller-effort")]
            + ([ro("api-keys", "OWASP REST Security: do not rely on API keys alone to protect sensitive, critical or high-value resources.")] if rule_keys else [])
            + list(extra_high), nxt=out_high),
      ])

# ---- BFF branch
revocation_q("bff", "q-bff-edge")
edge_q("bff", "q-bff-sens")
sens_q("bff", "o-bff-bearer", "o-bff-bearer", "o-bff-bound", extra_high=[
    note("The BFF is a confidential client, so its refresh tokens are sender-constrained by its client authentication rather than by the DPoP key or certificate (RFC 9449 section 5, RFC 8705 section 7.1): make that authentication private_key_jwt or mTLS, not a client secret, and keep the BFF's signing and DPoP keys in an HSM or a KMS-backed key store, not on disk.", R["9449"]["url"], only=["dpop", "mtls-bound", "fapi2"])])
outcome("o-bff-bearer", "The BFF calls the API with the user's short-lived access token",
        ["jwt-bearer", "opaque-introspection"],
        "The BFF is a confidential client that keeps the user's tokens server-side (RFC 10017), so the API accepts short-lived, audience-restricted user tokens; the choice is local JWT validation or introspection, set by how fast revocation must bite.")
outcome("o-bff-bound", "The BFF presents sender-constrained user tokens",
        ["dpop", "mtls-bound", "fapi2"],
        "A stolen token would move money or expose records, so the tokens the BFF holds are bound to its key (DPoP) or its client certificate (RFC 8705), as RFC 9700 section 2.2 recommends; the whole FAPI 2.0 profile is an option when an ecosystem or regulator asks for it.")

# ---- native branch
revocation_q("native", "q-native-edge")
edge_q("native", "q-native-sens")
sens_q("native", "o-native-bearer", "o-native-bearer", "o-native-bound", extra_high=[
    note("Generate the DPoP key as a non-exportable key in the Secure Enclave or Android Keystore, bind refresh tokens to it too (RFC 9449 section 5), and use server-provided DPoP nonces (RFC 9449 section 8) to limit pre-generated proofs.", R["9449"]["url"], only=["dpop"])])
outcome("o-native-bearer", "The app sends short-lived user access tokens",
        ["jwt-bearer", "opaque-introspection"],
        "A public client on a device holds short-lived access tokens obtained with authorization code and PKCE (RFC 8252); a stolen token's damage is bounded by its lifetime and scope.")
outcome("o-native-bound", "The app's tokens are bound to a device key with DPoP",
        ["dpop", "mtls-bound"],
        "High-value calls from a device need tokens a thief cannot replay: DPoP binds them to a key kept in the device's secure hardware (RFC 9449); client certificates on devices are rarely practical.")

# ---- SPA branch
revocation_q("spa", "q-spa-edge")
edge_q("spa", "q-spa-sens")
sens_q("spa", "o-spa-bearer", "o-spa-bearer", "o-spa-bound", extra_high=[
    note("High-value data in a browser-held-token design goes against RFC 10017 section 6.3.4.3; record this as an accepted risk with an owner, or move to a BFF.", R["10017"]["url"])])
outcome("o-spa-bearer", "The single-page app sends short-lived user access tokens",
        ["jwt-bearer", "opaque-introspection", "dpop"],
        "A public client in the browser holds short-lived, audience-restricted access tokens obtained with authorization code and PKCE; RFC 10017 accepts this only for applications that are not sensitive and handle no personal data.")
outcome("o-spa-bound", "Browser-held tokens for high-value data: bind them with DPoP and plan a BFF",
        ["dpop"],
        "A stolen token would move money or expose records, so tokens are at least DPoP-bound; RFC 10017 section 6.3.4.3 recommends a BFF instead of browser-held tokens for such applications, and this ADR records the deviation.")

# ---- third-party delegated branch
q("q-fapi", "Does a regulator or ecosystem require the FAPI 2.0 Security Profile?",
  "Open-banking, open-finance and e-health ecosystems increasingly mandate FAPI 2.0; a mandate makes the whole profile (PAR, PKCE, confidential clients, sender-constrained tokens) non-negotiable, while without one the profile is a choice weighed against its cost.",
  [
    ans("Yes: the ecosystem's rules require FAPI 2.0 conformance", "Only the FAPI 2.0 profile remains.", [
        ro("jwt-bearer", "FAPI 2.0 forbids bearer access tokens: they must be sender-constrained with DPoP or RFC 8705."),
        ro("opaque-introspection", "FAPI 2.0 forbids bearer access tokens: they must be sender-constrained with DPoP or RFC 8705."),
        ro("dpop", "DPoP alone is not FAPI 2.0 conformant: the profile also requires PAR, PKCE, confidential clients with private_key_jwt or mTLS and iss in the response. The FAPI option includes DPoP."),
        ro("mtls-bound", "Certificate binding alone is not FAPI 2.0 conformant: the profile also requires PAR, PKCE and iss in the response. The FAPI option includes RFC 8705."),
        setw("assurance", 5),
    ], nxt="q-tp-revocation"),
    ans("No mandate applies", "The profile competes on its merits.", [], nxt="q-tp-revocation"),
  ])
revocation_q("tp", "q-tp-edge")
edge_q("tp", "q-tp-sens")
sens_q("tp", "o-tp-bearer", "o-tp-bearer", "o-tp-bound", extra_high=[
    note("Without a mandate, still align the authorization server with FAPI 2.0: pushed authorization requests (RFC 9126), PKCE, private_key_jwt client authentication and iss in the authorization response (RFC 9207), so that adopting the full profile later is a configuration change.", R["fapi"]["url"], only=["dpop", "mtls-bound"]),
    note("Third-party apps without a backend are public clients: their refresh tokens must be bound to the DPoP key (RFC 9449 section 5). Confidential third-party clients' refresh tokens are bound by client authentication instead (RFC 9449 section 5, RFC 8705 section 7.1), so require private_key_jwt or mTLS for them; keep bound access tokens short-lived.", R["9449"]["url"], only=["dpop", "mtls-bound", "fapi2"])])
outcome("o-tp-bearer", "Third-party clients get audience-restricted, short-lived user tokens",
        ["jwt-bearer", "opaque-introspection", "dpop", "fapi2"],
        "Third-party clients act for consenting users through authorization code with PKCE; the API accepts scoped, audience-restricted tokens, bound to a client key where the profile or a mandate requires it.")
outcome("o-tp-bound", "Third-party access to high-value data uses sender-constrained tokens",
        ["dpop", "mtls-bound", "fapi2"],
        "Third parties reach payments or records on behalf of users, so tokens are sender-constrained and clients authenticate with asymmetric keys, as FAPI 2.0 requires and RFC 9700 section 2.2 recommends for high-value APIs.")

# ---- machine branch
q("q-machine-keys", "What credentials can the calling systems manage?",
  "Sender-constrained and asymmetric schemes need callers that can hold a private key or a certificate; partners on a public cloud can present their own workload identity instead of any secret; some integrators can only paste a static secret into a configuration field.",
  [
    ans("They already hold X.509 client certificates from a CA we trust", "Certificate-based authentication reuses an existing PKI; callers that already manage keys and certificates make integration effort moot.", [
        setw("reuse", 5), down("ops"), setw("secrets", 5), setw("caller-effort", 0), ro("workload-identity", "These callers present no platform identity you could federate; if they run on a public cloud with workload identity, choose that answer instead."),
        note("Pin the accepted issuing CA and the expected subject or SAN per client (tls_client_auth, RFC 8705 section 2.1.2); never accept any certificate from a public CA as client identity.", R["8705"]["url"], only=["mtls-bound"]),
    ], nxt="q-machine-edge"),
    ans("They can generate and hold a private key", "Asymmetric client authentication and DPoP are possible; shared secrets weigh against.", [
        setw("secrets", 3), ro("workload-identity", "These callers present no platform identity you could federate; if they run on a public cloud with workload identity, choose that answer instead."),
        note("Register each client's public key (or JWKS URL) and accept private_key_jwt assertions with a unique jti, a short exp and your token endpoint as aud (RFC 7523, RFC 9700 section 2.5).", R["7523"]["url"], only=["client-credentials", "dpop", "fapi2"]),
    ], nxt="q-machine-edge"),
    ans("They run on a public cloud and can present their workload identity", "Federating their cloud identity removes every stored secret.", [
        setw("secrets", 5), setw("reuse", 2),
        note("Federate the partner's cloud identity instead of issuing a secret: accept their OIDC tokens (AWS, Azure, Google, GitHub Actions) through workload identity federation or an RFC 7523 JWT-bearer grant at your authorization server, pinned to issuer, subject and audience.", R["gcp-wif"]["url"], only=["workload-identity", "client-credentials"]),
    ], nxt="q-machine-edge"),
    ans("They can only store a static shared secret", "Key-based schemes are not possible for these callers; every remaining scheme rests on a shared secret, so that criterion stops counting.", [
        setw("secrets", 0),
        ro("dpop", "DPoP needs a private key on the caller to sign each proof."),
        ro("mtls-bound", "RFC 8705 needs a client certificate and its private key on the caller."),
        ro("workload-identity", "These callers have no platform identity to present."),
        ro("hmac-signing", "Request signing needs code on the caller's side that these integrators cannot add; they can only send a configured secret."),
        ro("fapi2", "FAPI 2.0 authenticates clients only with mTLS or private_key_jwt and requires DPoP- or certificate-bound tokens; a caller that can hold only a shared secret can do none of these."),
        note("With a shared client_secret, use client credentials with client_secret_basic over TLS, at least 256-bit random secrets, two active secrets for rotation, and short-lived tokens; move the client to private_key_jwt when it can (RFC 9700 section 2.5).", R["9700"]["url"], only=["client-credentials"]),
    ], nxt="q-machine-edge"),
  ])
edge_q("machine", "q-machine-sens")
sens_q("machine", "o-machine-low", "o-machine", "o-machine-high", extra_high=[
    note("High-value access resting on a shared client secret is an accepted risk, not a target state: keep these tokens to 5 minutes and one audience, alert on token requests from unexpected networks, and agree a date with each partner to move to private_key_jwt and DPoP or RFC 8705 binding (RFC 9700 sections 2.2 and 2.5).", R["9700"]["url"], only=["client-credentials"]),
    note("A federated cloud identity token is itself a bearer token: accept it only at your token endpoint (RFC 7523 JWT-bearer grant or RFC 8693 token exchange) with that endpoint as audience, and issue a short-lived access token bound with DPoP where the partner's client can sign proofs (RFC 9449).", R["7523"]["url"], only=["workload-identity"])])
outcome("o-machine-low", "Low-risk machine access: identify and meter each caller",
        ["api-keys", "client-credentials", "workload-identity", "mtls-bound", "hmac-signing"],
        "The data is low value, so the credential mainly identifies and meters each partner: client credentials, an existing certificate or a federated identity where callers have one, and API keys are acceptable here only because a stolen one exposes little (OWASP REST Security).")
outcome("o-machine", "Partner systems authenticate as registered OAuth clients",
        ["client-credentials", "workload-identity", "mtls-bound", "dpop", "fapi2"],
        "Each partner system is a registered client with its own short-lived, scoped tokens, authenticated by an asymmetric key, a certificate or its federated workload identity rather than a static secret (RFC 9700 section 2.5).")
outcome("o-machine-high", "High-value machine access uses sender-constrained client tokens",
        ["dpop", "mtls-bound", "fapi2", "workload-identity", "client-credentials"],
        "A stolen partner token could move money or expose records, so tokens are bound to the client's key or certificate where the client can hold one (RFC 9449, RFC 8705), within the FAPI 2.0 profile where an ecosystem requires it, or the partner's federated workload identity replaces stored secrets; callers that can hold only a shared secret get short-lived client-credentials tokens and a plan to move to keys.")

# ---- internal branch
USER_TOKEN_NOTE = note("Services acting for a user also pass a user token: exchange the incoming token for one narrowed to the next service's audience (RFC 8693 token exchange) or have the gateway mint an internal signed JWT; authorize on both the calling service's identity and the user's claims (OWASP Microservices Security: identity propagation).", R["8693"]["url"])
q("q-platform", "What do the services run on?",
  "The platform decides which service identity comes built in: Kubernetes projects audience-bound service account tokens, clouds issue IAM identities to functions and containers, a running mesh already issues SPIFFE certificates, and plain servers need SPIRE or client credentials.",
  [
    ans("Kubernetes with a service mesh already running (Istio, Linkerd or Cilium)", "The mesh's identities and mTLS are already paid for.", [
        setw("reuse", 5), down("ops"),
        note("Enforce STRICT mTLS and a default-deny authorization policy keyed on SPIFFE identities; mesh mTLS proves the calling workload, so end-user authorization still needs a propagated user token (Istio RequestAuthentication validates it at the proxy).", R["istio-sec"]["url"], only=["mesh-mtls"]),
    ], nxt="q-internal-user"),
    ans("Kubernetes without a service mesh", "Projected service account tokens or cloud pod identity give each service an identity; a mesh would be new infrastructure.", [
        up("ops", 2),
        note("Use projected service account tokens with an audience per callee (or EKS Pod Identity, GKE Workload Identity Federation, AKS Workload Identity), validated by the callee against the cluster's OIDC issuer; never the legacy long-lived secret-based tokens.", R["k8s-sa"]["url"], only=["workload-identity"]),
    ], nxt="q-internal-user"),
    ans("Managed containers or functions on one cloud (ECS, Cloud Run, Lambda, Azure Container Apps)", "The cloud's IAM identities are built in; sidecar meshes are limited or unavailable.", [
        up("ops", 2),
        note("Call other services with the platform identity: IAM-authorised calls signed with SigV4 on AWS, Google-signed ID tokens for Cloud Run with the callee as audience, managed identities on Azure. AWS App Mesh reached end of support on 30 September 2026 (ECS Service Connect replaces it).", R["appmesh-eos"]["url"], only=["workload-identity", "mesh-mtls"]),
    ], nxt="q-internal-user"),
    ans("Virtual machines or bare metal", "Service identity has to be issued by SPIRE, a private CA or an authorization server that you run; that operational burden counts more.", [
        up("ops"),
        note("On VMs, issue identities with SPIRE node attestation (cloud instance identity or TPM) or IAM Roles Anywhere style certificate exchange; avoid static client secrets on disk.", R["spire"]["url"], only=["workload-identity", "mtls-bound"]),
    ], nxt="q-internal-user"),
  ])
q("q-internal-user", "Do the services act on behalf of an end user?",
  "A service identity says which service calls; if downstream services must authorize per user, a user token must travel too, and the decision records both so no ADR lists the user token as rejected.",
  [
    ans("Yes: downstream services authorize per end user", "The service credential is complemented by an exchanged user token.", [USER_TOKEN_NOTE], nxt="q-internal-sens"),
    ans("No: services act as themselves (jobs, pipelines, service accounts)", "Only service identity is needed.", [], nxt="q-internal-sens"),
  ])
sens_q("internal", "o-internal", "o-internal", "o-internal", extra_high=[
    note("For high-value internal calls prefer X.509 SVIDs over mutual TLS (proof of possession) to JWT SVIDs, which are bearer tokens for their lifetime; keep JWT SVID lifetimes to minutes and audiences to one service.", R["spiffe"]["url"], only=["workload-identity"])])
outcome("o-internal", "Internal services authenticate with platform-issued identities",
        ["workload-identity", "mesh-mtls", "client-credentials", "mtls-bound"],
        "Every service-to-service call is authenticated with a short-lived, platform-issued or certificate identity instead of a network location or a shared secret (NIST SP 800-204); user context, where needed, travels as a separate token.")

# ---- webhook branch
q("q-webhook-scheme", "How does the webhook provider authenticate its deliveries?",
  "You verify what the provider sends, not what you would design: a signature over the body proves origin and integrity, a client certificate or a platform-signed identity token proves the origin only, and a static token in a header or URL proves little.",
  [
    ans("It signs each delivery (HMAC signature header or HTTP Message Signatures)", "Signature verification is possible.", [
        ro("workload-identity", "The provider sends no identity token from its platform; that is the fourth answer to this question."),
    ], nxt="q-webhook-sens"),
    ans("It presents a client certificate (mutual TLS)", "Only the connection can be authenticated.", [
        ro("hmac-signing", "The provider does not sign deliveries."),
        ro("api-keys", "The provider authenticates with its client certificate, not a static token."),
        ro("workload-identity", "The provider sends no identity token from its platform; that is the fourth answer to this question."),
        note("Only the mutual-TLS client-authentication half of RFC 8705 applies here (no tokens): trust only the provider's issuing CA, pin the expected subject or SAN, and make sure the edge that terminates TLS verifies the certificate rather than passing a client-supplied header.", R["8705"]["url"], only=["mtls-bound"]),
    ], nxt="q-webhook-sens"),
    ans("It only sends a static secret token in a header or the URL", "Only a shared secret can be checked.", [
        ro("hmac-signing", "The provider does not sign deliveries."),
        ro("mtls-bound", "The provider presents no client certificate."),
        ro("workload-identity", "The provider sends no identity token from its platform; that is the fourth answer to this question."),
        note("Treat an unsigned delivery as a notification only: fetch the event or object back from the provider's API with your own credentials before acting on it, and check the token with a constant-time compare.", None, only=["api-keys"]),
    ], nxt="q-webhook-sens"),
    ans("It sends a signed OIDC identity token from its cloud platform (for example Google Cloud Pub/Sub push)", "The provider's platform identity can be verified like any federated workload identity.", [
        ro("hmac-signing", "The provider does not sign the delivery body; its identity token is a bearer JWT in the Authorization header."),
        ro("mtls-bound", "The provider presents no client certificate."),
        ro("api-keys", "The provider sends a signed identity token, not a static secret."),
        note("Verify the token like a federated workload identity: signature against the issuer's published keys, iss (https://accounts.google.com for Pub/Sub), aud equal to the audience you configured, the email or sub of the exact service account you expect, and exp. The token is a bearer JWT that does not cover the body (Pub/Sub tokens may be up to an hour old), so deduplicate by message id and, for high-value events, fetch the object back before acting.", "https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions", only=["workload-identity"]),
    ], nxt="q-webhook-sens"),
  ])
sens_q("webhook", "o-webhook", "o-webhook", "o-webhook",
       rule_keys=False, extra_high=[note("For payment or health events, act only after fetching the object back from the provider's API or after a verified signature; never on the payload of an unverified delivery.", R["stripe-wh"]["url"])])
# rule-out of api-keys on high sensitivity conflicts with static-token-only; handled: api-keys stays ruled out and the path is a dead end only if nothing remains.
outcome("o-webhook", "Verify webhook deliveries with the provider's strongest scheme",
        ["hmac-signing", "mtls-bound", "api-keys", "workload-identity"],
        "Webhook deliveries are accepted only after the provider's signature, client certificate, platform identity token or secret is verified, with replay protection; the scheme is the provider's, so the decision is which of its mechanisms we verify and how.")

# ---------------------------------------------------------------- checks
def chk(name, when, expect, why, source):
    return {"name": name, "when": when, "expect": expect, "why": why, "source": source}
W = lambda **kw: kw
CHECKS = [
  chk("fapi-partners-never-mesh", {"q-callers": ["Third-party applications acting for our users (delegated access)"]},
      {"never": [c("mesh-mtls"), c("workload-identity"), c("api-keys")]},
      "Review H1: FAPI/third-party partners were sent to service-mesh mTLS; third-party clients are outside the mesh and need sender-constrained OAuth tokens.",
      R["fapi"]["url"]),
  chk("fapi-mandate-gets-fapi", {"q-fapi": ["Yes: the ecosystem's rules require FAPI 2.0 conformance"]},
      {"winner_in": [c("fapi2")]},
      "When an ecosystem mandates FAPI 2.0, only the whole profile is conformant (PAR, PKCE, confidential clients, sender-constrained tokens).",
      R["fapi"]["url"]),
  chk("third-party-high-sender-constrained", {"q-tp-sens": [SENS_HIGH]},
      {"winner_in": [c("dpop"), c("mtls-bound"), c("fapi2")]},
      "Review surprising path 1: high-value third-party access needs sender-constrained tokens (FAPI 2.0, RFC 9700 section 2.2).",
      R["9700"]["url"]),
  chk("native-high-dpop", {"q-native-sens": [SENS_HIGH]},
      {"winner_in": [c("dpop"), c("mtls-bound")]},
      "Review M2: when a stolen token would move money the answer 'sender-constrained tokens are expected' must not produce a bearer JWT.",
      R["9449"]["url"]),
  chk("bff-high-bound", {"q-bff-sens": [SENS_HIGH]},
      {"winner_in": [c("dpop"), c("mtls-bound"), c("fapi2")]},
      "Review M2: high theft impact must yield a sender-constrained token, never a bearer JWT.",
      R["9700"]["url"]),
  chk("moderate-not-forced-to-bind", {"q-native-sens": [SENS_MOD]},
      {"winner_in": [c("jwt-bearer"), c("opaque-introspection")]},
      "Review M2 (reverse): when the user says short-lived bearer tokens are acceptable, the tree must not hand them DPoP as the decision.",
      R["9700"]["url"]),
  chk("bff-moderate-bearer", {"q-bff-sens": [SENS_MOD, SENS_LOW]},
      {"winner_in": [c("jwt-bearer"), c("opaque-introspection")]},
      "A BFF keeps tokens server-side (RFC 10017), so for moderate data short-lived bearer user tokens are the canonical answer the old review endorsed.",
      R["10017"]["url"]),
  chk("instant-revocation-opaque", {"q-bff-revocation": ["Within seconds (fraud lockout, consent withdrawal, account takeover response)"], "q-bff-sens": [SENS_MOD]},
      {"winner_in": [c("opaque-introspection")]},
      "Self-contained JWTs cannot be revoked before exp; introspection (RFC 7662) answers active=false at once.",
      R["7662"]["url"]),
  chk("no-api-keys-for-sensitive", {"q-machine-sens": [SENS_MOD, SENS_HIGH]},
      {"never": [c("api-keys")]},
      "Review M3: API keys won on a tie for sensitive partner data; OWASP REST Security says not to rely on API keys alone for sensitive resources.",
      R["owasp-rest"]["url"]),
  chk("no-api-keys-on-regulated-data", {"q-compliance": [L_PCI, L_HIPAA], "q-machine-sens": [SENS_MOD, SENS_HIGH]},
      {"never": [c("api-keys")]},
      "Card and health data are sensitive resources; a static bearer key alone is not adequate authentication for them (OWASP REST Security). Low-value endpoints of a regulated organisation (a public catalogue) may still use keys, with PCI DSS 8.3.2 protection of the keys.",
      R["owasp-rest"]["url"]),
  chk("no-api-keys-internal", {"q-callers": ["Our own internal services calling each other"]},
      {"never": [c("api-keys"), c("hmac-signing")]},
      "Review gap (service-to-service without a mesh): internal services get platform identities, never long-lived shared secrets (NIST SP 800-204).",
      R["nist-204"]["url"]),
  chk("internal-platform-identity", {"q-callers": ["Our own internal services calling each other"]},
      {"winner_in": [c("workload-identity"), c("mesh-mtls")]},
      "Review M7/M8 and gap: internal callers authenticate with workload identity or mesh mTLS, with user context propagated separately.",
      R["spiffe"]["url"]),
  chk("mesh-not-chosen-without-mesh", {"q-platform": ["Kubernetes without a service mesh", "Managed containers or functions on one cloud (ECS, Cloud Run, Lambda, Azure Container Apps)"]},
      {"never": [c("mesh-mtls")]},
      "Review M7: a mesh that would still have to be adopted is not already paid for; projected service account tokens or cloud identities serve without one.",
      R["k8s-sa"]["url"]),
  chk("mesh-in-place-used", {"q-platform": ["Kubernetes with a service mesh already running (Istio, Linkerd or Cilium)"]},
      {"winner_in": [c("mesh-mtls"), c("workload-identity")]},
      "With a mesh already running, its SPIFFE identities and mTLS are the natural service credential (NIST SP 800-204A).",
      R["nist-204a"]["url"]),
  chk("mesh-only-internal", {"q-callers": ["Our own web app through its backend-for-frontend (BFF)", "Our own mobile or desktop app calling the API directly", "Our own single-page app calling the API directly with tokens held in the browser", "Partner or customer backend systems calling as themselves", "An external provider delivering webhooks to our endpoint"]},
      {"never": [c("mesh-mtls")]},
      "Mesh mTLS is transport identity inside one trust domain, not a way to authenticate users, devices, partners or providers (Istio security concepts).",
      R["istio-sec"]["url"]),
  chk("native-no-embedded-secrets", {"q-callers": ["Our own mobile or desktop app calling the API directly"]},
      {"never": [c("api-keys"), c("hmac-signing"), c("client-credentials"), c("fapi2")]},
      "Native apps are public clients (RFC 8252); secrets shipped in them are extractable, and FAPI 2.0 accepts confidential clients only.",
      R["8252"]["url"]),
  chk("spa-high-bound", {"q-spa-sens": [SENS_HIGH]},
      {"winner_in": [c("dpop")]},
      "Review H3 and surprising path 2: browser-held bearer tokens for payments or health data are the worst case; at least DPoP, with the RFC 10017 warning recorded.",
      R["10017"]["url"]),
  chk("spa-no-embedded-secrets", {"q-callers": ["Our own single-page app calling the API directly with tokens held in the browser"]},
      {"never": [c("api-keys"), c("hmac-signing"), c("client-credentials"), c("fapi2"), c("mesh-mtls")]},
      "Review H3: a browser is a public client; secrets in it are readable, and FAPI 2.0 and the client credentials grant need confidential clients.",
      R["10017"]["url"]),
  chk("webhook-signed-hmac", {"q-webhook-scheme": ["It signs each delivery (HMAC signature header or HTTP Message Signatures)"]},
      {"winner_in": [c("hmac-signing")]},
      "When the provider signs deliveries, verifying the signature over the raw body with a timestamp is the documented approach (Stripe, GitHub, Standard Webhooks).",
      R["stdwebhooks"]["url"]),
  chk("machine-key-capable-not-keys", {"q-machine-keys": ["They can generate and hold a private key", "They already hold X.509 client certificates from a CA we trust"]},
      {"never": [c("api-keys"), c("hmac-signing")]},
      "Callers that can hold a private key should use asymmetric client authentication (RFC 9700 section 2.5), not a static shared secret.",
      R["9700"]["url"]),
  chk("machine-high-bound", {"q-machine-sens": [SENS_HIGH], "q-machine-keys": ["They can generate and hold a private key", "They already hold X.509 client certificates from a CA we trust"]},
      {"winner_in": [c("dpop"), c("mtls-bound"), c("fapi2")]},
      "High-value machine access from callers that can hold keys gets sender-constrained tokens (RFC 9700 section 2.2, RFC 8705).",
      R["8705"]["url"]),
  chk("machine-cloud-federate", {"q-machine-keys": ["They run on a public cloud and can present their workload identity"], "q-machine-sens": [SENS_MOD, SENS_LOW]},
      {"winner_in": [c("workload-identity"), c("client-credentials")]},
      "Partners on a public cloud can federate their workload identity instead of holding a secret (Google Workload Identity Federation, Entra Workload ID).",
      R["gcp-wif"]["url"]),
  chk("edge-without-certs-no-8705", {"q-bff-edge": ["TLS ends at a CDN or load balancer that cannot forward client certificates"]},
      {"never": [c("mtls-bound")]},
      "Review m10: certificate binding needs the client certificate at the API; where TLS ends at a CDN, DPoP is the application-layer alternative (RFC 9449).",
      R["9449"]["url"]),
  chk("machine-static-secret-no-fapi", {"q-machine-keys": ["They can only store a static shared secret"]},
      {"never": [c("fapi2"), c("dpop"), c("mtls-bound")]},
      "Reviewer finding H1 (security-api review): FAPI 2.0 won every high-value path for callers that can hold only a shared secret, yet the profile permits only mTLS or private_key_jwt client authentication and DPoP- or certificate-bound tokens (FAPI 2.0 Security Profile 5.3.2.1).",
      R["fapi"]["url"]),
  chk("machine-moderate-no-forced-binding", {"q-machine-sens": [SENS_MOD]},
      {"never": [c("dpop"), c("fapi2")]},
      "Reviewer finding M2: at moderate sensitivity partner systems with private keys got FAPI 2.0; short-lived client-credentials tokens with private_key_jwt (RFC 9700 section 2.5) are the proportionate answer, as for the other caller classes at moderate sensitivity.",
      R["9700"]["url"]),
  chk("mesh-running-high-keeps-mesh", {"q-platform": ["Kubernetes with a service mesh already running (Istio, Linkerd or Cilium)"], "q-internal-sens": [SENS_HIGH]},
      {"winner_in": [c("mesh-mtls")]},
      "Reviewer finding M3: with a mesh already running, high sensitivity switched the decision from the mesh's proof-of-possession mTLS to bearer service tokens; X.509 SVIDs over mTLS are the stronger credential (NIST SP 800-204A).",
      R["nist-204a"]["url"]),
  chk("webhook-oidc-token-workload-identity", {"q-webhook-scheme": ["It sends a signed OIDC identity token from its cloud platform (for example Google Cloud Pub/Sub push)"]},
      {"winner_in": [c("workload-identity")]},
      "Reviewer finding M4: a Pub/Sub-style OIDC token is a platform identity token (verify iss, aud, email, exp), not an HMAC over the body; recording HMAC signing for it is wrong.",
      "https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions"),
  chk("webhook-cert-not-static-token", {"q-webhook-scheme": ["It presents a client certificate (mutual TLS)"]},
      {"never": [c("api-keys")]},
      "Reviewer finding L1: a provider that authenticates with a client certificate was sometimes told to check a static token it never sends.",
      R["8705"]["url"]),
  chk("no-bearer-for-third-party-high", {"q-tp-sens": [SENS_HIGH]},
      {"never": [c("jwt-bearer"), c("opaque-introspection"), c("api-keys")]},
      "FAPI 2.0 and RFC 9700 section 2.2: high-value third-party access must not rest on bearer tokens.",
      R["fapi"]["url"]),
]

# ---------------------------------------------------------------- tree
tree = {
  "$schema": "./schema.json",
  "format": 2,
  "id": "security-api",
  "namespace": NS,
  "title": "API and service-to-service authentication",
  "description": "How APIs and services authenticate their callers: JWT or introspected access tokens, DPoP or RFC 8705 binding, FAPI 2.0, client credentials, workload identity, mesh mTLS, API keys or signed webhooks.",
  "source": "Backend Developer Persona › Decision-Making Approaches › Security Implementation",
  "references": [R["9700"], R["owasp-api-top10"], R["fapi"], R["nist-204"], R["spiffe"]],
  "area": {"id": "security", "title": "Security Implementation", "position": 2},
  "tie_break": {"order": [c("client-credentials"), c("workload-identity"), c("jwt-bearer"), c("hmac-signing"), c("dpop"),
                          c("opaque-introspection"), c("mtls-bound"), c("mesh-mtls"), c("fapi2"), c("api-keys")],
                "why": "Standard, widely supported schemes with the fewest stored secrets first; heavier infrastructure and the weakest credential last."},
  "criteria": [{"id": c(k), "name": n, "description": d, "default_weight": w} for k, n, d, w in CRIT],
  "options": OPTIONS,
  "root": "q-compliance",
  "nodes": NODES,
  "checks": CHECKS,
}
json.dump(tree, open(sys.argv[1], "w"), indent=2, ensure_ascii=False)
print("ok", len(NODES), "nodes", len(CHECKS), "checks")
