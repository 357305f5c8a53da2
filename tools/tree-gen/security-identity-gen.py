#!/usr/bin/env python3
"""Generates decision-trees/security-identity.json (tradeoffs format 2)."""
import json, sys
P = dict(bdef=2, rdef=3, own_b=-2, own_r=0, man_b=1, man_r=1, self_b=1, self_r=-2, brow_b=1, brow_r=2, nman_b=1, nman_r=1, nself_b=1, nself_r=-2, plat=2, static_r=2, static_b=0, little=5)
for _a in sys.argv[1:]:
    _k, _v = _a.split("="); P[_k] = int(_v)
BLD_W, RUN_W = P["bdef"], P["rdef"]

NS = "ident"
import os
OUT = os.environ.get("OUT", "/work/wt/security-identity/decision-trees/security-identity.json")

# ---------------------------------------------------------------- sources
PCI = "https://www.pcisecuritystandards.org/document_library/"
HIPAA_312 = "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312"
HIPAA_NPRM = "https://www.federalregister.gov/documents/2025/01/06/2024-30983/hipaa-security-rule-to-strengthen-the-cybersecurity-of-electronic-protected-health-information"
HHS_CLOUD = "https://www.hhs.gov/hipaa/for-professionals/special-topics/health-information-technology/cloud-computing/index.html"
GDPR = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
NIST63B = "https://pages.nist.gov/800-63-4/sp800-63b.html"
NIST63 = "https://pages.nist.gov/800-63-4/"
NIST63C = "https://pages.nist.gov/800-63-4/sp800-63c.html"
WEBAUTHN3 = "https://www.w3.org/TR/webauthn-3/"
OWASP_SESS = "https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html"
OWASP_AUTHN = "https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html"
OWASP_PWD = "https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html"
OWASP_FORGOT = "https://cheatsheetseries.owasp.org/cheatsheets/Forgot_Password_Cheat_Sheet.html"
OWASP_MFA = "https://cheatsheetseries.owasp.org/cheatsheets/Multifactor_Authentication_Cheat_Sheet.html"
OWASP_CSRF = "https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html"
OWASP_STUFF = "https://cheatsheetseries.owasp.org/cheatsheets/Credential_Stuffing_Prevention_Cheat_Sheet.html"
OWASP_SAML = "https://cheatsheetseries.owasp.org/cheatsheets/SAML_Security_Cheat_Sheet.html"
OWASP_LOGVOC = "https://cheatsheetseries.owasp.org/cheatsheets/Logging_Vocabulary_Cheat_Sheet.html"
OWASP_TXAUTH = "https://cheatsheetseries.owasp.org/cheatsheets/Transaction_Authorization_Cheat_Sheet.html"
ASVS = "https://github.com/OWASP/ASVS/tree/master/5.0/en"
ASVS_V15 = "https://github.com/OWASP/ASVS/blob/master/5.0/en/0x24-V15-Secure-Coding-and-Architecture.md"
OWASP_TM = "https://cheatsheetseries.owasp.org/cheatsheets/Threat_Modeling_Cheat_Sheet.html"
DORA = "https://eur-lex.europa.eu/eli/reg/2022/2554/oj"
NIS2 = "https://eur-lex.europa.eu/eli/dir/2022/2555/oj"
RFC10017 = "https://www.rfc-editor.org/rfc/rfc10017"
RFC9700 = "https://www.rfc-editor.org/rfc/rfc9700"
RFC8252 = "https://www.rfc-editor.org/rfc/rfc8252"
RFC7636 = "https://www.rfc-editor.org/rfc/rfc7636"
RFC9449 = "https://www.rfc-editor.org/rfc/rfc9449"
RFC7644 = "https://www.rfc-editor.org/rfc/rfc7644"
RFC9207 = "https://www.rfc-editor.org/rfc/rfc9207"
OIDC_CORE = "https://openid.net/specs/openid-connect-core-1_0.html"
OIDC_BCL = "https://openid.net/specs/openid-connect-backchannel-1_0.html"
MDN_COOKIE = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie"
DBSC = "https://developer.chrome.com/blog/dbsc-windows-announcement"
KEYCLOAK = "https://www.keycloak.org/documentation"
KEYCLOAK_HA = "https://www.keycloak.org/high-availability/introduction"
KEYCLOAK_SERVER = "https://www.keycloak.org/docs/latest/server_admin/index.html"
ENTRA_EXT = "https://learn.microsoft.com/en-us/entra/external-id/"
COGNITO = "https://docs.aws.amazon.com/cognito/latest/developerguide/what-is-amazon-cognito.html"
AUTH0 = "https://auth0.com/docs"
GIP = "https://cloud.google.com/identity-platform/docs"
FEDRAMP = "https://marketplace.fedramp.gov/"
APPAUTH = "https://appauth.io/"
ANDROID_KS = "https://developer.android.com/privacy-and-security/keystore"
APPLE_KC = "https://developer.apple.com/documentation/security/keychain-services"
APPLE_ASWEB = "https://developer.apple.com/documentation/authenticationservices/aswebauthenticationsession"
ANDROID_CT = "https://developer.chrome.com/docs/android/custom-tabs"
PASSKEY_DEV = "https://passkeys.dev/docs/"
GOVCLOUD_COG = "https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-cog.html"

def o(x): return f"{NS}.{x}"

OWN, MAN, SELF, BROW, NMAN, NSELF = (o("own-login-session"), o("managed-idp-bff"), o("selfhosted-idp-bff"),
                                      o("browser-public-client"), o("native-managed-idp"), o("native-selfhosted-idp"))
WEB_SESS = [OWN, MAN, SELF]
IDP_WEB = [MAN, SELF]
NATIVE = [NMAN, NSELF]
MANAGED = [MAN, NMAN]
SELFH = [SELF, NSELF]
ALL = [OWN, MAN, SELF, BROW, NMAN, NSELF]

C_TO, C_EXP, C_SESS, C_EVID, C_FED, C_EFF, C_CTRL, C_COST, C_BND = (o("takeover-resistance"), o("session-secret-exposure"),
    o("session-control"), o("compliance-evidence"), o("federation-sso"), o("low-run-effort"), o("control-portability"), o("cost-at-scale"), o("inside-boundary"))
C_BLD = o("low-build-effort")

criteria = [
    dict(id=C_TO, name="Account-takeover resistance", default_weight=4,
         description="How well the login resists phishing, credential stuffing and MFA fatigue out of the box: passkeys/WebAuthn, MFA policies, breached-password checks, bot and anomaly detection. Most account compromises start at the login page, so this weighs most once MFA is required."),
    dict(id=C_EXP, name="Session secret exposure", default_weight=4,
         description="Where the secret that keeps a user signed in lives and what can steal it: an HttpOnly __Host- cookie holding an opaque ID, tokens in a server-side store, tokens in browser JavaScript reach, or tokens in the OS keystore of a device."),
    dict(id=C_SESS, name="Session lifetime and revocation control", default_weight=3,
         description="How precisely idle and absolute timeouts, logout, forced sign-out after a password reset and 'sign out everywhere' can be enforced, and how fast a revoked session stops working."),
    dict(id=C_EVID, name="Compliance evidence", default_weight=3,
         description="How much of the MFA, sign-in logging, access-review and attestation evidence that PCI DSS, HIPAA, SOC 2, ISO/IEC 27001 or FedRAMP assessors ask for comes with the option rather than being built and documented by the team."),
    dict(id=C_FED, name="Federation and single sign-on reach", default_weight=2,
         description="Whether users can sign in with their organisation's IdP (SAML 2.0 or OIDC), social accounts, or one login across several of our apps, with SCIM provisioning and logout propagation, without custom protocol code."),
    dict(id=C_BLD, name="Little identity code to build and maintain", default_weight=BLD_W,
         description="How much login functionality the product team writes and keeps current itself: login and registration UI, MFA enrolment, account recovery, lockout, passkey management, a BFF's token handling. A platform team does not remove this work; it is product code. +2 means a library or configuration, -2 means an identity product to maintain."),
    dict(id=C_EFF, name="Little infrastructure to operate", default_weight=RUN_W,
         description="How much infrastructure must be run, patched and kept available for sign-in: an IdP cluster and its database, a BFF, a session store. This is the part a platform or SRE team can take over. +2 means nothing extra on call, -2 means an internet-facing security service on our own rota."),
    dict(id=C_CTRL, name="Control, residency and portability", default_weight=2,
         description="Whether user records stay in the region and under the processor arrangements the team decides, can be exported with their password hashes and passkeys' public keys when leaving a vendor, and whether the login can be customised without a vendor's limits. (Running inside our own data centre or partition is the separate boundary criterion.)"),
    dict(id=C_BND, name="Runs inside our hosting boundary", default_weight=0,
         description="Whether sign-in keeps working, and user data stays, inside the place the product runs: irrelevant in a public cloud whose own IdP service runs in the same account, decisive in our own data centres or a restricted partition, where a SaaS IdP is an outside dependency or not allowed. Weight 0 unless hosting makes it matter."),
    dict(id=C_COST, name="Cost predictability at scale", default_weight=1,
         description="How the bill grows with users: managed IdPs price per monthly active user or per tenant connection; self-run options cost infrastructure and engineering time that grows slowly with users."),
]

def imp(v, r): return dict(impact=v, rationale=r)

options = [
 dict(id=OWN, name="Own login with a server-side session (__Host- cookie)",
  summary="The application stores and verifies its users' credentials itself (passwords hashed with Argon2id, passkeys via a WebAuthn library, TOTP) and keeps the session in a server-side store; the browser holds only a random session ID in a __Host- prefixed, Secure, HttpOnly, SameSite cookie. No identity provider, no OAuth tokens.",
  impacts={
   C_TO: imp(-1, "Framework identity libraries offer TOTP and WebAuthn passkeys, but MFA enrolment rules, breached-password checks, per-account throttling, bot detection and MFA-reset procedures are yours to build and keep current (ASVS 5.0 V6)."),
   C_EXP: imp(2, "Only an opaque ID of at least 64 bits leaves the server, in an HttpOnly __Host- cookie that page scripts cannot read; no bearer token exists anywhere in the browser."),
   C_SESS: imp(2, "The session record is the only credential: deleting it ends access on the next request, and idle and absolute timeouts are one server-side setting each (OWASP Session Management CS)."),
   C_EVID: imp(-1, "MFA enforcement, sign-in logs, lockout and credential-reset procedures must be built, logged and shown to an assessor by the team; there is no vendor attestation to point at."),
   C_FED: imp(-2, "No SSO across apps and no SAML/OIDC federation with customers' IdPs unless the team adds and maintains a SAML service-provider and an OIDC relying-party integration per customer."),
   C_BLD: imp(P["own_b"], "Login forms come with the framework (ASP.NET Core Identity, Django allauth, Devise, Spring Security), but MFA enrolment, account recovery, email verification, lockout, breached-password checks and passkey management are product code the team writes, tests and keeps current."),
   C_EFF: imp(P["own_r"], "Nothing beyond the application itself and its session store (a database table or Redis) has to run."),
   C_CTRL: imp(2, "Users, hashes and passkey public keys live in the application's own database, in whatever region or data centre it runs; no vendor export limits."),
   C_COST: imp(2, "No per-user fee: cost is the session store and the team's time, flat as users grow."),
   C_BND: imp(2, "Login and sessions run in the application itself, so they run wherever it runs, including air-gapped sites."),
  },
  relations=[dict(kind="conflicts_with", target=BROW, rationale="An own login issues a cookie session; a browser-held OAuth token needs an authorization server the own-login option does not have (RFC 9700 §2.4 forbids the password grant as the shortcut).")],
  references=[dict(title="OWASP Authentication Cheat Sheet", url=OWASP_AUTHN),
              dict(title="OWASP Session Management Cheat Sheet", url=OWASP_SESS),
              dict(title="OWASP Password Storage Cheat Sheet", url=OWASP_PWD),
              dict(title="W3C Web Authentication Level 3", url=WEBAUTHN3),
              dict(title="NIST SP 800-63B-4 Authentication and Authenticator Management", url=NIST63B)],
  confirmation="An integration test asserts the session cookie is __Host-, Secure, HttpOnly, SameSite and rotated at login; a test logs in, deletes the session server-side and gets 401 on the next request; CI runs the ASVS 5.0 V6/V7 Level 2 checklist; dashboards alert on failed-login bursts per account and on MFA resets."),
 dict(id=MAN, name="Managed IdP (OIDC) with a server-side session or BFF",
  summary="Users sign in at a managed identity provider (Microsoft Entra ID / Entra External ID, Amazon Cognito, Auth0 or Okta, Google Cloud Identity Platform) via OpenID Connect authorization code + PKCE; the web server or a backend-for-frontend (RFC 10017 §6.1) is a confidential client that keeps ID, access and refresh tokens server-side and gives the browser only a __Host- session cookie.",
  impacts={
   C_TO: imp(2, "MFA policies and passkeys or FIDO2 keys, and in most of these services breached-password and bot or risk detection, are product features a vendor security team maintains; compare the specific service's feature list before choosing."),
   C_EXP: imp(2, "Tokens never reach the browser: the BFF holds them and the browser holds an HttpOnly __Host- cookie, the pattern RFC 10017 §6.1 recommends for browser apps."),
   C_SESS: imp(1, "The BFF session ends at once, but the IdP session and refresh tokens must be revoked separately and logout propagated (OIDC Back-Channel Logout), or a new login is silent."),
   C_EVID: imp(1, "Vendors publish SOC 2 / ISO 27001 reports (and FedRAMP authorisations for government editions) and export sign-in and MFA logs an assessor can sample; your MFA policies, session lifetimes and admin roles in the tenant are still yours to evidence."),
   C_FED: imp(2, "SAML 2.0 and OIDC enterprise connections per customer organisation and social sign-in are configuration, not code; inbound SCIM provisioning is offered by some services, not all."),
   C_BLD: imp(P["man_b"], "Login, MFA, recovery and federation are vendor features the team configures (as code); the team still builds the BFF's token store, API proxy allowlist and CSRF defence, usually with a framework's OIDC and BFF middleware."),
   C_EFF: imp(P["man_r"], "No IdP to patch or scale; the BFF or server-side session store still has to run and stay available."),
   C_CTRL: imp(-1, "Users live in the vendor's tenant and region; password hashes are not always exportable, so leaving means migrating users at their next login."),
   C_COST: imp(-1, "Priced per monthly active user or per enterprise connection, so the bill grows with sign-ins and B2B customers."),
   C_BND: imp(-2, "A SaaS or cloud-region service outside your data centre or partition unless the vendor offers it there; every login depends on reaching it."),
  },
  relations=[dict(kind="complements", target=NMAN, rationale="The same managed IdP tenant serves the native app through RFC 8252 and the web app through the BFF.")],
  references=[dict(title="RFC 10017 OAuth 2.0 for Browser-Based Applications (§6.1 Backend For Frontend)", url=RFC10017),
              dict(title="OpenID Connect Core 1.0", url=OIDC_CORE),
              dict(title="Microsoft Entra External ID documentation", url=ENTRA_EXT),
              dict(title="Amazon Cognito Developer Guide", url=COGNITO),
              dict(title="Auth0 documentation", url=AUTH0),
              dict(title="Google Cloud Identity Platform documentation", url=GIP)],
  confirmation="A browser test asserts no access or refresh token appears in JavaScript-readable storage or responses; a logout test checks the BFF session, the refresh token and the IdP session all end; IdP configuration lives in Terraform or the vendor's deploy CLI and is reviewed; sign-in and MFA logs stream to the SIEM with alerts on MFA resets and impossible travel."),
 dict(id=SELF, name="Self-hosted OIDC provider with a server-side session or BFF",
  summary="The team runs its own OpenID Connect provider (Keycloak, Zitadel or Ory, or Spring Authorization Server embedded in a service) next to the product; the web server or a BFF is a confidential client that keeps tokens server-side and gives the browser only a __Host- session cookie.",
  impacts={
   C_TO: imp(0, "Keycloak and its peers ship WebAuthn passkeys, OTP and brute-force detection, but no breached-password checks, bot detection or risk-based sign-in; those are extensions or edge services you add and tune."),
   C_EXP: imp(2, "Same BFF shape as with a managed IdP: tokens stay on the server, the browser holds an HttpOnly __Host- cookie (RFC 10017 §6.1)."),
   C_SESS: imp(1, "BFF sessions end at once; the IdP's own sessions and refresh tokens sit in your database and are revoked through its admin API, and logout is propagated with OIDC Back-Channel Logout."),
   C_EVID: imp(-1, "The provider emits login, MFA and admin events, but the IdP becomes an in-scope system component of your own: its patching, hardening, availability and configuration evidence are yours to produce."),
   C_FED: imp(2, "Identity brokering to customers' SAML 2.0 and OIDC IdPs, social login and per-tenant organisations are built in; your team configures and rolls over each connection."),
   C_BLD: imp(P["self_b"], "Login, MFA, recovery and brokering come with the provider and are configured (realm export in Git); custom themes, extensions and the BFF are the team's code."),
   C_EFF: imp(P["self_r"], "A highly available cluster, its database, upgrades and CVE patches of an internet-facing security component are a standing on-call duty (Keycloak's HA guide runs to multi-site setups)."),
   C_CTRL: imp(1, "Runs wherever the product runs, including on-premises and restricted partitions, with users and hashes in your database; the provider's schema, extensions and upgrade path still bind you to it."),
   C_COST: imp(1, "No per-user licence (open source): cost is an HA cluster, its database and engineer time, which grow slowly with users."),
   C_BND: imp(2, "Runs next to the product inside the same data centre or partition."),
  },
  relations=[dict(kind="complements", target=NSELF, rationale="The same provider serves native apps through RFC 8252 and the web app through the BFF.")],
  references=[dict(title="Keycloak documentation", url=KEYCLOAK),
              dict(title="Keycloak high availability guide", url=KEYCLOAK_HA),
              dict(title="RFC 10017 OAuth 2.0 for Browser-Based Applications (§6.1 Backend For Frontend)", url=RFC10017),
              dict(title="OpenID Connect Core 1.0", url=OIDC_CORE)],
  confirmation="The IdP has an availability SLO and a paging alert; a monthly job checks its version against upstream security advisories; realm or tenant configuration is exported to Git and diffed; the same browser and logout tests as for a managed IdP run in CI; a restore of the IdP database is rehearsed each quarter."),
 dict(id=BROW, name="SPA as a public OAuth client (tokens in the browser)",
  summary="A single-page app runs authorization code + PKCE itself against an IdP and keeps access and refresh tokens in browser memory (RFC 10017 §6.3), ideally sender-constrained with DPoP (RFC 9449) and with refresh-token rotation. Acceptable only for low-risk consumer apps without personal or regulated data; RFC 10017 §6.3.4.3 does not recommend it for business applications, sensitive applications or applications that handle personal data.",
  impacts={
   C_TO: imp(1, "The IdP's MFA and passkeys protect the login, but malicious JavaScript in the page can run a fresh silent flow on the live IdP session and get its own tokens (RFC 10017 §5 attack scenarios)."),
   C_EXP: imp(-2, "Any XSS or malicious dependency can read or use tokens held in the page; DPoP keys stop export but not online use (RFC 10017 §6.3)."),
   C_SESS: imp(-1, "Access tokens stay valid until they expire; logout depends on refresh-token revocation and the IdP session ending."),
   C_EVID: imp(-1, "RFC 10017 §6.3.4.3 does not recommend this architecture for business, sensitive or personal-data apps, which an assessor will read."),
   C_FED: imp(2, "Inherits the IdP's enterprise and social federation and SSO."),
   C_BLD: imp(P["brow_b"], "An OIDC client library runs the flow, but in-memory or worker token storage, DPoP, refresh handling and a strict Content Security Policy are the team's to get right (RFC 10017 §6.3)."),
   C_EFF: imp(P["brow_r"], "Static hosting only: no server component and no session store to run."),
   C_CTRL: imp(0, "Control follows the IdP behind it; the SPA itself adds no lock-in."),
   C_COST: imp(0, "No BFF compute on the request path, only CDN hosting; the IdP's pricing is whatever the chosen IdP charges (per user if managed)."),
   C_BND: imp(-1, "The SPA can use an in-boundary IdP, but in practice this pattern is chosen with a hosted IdP the browser reaches directly."),
  },
  references=[dict(title="RFC 10017 OAuth 2.0 for Browser-Based Applications (§6.3 Browser-based OAuth client)", url=RFC10017),
              dict(title="RFC 9449 OAuth 2.0 Demonstrating Proof of Possession (DPoP)", url=RFC9449),
              dict(title="RFC 9700 OAuth 2.0 Security Best Current Practice", url=RFC9700),
              dict(title="RFC 7636 Proof Key for Code Exchange (PKCE)", url=RFC7636)],
  confirmation="A CI check fails if tokens are written to localStorage or sessionStorage; a strict Content Security Policy is enforced and its violation reports monitored; the IdP is configured with short access-token lifetimes, refresh-token rotation with reuse detection and a bounded refresh-token lifetime; a yearly review re-confirms the app still handles no personal or regulated data."),
 dict(id=NMAN, name="Native app: code + PKCE in the system browser, managed IdP",
  summary="The mobile or desktop app signs users in through the system browser (ASWebAuthenticationSession, Android Custom Tabs) with authorization code + PKCE against a managed IdP (RFC 8252, AppAuth), keeps the refresh token in the Keychain or Android Keystore and calls APIs with short-lived access tokens.",
  impacts={
   C_TO: imp(2, "MFA policies, passkeys and (in most services) risk detection come from the managed IdP; the system browser shares the IdP session and the app never sees the password."),
   C_EXP: imp(1, "Refresh tokens sit in the hardware-backed Keychain or Keystore, out of reach of other apps, but they remain bearer secrets unless the IdP supports DPoP binding."),
   C_SESS: imp(0, "Access tokens live until expiry; revocation depends on refresh-token rotation and revocation at the IdP."),
   C_EVID: imp(1, "Vendor attestations and exportable sign-in and MFA logs, as for the web option; the tenant's policies remain yours to evidence."),
   C_FED: imp(2, "Enterprise and social federation work unchanged in the system browser; embedded web views would break many IdPs' sign-in."),
   C_BLD: imp(P["nman_b"], "AppAuth or the vendor SDK runs the flow; login, MFA and recovery screens are the IdP's, shown in the system browser."),
   C_EFF: imp(P["nman_r"], "No IdP and no session server to run; what remains is the IdP tenant's app registrations, redirect URIs and signing-key rollover, kept as code."),
   C_CTRL: imp(-1, "Users live in the vendor's tenant and region; migrating away means re-enrolment or lazy migration."),
   C_COST: imp(-1, "Priced per monthly active user; consumer apps with many occasional users feel this most."),
   C_BND: imp(-2, "A SaaS or cloud-region service outside your data centre or partition unless the vendor offers it there."),
  },
  references=[dict(title="RFC 8252 OAuth 2.0 for Native Apps", url=RFC8252),
              dict(title="AppAuth", url=APPAUTH),
              dict(title="Apple ASWebAuthenticationSession", url=APPLE_ASWEB),
              dict(title="Android Keystore system", url=ANDROID_KS),
              dict(title="RFC 9700 OAuth 2.0 Security Best Current Practice", url=RFC9700)],
  confirmation="A mobile security test (OWASP MASVS) confirms sign-in uses the system browser, never a web view; tokens are only in the Keychain/Keystore; the IdP rotates refresh tokens and a replayed one revokes the family; an alert fires on refresh-token reuse."),
 dict(id=NSELF, name="Native app: code + PKCE in the system browser, self-hosted IdP",
  summary="The mobile or desktop app signs users in through the system browser with authorization code + PKCE against an OIDC provider the team runs (Keycloak, Zitadel, Ory, Spring Authorization Server), per RFC 8252; refresh tokens are kept in the Keychain or Android Keystore. This is also the route for a product that wants to own its credentials and still serve native apps correctly.",
  impacts={
   C_TO: imp(0, "Passkeys, OTP and brute-force detection are in the provider; breached-password checks, bot detection and risk-based sign-in are yours to add."),
   C_EXP: imp(1, "Refresh tokens in the hardware-backed Keychain or Keystore; bearer unless DPoP is enabled."),
   C_SESS: imp(0, "Access tokens live until expiry; revocation through the provider's refresh-token and session admin API."),
   C_EVID: imp(-1, "Login, MFA and admin events come from the provider, but the IdP becomes an in-scope system component of your own: patching, hardening and availability evidence are the team's to produce."),
   C_FED: imp(2, "Identity brokering to SAML 2.0 and OIDC IdPs and social login are built in; your team configures and rolls over each connection."),
   C_BLD: imp(P["nself_b"], "AppAuth runs the flow against the provider; login, MFA and recovery screens come with it and are themed, not written."),
   C_EFF: imp(P["nself_r"], "An internet-facing, highly available IdP with its own database and upgrade cycle to run and patch."),
   C_CTRL: imp(1, "Users, hashes and keys stay in your database and run wherever the product runs; the provider's schema and upgrade path still bind you to it."),
   C_COST: imp(1, "No per-user licence: an HA cluster, its database and engineer time, which grow slowly with users."),
   C_BND: imp(2, "The authorization server runs next to the product inside the same data centre or partition."),
  },
  references=[dict(title="RFC 8252 OAuth 2.0 for Native Apps", url=RFC8252),
              dict(title="AppAuth", url=APPAUTH),
              dict(title="Keycloak documentation", url=KEYCLOAK),
              dict(title="RFC 9700 OAuth 2.0 Security Best Current Practice", url=RFC9700)],
  confirmation="Same mobile tests as for a managed IdP (system browser only, Keychain/Keystore storage, refresh-token reuse revokes the family), plus an IdP availability SLO with paging and a monthly security-advisory check of the provider version."),
]

# ---------------------------------------------------------------- effects helpers
def note(text, src=None, only=None):
    e = dict(op="note", text=text)
    if src: e["source"] = src
    if only: e["if_chosen"] = only
    return e
def raise_(c, by): return dict(op="raise", criterion=c, by=by)
def lower(c, by): return dict(op="lower", criterion=c, by=by)
def setw(c, w): return dict(op="set", criterion=c, weight=w)
def rule(opt, reason): return dict(op="rule_out", option=opt, reason=reason)

COOKIE_NOTE = note("Session cookie: Secure, HttpOnly, Path=/, no Domain attribute, named with the __Host-Http- prefix (RFC 10017 §6.1 for a BFF; browsers that predate it still enforce its __Host- part), SameSite=Strict where inbound links allow it, otherwise Lax; session ID with at least 128 bits of entropy from a CSPRNG (ASVS; OWASP's floor is 64 bits), never in URLs or logs; issue a new ID at login and at every privilege change; enforce idle and absolute timeouts on the server (OWASP: 2 to 5 minutes idle for high-value apps, 15 to 30 for low-risk ones); invalidate the server-side record at logout and end all of a user's sessions when the account is disabled (ASVS v5.0.0-3.3.1, v5.0.0-3.3.3, v5.0.0-3.3.4, v5.0.0-7.2.3, v5.0.0-7.2.4, v5.0.0-7.3.2, v5.0.0-7.4.1, v5.0.0-7.4.2).", OWASP_SESS, WEB_SESS)
CSRF_NOTE = note("Cookie sessions need CSRF defence on every state-changing request: SameSite alone is not enough; use a synchronizer or signed double-submit token, or require a custom request header the server checks, and verify Origin or Sec-Fetch-Site (OWASP CSRF Prevention CS).", OWASP_CSRF, WEB_SESS)
BFF_NOTE = note("BFF (RFC 10017 §6.1): the BFF is a confidential OIDC client (code + PKCE, private_key_jwt client authentication where the IdP supports it), stores access and refresh tokens server-side keyed by the session, proxies API calls adding the access token, and never returns tokens to the browser; validate the ID token (iss, aud, exp, nonce) and the iss authorization-response parameter (RFC 9207) against mix-up. RFC 10017 §6.1 also requires the BFF to forward only to an explicit allowlist of resource-server hosts and paths (an open proxy leaks the access token), and suggests ending the cookie session when the refresh token expires or is rejected.", RFC10017, IDP_WEB)
LOGOUT_NOTE = note("Logout must end three things: the BFF session, the refresh token (revocation endpoint) and the IdP session (RP-initiated logout); subscribe to OIDC Back-Channel Logout so an admin-disabled user is signed out of the app too.", OIDC_BCL, IDP_WEB)
OWN_NOTE = note("Own login: hash passwords with Argon2id (at least m=19 MiB, t=2, p=1) or PBKDF2-HMAC-SHA-256 with 600,000 iterations where a FIPS 140-3 validated module is required; check new passwords against breached-password lists; throttle failures per account as well as per source; answer 'unknown user' and 'wrong password' identically; verify email ownership before enabling the account; use a maintained WebAuthn library for passkeys (OWASP Password Storage and Authentication CS; ASVS v5.0.0-11.4.2 password hashing, v5.0.0-6.2.12 breached passwords, v5.0.0-6.3.1 credential-stuffing and brute-force controls, v5.0.0-6.4.3 reset without bypassing MFA).", OWASP_PWD, [OWN])
DBSC_NOTE = note("Infostealer malware copies session cookies and replays them after MFA. Where the browser supports Device Bound Session Credentials (Chrome on Windows since Chrome 145, 2026; other browsers and platforms not yet), register a DBSC session at login so a copied cookie fails to refresh; keep cookie lifetimes short so the refresh endpoint is exercised.", DBSC, WEB_SESS)

TM_NOTE = note("Threat-model the sign-in and session design before building it and again on each design change: map the browser, BFF or app server, IdP and APIs with their trust boundaries, ask what can go wrong at each (STRIDE), and record each threat's control or accepted risk in this ADR (OWASP Threat Modeling CS; ASVS 5.0 keeps threat modelling as a recommended process in Appendix D, not a numbered requirement). For the OAuth and OIDC legs, RFC 9700 §4 lists the attacks to check.", OWASP_TM)
SC_NOTE = note("A self-hosted IdP puts its code and every dependency in your supply chain: list it in your SBOM, watch its security advisories, and patch within documented time frames (ASVS v5.0.0-15.1.1, v5.0.0-15.1.2, v5.0.0-15.2.1).", ASVS_V15, SELFH)

# ---------------------------------------------------------------- questions
nodes = []

nodes.append(dict(id="q-compliance", kind="question", fact="compliance", multi=True, next="q-users",
 prompt="Which regimes apply to the data users reach after signing in?",
 help="Regimes decide whether MFA is mandatory and for whom (PCI DSS Req 8 for staff, not consumers), which session timeouts are expected, whether the IdP vendor becomes a processor or business associate, and whether tokens may sit in the browser at all.",
 answers=[
  dict(label="PCI DSS: payment card data is stored, processed or transmitted",
       consequence="Compliance evidence weighs more; browser-held tokens are ruled out; PCI Req 8 notes for staff and admin logins.",
       effects=[raise_(C_EVID, 1), raise_(C_EXP, 1),
        rule(BROW, "Payment-card scope: RFC 10017 §6.3.4.3 does not recommend browser-held tokens for sensitive or business apps, and a BFF keeps tokens out of reach of page scripts in a cardholder-data flow."),
        note("PCI DSS v4.0.1 Req 8.4.2: MFA for all non-console access into the cardholder data environment (8.4.1 for administrative access, 8.4.3 for remote network access); 8.4.2 does not apply to user accounts authenticated only with phishing-resistant factors, which passkeys or security keys can provide (PCI SSC FAQ 1595, as QSAs summarise it, accepts synced passkeys implemented to the FIDO2 specifications as phishing-resistant). The exemption is only in 8.4.2: administrators (8.4.1) and remote network access (8.4.3) still need MFA, where a passkey can be one of the factors. Req 8.5.1: MFA must resist replay, not be bypassable (even by admins without documented, time-limited exception), use two different factor types, and grant access only after all factors succeed.", PCI),
        note("PCI DSS Req 8 applies to personnel, administrator, third-party and system accounts, not to consumer (cardholder) accounts: it governs staff and admin logins, not your customers' logins. For those staff sessions: Req 8.2.8 re-authentication after more than 15 idle minutes; 8.3.4 lockout after at most 10 failed attempts for at least 30 minutes; 8.3.6 passwords of at least 12 characters; 8.3.9 single-factor passwords changed every 90 days or judged by dynamic risk analysis, which conflicts with NIST SP 800-63B-4's no-periodic-change rule, so prefer MFA for staff and avoid 8.3.9 altogether.", PCI),
        note("Shrink scope before designing logins: hosted payment fields or a processor's tokenization keep PAN out of your systems so fewer logins fall under Req 8.", PCI)]),
  dict(label="HIPAA: protected health information of US patients",
       consequence="Compliance evidence weighs more; browser-held tokens are ruled out; HIPAA 164.312 notes.",
       effects=[raise_(C_EVID, 1), raise_(C_EXP, 1),
        rule(BROW, "Health data: RFC 10017 §6.3.4.3 does not recommend browser-held tokens for sensitive or personal-data apps; ePHI sessions belong behind a BFF or server session."),
        note("HIPAA Security Rule 45 CFR 164.312(d) person or entity authentication (required): verify that whoever seeks access to ePHI is the one claimed; 164.312(a)(2)(i) unique user identification (required); 164.312(a)(2)(iii) automatic logoff (addressable: implement server-side idle timeouts or document the equivalent); 164.312(b) audit controls (required) over sign-ins and access to ePHI.", HIPAA_312),
        note("HHS proposed in January 2025 (NPRM, 90 FR 898) to make MFA required under the Security Rule; OCR's target of May 2026 passed without a final rule (sources as of mid-2026), so check its status and design for MFA now.", HIPAA_NPRM),
        note("An IdP that stores patient identities holds ePHI: sign a business associate agreement with the vendor and use only services it lists as HIPAA-eligible (HHS cloud computing guidance).", HHS_CLOUD, MANAGED)]),
  dict(label="GDPR or similar personal-data law",
       consequence="Residency and token exposure weigh more; the IdP vendor is a processor.",
       effects=[raise_(C_CTRL, 1), raise_(C_EXP, 1),
        note("GDPR Art. 28: a managed IdP is a processor, so sign its data processing agreement; Chapter V (Art. 44-49): check where user records are stored and which transfer mechanism covers any transfer outside the EEA; Art. 32: security of processing.", GDPR, MANAGED),
        note("GDPR Art. 5(1)(c) and Art. 25 (data minimisation, protection by design): put only an opaque subject ID in tokens and session records, and keep personal data out of URLs and logs.", GDPR),
        note("RFC 10017 §6.3.4.3 does not recommend browser-held tokens for applications that handle personal data; record why this app is an exception, or add a BFF.", RFC10017, [BROW])]),
  dict(label="SOC 2 or ISO/IEC 27001 audit",
       consequence="Compliance evidence weighs more.",
       effects=[raise_(C_EVID, 1),
        note("Auditors sample joiner-mover-leaver evidence: keep sign-in, MFA-enrolment and account-disable events with timestamps, review admin accounts periodically, and show that disabled users lose sessions (SOC 2 CC6.1-CC6.3, ISO/IEC 27001:2022 Annex A 5.15-5.18 and 8.5). Use a consistent event vocabulary for sign-in, MFA and session events (OWASP Logging Vocabulary CS).", OWASP_LOGVOC)]),
  dict(label="FedRAMP or other government authorisation",
       consequence="Compliance evidence and control weigh more; the IdP must be inside the authorisation boundary.",
       effects=[raise_(C_EVID, 2), raise_(C_CTRL, 1),
        note("A managed IdP must itself hold a FedRAMP authorisation at your impact level (check the FedRAMP Marketplace), or it sits outside your boundary; government editions of the big IdPs differ in features from their commercial ones.", FEDRAMP, MANAGED),
        note("Federal systems map assurance to NIST SP 800-63-4 (final, 2025): pick the AAL per user population, and FAL for federation (SP 800-63C-4).", NIST63)]),
  dict(label="None of these", exclusive=True,
       consequence="Compliance evidence weighs less.",
       effects=[lower(C_EVID, 2),
        note("Without a regulator, OWASP ASVS 5.0 still sets the bar: Level 1 for every app, Level 2 for anything holding sensitive data or serving business customers (chapters V6 Authentication, V7 Session Management, V10 OAuth and OIDC; for example v5.0.0-6.3.3 multi-factor sign-in at Level 2, v5.0.0-7.4.1 sessions unusable after logout, v5.0.0-10.1.1 tokens only in the components that need them, as in a BFF). Even internal tools hold employee personal data, which privacy law covers.", ASVS)]),
 ]))

nodes.append(dict(id="q-users", kind="question", next=None,
 prompt="Who signs in?",
 help="The user population decides who owns the identities: staff already have a workforce IdP, business customers bring their own IdP, consumers create accounts with you in large numbers, which shifts the weight between federation and cost per user.",
 answers=[
  dict(label="Consumers (individual people who register themselves)", next="q-federation",
       consequence="Cost at scale weighs more; account recovery matters.",
       effects=[raise_(C_COST, 2),
        note("Account recovery is the weakest login path for consumers: use single-use, time-limited reset tokens, the same response for known and unknown accounts, and never let recovery bypass MFA or downgrade a passkey account to a password (OWASP Forgot Password CS).", OWASP_FORGOT),
        note("Expect credential stuffing: throttle per account and per source, check passwords against breached-password lists, and offer passkeys (OWASP Credential Stuffing Prevention CS).", OWASP_STUFF)]),
  dict(label="Business customers' employees (B2B)", next="q-federation",
       consequence="Federation weighs more; browser-held tokens are ruled out (a business application).",
       effects=[raise_(C_FED, 1),
        rule(BROW, "A B2B product is a business application: RFC 10017 §6.3.4.3 does not recommend browser-held tokens for business applications, because injected script can obtain fresh tokens for a customer's organisation; keep tokens in a BFF."),
        note("B2B login needs tenant-aware sign-in: identify the organisation (email domain or tenant URL) before choosing the password, passkey or federated path (home-realm discovery), and carry a tenant ID claim into the session for the authorization layer.", None)]),
  dict(label="Our own workforce (internal tool)", next="q-federation",
       consequence="Federation weighs much more: staff already have an identity provider; browser-held tokens are ruled out (a business application).",
       effects=[raise_(C_FED, 3),
        rule(BROW, "An internal tool is a business application holding employee and company data: RFC 10017 §6.3.4.3 does not recommend browser-held tokens for business applications; keep tokens in a BFF."),
        note("Staff should sign in with the organisation's workforce IdP (Entra ID, Okta, Google Workspace), directly or brokered through the chosen provider, so joiners, movers and leavers are handled once; a separate password store for staff duplicates off-boarding (federation model: NIST SP 800-63C-4).", NIST63C)]),
 ]))
nodes[-1].pop("next")

nodes.append(dict(id="q-federation", kind="question", multi=True, next="q-assurance",
 prompt="Which single sign-on and federation must the login support?",
 help="Federation is the clearest line between building and buying identity: SAML and OIDC connections per customer, social providers and SSO across your own apps are configuration in an IdP and months of protocol code without one.",
 answers=[
  dict(label="Enterprise SSO with customers' identity providers (SAML 2.0 or OIDC)",
       consequence="Federation weighs much more.",
       effects=[raise_(C_FED, 3),
        note("Per customer: one SAML 2.0 or OIDC connection, signed assertions with audience and recipient checks, no IdP-initiated SAML unless required (OWASP SAML Security CS); provision and de-provision users with SCIM 2.0 (RFC 7644) so a leaver at the customer loses access here too.", OWASP_SAML),
        note("Own login with enterprise SSO means owning a SAML service provider and an OIDC relying party per customer, including certificate rollover; a broker (self-hosted or managed IdP) usually costs less than that code.", OWASP_SAML, [OWN])]),
  dict(label="Social sign-in (Google, Apple or Microsoft personal accounts)",
       consequence="Federation weighs a little more.",
       effects=[raise_(C_FED, 1),
        note("Link a social identity to an existing account only after the user proves control of that account; never merge on an unverified email claim (OIDC Core §5.7: email is not a stable identifier).", OIDC_CORE)]),
  dict(label="Single sign-on across several of our own apps",
       consequence="Federation weighs more.",
       effects=[raise_(C_FED, 2),
        note("SSO across apps needs logout propagation: implement OIDC Back-Channel Logout in every app so signing out or disabling a user ends all app sessions.", OIDC_BCL)]),
  dict(label="None: accounts are created and used only in this product", exclusive=True,
       consequence="Federation weighs less.",
       effects=[lower(C_FED, 2)]),
 ]))

nodes.append(dict(id="q-assurance", kind="question", next=None,
 prompt="How strong must sign-in be for ordinary users?",
 help="The required authenticator assurance level (NIST SP 800-63B-4) decides whether MFA, passkeys or hardware keys are needed and therefore how much account-takeover resistance is worth against effort; admin accounts always need phishing-resistant MFA.",
 answers=[
  dict(label="Phishing-resistant authentication for everyone (passkeys or security keys)", next="q-impact",
       consequence="Session-secret exposure weighs more: with passkeys-only login, stolen sessions and weak recovery are the remaining takeover routes.",
       effects=[raise_(C_EXP, 1),
        note("Passkeys (W3C WebAuthn Level 3) are phishing-resistant because each credential is scoped to an RP ID (a registrable domain), the browser offers it only to origins within that domain, and the private key is never sent to the site (synced passkeys are copied between the user's devices by the passkey provider, end-to-end encrypted); choose the RP ID once (e.g. example.com for app.example.com and login.example.com).", WEBAUTHN3),
        note("NIST SP 800-63B-4 (final, 2025): syncable passkeys can meet AAL2; AAL3 needs a phishing-resistant authenticator with a non-exportable private key (a security key or a device-bound platform credential), so synced passkeys do not reach AAL3. Decide which user groups need AAL3 and enforce it with attestation or authenticator policy.", NIST63B),
        note("With an IdP, passkeys are bound to the IdP's sign-in domain (the RP ID): put the IdP on your own domain (e.g. login.example.com) before users enrol passkeys, or a later change of vendor or domain strands every enrolled passkey.", WEBAUTHN3, [MAN, SELF, BROW, NMAN, NSELF]),
        note("Phishing-resistant login is wasted if the session cookie can be stolen afterwards and recovery falls back to email codes: bind recovery to a second registered passkey or an identity-verification process.", OWASP_FORGOT)]),
  dict(label="MFA for everyone (AAL2)", next="q-impact",
       consequence="Takeover resistance weighs more.",
       effects=[raise_(C_TO, 1),
        note("With an IdP, passkeys are bound to the IdP's sign-in domain (the RP ID): put the IdP on your own domain (e.g. login.example.com) before users enrol passkeys, or a later change of vendor or domain strands every enrolled passkey.", WEBAUTHN3, [MAN, SELF, BROW, NMAN, NSELF]),
        note("Offer passkeys as one MFA option and require them (or security keys) for administrators; NIST SP 800-63B-4 treats SMS and voice OTP as restricted authenticators, so do not make them the only second factor (OWASP Multifactor Authentication CS).", NIST63B),
        note("Use step-up (re-authentication with the IdP's acr/amr claims or a fresh WebAuthn assertion) for high-risk actions such as changing payout details; for payments in the EU, PSD2 strong customer authentication requires dynamic linking to amount and payee (OWASP Transaction Authorization CS).", OWASP_TXAUTH)]),
  dict(label="Single factor is acceptable for ordinary users", next="q-impact",
       consequence="Takeover resistance weighs less.",
       effects=[lower(C_TO, 1),
        note("NIST SP 800-63B-4: passwords used alone need at least 15 characters (8 with MFA), accept at least 64, are checked against breached-password lists, have no composition rules and no periodic changes, but a change is forced on evidence of compromise. Hash with Argon2id (m=19 MiB, t=2, p=1) or PBKDF2-HMAC-SHA-256 with 600,000 iterations where FIPS 140-3 modules are required (OWASP Password Storage CS).", NIST63B, [OWN, NSELF, SELF]),
        note("Still offer passkeys and optional MFA, and require phishing-resistant MFA for admin and support accounts, which can reach every user's data.", OWASP_MFA),
        note("Single-factor sign-in by default is not enough for an EU essential or important entity under NIS2 (Directive (EU) 2022/2555, sectors in Annexes I and II): Art 21(2)(j) lists multi-factor or continuous authentication among the minimum risk-management measures, where appropriate, so single-factor login to systems that deliver the regulated service needs a documented risk reason.", NIS2),
        note("Single-factor sign-in by default is not enough for an EU financial entity under DORA (Regulation (EU) 2022/2554, Art 2): Art 9(4)(d) requires policies and protocols for strong authentication mechanisms based on relevant standards, so single-factor sign-in to its ICT systems needs a documented ICT-risk reason.", DORA)]),
 ]))

nodes.append(dict(id="q-impact", kind="question", next=None,
 prompt="What could an attacker do with one hijacked user session?",
 help="The damage one stolen session can do sets how much it is worth to keep session secrets away from page scripts and malware, and how fast sessions must be revocable.",
 answers=[
  dict(label="High: move money, read health or financial records, or act as an administrator", next="q-hosting",
       consequence="Session-secret exposure and revocation weigh more; browser-held tokens are ruled out.",
       effects=[raise_(C_EXP, 1), raise_(C_SESS, 1),
        rule(BROW, "High-impact sessions: RFC 10017 §6.3.4.3 does not recommend browser-held tokens for sensitive applications, because injected JavaScript can obtain fresh tokens even when they are DPoP-bound."),
        note("High-value sessions: idle timeouts of minutes not hours, an absolute lifetime, re-authentication for sensitive actions, and a 'sign out everywhere' that ends every session and refresh token of a user.", OWASP_SESS),
        note("A session that can move money or read health records needs multi-factor sign-in: NIST SP 800-63-4's impact-based selection points to AAL2 (moderate impact) or AAL3 (high impact), so a single-factor login answer above should be revisited.", NIST63), TM_NOTE, SC_NOTE]),
  dict(label="Moderate: read and change the user's own ordinary data", next="q-hosting",
       consequence="Weights unchanged.", effects=[TM_NOTE, SC_NOTE]),
  dict(label="Low: public or low-value data only", next="q-hosting",
       consequence="Session-secret exposure and revocation speed weigh much less: a stolen session reaches little.",
       effects=[lower(C_EXP, 3), lower(C_SESS, 2), TM_NOTE, SC_NOTE]),
 ]))

nodes.append(dict(id="q-hosting", kind="question", fact="hosting", next=None,
 prompt="Where does the product run?",
 help="Hosting decides whether a managed IdP sits inside your boundary: a SaaS IdP is one more external dependency for on-premises systems, and a restricted partition can only use IdP services offered inside it.",
 answers=[
  dict(label="One public cloud (AWS, Azure or Google Cloud)", next="q-ops", consequence="No change; the cloud's own IdP service is an option.",
       effects=[note("Your cloud's own customer IdP (Amazon Cognito, Microsoft Entra External ID, Google Cloud Identity Platform) is billed and governed with the rest of the account; compare its federation and passkey features with Auth0/Okta before choosing.", COGNITO, MANAGED)]),
  dict(label="Several public clouds", next="q-ops", consequence="Portability weighs a little more; staying inside one provider's boundary matters a little.",
       effects=[raise_(C_CTRL, 1), setw(C_BND, 1)]),
  dict(label="Our own data centres (on-premises)", next="q-ops", consequence="Running sign-in inside our own data centres matters.",
       effects=[setw(C_BND, 3),
        note("A SaaS IdP makes every login depend on outbound internet access from users and from the BFF; if any site runs air-gapped, the IdP must run inside.", only=MANAGED)]),
  dict(label="A restricted cloud partition (sovereign or government region)", next="q-ops", consequence="Sign-in must run inside the partition: this weighs most.",
       effects=[setw(C_BND, 5),
        note("Use only an IdP service offered inside the partition (check the provider's service list for that partition); a commercial SaaS IdP outside it usually breaks the residency or authorisation boundary. Partition editions differ from the commercial ones: Amazon Cognito in AWS GovCloud (US), for example, uses FIPS endpoints only and does not support custom domains for user pools.", GOVCLOUD_COG, MANAGED)]),
 ]))

nodes.append(dict(id="q-ops", kind="question", fact="ops-capacity", next=None,
 prompt="Who runs the infrastructure?",
 help="A self-hosted IdP is an internet-facing, always-on security component with its own database and patch cycle; whether someone can run it decides between building and buying identity.",
 answers=[
  dict(label="A platform or SRE team runs infrastructure for us", next="q-tenancy", consequence="Operational effort weighs much less: running an IdP is the platform team's job.",
       effects=[lower(C_EFF, P["plat"])]),
  dict(label="The product team runs its own infrastructure", next="q-tenancy", consequence="Weights unchanged.",
       effects=[note("A self-hosted IdP on the product team's rota: run at least two nodes with a managed database, subscribe to the project's security advisories and patch within days.", KEYCLOAK_HA, SELFH)]),
  dict(label="Little operations capacity: we buy managed services", next="q-tenancy", consequence="Operational effort weighs most: nothing should need our own on-call.",
       effects=[setw(C_EFF, P["little"])]),
 ]))

nodes.append(dict(id="q-tenancy", kind="question", fact="tenancy",
 prompt="How are tenants separated?",
 help="Tenancy decides whether the IdP must model organisations, per-tenant SSO connections and per-tenant policies (MFA, session length), which is configuration in an IdP and a data-model project in an own login.",
 answers=[
  dict(label="One organisation's data (no tenants)", next="q-client", consequence="No change.", effects=[]),
  dict(label="Many tenants with similar needs", next="q-client", consequence="Federation weighs a little more.",
       effects=[raise_(C_FED, 1),
        note("Put the tenant ID in the session (and as a claim in tokens) and check it on every request; model tenants as organisations inside one IdP tenant or realm (Keycloak organizations, Auth0 Organizations) rather than one realm per customer, which multiplies configuration to keep in sync.", KEYCLOAK_SERVER, [MAN, SELF, NMAN, NSELF])]),
  dict(label="Some tenants require dedicated isolation", next="q-client", consequence="Federation and control weigh more.",
       effects=[raise_(C_FED, 1), raise_(C_CTRL, 1),
        note("Dedicated tenants usually want their own IdP connection, MFA and session policies and sometimes their own user store or region: plan a separate IdP tenant/realm or instance for them, and keep the tenant ID in every session.", KEYCLOAK_SERVER)]),
 ]))

WEB_RULE_NATIVE = [rule(NMAN, "This option is the native-app flow; the client here is a browser app."),
                   rule(NSELF, "This option is the native-app flow; the client here is a browser app.")]
nodes.append(dict(id="q-client", kind="question", next=None,
 prompt="Which client is this session architecture for?",
 help="Where the client runs decides where the session secret can live: a server-rendered app or a same-site SPA can keep everything behind an HttpOnly cookie, a SPA without a backend holds tokens in page memory, and a native app holds them in the OS keystore. Run the tree once per client type.",
 answers=[
  dict(label="Server-rendered web app (our server renders the pages)", next="o-web",
       consequence="Cookie-session architectures; no token reaches the browser.",
       effects=WEB_RULE_NATIVE + [rule(BROW, "A server-rendered app has no browser-side OAuth client: its server is already a confidential client and keeps tokens itself."),
        COOKIE_NOTE, CSRF_NOTE, OWN_NOTE, BFF_NOTE, LOGOUT_NOTE, DBSC_NOTE]),
  dict(label="SPA served from our own site, beside its backend", next="o-spa",
       consequence="A same-site BFF can hold tokens; browser-held tokens gain nothing.",
       effects=WEB_RULE_NATIVE + [rule(BROW, "The SPA already has a same-site backend, so RFC 10017 §6.1's BFF is available at no structural cost; keeping tokens in the page only adds exposure."),
        COOKIE_NOTE, CSRF_NOTE, OWN_NOTE, BFF_NOTE, LOGOUT_NOTE, DBSC_NOTE]),
  dict(label="SPA on a static host or CDN, with no backend of ours on its site", next="o-spa-static",
       consequence="A BFF or own login means adding a server component that proxies every API call; operating effort and running cost weigh more.",
       effects=WEB_RULE_NATIVE + [raise_(C_EFF, P["static_r"]), raise_(C_COST, 1)] + ([raise_(C_BLD, P["static_b"])] if P["static_b"] else []) + [
        note("Add a BFF on the SPA's own site (an edge function, reverse proxy or small service under the same registrable domain) so the session cookie stays first-party; a BFF on another site needs third-party cookies, which browsers block.", RFC10017, WEB_SESS),
        COOKIE_NOTE, CSRF_NOTE, OWN_NOTE, BFF_NOTE, LOGOUT_NOTE,
        note("Browser-held tokens (RFC 10017 §6.3): keep them in memory or a worker, never localStorage or sessionStorage; bind them with DPoP (RFC 9449) where the IdP supports it; short access-token lifetimes; refresh-token rotation with reuse detection and a bounded refresh-token lifetime; a strict Content Security Policy and Subresource Integrity on scripts.", RFC10017, [BROW]),
        note("CORS on the APIs the SPA calls: allow only the SPA's exact origin, no wildcard with credentials, and accept tokens only in the Authorization header.", RFC9700, [BROW])]),
  dict(label="Native mobile or desktop app", next="o-native",
       consequence="Only the native-app flows fit.",
       effects=[rule(OWN, "This option is a browser cookie session with a login form served by the app; for a native app with its own credentials choose the self-hosted IdP option, which gives RFC 8252 sign-in through the system browser."),
        rule(MAN, "This option is the browser BFF pattern; a native app holds its own tokens in the OS keystore (RFC 8252)."),
        rule(SELF, "This option is the browser BFF pattern; a native app holds its own tokens in the OS keystore (RFC 8252)."),
        rule(BROW, "There is no browser page to hold tokens in a native app."),
        note("RFC 8252: sign in through the system browser (ASWebAuthenticationSession on Apple platforms, Custom Tabs on Android) with authorization code + PKCE (RFC 7636), claimed https redirect URIs (universal/app links) rather than custom schemes where possible, never an embedded web view; configure the IdP to reject native-app requests without PKCE (RFC 8252 §8.1: authorization servers SHOULD).", RFC8252, NATIVE),
        note("Keep refresh tokens only in the Keychain or Android Keystore; rotate them on every use with reuse detection or bind them with DPoP (RFC 9700 §2.2.2 requires one of the two for public clients); no resource-owner password grant, even for a first-party app (RFC 9700 §2.4).", RFC9700, NATIVE)]),
 ]))

nodes += [
 dict(id="o-web", kind="outcome", options=[OWN, MAN, SELF],
      title="Session architecture for a server-rendered web app",
      context="The server renders pages and keeps the session server-side behind a __Host- cookie; the decision is where identities and credentials live: in the app, a managed IdP or a self-hosted OIDC provider."),
 dict(id="o-spa", kind="outcome", options=[OWN, MAN, SELF],
      title="Session architecture for a same-site SPA",
      context="The SPA shares a site with its backend, so tokens stay in a backend-for-frontend or the app's own session and the browser holds only an HttpOnly cookie, as RFC 10017 §6.1 recommends."),
 dict(id="o-spa-static", kind="outcome", options=[OWN, MAN, SELF, BROW],
      title="Session architecture for a SPA without its own backend",
      context="The SPA is served statically; either a same-site BFF is added so tokens stay server-side, or, only for low-risk apps without personal or regulated data, the SPA holds tokens itself as RFC 10017 §6.3 describes."),
 dict(id="o-native", kind="outcome", options=NATIVE,
      title="Sign-in and token handling for a native app",
      context="The native app signs in through the system browser with authorization code + PKCE (RFC 8252) and keeps refresh tokens in the OS keystore; the decision is whether the authorization server is bought or run."),
]

for n in nodes:
    if n.get("next", 1) is None: n.pop("next")
# ---------------------------------------------------------------- checks
def chk(name, when, expect, why, src): return dict(name=name, when=when, expect=expect, why=why, source=src)
L = {n["id"]: [a["label"] for a in n["answers"]] for n in nodes if n["kind"] == "question"}
def a(q, i): return L[q][i]

checks = [
 chk("pci-no-browser-tokens", {"q-compliance": [a("q-compliance", 0)]}, {"never": [BROW]},
     "Card-data apps must not keep tokens in page scripts' reach (review H3).", RFC10017),
 chk("hipaa-no-browser-tokens", {"q-compliance": [a("q-compliance", 1)]}, {"never": [BROW]},
     "Health-data apps must not keep tokens in page scripts' reach (review H3).", RFC10017),
 chk("high-impact-no-browser-tokens", {"q-impact": [a("q-impact", 0)]}, {"never": [BROW]},
     "RFC 10017 §6.3.4.3: browser-based OAuth clients are not recommended for sensitive applications.", RFC10017),
 chk("personal-data-no-browser-tokens", {"q-compliance": [a("q-compliance", 2)]}, {"never": [BROW]},
     "RFC 10017 §6.3.4.3 also covers applications that handle personal data.", RFC10017),
 chk("phishing-resistant-no-browser-tokens", {"q-assurance": [a("q-assurance", 0)]}, {"never": [BROW]},
     "Phishing-resistant login is pointless if injected script can mint fresh tokens from the IdP session.", RFC10017),
 chk("business-app-no-browser-tokens", {"q-users": [a("q-users", 1), a("q-users", 2)]}, {"never": [BROW]},
     "B2B products and internal tools are business applications: RFC 10017 §6.3.4.3 does not recommend browser-held tokens for them (reviewer finding: the browser client won 128 such paths).", RFC10017),
 chk("platform-team-cloud-mfa-not-own-login", {"q-ops": [a("q-ops", 0)], "q-hosting": [a("q-hosting", 0)], "q-assurance": [a("q-assurance", 0), a("q-assurance", 1)]}, {"never": [OWN]},
     "A platform team runs infrastructure, it does not write MFA enrolment, recovery and passkey management; in one public cloud with MFA required the login is bought or configured, not built (reviewer finding: own login won 34 such paths because the platform-team answer discounted build effort).", OWASP_AUTHN),
 chk("same-site-spa-uses-cookie-session", {"q-client": [a("q-client", 1)]}, {"winner_in": WEB_SESS},
     "A same-site SPA gets a BFF or server session, never browser-held tokens (RFC 10017 §6.1).", RFC10017),
 chk("server-rendered-cookie-session", {"q-client": [a("q-client", 0)]}, {"winner_in": WEB_SESS},
     "Server-rendered apps keep the session server-side.", OWASP_SESS),
 chk("native-uses-rfc8252", {"q-client": [a("q-client", 3)]}, {"winner_in": NATIVE},
     "Native apps sign in via the system browser with code + PKCE, not a cookie session (review M1).", RFC8252),
 chk("browser-never-native", {"q-client": [a("q-client", 0), a("q-client", 1), a("q-client", 2)]}, {"never": NATIVE},
     "A native-app flow is never the answer for a browser client.", RFC8252),
 chk("enterprise-sso-not-own-login", {"q-federation": [a("q-federation", 0)]}, {"never": [OWN]},
     "Per-customer SAML/OIDC federation belongs in an IdP or broker, not hand-written in the app.", OWASP_SAML),
 chk("workforce-not-own-login", {"q-users": [a("q-users", 2)]}, {"never": [OWN]},
     "Staff sign in with the organisation's workforce IdP through federation, so off-boarding happens once (NIST SP 800-63C-4 federation model).", NIST63C),
 chk("own-app-sso-not-own-login", {"q-federation": [a("q-federation", 2)]}, {"never": [OWN]},
     "SSO across several apps needs one OpenID provider that every app trusts, not per-app logins.", OIDC_CORE),
 chk("little-ops-no-self-hosted-idp", {"q-ops": [a("q-ops", 2)], "q-hosting": [a("q-hosting", 0), a("q-hosting", 1)]}, {"never": [SELF, NSELF]},
     "A team that buys managed services cannot keep an internet-facing IdP patched and available.", KEYCLOAK_HA),
 chk("fedramp-little-ops-managed", {"q-compliance": [a("q-compliance", 4)], "q-ops": [a("q-ops", 2)], "q-hosting": [a("q-hosting", 0)], "q-client": [a("q-client", 0), a("q-client", 1), a("q-client", 2)]},
     {"winner_in": [MAN]}, "Government authorisation with no ops capacity: a FedRAMP-authorised managed IdP behind a BFF.", FEDRAMP),
 chk("pci-web-managed-or-selfhosted-when-sso", {"q-compliance": [a("q-compliance", 0)], "q-federation": [a("q-federation", 0)]},
     {"winner_in": [MAN, SELF, NMAN, NSELF]}, "PCI with enterprise SSO: tokens server-side (BFF) from an IdP with federation.", RFC10017),
 chk("own-login-canonical", {"q-compliance": [a("q-compliance", 5)], "q-users": [a("q-users", 0)], "q-federation": [a("q-federation", 3)],
     "q-ops": [a("q-ops", 1)], "q-client": [a("q-client", 0)], "q-hosting": [a("q-hosting", 2)], "q-tenancy": [a("q-tenancy", 0)]},
     {"winner_in": [OWN]}, "A single on-premises consumer web app with no federation or regulator: framework login and a server session are enough (OWASP Session Management CS).", OWASP_SESS),
 chk("own-passkeys-same-site-server-session", {"q-compliance": [a("q-compliance", 5)], "q-users": [a("q-users", 0)], "q-federation": [a("q-federation", 3)],
     "q-assurance": [a("q-assurance", 0)], "q-hosting": [a("q-hosting", 2)], "q-ops": [a("q-ops", 1)], "q-tenancy": [a("q-tenancy", 0)], "q-client": [a("q-client", 1)]},
     {"winner_in": [OWN, SELF]}, "Review M4: passkey login on a same-site app without federation, run on-premises, needs no external IdP: a server session after a WebAuthn login, owned or self-hosted.", WEBAUTHN3),
 chk("onprem-platform-team-native-self-hosted", {"q-hosting": [a("q-hosting", 2)], "q-ops": [a("q-ops", 0)], "q-client": [a("q-client", 3)],
     "q-compliance": [a("q-compliance", 5)]},
     {"winner_in": [NSELF]}, "On-premises with a platform team: run the authorization server inside the boundary.", KEYCLOAK_HA),
 chk("enterprise-sso-little-ops-managed", {"q-federation": [a("q-federation", 0)], "q-ops": [a("q-ops", 2)], "q-hosting": [a("q-hosting", 0), a("q-hosting", 1)]},
     {"winner_in": [MAN, NMAN, BROW]}, "Enterprise SSO without ops capacity: buy the federation (a browser public client also signs in at the managed IdP).", AUTH0),
 chk("static-spa-low-risk-browser-ok", {"q-client": [a("q-client", 2)], "q-compliance": [a("q-compliance", 5)], "q-impact": [a("q-impact", 2)],
     "q-ops": [a("q-ops", 2)], "q-assurance": [a("q-assurance", 2)], "q-hosting": [a("q-hosting", 0), a("q-hosting", 1)]},
     {"winner_in": [BROW, MAN, OWN]}, "RFC 10017 §6.3 allows browser-held tokens for low-risk apps without a backend; a BFF or an own cookie session remains acceptable, a self-hosted IdP does not fit a team that buys managed services.", RFC10017),
]

tree = {
 "$schema": "./schema.json", "format": 2, "id": "security-identity", "namespace": NS,
 "title": "User authentication and session architecture",
 "description": "How users sign in and how their session is held: own login, managed or self-hosted IdP behind a BFF, browser-held tokens, or native-app PKCE.",
 "source": "Decision-Making Approaches › Security Implementation",
 "references": [dict(title="RFC 10017 OAuth 2.0 for Browser-Based Applications (BCP 212, Aug 2026)", url=RFC10017),
                dict(title="OWASP Session Management Cheat Sheet", url=OWASP_SESS),
                dict(title="OWASP Authentication Cheat Sheet", url=OWASP_AUTHN),
                dict(title="NIST SP 800-63-4 Digital Identity Guidelines", url=NIST63),
                dict(title="W3C Web Authentication Level 3", url=WEBAUTHN3),
                dict(title="RFC 8252 OAuth 2.0 for Native Apps", url=RFC8252),
                dict(title="OWASP ASVS 5.0", url=ASVS)],
 "area": {"id": "security", "title": "Security Implementation", "position": 1},
 "tie_break": {"order": [MAN, NMAN, SELF, NSELF, OWN, BROW],
               "why": "Prefer the option with the least identity code the team writes and no tokens in the browser: a managed IdP first, then a self-hosted IdP (configured, not written), then own login, browser-held tokens last."},
 "criteria": criteria, "options": options, "root": "q-compliance", "nodes": nodes, "checks": checks,
}
json.dump(tree, open(OUT, "w"), indent=2, ensure_ascii=False)
open(OUT, "a").write("\n")
print("wrote", OUT)
