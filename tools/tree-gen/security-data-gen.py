import json
NS="sdata"
PCI="https://docs-prv.pcisecuritystandards.org/PCI%20DSS/Standard/PCI-DSS-v4_0_1.pdf"
PCIL="https://www.pcisecuritystandards.org/document_library/"
HIPAA="https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312"
HHSB="https://www.hhs.gov/hipaa/for-professionals/breach-notification/guidance/index.html"
GDPR="https://eur-lex.europa.eu/eli/reg/2016/679/oj"
N57="https://csrc.nist.gov/pubs/sp/800/57/pt1/r5/final"
N111="https://csrc.nist.gov/pubs/sp/800/111/final"
FIPS="https://csrc.nist.gov/pubs/fips/140-3/final"
CMVP="https://csrc.nist.gov/projects/cryptographic-module-validation-program"
OCS="https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html"
OPW="https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html"
OSM="https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"
OLOG="https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html"
AKMS="https://docs.aws.amazon.com/kms/latest/developerguide/overview.html"
AKEYS="https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html"
AXKS="https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html"
AKSO="https://docs.aws.amazon.com/kms/latest/developerguide/key-store-overview.html"
AROT="https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html"
AESDK="https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/introduction.html"
ADBESDK="https://docs.aws.amazon.com/database-encryption-sdk/latest/devguide/searchable-encryption.html"
BEACON="https://docs.aws.amazon.com/database-encryption-sdk/latest/devguide/beacons.html"
AZKV="https://learn.microsoft.com/azure/key-vault/general/overview"
AZMHSM="https://learn.microsoft.com/azure/key-vault/managed-hsm/overview"
AZCMK="https://learn.microsoft.com/azure/security/fundamentals/encryption-models"
GKMS="https://cloud.google.com/kms/docs/key-management-service"
GCMEK="https://cloud.google.com/kms/docs/cmek"
GEKM="https://cloud.google.com/kms/docs/ekm"
GDEF="https://cloud.google.com/docs/security/encryption/default-encryption"
AWSDEF="https://docs.aws.amazon.com/whitepapers/latest/logical-separation/encrypting-data-at-rest-and--in-transit.html"
TINK="https://developers.google.com/tink"
TINKDA="https://developers.google.com/tink/deterministic-aead"
VT="https://developer.hashicorp.com/vault/docs/secrets/transit"
OBT="https://openbao.org/docs/secrets/transit/"
VFIPS="https://developer.hashicorp.com/vault/docs/enterprise/fips"
STRIPE="https://docs.stripe.com/security/guide"
PCITOK="https://www.pcisecuritystandards.org/documents/Tokenization_Guidelines_Info_Supplement.pdf"

P=lambda s:f"{NS}.{s}"
crit=[
 ("breach","Unreadable after a database-level compromise","Whether the data stays unreadable when an attacker reads it through the database: SQL injection, leaked database credentials, a copied snapshot or backup, an over-privileged operator. Storage-level encryption only protects lost or stolen media.",3),
 ("custody","Key custody and revocation","Who can use, disable, rotate and audit the keys: the provider alone, you through a key policy, or you outside the provider. Custody decides whether you can revoke access to the data and prove who decrypted it.",1),
 ("scope","Compliance scope and evidence","How much of the system a regulation reaches and what the team can show an assessor: key-use logs, requirement-level mapping, systems removed from PCI DSS scope.",4),
 ("query","Queries on protected fields","Whether the application can still filter, join, sort and search on the protected fields without extra indexes or a redesign.",2),
 ("build","Low application change","Code the team writes and maintains: encryption calls, key caching, migrations of existing rows, schema changes for ciphertext and blind indexes.",4),
 ("run","Low operating effort","Infrastructure the team must run, patch, back up and keep available for keys: none, a managed KMS, or an HA key manager or HSM of its own.",4),
 ("avail","Availability and latency independence","How much reads and writes depend on a key service outside the database: a key outage or a disabled key makes data unreadable, and each remote decrypt adds latency.",1),
 ("erase","Crypto-erasure granularity","Whether deleting one key can destroy exactly one tenant's or one person's data, including copies in backups, instead of rewriting every backup.",1),
 ("validated","Validated cryptographic modules","Whether the keys and the encryption run in FIPS 140-3 validated modules (CMVP certificates), as FedRAMP and US federal contracts require.",0),
]
C={k:P(k) for k,_,_,_ in crit}
def I(v,r): return {"impact":v,"rationale":r}
opts=[]
def opt(id,name,summary,imp,refs,conf):
    assert set(imp)==set(C), (id,set(C)-set(imp))
    opts.append({"id":P(id),"name":name,"summary":summary,"impacts":{C[k]:I(*v) for k,v in imp.items()},"references":[{"title":t,"url":u} for t,u in refs],"confirmation":conf})

opt("storage-default","Storage-level encryption only, platform-managed keys",
 "Rely on the encryption every managed store applies by default (AWS-owned keys on EBS, S3 and RDS; Google default encryption; Azure platform-managed keys) or, on-premises, self-encrypting drives, LUKS or database TDE with keys kept by the storage platform. No key is visible to or controlled by the application team.",
 {"breach":(-2,"Decryption is transparent to every process that can read the volume or query the database, so SQL injection, leaked DB credentials and copied snapshots inside the account return plaintext; it protects only lost or decommissioned media (NIST SP 800-111 scope)."),
  "custody":(-2,"Provider- or platform-owned keys cannot be disabled, rotated on demand, restricted by key policy or audited per use by you; AWS-owned keys do not even appear in your account."),
  "scope":(-1,"Meets 'encryption at rest' for ordinary data and is in every provider's attestation, but gives no key-use log and does not satisfy PCI DSS 3.5.1.2 for card numbers on non-removable media."),
  "query":(2,"The database sees plaintext: every index, range scan, sort and full-text search keeps working."),
  "build":(2,"No application code and usually no configuration: it is on by default in the managed stores."),
  "run":(2,"Nothing to operate; the provider or storage platform handles keys, rotation and HSMs."),
  "avail":(2,"No extra key service in the read path beyond the storage service itself."),
  "erase":(-2,"One key per volume or service, owned by the platform: no per-tenant or per-person key exists to delete."),
  "validated":(0,"Depends on the storage service's own modules; FIPS endpoints and certificates must be checked per service and region.")},
 [("Google Cloud default encryption at rest",GDEF),("AWS KMS concepts (AWS owned keys)",AKEYS),("Azure data encryption models",AZCMK),("NIST SP 800-111 storage encryption",N111)],
 "An infrastructure-as-code policy test (e.g. AWS Config encrypted-volumes/RDS rules, Azure Policy, Google Organization Policy) fails any unencrypted volume, bucket or database; a quarterly data inventory confirms no card numbers, health records or third-party secrets have appeared in these stores.")

opt("cloud-cmk","Cloud KMS customer-managed keys on storage and databases",
 "Storage and managed databases are encrypted with customer-managed keys (CMK/CMEK) in the cloud KMS (AWS KMS, Azure Key Vault, Google Cloud KMS): the provider runs the HSMs, you own the key policy, rotation, disabling and the key-use audit log. Encryption stays transparent to the application.",
 {"breach":(-1,"Still transparent to anyone who can query the database, but the key policy limits who can decrypt a copied snapshot or backup, and disabling the key stops all access."),
  "custody":(1,"You control key policy, grants, automatic rotation (AWS KMS: 90 to 2,560 days) and can disable or schedule deletion; the provider still operates the HSMs that hold the key material."),
  "scope":(0,"Every decrypt is logged (CloudTrail, Azure Monitor, Cloud Audit Logs), which is good evidence; for card numbers it remains disk/storage-level encryption under PCI DSS 3.5.1.2."),
  "query":(2,"The database still sees plaintext: indexes, sorts and search are unchanged."),
  "build":(1,"No application code, but every bucket, volume, database and backup copy must be created with the right key in infrastructure as code."),
  "run":(1,"The KMS is managed; the team owns key policies, grants, rotation settings and cross-region or cross-account copies of keys for restores."),
  "avail":(1,"Regional KMS calls happen at volume attach or data-key refresh, not per row; a disabled or deleted key makes the resource unreadable."),
  "erase":(0,"A key per tenant is possible only with a bucket, volume or database per tenant; no per-person erasure."),
  "validated":(2,"Cloud KMS HSM keys live in FIPS 140 Level 3 validated HSMs (AWS KMS HSMs hold FIPS 140-3 Level 3 certificates); US regions offer FIPS endpoints.")},
 [("AWS KMS concepts",AKEYS),("AWS KMS key rotation",AROT),("Google Cloud CMEK",GCMEK),("Azure data encryption models (customer-managed keys)",AZCMK)],
 "A policy-as-code test fails any storage or database resource not encrypted with a listed CMK; an alert fires on DisableKey, ScheduleKeyDeletion and key-policy changes; a quarterly restore test decrypts a backup in the recovery account or region.")

opt("envelope-field","Application-level envelope encryption of sensitive fields with a cloud KMS",
 "The application encrypts each sensitive field before it reaches the database with an AEAD data key wrapped by a cloud KMS key (AWS Encryption SDK or Database Encryption SDK, Google Tink with a KMS envelope AEAD, Azure Key Vault key wrap). Ciphertext is stored; plaintext exists only in application memory.",
 {"breach":(2,"SQL injection, leaked DB credentials, snapshots and DBAs see only ciphertext; decrypting requires the application's KMS permission as well."),
  "custody":(1,"The key-encryption key sits under your KMS key policy and can be disabled or rotated; the provider's HSMs hold its material."),
  "scope":(1,"Field-level encryption is a PCI DSS 3.5.1 method for card numbers and keeps health data unreadable in a breached database; systems still handling plaintext stay in scope."),
  "query":(-1,"Randomised AEAD ciphertext cannot be indexed, sorted or range-searched; exact match needs a keyed blind index (HMAC) or deterministic AEAD (Tink)."),
  "build":(-2,"Encrypt and decrypt calls at every read and write of the fields, data-key caching, ciphertext columns, key-version metadata and a migration of existing rows."),
  "run":(1,"Libraries plus a managed KMS; the team owns key policy, data-key cache limits and KMS request quotas."),
  "avail":(0,"Each new data key is a KMS call; caching data keys bounds latency and request quotas, but a KMS outage blocks uncached decrypts."),
  "erase":(2,"A data key per tenant or per person (wrapped by the KMS key) makes crypto-shredding one deletion of the wrapped key."),
  "validated":(1,"The KMS is validated, but the in-process cipher must also run in a validated module (e.g. AWS-LC FIPS or a FIPS build of BoringSSL) for a FIPS claim.")},
 [("AWS Encryption SDK",AESDK),("AWS Database Encryption SDK: searchable encryption",ADBESDK),("Google Tink",TINK),("OWASP Cryptographic Storage Cheat Sheet",OCS)],
 "A test writes a record and reads the raw row with the DB client: the sensitive columns must be ciphertext; a CI rule fails schema changes that add a sensitive column without the encryption annotation; KMS decrypt-error and throttling metrics are alerted on.")

opt("tokenization","Tokenize card numbers with a PCI DSS-validated service (hosted payment fields or a token vault)",
 "Card numbers never touch your servers or are replaced at the edge: hosted payment fields or an iframe from a PCI DSS Level 1 payment provider (Stripe, Adyen, Braintree) or a token-vault service return a token; you store only tokens, last four digits and the provider's card fingerprint.",
 {"breach":(2,"Your databases hold only tokens and truncated PANs; a full dump exposes no card number, because the vault that maps tokens to PANs is the provider's."),
  "custody":(-1,"The provider holds the card numbers and their keys; you control only API credentials for the tokens, and moving providers needs a PAN migration between PCI-compliant vaults."),
  "scope":(2,"Hosted fields or an iframe can reduce a merchant to SAQ A; systems holding only tokens can fall outside the cardholder data environment (PCI SSC Tokenization Guidelines)."),
  "query":(0,"Lookups work on the token or the provider's card fingerprint (duplicate detection); no search on the PAN itself is needed or possible."),
  "build":(1,"A client SDK and token-based API calls replace card-handling code; less code than encrypting and key-managing PANs yourself."),
  "run":(2,"The provider runs the vault, its HSMs and its PCI assessment; you run nothing for card keys."),
  "avail":(-1,"Every charge or detokenisation depends on the provider's API; card-on-file payments stop during its outage."),
  "erase":(1,"Deleting the token or customer object at the provider removes the card; no key of yours is involved."),
  "validated":(1,"The PAN keys leave your cryptographic boundary: the service provider keeps them in its own HSMs under its PCI DSS assessment, so your FIPS boundary shrinks to the token API client.")},
 [("PCI SSC Information Supplement: Tokenization Guidelines",PCITOK),("Stripe integration security guide",STRIPE),("PCI DSS v4.0.1 (document library)",PCIL)],
 "A scheduled PAN scanner (regular expression plus Luhn check) over databases, logs and object storage finds no full card numbers; the annual SAQ or ROC scope matches the architecture diagram; the payment page's script inventory (PCI DSS 6.4.3) is reviewed.")

opt("hyok-external","External key manager or HSM held by you (hold-your-own-key: AWS KMS XKS, Google Cloud EKM)",
 "Key material stays in a key manager or HSM you control outside the cloud provider; the cloud KMS reaches it through AWS KMS External Key Store (XKS) or Google Cloud External Key Manager (EKM). Storage CMKs and application envelope encryption of sensitive fields use these external keys, so you can cut off the provider's ability to decrypt.",
 {"breach":(2,"Sensitive fields are envelope-encrypted as in the application-level option, and storage is encrypted under external keys the provider cannot use once you revoke them."),
  "custody":(2,"Key material never enters the provider; every use is a request to your key manager, which you can log, deny or revoke (the sovereignty 'kill switch')."),
  "scope":(1,"Evidence covers both sides: cloud key-use logs and your key manager's own logs; field-level encryption serves PCI DSS 3.5.1 for card numbers."),
  "query":(-1,"Fields encrypted in the application lose indexing, sorting and range search; exact match needs a blind index or deterministic encryption."),
  "build":(-2,"Storage integration is configuration, but field encryption needs all the code of the envelope option (encrypt/decrypt call sites, ciphertext columns, row migration) plus stricter data-key caching because each external call is slow."),
  "run":(-1,"You run or buy a highly available external key manager plus the XKS proxy or EKM connection, its HSMs, backups and key ceremonies."),
  "avail":(-2,"AWS states that XKS keys can have poorer latency, durability and availability than standard KMS keys; an outage of your key manager makes dependent cloud resources unreadable."),
  "erase":(1,"Revoking an external key makes everything under it unreadable at once; per-tenant external keys are possible but each one is an operated key."),
  "validated":(1,"As strong as your external HSM's certificate: choose one with a current FIPS 140-3 validation.")},
 [("AWS KMS external key stores (XKS)",AXKS),("Google Cloud External Key Manager",GEKM),("Azure Key Vault Managed HSM",AZMHSM)],
 "A quarterly game-day revokes a test external key and confirms the dependent bucket and table become unreadable and alerts fire; key-manager latency (XKS requires responses within 250 ms) and error-rate SLOs are monitored; both key-use logs are reconciled monthly.")

opt("selfhosted-kms","Self-hosted key service: HashiCorp Vault or OpenBao transit",
 "You run a Vault or OpenBao cluster and the application calls its transit engine to encrypt, decrypt and rewrap sensitive fields (encryption as a service): keys never leave the cluster, are versioned and rotated there, and the cluster runs in your data centres or your own cloud accounts.",
 {"breach":(2,"The application stores only transit ciphertext; the database, its backups and its operators never see keys or plaintext."),
  "custody":(2,"Root, unseal and transit keys are yours end to end, in your cluster and optionally sealed by your own HSM; no provider service can decrypt."),
  "scope":(1,"Field-level encryption serves PCI DSS 3.5.1 for card numbers; the audit device logs every request, but the cluster itself becomes an in-scope system you must evidence (PCI DSS 3.6, 3.7)."),
  "query":(-1,"Transit ciphertext is randomised; convergent encryption gives deterministic ciphertext for exact match; no range or sort."),
  "build":(-1,"An HTTP call per encrypt or decrypt with batch endpoints and built-in key versioning and rewrap; less crypto code than an SDK, but still call sites and a migration."),
  "run":(-2,"An HA cluster (integrated Raft storage), unseal or auto-unseal, upgrades, backups, DR replication and audit-log shipping are the team's job."),
  "avail":(-2,"Every encrypt and decrypt of a field is a synchronous call to your cluster (transit keeps the keys, so nothing is cached in the application unless you use its datakey endpoint); a cluster outage or a sealed node stops reads and writes of protected fields."),
  "erase":(1,"A transit key per tenant is cheap and deletable (deletion_allowed), but per-person keys at large numbers need care with key counts."),
  "validated":(-1,"OpenBao and Vault Community Edition have no FIPS validation; only Vault Enterprise's 'FIPS 140-3 Inside' builds embed a validated module.")},
 [("Vault transit secrets engine",VT),("OpenBao transit secrets engine",OBT),("Vault Enterprise FIPS support",VFIPS)],
 "A test reads raw rows and sees only 'vault:v<N>:' ciphertext; alerts on seal status, leader changes and transit error rate; a quarterly DR restore of the cluster from snapshot decrypts a sample; key rotation and rewrap run on schedule and are logged.")

# ---------- nodes
nodes=[]
def note(text,src=None,ifc=None):
    e={"op":"note","text":text}
    if src: e["source"]=src
    if ifc: e["if_chosen"]=[P(x) for x in ifc]
    return e
def raise_(c,b): return {"op":"raise","criterion":C[c],"by":b}
def lower(c,b): return {"op":"lower","criterion":C[c],"by":b}
def set_(c,v): return {"op":"set","criterion":C[c],"weight":v}
def ro(o,r): return {"op":"rule_out","option":P(o),"reason":r}
FIELD=["envelope-field","hyok-external","selfhosted-kms"]
KMSO=["cloud-cmk","envelope-field","hyok-external"]
nodes.append({"id":"q-compliance","kind":"question","fact":"compliance","multi":True,"next":"q-hosting",
 "prompt":"Which regimes apply to the data this system stores?",
 "help":"Regimes set the floor for protection at rest: PCI DSS forbids relying on disk encryption alone for stored card numbers, HIPAA and GDPR reward encryption with breach-notification relief only when the keys stay uncompromised, and FedRAMP demands validated modules.",
 "answers":[
  {"label":"PCI DSS: payment card data is stored, processed or transmitted","consequence":"Compliance scope and unreadability after a database compromise weigh more; PCI DSS key-management notes apply.",
   "effects":[raise_("scope",3),raise_("breach",2),
    note("PCI DSS v4.0.1 Req 3.5.1: stored PAN must be unreadable by one-way hashes keyed over the whole PAN (3.5.1.1), truncation, index tokens, or strong cryptography with key management. Req 3.5.1.2 (mandatory since 31 March 2025): disk- or partition-level encryption counts only on removable media; on server disks and cloud block storage it must be combined with another 3.5.1 method. Req 3.3.1: never store sensitive authentication data (CVV2, full track, PIN block) after authorisation, encrypted or not.",PCIL),
    note("PCI DSS v4.0.1 Req 3.6: protect keys that protect PAN (3.6.1: fewest custodians, key-encrypting keys at least as strong as the data keys they protect and stored apart from them, keys in the fewest places). Req 3.7: documented key lifecycle (3.7.1 generation, 3.7.2 distribution, 3.7.3 storage, 3.7.4 cryptoperiod changes, 3.7.5 retirement, 3.7.6 split knowledge and dual control for manual clear-text key operations, 3.7.7 no unauthorised substitution, 3.7.8 custodians acknowledge their duties). A cloud KMS or HSM covers most of 3.6 and 3.7 as a service; record which controls are inherited from its attestation.",PCIL),
    note("Never write a PAN into logs: log the token, the last four digits or a keyed hash (HMAC with a KMS-held key, PCI DSS 3.5.1.1); an unkeyed hash of a 16-digit PAN is brute-forceable. Keep key-use and access logs 12 months, three immediately available (PCI DSS 10.5.1).",OLOG)]},
  {"label":"HIPAA: protected health information of US patients","consequence":"Unreadability after a database compromise weighs much more and key custody a little more; HIPAA encryption and breach safe-harbour notes apply.",
   "effects":[raise_("breach",3),raise_("custody",1),
    note("HIPAA 45 CFR 164.312(a)(2)(iv) encryption and decryption of ePHI is addressable: implement it or document why an equivalent measure is reasonable; 164.312(b) requires audit controls, so keep key-use logs with the access logs. The January 2025 Security Rule NPRM would make encryption at rest required; check whether it has been finalised before relying on 'addressable'.",HIPAA),
    note("HHS breach safe harbour: ePHI encrypted consistently with NIST SP 800-111 is not 'unsecured' PHI, so a loss needs no breach notification, but only if the key or decryption process was not also compromised; keep keys on a separate system from the data (a KMS, not a config file next to the database). Storage-level encryption does not help when the attacker reads through the database (SQL injection, stolen application or database credentials), because the data is decrypted for every query.",HHSB)]},
  {"label":"GDPR or similar personal-data law","consequence":"Crypto-erasure weighs more; GDPR encryption notes apply.",
   "effects":[raise_("erase",2),
    note("GDPR Art. 32(1)(a) names encryption as an appropriate measure for personal data; Art. 34(3)(a): no communication to data subjects after a breach when the data was unintelligible to the attacker, e.g. encrypted, and the key was not exposed. Art. 17 erasure reaches backups too: per-person data keys deleted on erasure (crypto-shredding) avoid rewriting backups.",GDPR)]},
  {"label":"SOC 2 or ISO/IEC 27001 audit","consequence":"Compliance evidence weighs more.",
   "effects":[raise_("scope",2),
    note("Auditors ask for a cryptography and key-management policy (ISO/IEC 27001:2022 Annex A 8.24 'Use of cryptography'): which data is encrypted where, key owners, rotation periods and the key-use logs that show it; a cryptoperiod per key type following NIST SP 800-57 Part 1 Rev. 5 is a defensible basis.",N57)]},
  {"label":"FedRAMP or other government authorisation","consequence":"Validated cryptographic modules weigh much more.",
   "effects":[raise_("validated",4),
    note("FedRAMP (NIST SP 800-53 SC-13, SC-28) requires FIPS-validated cryptography for data at rest. FIPS 140-2 certificates moved to the CMVP historical list on 21 September 2026: cite FIPS 140-3 certificates for every module in the boundary (KMS/HSM and the in-application library).",CMVP)]},
  {"label":"None of these","exclusive":True,"consequence":"No regulatory floor: compliance scope and evidence weigh less; the data classes decide.","effects":[lower("scope",2)]}]})

nodes.append({"id":"q-hosting","kind":"question","fact":"hosting",
 "prompt":"Where does the system run?",
 "help":"A cloud KMS and its customer-managed, external and HSM-backed keys exist only in a public cloud; on-premises the team supplies the key service itself, and restricted partitions do not offer every key feature of the commercial regions.",
 "answers":[
  {"label":"One public cloud (AWS, Azure or Google Cloud)","next":"q-custody","consequence":"Every option is available."},
  {"label":"Several public clouds","next":"q-custody","consequence":"Each cloud's KMS is separate; notes on cross-cloud keys apply.",
   "effects":[note("Each cloud's KMS keys stay in that cloud: data encrypted under an AWS KMS key cannot be decrypted from Google Cloud without calling AWS. Keep each data set's keys in the cloud where it is stored, or use a key service reachable from all clouds (Vault/OpenBao, or an external key manager behind XKS and EKM). Tink's KMS envelope AEAD works with AWS KMS and Google Cloud KMS keys alike.",TINK,["envelope-field","cloud-cmk","hyok-external","selfhosted-kms"])]},
  {"label":"Our own data centres (on-premises)","next":"q-pan","consequence":"Cloud KMS options are ruled out; you already hold every key.",
   "effects":[ro("cloud-cmk","No cloud KMS exists on-premises: customer-managed keys in AWS KMS, Azure Key Vault or Google Cloud KMS protect only that cloud's storage."),
    ro("envelope-field","This option wraps data keys with a cloud KMS key, which does not exist on-premises; the same pattern on-premises is the self-hosted Vault/OpenBao transit option."),
    ro("hyok-external","XKS and EKM connect a cloud KMS to your key manager; with no cloud there is nothing to connect, and your own key service is the self-hosted option."),
    note("On-premises, keys that protect storage (self-encrypting drives, LUKS, database TDE) must not sit on the same host or array as the data; keep them in a KMIP key manager or HSM and log who retrieves them (NIST SP 800-57 Part 1 Rev. 5 key separation).",N57,["storage-default"])]},
  {"label":"A restricted cloud partition (sovereign or government region)","next":"q-custody","consequence":"Validated modules weigh much more; check key features in the partition.",
   "effects":[raise_("validated",3),
    note("Restricted partitions (AWS GovCloud, Azure Government, Google Cloud Assured Workloads, sovereign clouds) run their own KMS endpoints; confirm that the key features this option needs (customer-managed keys per service, external key stores, managed HSM) are offered in that partition before designing around them.",None,["cloud-cmk","envelope-field","hyok-external"])]}]})

nodes.append({"id":"q-custody","kind":"question",
 "prompt":"Who may hold the keys that protect the sensitive data?",
 "help":"Custody decides whether the provider could decrypt your data, and whether you can revoke, rotate and audit its use: provider-owned keys are fine for ordinary data, sovereignty demands keys the provider never holds.",
 "answers":[
  {"label":"The cloud provider may hold and manage the keys","next":"q-pan","consequence":"Key custody weighs less.","effects":[lower("custody",1)]},
  {"label":"We must control the keys (policy, rotation, disabling, audit)","next":"q-pan","consequence":"Key custody weighs more; provider-owned keys are ruled out.",
   "effects":[raise_("custody",2),ro("storage-default","Provider- or platform-owned keys cannot be restricted by your key policy, disabled, rotated on demand or audited per use, which is what you said you need."),
    note("Control through key policy, grants, rotation, disabling and key-use logs is met by customer-managed keys in the standard KMS key store. If you must also prove control of the key material itself, import your own key material (AWS KMS imported keys, Azure Key Vault BYOK, Cloud KMS key import): you keep the original, can delete the provider's copy, and keep the standard service's availability. AWS advises a custom or external key store only when a requirement outweighs its extra cost, operating effort and lower performance.",AKSO,["cloud-cmk","envelope-field"])]},
  {"label":"Keys must stay outside the cloud provider (hold your own key)","next":"q-pan","consequence":"Key custody decides; every option whose key material lives in the provider's KMS is ruled out.",
   "effects":[set_("custody",5),
    ro("storage-default","Provider-owned keys are, by definition, held by the provider."),
    ro("cloud-cmk","Customer-managed keys are still generated and held in the provider's KMS HSMs; the provider operates the material you want outside it."),
    ro("envelope-field","The key-encryption key of this option lives in the provider's KMS; with keys outside the provider, use the same envelope pattern under an XKS/EKM key (hold-your-own-key option) or your own key service."),
    note("Keys outside the provider means the key service runs outside it too: a Vault or OpenBao cluster on the same provider's virtual machines, or one auto-unsealed by that provider's KMS, keeps its keys inside the provider. Run it on-premises or with another operator and seal it with your own HSM.",VT,["selfhosted-kms"]),
    note("XKS (AWS) and Cloud EKM (Google Cloud) are the provider interfaces for external keys. Azure has no equivalent for its storage and database services: customer-managed keys there live in Key Vault or Managed HSM (single-tenant HSMs inside Azure whose security domain you hold); confirm with Microsoft whether that satisfies your requirement, or encrypt in the application with a key service outside Azure.",AZCMK,["hyok-external"]),
    note("With hold-your-own-key the provider's managed services (search, analytics, AI) can still read data once decrypted for them; list which services must see plaintext, and remember that card numbers tokenised by a payment provider are held by that provider, not by you.",None,["hyok-external","selfhosted-kms","tokenization"])]}]})

nodes.append({"id":"q-pan","kind":"question",
 "prompt":"Do card numbers (PAN) reach your systems?",
 "help":"Card numbers are the one data class where a standard names the acceptable protections at rest: storing PAN rules out storage-level encryption alone (PCI DSS 3.5.1.2), and keeping PAN out of your systems with hosted fields removes most of the PCI scope.",
 "answers":[
  {"label":"Yes: we store card numbers (card on file, recurring billing)","next":"q-data","consequence":"Storage-level-only options are ruled out for PAN; unreadability after a database compromise and compliance scope weigh more.",
   "effects":[raise_("breach",2),raise_("scope",2),
    ro("storage-default","PCI DSS v4.0.1 Req 3.5.1.2: since 31 March 2025 disk- or partition-level encryption alone does not render stored PAN unreadable on non-removable media; another 3.5.1 method (tokens, truncation, keyed hash, field-level encryption) is required."),
    ro("cloud-cmk","Customer-managed keys on volumes, buckets and managed databases (including TDE) decrypt transparently for every query; PCI DSS v4.0.1 3.5.1.2 applies to 'any encryption method that provides clear-text PAN automatically when a system runs', so they cannot be the only protection of stored PAN."),
    note("Keep storage-level CMK encryption underneath as defence in depth, but the PAN column itself must be encrypted in the application (or replaced by a token) under keys managed per PCI DSS 3.6 and 3.7.",PCIL,FIELD),
    note("Store only the token, the last four digits and the provider's card fingerprint; if any system must still hold full PANs (e.g. a migration), it stays in the cardholder data environment.",PCITOK,["tokenization"])]},
  {"label":"Yes: we must hold card numbers ourselves (we are the processor, issuer or card vault)","next":"q-data","consequence":"Tokenization by a third party and storage-level-only options are ruled out; unreadability after a database compromise and compliance scope weigh more.",
   "effects":[raise_("breach",2),raise_("scope",2),
    ro("tokenization","Your organisation is the party that must hold the card numbers (processor, issuer or card vault); handing them to another provider's vault is not available, so you protect PAN yourself."),
    ro("storage-default","PCI DSS v4.0.1 Req 3.5.1.2: since 31 March 2025 disk- or partition-level encryption alone does not render stored PAN unreadable on non-removable media; another 3.5.1 method (truncation, keyed hash, index tokens, field-level encryption) is required."),
    ro("cloud-cmk","Customer-managed keys on volumes, buckets and managed databases (including TDE) decrypt transparently for every query; PCI DSS v4.0.1 3.5.1.2 applies to 'any encryption method that provides clear-text PAN automatically when a system runs', so they cannot be the only protection of stored PAN."),
    note("As the PAN holder you run the card vault: encrypt PAN at field level under a key-encrypting key in an HSM-backed key service (PCI DSS 3.6.1: KEKs at least as strong as DEKs and stored apart from them), give other internal systems index tokens instead of PAN, and keep the vault in its own segmented cardholder data environment. Keys for PIN, CVV or card-issuing operations belong in payment HSMs (PCI PTS HSM), which this ranking does not cover.",PCIL,FIELD)]},
  {"label":"They pass through our servers but are never stored","next":"q-data","consequence":"Compliance scope weighs much more; hosted fields could take PAN off your servers entirely.",
   "effects":[raise_("scope",3),
    note("Even unstored, PAN in transit through your servers keeps them in the cardholder data environment; check that no log, queue, crash dump or APM trace captures request bodies with PAN. Hosted payment fields remove that exposure.",PCIL)]},
  {"label":"No card numbers reach our systems","next":"q-data","consequence":"Card tokenization is ruled out: there is nothing to tokenize.",
   "effects":[ro("tokenization","There are no card numbers to replace with tokens; this option protects PAN only.")]}]})

nodes.append({"id":"q-data","kind":"question","multi":True,"next":"q-search",
 "prompt":"Which other sensitive data classes does the system store?",
 "help":"The data class decides how much a database-level breach would cost and which protections a regulator expects: health records and third-party secrets justify field-level encryption, ordinary personal data usually does not, and passwords are never encrypted at all.",
 "answers":[
  {"label":"Health records","consequence":"Unreadability after a database compromise and compliance evidence weigh more, key custody a little more (decrypts must be auditable).",
   "effects":[raise_("breach",2),raise_("custody",1),raise_("scope",2),
    note("Encrypt the clinical fields and identifiers (diagnoses, notes, record numbers) at field level; keep only what the application must query in clear under storage CMK encryption, and log every decrypt with user and patient ID for the access review.",OCS,FIELD),
    note("Tokenization covers card numbers only: the health records still need their own protection at rest. Encrypt them at field level under a KMS key you control (the envelope option in this ranking), or at least under customer-managed storage keys with key-use logging; record that second decision in this ADR.",HHSB,["tokenization"]),
    note("Storage-level encryption leaves health records readable to anyone who can query the database; keep its keys in a key manager apart from the data (HHS safe harbour), log key retrieval, and encrypt the clinical fields in the application as soon as a key service is available.",HHSB,["storage-default"])]},
  {"label":"Credentials and secrets (user passwords, third-party API keys or tokens)","consequence":"Unreadability after a database compromise weighs more; password and secrets notes apply.",
   "effects":[raise_("breach",2),
    note("User passwords are hashed, never encrypted: Argon2id with at least 19 MiB memory, 2 iterations, 1 degree of parallelism (or scrypt; PBKDF2-HMAC-SHA256 with 600,000 iterations where FIPS is required), per OWASP Password Storage Cheat Sheet.",OPW),
    note("Application secrets (database passwords, API keys of other services) belong in a secrets manager (AWS Secrets Manager, Azure Key Vault secrets, Google Secret Manager, Vault KV), fetched at runtime with the workload identity, rotated, never in code, images or environment files committed to git (OWASP Secrets Management Cheat Sheet). Third-party tokens stored per customer (OAuth refresh tokens) are data: encrypt them at field level.",OSM),
    note("Tokenization covers card numbers only: stored third-party tokens and API keys still need field-level encryption under a KMS key (or a secrets manager), recorded as a second decision in this ADR.",OSM,["tokenization"])]},
  {"label":"Ordinary personal data (names, emails, addresses)","consequence":"Crypto-erasure weighs more.",
   "effects":[raise_("erase",2),
    note("For ordinary personal data, storage encryption plus access control, least privilege and logging is the usual Art. 32 baseline; field-level encryption of every personal field costs search and joins for little extra protection.",GDPR,["storage-default","cloud-cmk"])]},
  {"label":"None of these","exclusive":True,"consequence":"Unreadability after a database compromise weighs a little less; only the card-number answer and the regimes raise the stakes.","effects":[lower("breach",1)]}]})

nodes.append({"id":"q-search","kind":"question",
 "prompt":"Must the application search, sort or filter on the protected fields?",
 "help":"Field-level encryption hides values from the database, so the database can no longer index, sort or range-scan them; exact-match lookups survive with a keyed blind index or deterministic encryption, range and full-text search do not.",
 "answers":[
  {"label":"No: protected fields are read by record ID only","next":"q-erasure","consequence":"Query capability no longer counts.","effects":[lower("query",4)]},
  {"label":"Exact-match lookups only (find by email, national ID or card fingerprint)","next":"q-erasure","consequence":"Query capability weighs much more; blind-index notes apply.",
   "effects":[raise_("query",3),
    note("For exact match, store a keyed blind index (HMAC-SHA256 with a separate KMS-held key, truncated to limit correlation) next to the ciphertext, or use deterministic AEAD (Tink AES-SIV) or Vault convergent encryption; both reveal which rows share a value, so never use them on low-cardinality fields (gender, country). The AWS Database Encryption SDK builds such truncated-HMAC indexes as 'beacons'.",BEACON,FIELD)]},
  {"label":"Range queries, sorting or full-text search on them","next":"q-erasure","consequence":"Query capability weighs most.",
   "effects":[raise_("query",4),
    note("Range, sort and full-text search do not work on field-level ciphertext; do not use order-preserving encryption (it leaks order and approximate values). Encrypt the fields nobody searches and keep the searched ones under storage CMK encryption with tight access control, or build a separate search index of non-sensitive derivatives.",OCS,FIELD)]}]})

nodes.append({"id":"q-erasure","kind":"question","multi":True,"next":"q-fips",
 "prompt":"Which key-lifecycle duties beyond scheduled rotation apply?",
 "help":"Per-tenant keys and per-person crypto-shredding need keys at the granularity of a tenant or a person, which only application-level keys (or a key service with many keys) provide; storage keys exist per volume or database.",
 "answers":[
  {"label":"Per-tenant keys (a tenant can revoke access or bring its own key)","consequence":"Crypto-erasure and custody weigh more; platform-owned keys are ruled out.",
   "effects":[raise_("erase",2),raise_("custody",1),
    ro("storage-default","Platform-owned keys are one per volume or service and cannot be assigned to, or revoked by, a tenant."),
    note("Per-tenant keys: one KMS key per tenant that brings its own key, otherwise one data key per tenant wrapped by a shared KMS key (KMS key quotas and the monthly cost per key rule out one KMS key per small tenant); pass the tenant ID as encryption context so a ciphertext cannot be decrypted under another tenant.",AESDK,["envelope-field","hyok-external"]),
    note("With storage-level CMKs a tenant key means a bucket, volume or database per tenant; decide this together with the tenancy model.",GCMEK,["cloud-cmk"])]},
  {"label":"Erase one person's data by deleting their key (crypto-shredding)","consequence":"Crypto-erasure weighs much more; storage-level options are ruled out.",
   "effects":[raise_("erase",4),
    ro("storage-default","Storage-level keys encrypt whole volumes or databases; there is no key per person to delete."),
    ro("cloud-cmk","A customer-managed key protects a whole volume, bucket or database; deleting it would erase everyone, so per-person crypto-shredding needs application-level data keys."),
    note("Crypto-shredding: one data key per person, wrapped by the KMS or key-service key and stored outside the backups; erasure deletes the wrapped key and is logged. Backups keep ciphertext nobody can read. Test that a restored backup cannot decrypt an erased person's fields.",N57,FIELD)]},
  {"label":"Scheduled rotation is enough","exclusive":True,"consequence":"Crypto-erasure weighs much less: no per-tenant or per-person keys are needed.",
   "effects":[lower("erase",2),note("Set a cryptoperiod per key following NIST SP 800-57 Part 1 Rev. 5 and turn on automatic rotation (AWS KMS: every 90 to 2,560 days; Google Cloud KMS and Azure Key Vault rotation policies); rotation of a KMS key keeps old versions for decryption, so re-encrypting data is needed only after a compromise.",AROT,["cloud-cmk","envelope-field","hyok-external"])]}]})

nodes.append({"id":"q-fips","kind":"question",
 "prompt":"Must the encryption run in FIPS 140-3 validated modules?",
 "help":"A contractual FIPS requirement decides between key services with current CMVP certificates and open-source builds without them, and it reaches the in-application library, not only the KMS.",
 "answers":[
  {"label":"Yes: FIPS 140-3 validated modules are contractually required","next":"q-ops","consequence":"Validated modules weigh much more.",
   "effects":[set_("validated",5),
    note("Name the CMVP certificate of every module in the path: the KMS or HSM and the library that performs field encryption in the application (for example AWS-LC FIPS or a FIPS build of BoringSSL/OpenSSL 3 provider); FIPS 140-2 certificates are historical since 21 September 2026.",CMVP,FIELD),
    note("Use HSM-protected keys for a FIPS Level 3 claim: Azure Key Vault Premium HSM keys or Managed HSM, Cloud KMS protection level HSM; software-protected keys (Azure Key Vault Standard, Cloud KMS SOFTWARE) run in Level 1 software modules. Call the provider's FIPS endpoints where the service offers them (for example kms-fips.<region>.amazonaws.com).",AZMHSM,["cloud-cmk","envelope-field"]),
    note("OpenBao and Vault Community Edition have no FIPS validation: only Vault Enterprise's 'FIPS 140-3 Inside' builds qualify, and some Enterprise features (e.g. entropy augmentation) are unavailable in them.",VFIPS,["selfhosted-kms"])]},
  {"label":"No validated-module requirement","next":"q-ops","consequence":"Validation is not weighed."}]})

nodes.append({"id":"q-ops","kind":"question","fact":"ops-capacity",
 "prompt":"Who runs the infrastructure for this system?",
 "help":"A self-hosted key service or an external key manager is critical infrastructure: if it is down or sealed, protected data is unreadable, so the team that would be paged for it decides how much key infrastructure is reasonable.",
 "answers":[
  {"label":"A platform or SRE team runs infrastructure for us","next":"o-protect","consequence":"Operating effort weighs a little less.","effects":[lower("run",1)]},
  {"label":"The product team runs its own infrastructure","next":"o-protect","consequence":"Operating effort weighs more.","effects":[raise_("run",2)]},
  {"label":"Little operations capacity: we buy managed services","next":"o-protect","consequence":"Operating effort weighs much more.","effects":[raise_("run",3)]}]})

nodes.append({"id":"o-protect","kind":"outcome","options":[o["id"] for o in opts],
 "title":"Protect sensitive data at rest and decide who holds the keys",
 "context":"The protection at rest for the stored data classes and the custody of its keys, chosen against a database-level breach, the applicable regimes, query needs and the key infrastructure the team can operate."})
A_PAN="Yes: we store card numbers (card on file, recurring billing)"
A_HOLD="Yes: we must hold card numbers ourselves (we are the processor, issuer or card vault)"
A_PASS="They pass through our servers but are never stored"
A_NOPAN="No card numbers reach our systems"
A_ONE="One public cloud (AWS, Azure or Google Cloud)"
A_ONPREM="Our own data centres (on-premises)"
A_PROV="The cloud provider may hold and manage the keys"
A_CTRL="We must control the keys (policy, rotation, disabling, audit)"
A_OUT="Keys must stay outside the cloud provider (hold your own key)"
A_LITTLE="Little operations capacity: we buy managed services"
A_SRE="A platform or SRE team runs infrastructure for us"
A_HEALTH="Health records"; A_NONE="None of these"; A_PD="Ordinary personal data (names, emails, addresses)"
A_RANGE="Range queries, sorting or full-text search on them"; A_ID="No: protected fields are read by record ID only"
A_TEN="Per-tenant keys (a tenant can revoke access or bring its own key)"
A_SHRED="Erase one person's data by deleting their key (crypto-shredding)"
A_ROT="Scheduled rotation is enough"
A_FIPS="Yes: FIPS 140-3 validated modules are contractually required"
HIP="HIPAA: protected health information of US patients"
def ck(name,when,kind,opts_,why,src):
    return {"name":name,"when":when,"expect":{kind:[P(o) for o in opts_]},"why":why,"source":src}
checks=[
 ck("pan-stored-not-storage-only",{"q-pan":[A_PAN,A_HOLD]},"never",["storage-default","cloud-cmk"],"Review H2: disk/volume encryption alone is not enough for stored PAN since 31 March 2025 (PCI DSS v4.0.1 3.5.1.2).",PCIL),
 ck("pan-stored-field-or-token",{"q-pan":[A_PAN]},"winner_in",["tokenization","envelope-field","hyok-external","selfhosted-kms"],"Stored PAN needs a 3.5.1 method beyond storage encryption: tokens or field-level encryption (review H2 surprising path).",PCIL),
 ck("pan-stored-little-ops-tokenize",{"q-pan":[A_PAN],"q-ops":[A_LITTLE],"q-custody":[A_PROV]},"winner_in",["tokenization"],"A team without operations capacity should not run card-key management (PCI DSS 3.6/3.7) when a PCI-validated provider can hold PAN.",PCITOK),
 ck("pan-passthrough-tokenize",{"q-pan":[A_PASS],"q-ops":[A_LITTLE]},"winner_in",["tokenization","cloud-cmk","envelope-field"],"Unstored PAN in transit is best removed with hosted fields; no self-run key infrastructure for a team without ops capacity.",PCITOK),
 ck("onprem-no-cloud-kms",{"q-hosting":[A_ONPREM]},"never",["cloud-cmk","envelope-field","hyok-external"],"A cloud KMS does not exist on-premises.",AKMS),
 ck("hyok-excludes-provider-keys",{"q-custody":[A_OUT]},"never",["storage-default","cloud-cmk","envelope-field"],"Keys held in the provider's KMS are not outside the provider; XKS/EKM exist for this requirement.",AXKS),
 ck("control-excludes-provider-owned",{"q-custody":[A_CTRL]},"never",["storage-default"],"Provider-owned keys cannot be governed by a customer key policy.",AKEYS),
 ck("health-not-provider-default",{"q-data":[A_HEALTH],"q-hosting":[A_ONE,"Several public clouds","A restricted cloud partition (sovereign or government region)"]},"never",["storage-default"],"Health records need at least keys the organisation controls and logs; HHS safe harbour depends on key separation and integrity.",HHSB),
 ck("hipaa-not-provider-default",{"q-compliance":[HIP],"q-hosting":[A_ONE,"Several public clouds","A restricted cloud partition (sovereign or government region)"]},"never",["storage-default"],"HIPAA audit controls (164.312(b)) need key-use evidence that provider-owned keys do not give.",HIPAA),
 ck("ordinary-data-simple",{"q-compliance":["None of these"],"q-pan":[A_NOPAN],"q-data":[A_NONE],"q-custody":[A_PROV],"q-erasure":[A_ROT]},"winner_in",["storage-default","cloud-cmk"],"Ordinary data with no custody or erasure duty needs no application crypto (OWASP Cryptographic Storage: encrypt what the threat model requires).",OCS),
 ck("ordinary-data-little-ops-default",{"q-compliance":["None of these"],"q-pan":[A_NOPAN],"q-data":[A_NONE],"q-custody":[A_PROV],"q-erasure":[A_ROT],"q-ops":[A_LITTLE],"q-fips":["No validated-module requirement"],"q-hosting":[A_ONE,"Several public clouds"]},"winner_in",["storage-default"],"Provider-managed encryption at rest is acceptable for ordinary data; anything more is cost without a threat it answers.",GDEF),
 ck("shredding-needs-app-keys",{"q-erasure":[A_SHRED]},"never",["storage-default","cloud-cmk"],"Per-person crypto-shredding needs a key per person, which only application-level data keys give.",N57),
 ck("tenant-keys-not-platform",{"q-erasure":[A_TEN]},"never",["storage-default"],"Platform-owned keys cannot be per tenant.",AZCMK),
 ck("little-ops-no-selfhosted-in-cloud",{"q-hosting":[A_ONE],"q-ops":[A_LITTLE]},"never",["selfhosted-kms"],"A team that buys managed services should not run an HA Vault/OpenBao cluster in a cloud that sells a KMS.",VT),
 ck("little-ops-no-hyok-unless-required",{"q-ops":[A_LITTLE],"q-custody":[A_PROV,A_CTRL]},"never",["hyok-external"],"AWS: most customers do not need an external key store; without a sovereignty requirement its availability cost buys nothing.",AXKS),
 ck("no-pan-no-tokenization",{"q-pan":[A_NOPAN]},"never",["tokenization"],"Tokenization here protects card numbers only.",PCITOK),
 ck("range-search-ordinary-no-field-crypto",{"q-search":[A_RANGE],"q-data":[A_NONE],"q-pan":[A_NOPAN],"q-custody":[A_PROV,A_CTRL],"q-erasure":[A_ROT]},"winner_in",["storage-default","cloud-cmk"],"Field-level encryption breaks range and sort; for ordinary data storage CMK encryption is the senior choice.",OCS),
 ck("outside-provider-cloud-hyok-or-own",{"q-custody":[A_OUT],"q-pan":[A_NOPAN]},"winner_in",["hyok-external","selfhosted-kms"],"Hold-your-own-key leaves an external key manager or your own key service.",GEKM),
 ck("fips-cloud-no-openbao",{"q-fips":[A_FIPS],"q-hosting":[A_ONE],"q-custody":[A_PROV,A_CTRL]},"never",["selfhosted-kms"],"OpenBao/Vault CE have no FIPS validation while the cloud KMS HSMs do.",FIPS),
 ck("health-one-cloud-field-level",{"q-data":[A_HEALTH],"q-hosting":[A_ONE],"q-search":[A_ID],"q-custody":[A_PROV,A_CTRL]},"winner_in",["envelope-field","tokenization","selfhosted-kms","hyok-external"],"Health records read by ID only lose nothing to field-level encryption and stay unreadable in a database breach.",HHSB),
 ck("pan-holder-no-third-party-vault",{"q-pan":[A_HOLD]},"never",["tokenization","storage-default","cloud-cmk"],"A processor, issuer or card vault cannot hand PAN to another provider's vault, and 3.5.1.2 still forbids storage-level encryption alone.",PCIL),
 ck("pan-holder-field-level",{"q-pan":[A_HOLD],"q-hosting":[A_ONE]},"winner_in",["envelope-field","hyok-external","selfhosted-kms"],"The PAN holder must render PAN unreadable with field-level encryption under managed keys (PCI DSS 3.5.1, 3.6, 3.7).",PCIL),
 ck("control-is-not-hyok",{"q-custody":[A_CTRL]},"never",["hyok-external"],"Controlling key policy, rotation, disabling and audit is met by customer-managed keys in the cloud KMS; AWS advises most customers do not need an external key store, which adds latency and availability risk.",AXKS),
 ck("no-regime-ordinary-data-no-field-crypto",{"q-compliance":["None of these"],"q-pan":[A_NOPAN],"q-data":[A_NONE],"q-custody":[A_PROV,A_CTRL],"q-erasure":[A_ROT]},"winner_in",["storage-default","cloud-cmk"],"Without a regime, sensitive data class or erasure duty, field-level encryption costs queries and code for no threat the team named (OWASP Cryptographic Storage: decide what to encrypt from the threat model).",OCS),
 ck("sovereign-little-ops-no-selfhosted",{"q-custody":[A_OUT],"q-ops":[A_LITTLE],"q-hosting":[A_ONE]},"never",["selfhosted-kms"],"Without operations capacity, an external key manager bought as a service beats running Vault.",AXKS),
]
tree={"$schema":"./schema.json","format":2,"id":"security-data","namespace":NS,
 "title":"Data protection at rest and key management",
 "description":"How sensitive data is protected at rest (storage encryption, field-level encryption, tokenization) and who controls the keys (provider, cloud KMS, external key manager, own key service).",
 "source":"Decision-Making Approaches › Security Implementation",
 "references":[{"title":"OWASP Cryptographic Storage Cheat Sheet","url":OCS},{"title":"NIST SP 800-57 Part 1 Rev. 5","url":N57},{"title":"PCI DSS v4.0.1 document library","url":PCIL},{"title":"FIPS 140-3","url":FIPS}],
 "area":{"id":"security","title":"Security Implementation","position":4},
 "tie_break":{"order":[P(x) for x in ["tokenization","cloud-cmk","envelope-field","storage-default","selfhosted-kms","hyok-external"]],"why":"Prefer the option that leaves the least key material in the team's hands: a provider-held vault, then a managed KMS, then self-run key infrastructure."},
 "criteria":[{"id":C[k],"name":n,"description":d,"default_weight":w} for k,n,d,w in crit],
 "options":opts,"root":"q-compliance","nodes":nodes,"checks":checks}
json.dump(tree,open("/work/wt/security-data/decision-trees/security-data.json","w"),indent=2,ensure_ascii=False)
print("written")
