#!/usr/bin/env python3
"""Generates decision-trees/compute-platform.json (tradeoffs tree format 2)."""
import json, sys

NS = "compute"
def c(x): return f"{NS}.{x}"

# ---------------------------------------------------------------- references
R = {
 "az-tree": ("Azure Architecture Center: Choose an Azure compute service", "https://learn.microsoft.com/en-us/azure/architecture/guide/technology-choices/compute-decision-tree"),
 "aws-containers": ("AWS decision guide: Choosing an AWS container service", "https://docs.aws.amazon.com/decision-guides/latest/containers-on-aws-how-to-choose/choosing-aws-container-service.html"),
 "aws-modern": ("AWS decision guide: Choosing a modern application strategy", "https://docs.aws.amazon.com/decision-guides/latest/modern-apps-strategy-on-aws-how-to-choose/modern-apps-strategy-on-aws-how-to-choose.html"),
 "gcp-where": ("Google Cloud blog: Where should I run my stuff? Choosing a Google Cloud compute option", "https://cloud.google.com/blog/topics/developers-practitioners/where-should-i-run-my-stuff-choosing-google-cloud-compute-option"),
 "lambda-limits": ("AWS Lambda quotas (900-second timeout, 10,240 MB memory)", "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"),
 "lambda-timeout": ("AWS Lambda: Configure function timeout (900 s; 5,400 s for asynchronous and event-source invocations on Lambda Managed Instances)", "https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html"),
 "lambda-pc": ("AWS Lambda: Configuring provisioned concurrency", "https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html"),
 "lmi": ("AWS Lambda Managed Instances: core concepts (EC2-backed, asynchronous CPU-based scaling)", "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-core-concepts.html"),
 "azfn-scale": ("Azure Functions hosting options (timeouts per plan, scale to zero)", "https://learn.microsoft.com/en-us/azure/azure-functions/functions-scale"),
 "gcf-timeout": ("Cloud Run functions: Function timeout (60 min HTTP, 9 min event-driven)", "https://cloud.google.com/functions/docs/configuring/timeout"),
 "run-task-timeout": ("Cloud Run jobs: Set task timeout (up to 168 hours)", "https://cloud.google.com/run/docs/configuring/task-timeout"),
 "run-gpu": ("Cloud Run: GPU support for services", "https://cloud.google.com/run/docs/configuring/services/gpu"),
 "run-min": ("Cloud Run: Minimum instances", "https://cloud.google.com/run/docs/configuring/min-instances"),
 "run-overview": ("What is Cloud Run", "https://cloud.google.com/run/docs/overview/what-is-cloud-run"),
 "aca-overview": ("Azure Container Apps overview", "https://learn.microsoft.com/en-us/azure/container-apps/overview"),
 "aca-gpu": ("Azure Container Apps: serverless GPUs", "https://learn.microsoft.com/en-us/azure/container-apps/gpu-serverless-overview"),
 "fargate": ("Amazon ECS: AWS Fargate for Amazon ECS", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html"),
 "ecs-gpu": ("Amazon ECS task definition differences for Fargate (the gpu parameter is not valid on Fargate)", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html"),
 "eks-auto": ("Amazon EKS Auto Mode", "https://docs.aws.amazon.com/eks/latest/userguide/automode.html"),
 "eks-auto-bp": ("Amazon EKS best practices: EKS Auto Mode (management fee, customer owns version upgrades)", "https://docs.aws.amazon.com/eks/latest/best-practices/automode.html"),
 "gke-autopilot": ("GKE Autopilot overview", "https://cloud.google.com/kubernetes-engine/docs/concepts/autopilot-overview"),
 "gke-autopilot-priv": ("GKE: About privileged workload admission in Autopilot mode (allowlists)", "https://cloud.google.com/kubernetes-engine/docs/concepts/about-autopilot-privileged-workloads"),
 "aks-automatic": ("What is Azure Kubernetes Service (AKS) Automatic?", "https://learn.microsoft.com/en-us/azure/aks/intro-aks-automatic"),
 "eks-auto-instances": ("Amazon EKS: Learn about EKS Auto Mode managed instances (AWS selects and patches the AMI; restricted access)", "https://docs.aws.amazon.com/eks/latest/userguide/automode-learn-instances.html"),
 "eks-ami": ("Amazon EKS: Create nodes with pre-built optimized images (custom AMIs with managed node groups)", "https://docs.aws.amazon.com/eks/latest/userguide/eks-optimized-amis.html"),
 "k8s-crd": ("Kubernetes: Custom resources (CRDs and the operator pattern need the Kubernetes API server)", "https://kubernetes.io/docs/concepts/extend-kubernetes/api-extension/custom-resources/"),
 "apprunner-change": ("AWS App Runner availability change (closed to new customers from 30 April 2026; ECS Express Mode recommended)", "https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html"),
 "eks": ("What is Amazon EKS?", "https://docs.aws.amazon.com/eks/latest/userguide/what-is-eks.html"),
 "aks": ("What is Azure Kubernetes Service (AKS)?", "https://learn.microsoft.com/en-us/azure/aks/what-is-aks"),
 "gke": ("GKE overview", "https://cloud.google.com/kubernetes-engine/docs/concepts/kubernetes-engine-overview"),
 "k8s-releases": ("Kubernetes releases (three minor versions maintained, about 14 months of patches each)", "https://kubernetes.io/releases/"),
 "k8s-prod": ("Kubernetes: Production environment", "https://kubernetes.io/docs/setup/production-environment/"),
 "k8s-sts": ("Kubernetes: StatefulSets", "https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/"),
 "k8s-gpu": ("Kubernetes: Schedule GPUs", "https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/"),
 "k8s-jobs": ("Kubernetes: Jobs", "https://kubernetes.io/docs/concepts/workloads/controllers/job/"),
 "k8s-netpol": ("Kubernetes: Network policies", "https://kubernetes.io/docs/concepts/services-networking/network-policies/"),
 "k8s-multitenancy": ("Kubernetes: Multi-tenancy", "https://kubernetes.io/docs/concepts/security/multi-tenancy/"),
 "cncf-conformance": ("CNCF Certified Kubernetes Software Conformance", "https://www.cncf.io/training/certification/software-conformance/"),
 "kubeadm": ("Kubernetes: Creating a cluster with kubeadm", "https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/create-cluster-kubeadm/"),
 "openshift": ("Red Hat OpenShift Container Platform documentation", "https://docs.redhat.com/en/documentation/openshift_container_platform/"),
 "rancher": ("Rancher Manager documentation", "https://ranchermanager.docs.rancher.com/"),
 "nomad": ("HashiCorp Nomad documentation", "https://developer.hashicorp.com/nomad/docs"),
 "nomad-drivers": ("Nomad task drivers (Docker, exec, Java, QEMU)", "https://developer.hashicorp.com/nomad/docs/drivers"),
 "hc-bsl": ("HashiCorp adopts the Business Source License (August 2023)", "https://www.hashicorp.com/en/blog/hashicorp-adopts-business-source-license"),
 "appservice": ("Azure App Service overview", "https://learn.microsoft.com/en-us/azure/app-service/overview"),
 "beanstalk": ("What is AWS Elastic Beanstalk?", "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/Welcome.html"),
 "appengine": ("Google App Engine documentation", "https://cloud.google.com/appengine/docs"),
 "asg": ("Amazon EC2 Auto Scaling", "https://docs.aws.amazon.com/autoscaling/ec2/userguide/what-is-amazon-ec2-auto-scaling.html"),
 "vmss": ("Azure Virtual Machine Scale Sets overview", "https://learn.microsoft.com/en-us/azure/virtual-machine-scale-sets/overview"),
 "mig": ("Google Compute Engine: Instance groups", "https://cloud.google.com/compute/docs/instance-groups"),
 "fedramp-mp": ("FedRAMP Marketplace (authorised cloud services)", "https://marketplace.fedramp.gov/"),
 "aws-scope": ("AWS services in scope by compliance programme", "https://aws.amazon.com/compliance/services-in-scope/"),
 "govcloud-svc": ("AWS GovCloud (US) User Guide: services in AWS GovCloud (US) Regions", "https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/using-services.html"),
 "hipaa-eligible": ("AWS HIPAA eligible services reference", "https://aws.amazon.com/compliance/hipaa-eligible-services-reference/"),
 "hipaa-164": ("45 CFR Part 164 Subpart C (HIPAA Security Rule)", "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C"),
 "pci-lib": ("PCI SSC document library (PCI DSS v4.0.1; Guidance for Containers and Container Orchestration Tools)", "https://www.pcisecuritystandards.org/document_library/"),
 "gdpr": ("Regulation (EU) 2016/679 (GDPR)", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"),
 "step-functions": ("AWS Step Functions", "https://docs.aws.amazon.com/step-functions/latest/dg/welcome.html"),
 "aws-batch": ("What is AWS Batch?", "https://docs.aws.amazon.com/batch/latest/userguide/what-is-batch.html"),
 "keda": ("KEDA: Kubernetes event-driven autoscaling", "https://keda.sh/docs/latest/concepts/"),
 "aws-shared": ("AWS shared responsibility model", "https://aws.amazon.com/compliance/shared-responsibility-model/"),
 "lambda-scaling": ("AWS Lambda scaling behavior (1,000 execution environments every 10 seconds per function, up to the account concurrency quota)", "https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html"),
 "lambda-sqs": ("AWS Lambda: Using Lambda with Amazon SQS (batching, partial batch responses, maximum concurrency)", "https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html"),
 "ecs-mi": ("Amazon ECS Managed Instances (AWS provisions, patches and scales EC2 instances, including GPU instance types)", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ManagedInstances.html"),
 "ecs-ebs": ("Amazon ECS: Use Amazon EBS volumes with Amazon ECS (volumes created at task launch, deleted when the task stops by default)", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html"),
 "run-max": ("Cloud Run: Set maximum instances for services", "https://cloud.google.com/run/docs/configuring/max-instances"),
 "run-worker-pools": ("Cloud Run: Deploy worker pools (continuous pull-based background work)", "https://cloud.google.com/run/docs/deploy-worker-pools"),
 "aca-jobs": ("Jobs in Azure Container Apps", "https://learn.microsoft.com/en-us/azure/container-apps/jobs"),
 "k8s-pdb": ("Kubernetes: Specifying a Disruption Budget for your Application", "https://kubernetes.io/docs/tasks/run-application/configure-pdb/"),
 "k8s-hpa": ("Kubernetes: Horizontal Pod Autoscaling", "https://kubernetes.io/docs/concepts/workloads/autoscaling/horizontal-pod-autoscale/"),
 "k8s-cronjob": ("Kubernetes: CronJob", "https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/"),
 "k8s-ha": ("Kubernetes: Creating Highly Available Clusters with kubeadm", "https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/high-availability/"),
 "nomad-periodic": ("Nomad job specification: periodic block (prohibit_overlap)", "https://developer.hashicorp.com/nomad/docs/job-specification/periodic"),
 "nomad-update": ("Nomad job specification: update block (canary, auto_revert)", "https://developer.hashicorp.com/nomad/docs/job-specification/update"),
 "appservice-slots": ("Azure App Service: Set up staging environments (deployment slots)", "https://learn.microsoft.com/en-us/azure/app-service/deploy-staging-slots"),
 "buildpacks": ("Cloud Native Buildpacks documentation", "https://buildpacks.io/docs/"),
 "lambda-snapstart": ("AWS Lambda: Improving startup performance with Lambda SnapStart", "https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html"),
 "azure-shared": ("Azure: Shared responsibility in the cloud", "https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility"),
}
def ref(k): t, u = R[k]; return {"title": t, "url": u}
def url(k): return R[k][1]

# ---------------------------------------------------------------- criteria
CRIT = [
 ("ops", "Operational load", "What the team must run itself: control planes, nodes, OS and runtime patching, upgrades, autoscalers, ingress, on-call for the platform. The persona's 'plan for maintainability' starts here.", 3),
 ("cost-idle", "Cost when idle or spiky", "What the platform costs when traffic is low, bursty or zero: whether it scales to zero and bills per request or per second of use, or bills provisioned capacity around the clock.", 2),
 ("cost-steady", "Unit cost at sustained load", "Price per unit of work when utilisation is high all day: VM-level prices, reserved or committed-use discounts and bin-packing versus per-request and per-vCPU-second premiums.", 2),
 ("elasticity", "Elasticity", "How fast and how far capacity follows demand without planning: seconds versus minutes to add capacity, and whether it scales out on requests or events.", 2),
 ("latency", "Latency predictability", "Tail latency including the first request after idle: always-warm processes versus cold starts on scale-out or from zero.", 2),
 ("range", "Workload range", "What the platform can run at all: long-running processes, unit-of-work duration limits, stateful components with persistent volumes, GPUs, background and batch jobs, non-HTTP protocols.", 2),
 ("portability", "Portability", "Cost of moving the workload to another provider or on-premises: open, conformance-tested APIs and OCI images versus provider-specific triggers, handlers and deployment models.", 1),
 ("control", "Isolation and network control", "Isolation that audits and hardening require: network segmentation and policies, private networking, sandboxing between workloads, dedicated or single-tenant capacity.", 2),
 ("node", "Node-level control", "Whether the team can reach the hosts at all: run privileged agents on every node (DaemonSets), choose the node image, load kernel modules and set kernel parameters.", 1),
 ("fleet", "Consistency across many services", "One deployment, policy, networking and observability model shared by many services and teams, instead of per-service scripts and configurations.", 1),
 ("event", "Native event triggers", "Whether code is invoked directly by queues, object storage, streams and schedules, with retries, batching and dead-letter handling built in, instead of the team writing and scaling consumer processes.", 1),
 ("packaging", "Fit with today's packaging", "Whether the platform deploys the code packages the team builds today (JAR, zip, wheel) without containerising them first, and who then patches the language runtime. Weighted only when the services are not containerised yet.", 0),
 ("reuse", "Reuse of the team's Kubernetes platform", "Whether the option reuses the clusters, manifests, GitOps flow, policies and on-call runbooks the team already runs in production, or adds a second deployment model and platform beside them. Weighted only when the team runs Kubernetes in production.", 0),
 ("delivery", "Time to first production release", "Effort and skills needed before the first service runs in production and for each new one after it: platform set-up, learning curve, deployment tooling.", 3),
]

# ---------------------------------------------------------------- options
O = {}
import re as _re
def _rat(t):
    # the ADR renderer already writes "Good, because" / "Bad, because" / "Neutral, because" before each rationale
    t = _re.sub(r"^(Good|Bad|Neutral), because ", "", t)
    return t[0].upper() + t[1:]
def opt(key, name, summary, imp, refs, confirmation, relations=None):
    O[key] = dict(id=c(key), name=name, summary=summary,
                  impacts={c(k): {"impact": v[0], "rationale": _rat(v[1])} for k, v in imp.items()},
                  references=[ref(r) for r in refs], confirmation=confirmation)
    if relations: O[key]["relations"] = relations

opt("managed-kubernetes", "Managed Kubernetes (EKS, AKS, GKE Standard)",
 "The provider runs the Kubernetes control plane; the team (or its platform team) owns node pools, cluster add-ons (ingress, autoscaler, CSI drivers, policy), upgrades and workload manifests.",
 {"ops": (-1, "Bad, because node pools, add-ons and a minor-version upgrade roughly every four months (each minor version gets about 14 months of patches) remain the team's work even with a managed control plane."),
  "cost-idle": (-2, "Bad, because nodes and the control-plane fee (EKS bills per cluster-hour) are paid while idle; KEDA or the cluster autoscaler shrinks pods and nodes but rarely to zero."),
  "cost-steady": (1, "Good, because many pods bin-pack onto VM-priced nodes that can use reserved, committed-use or spot pricing."),
  "elasticity": (0, "Neutral, because pods scale in seconds while new nodes take minutes (cluster autoscaler or Karpenter), so bursts need headroom."),
  "latency": (2, "Good, because pods stay warm behind a service; there is no cold start unless the team scales a deployment to zero."),
  "range": (2, "Good, because Deployments, StatefulSets with persistent volumes, Jobs, DaemonSets and GPU node pools cover long-running, stateful, batch and accelerator work."),
  "portability": (1, "Good, because workloads use the CNCF-conformance-tested Kubernetes API; load balancers, IAM bindings and storage classes still differ by provider."),
  "control": (2, "Good, because network policies, admission policies, private clusters and dedicated node pools per sensitivity level are the team's design, which audits of segmented workloads ask for."),
  "node": (2, "Good, because privileged DaemonSets and node configuration are the team's: custom AMIs on EKS managed node groups, node system configuration (kubelet and sysctl settings) on GKE Standard and AKS."),
  "fleet": (2, "Good, because one API, one GitOps flow and one policy layer serve every service and team on the cluster."),
  "event": (0, 'Neutral, because event-driven scaling needs KEDA or a similar add-on installed and operated, and consumers are processes the team writes.'),
  "packaging": (-1, "Bad, because every service must first be containerised (a Dockerfile or buildpacks) and the team then rebuilds and patches its base images."),
  "reuse": (2, "Good, because services deploy with the manifests, Helm charts, GitOps flow, policies and runbooks the team already runs, onto clusters of the kind it already operates."),
  "delivery": (-2, "Bad, because manifests, Helm or Kustomize, ingress, RBAC and cluster set-up must be learned and built before the first release.")},
 ["eks", "aks", "gke", "k8s-releases", "cncf-conformance", "aws-containers"],
 "Alerts fire 60 days before the cluster version's end of support (never more than one minor version behind the provider's default), on pods pending for more than a few minutes and on node utilisation; a policy test in CI (for example Kyverno or Gatekeeper) rejects manifests without resource requests, probes or network policy.")

opt("autopilot-kubernetes", "Kubernetes with provider-managed nodes (GKE Autopilot, EKS Auto Mode, AKS Automatic)",
 "Kubernetes API with the provider also running the nodes: it provisions, patches and scales nodes from pod requests; the team keeps manifests, API deprecations and (on EKS Auto Mode) the cluster version upgrade.",
 {"ops": (0, "Neutral, because the provider provisions, patches and replaces nodes and runs the autoscaler, load-balancer and storage controllers, but the team still runs a cluster: namespaces, RBAC, ingress or Gateway, policy add-ons, API deprecations at every minor version, and on EKS Auto Mode the version upgrade itself (GKE Autopilot and AKS Automatic upgrade automatically within maintenance windows)."),
  "cost-idle": (-1, "Bad, because always-on pods and the cluster fee bill while traffic is zero; GKE Autopilot bills pod requests rather than nodes and EKS Auto Mode consolidates empty nodes away, so idle capacity costs less than on a standard cluster."),
  "cost-steady": (-1, "Bad, because EKS Auto Mode adds a per-instance management fee on top of EC2 prices and GKE Autopilot's pod-based billing carries a premium over raw VMs; reserved, savings-plan or committed-use discounts and tight packing narrow the gap."),
  "elasticity": (1, "Good, because nodes appear automatically from pending pods (Karpenter-based on EKS Auto Mode and AKS Automatic), with no node groups or autoscaler to size and maintain; a new node still takes a minute or more."),
  "latency": (2, "Good, because pods stay warm as on any Kubernetes cluster; no per-request cold start."),
  "range": (2, "Good, because Deployments, StatefulSets with persistent volumes, Jobs, ordinary DaemonSets and GPU workloads run as on a standard cluster; only changes to the nodes themselves are restricted (counted under node-level control)."),
  "portability": (1, "Good, because workloads use the conformance-tested Kubernetes API and standard manifests, and pass stricter admission rules than most clusters enforce; compute classes and node-pool settings are provider-specific, as on standard clusters."),
  "control": (2, "Good, because network policies (built into EKS Auto Mode, GKE Dataplane V2 and AKS Automatic), private clusters, admission policies and workload separation onto dedicated nodes remain available."),
  "node": (-1, "Bad, because the provider owns the node image and blocks direct node access: EKS Auto Mode picks and patches the AMI, GKE Autopilot admits privileged agents only through allowlists, AKS Automatic enforces baseline Pod Security Standards."),
  "fleet": (2, "Good, because one Kubernetes API, GitOps flow and policy layer serve every service and team, with baseline policies (Pod Security Standards, network policy) enforced from the start."),
  "event": (0, 'Neutral, because KEDA-style scaling on queue depth can be installed, but consumers remain long-running processes the team writes.'),
  "packaging": (-1, "Bad, because every service must first be containerised (a Dockerfile or buildpacks) and the team then rebuilds and patches its base images."),
  "reuse": (2, "Good, because the same manifests, charts, GitOps flow and runbooks work unchanged; only node management moves to the provider."),
  "delivery": (0, "Neutral, because no node groups, autoscaler or load-balancer controller must be built, but manifests, ingress and RBAC still have to be learned before the first release.")},
 ["gke-autopilot", "eks-auto", "eks-auto-bp", "aks-automatic", "gke-autopilot-priv", "k8s-releases"],
 "Alerts fire 60 days before the cluster version's end of support and when a service's monthly pod-request cost passes its budget, and CI rejects pods without resource requests; workloads pass the provider's Autopilot, Auto Mode or Automatic policy checks in a staging cluster before release.")

opt("self-managed-kubernetes", "Self-managed Kubernetes on own infrastructure (OpenShift, Rancher/RKE2, kubeadm)",
 "Kubernetes distribution installed and run by the organisation on its own hardware or VMs, including vendor-supported distributions; the organisation runs control plane, etcd, nodes, networking and storage.",
 {"ops": (-2, "Bad, because control plane, etcd backups, CNI, CSI storage, certificates, load balancing and three upgrades a year are all run in-house."),
  "cost-idle": (-2, "Bad, because hardware, licences (OpenShift subscriptions are priced by cores) and a platform team are paid whatever the load."),
  "cost-steady": (1, "Good, because owned hardware at high utilisation has no provider margin; the platform staff cost is fixed and spreads over many services."),
  "elasticity": (-1, "Bad, because capacity ends at the hardware bought; adding nodes takes procurement, not minutes."),
  "latency": (2, "Good, because pods stay warm and the network path is fully under the team's control."),
  "range": (2, "Good, because StatefulSets, Jobs, GPU device plugins and operators for databases run as on any conformant cluster."),
  "portability": (2, "Good, because a conformant distribution on owned infrastructure has no provider API dependency and runs the same anywhere."),
  "control": (2, "Good, because every layer, from hardware and network segments to tenancy, is chosen and audited by the organisation."),
  "node": (2, "Good, because node OS, kernel, privileged agents and hardware are the organisation's own choice."),
  "fleet": (1, "Good, because one Kubernetes API and policy layer serves all services and teams."),
  "event": (-1, 'Bad, because queue-driven scaling (KEDA) and every event source integration are installed and run in-house.'),
  "packaging": (-1, "Bad, because every service must first be containerised (a Dockerfile or buildpacks) and the team then rebuilds and patches its base images."),
  "reuse": (2, "Good, because services deploy with the manifests, charts, GitOps flow, policies and runbooks the team already runs, onto clusters of the kind it already operates."),
  "delivery": (-2, "Bad, because the platform must be designed, installed and hardened before the first workload runs.")},
 ["k8s-prod", "kubeadm", "openshift", "rancher", "k8s-releases", "cncf-conformance"],
 "An etcd restore is rehearsed every quarter, an alert fires 60 days before the cluster version's end of support and another when free capacity falls below 20 %; a CIS Kubernetes Benchmark scan (kube-bench) runs in CI for node images.")

opt("serverless-containers", "Serverless containers (Cloud Run, Container Apps, ECS on Fargate or Managed Instances)",
 "OCI images run as services or jobs without nodes or a cluster to manage, scaled on requests, events or CPU (to zero on Cloud Run and Container Apps). On AWS: ECS Express Mode on Fargate, or ECS Managed Instances for GPUs; App Runner is closed to new customers since 30 April 2026.",
 {"ops": (1, "Good, because there are no nodes or cluster to patch or upgrade; the team still owns the image, its base-image patches and the service configuration."),
  "cost-idle": (2, "Good, because Cloud Run and Container Apps scale to zero and bill per use; Fargate bills per task-second with no idle nodes."),
  "cost-steady": (-1, "Bad, because per-vCPU-second prices carry a premium over VMs at sustained high utilisation; committed-use or savings plans narrow but do not close the gap."),
  "elasticity": (2, "Good, because instances are added in seconds on request concurrency or queue depth (Container Apps uses KEDA scalers)."),
  "latency": (1, "Good, because minimum instances (Cloud Run, Container Apps) or an ECS service's running tasks stay warm, but scaling out or from zero adds a container start of seconds, which minimum instances only avoid by paying for idle capacity."),
  "range": (0, "Neutral, because services and jobs run without a per-invocation cap (Cloud Run job tasks up to 168 hours, ECS tasks unlimited) and GPUs exist on Cloud Run, Container Apps and ECS Managed Instances (not Fargate), but Cloud Run GPU job tasks stop at 1 hour (12 hours in preview), a Cloud Run request (WebSockets included) ends at 60 minutes, and no instance keeps a stable identity or a disk that outlives it."),
  "portability": (1, "Good, because the artefact is a standard OCI image (Cloud Run also accepts Knative-style YAML); scaling and networking configuration is provider-specific."),
  "control": (1, "Good, because each instance runs in its own sandbox (gVisor or a microVM on Cloud Run, a Firecracker microVM per Fargate task) with VPC egress, private ingress and per-service identities; dedicated hosts are not offered on Cloud Run or Fargate."),
  "node": (-2, "Bad, because there is no host to reach: no DaemonSets, node image or kernel settings; agents run as sidecars (ECS Managed Instances also admits privileged agent containers)."),
  "fleet": (0, "Neutral, because each service is configured on its own; there is no cluster-wide admission or policy layer, though IaC modules can standardise it."),
  "event": (1, 'Good, because Container Apps scales on queue depth through built-in KEDA scalers and Cloud Run receives Pub/Sub and Eventarc pushes; ECS on Fargate scales on queue metrics through alarms.'),
  "packaging": (0, "Neutral, because an image is needed, but Cloud Run and Container Apps can build it from source with buildpacks on deploy; ECS needs a Dockerfile, and base-image patches stay the team's unless the platform rebuilds them."),
  "reuse": (0, "Neutral, because images, probes and resource settings carry over, but deployment definitions, scaling and networking are a second model beside the clusters."),
  "delivery": (1, "Good, because a container image and one deploy command give a TLS endpoint with autoscaling; a Dockerfile and registry are the only prerequisites.")},
 ["run-overview", "aca-overview", "fargate", "ecs-mi", "run-task-timeout", "run-gpu", "aca-gpu", "aws-containers", "apprunner-change"],
 "Alerts fire on cold-start p99, on instances at the maximum and on all-day utilisation above about 60 %; a monthly report compares the bill with reserved capacity, and base images are rebuilt and scanned weekly.")

opt("functions", "Functions as a service (AWS Lambda, Azure Functions, Cloud Run functions)",
 "Code deployed as event handlers; the platform runs, scales and bills each invocation, with hard limits on duration, memory and local state.",
 {"ops": (2, "Good, because the provider patches OS and runtime and scales invocations; the team owns code, configuration and triggers only."),
  "cost-idle": (2, "Good, because billing is per request and per GB-second, with nothing charged while idle."),
  "cost-steady": (-2, "Bad, because at sustained high throughput per-invocation pricing exceeds the same work on containers or VMs (AWS offers Lambda Managed Instances on EC2 pricing plus a management fee for that case)."),
  "elasticity": (2, "Good, because concurrency follows events per invocation with no capacity planning, within account concurrency quotas."),
  "latency": (-1, "Bad, because cold starts add latency on scale-out; provisioned concurrency or always-ready instances remove it for a fee."),
  "range": (-2, "Bad, because Lambda stops an invocation at 15 minutes, event-driven Cloud Run functions at 9 minutes and Azure Functions Consumption at 10; no process outlives a request, no local persistent state and no GPUs on Lambda or Azure Functions."),
  "portability": (-2, "Bad, because handler signatures, triggers, event formats and bindings are provider-specific."),
  "control": (0, "Neutral, because each execution environment is isolated (a Firecracker microVM on Lambda) and per-function IAM roles are fine-grained, but network control stops at VPC attachment and consumption plans offer no dedicated capacity."),
  "node": (-2, "Bad, because there is no OS or host access at all; agents run only as Lambda extensions or the provider's own integrations."),
  "fleet": (-1, "Bad, because a system becomes many functions, triggers and permissions whose flow lives in IaC, which needs tracing and conventions to stay understandable."),
  "event": (2, 'Good, because queues, object storage, streams and schedules invoke handlers directly, with batching, retries and dead-letter destinations configured rather than coded.'),
  "packaging": (0, "Neutral, because handlers deploy as code packages (zip or JAR) and the provider patches the runtime, but an existing application must first be reshaped into handlers."),
  "reuse": (-1, "Bad, because handlers, triggers and IaC are a second deployment model with its own tooling, observability and on-call beside the clusters."),
  "delivery": (2, "Good, because a small handler plus trigger configuration ships in hours with no image, server or scaling set-up; local testing of triggers needs emulators.")},
 ["lambda-limits", "lambda-timeout", "lambda-scaling", "azfn-scale", "gcf-timeout", "lambda-pc", "lambda-snapstart", "lmi", "aws-modern"],
 "Alert when invocation duration p99 passes 50 % of the configured timeout and on throttles and dead-letter-queue depth; a monthly cost report compares invocation cost with the same load on containers; integration tests run each handler against its real trigger in a test account.")

opt("paas", "Application platform as a service (App Service, Elastic Beanstalk, App Engine)",
 "Deploy application code or a container to a managed web platform that provides runtime, TLS, load balancing, deployment slots and rule-based autoscaling.",
 {"ops": (2, "Good, because the provider patches OS and language runtime for code deployments and provides load balancing, TLS and deployment slots."),
  "cost-idle": (-1, "Bad, because App Service plans and Elastic Beanstalk instances bill while running; only App Engine standard scales to zero."),
  "cost-steady": (0, "Neutral, because instance prices are close to VM prices and several small apps can share one App Service plan."),
  "elasticity": (0, "Neutral, because rule-based autoscaling adds instances in minutes, not seconds."),
  "latency": (2, "Good, because instances stay warm ('Always On'), though new instances warm up during scale-out."),
  "range": (0, "Neutral, because long-running web apps, WebSockets and background workers (WebJobs, Elastic Beanstalk worker environments) run without a per-request cap, but there are no GPUs on App Service or App Engine, no stateful servers and only limited support for long batch jobs."),
  "portability": (-1, "Bad, because the code itself moves, but deployment slots, app settings, scaling rules and platform bindings are provider-specific and must be rebuilt, and on premises there is no equivalent managed platform to move to."),
  "control": (0, "Neutral, because VNet integration, private endpoints and single-tenant environments (App Service Environment v3) exist, but segmentation inside the platform is the provider's."),
  "node": (-2, "Bad, because App Service and App Engine expose no host at all, and Elastic Beanstalk's custom AMIs must be rebuilt for every managed platform update, so node-level changes work against the platform."),
  "fleet": (-2, "Bad, because each app carries its own plan, settings and scaling rules; fine for a handful of apps, repetitive for dozens."),
  "event": (-1, 'Bad, because background consumers run as WebJobs or worker processes the team writes; scaling on queue depth needs custom rules.'),
  "packaging": (2, "Good, because App Service, Elastic Beanstalk and App Engine deploy the JAR, zip or wheel as it is and patch the OS and language runtime."),
  "reuse": (-1, "Bad, because apps, plans and slots are a second deployment model with its own tooling and on-call beside the clusters."),
  "delivery": (2, "Good, because code or a container deploys with one command, with staging slots and managed certificates from day one.")},
 ["appservice", "beanstalk", "appengine", "az-tree", "gcp-where"],
 "Alerts fire on instance count at the autoscale maximum and on CPU above 70 % for 15 minutes, and every release is a deployment-slot swap with a health-check warm-up; runtime stack end-of-support dates are tracked in the backlog.")

opt("vms", "Virtual machines with autoscaling groups (or on-premises VMs)",
 "Services run as processes or containers on VM images the team builds and patches, behind a load balancer, scaled by an instance group or by hand on-premises.",
 {"ops": (-1, "Bad, because OS patching, image builds, deploy scripts and scaling rules are all the team's, though there is no orchestrator to run and the skills are the most widespread."),
  "cost-idle": (-2, "Bad, because VMs are billed (or owned) while idle and instance groups rarely go below one or two instances per service."),
  "cost-steady": (2, "Good, because VM prices with reserved, committed-use or spot discounts are the lowest unit price for steady load, with no platform premium."),
  "elasticity": (-1, "Bad, because new VMs boot and configure in minutes; on-premises capacity ends at the hardware bought."),
  "latency": (2, "Good, because processes stay warm and the team controls the whole request path."),
  "range": (1, "Good, because anything that runs on an OS runs here, including GPUs, local disks and hours-long jobs, but without a scheduler for batch or failover."),
  "portability": (1, "Good, because images built with tools such as Packer and configuration management move between providers and on-premises; instance-group APIs do not."),
  "control": (2, "Good, because network placement, security groups and dedicated hosts are the team's choice."),
  "node": (2, "Good, because OS, kernel, image and agents are the team's choice."),
  "fleet": (-2, "Bad, because each service needs its own image, deploy pipeline, scaling rules and service discovery; consistency depends on discipline."),
  "event": (-1, "Bad, because consumers, their scaling on queue depth and their retry handling are the team's code and scripts."),
  "packaging": (1, "Good, because the package installs on a VM image as it does today; the team patches the OS and runtime itself."),
  "reuse": (-1, "Bad, because VM images, deploy scripts and instance groups are a second deployment model with its own patching and on-call beside the clusters."),
  "delivery": (0, "Neutral, because the first service needs an image pipeline and deploy scripts, which most teams know how to write.")},
 ["asg", "vmss", "mig", "az-tree", "gcp-where"],
 "No instance is older than 30 days and the weekly patch report shows no open critical patch; images are rebuilt from code at least monthly, and a load test before each release proves the group scales out before CPU passes 80 %.")

opt("nomad", "HashiCorp Nomad on VMs or own hardware",
 "A single-binary scheduler that runs containers, plain executables, Java and QEMU VMs as services, batch and system jobs; usually paired with Consul for service discovery and Vault for secrets.",
 {"ops": (-2, "Bad, because the VMs underneath plus three to five Nomad servers (Raft), clients, and usually Consul and Vault must be patched, upgraded and backed up in-house, though with fewer moving parts than Kubernetes."),
  "cost-idle": (-2, "Bad, because servers and client nodes are paid (or owned) whatever the load."),
  "cost-steady": (1, "Good, because jobs bin-pack onto VM-priced or owned nodes with no provider premium."),
  "elasticity": (-1, "Bad, because capacity ends at the client nodes; the Nomad Autoscaler can add cloud nodes in minutes."),
  "latency": (2, "Good, because tasks run as warm, long-lived processes."),
  "range": (1, "Good, because task drivers run Docker containers, plain binaries, Java and QEMU VMs, with service, batch and system jobs and GPU device plugins; persistent volumes rely on CSI plugins with a smaller ecosystem than Kubernetes'."),
  "portability": (1, "Good, because it runs on any OS and provider; the job specification is Nomad-specific and the licence is the Business Source License 1.1 since 2023."),
  "control": (2, "Good, because network, placement constraints and node pools per workload class are the team's own."),
  "node": (2, "Good, because client nodes are the team's own, and system jobs run an agent on every client, like a DaemonSet."),
  "fleet": (1, "Good, because one job format and scheduler serve all services, with a smaller ecosystem of operators and tooling than Kubernetes."),
  "event": (-1, 'Bad, because consumers are long-running jobs the team writes, scaled by the Nomad Autoscaler from metrics it must wire up.'),
  "packaging": (1, "Good, because the exec and Java task drivers run binaries and JARs without containers."),
  "reuse": (-2, "Bad, because it is a second scheduler beside Kubernetes: its own servers, job format, upgrades and on-call, run by the same team."),
  "delivery": (-1, "Bad, because servers, clients and usually Consul and Vault must be set up before the first release and few engineers know Nomad, though its HCL job files are shorter than Kubernetes manifests.")},
 ["nomad", "nomad-drivers", "hc-bsl"],
 "A Raft snapshot restore is rehearsed every quarter, alerts fire on failed allocations and blocked evaluations, and Nomad, Consul and Vault stay inside HashiCorp's support window; the licence terms are reviewed by legal before adoption.")

ORDER = ["paas", "serverless-containers", "autopilot-kubernetes", "vms", "functions", "managed-kubernetes", "nomad", "self-managed-kubernetes"]

# ---------------------------------------------------------------- nodes
def raise_(k, by=1): return {"op": "raise", "criterion": c(k), "by": by}
def lower(k, by=1): return {"op": "lower", "criterion": c(k), "by": by}
def setw(k, w): return {"op": "set", "criterion": c(k), "weight": w}
def out(o, reason): return {"op": "rule_out", "option": c(o), "reason": reason}
def note(text, src=None, only=None):
    e = {"op": "note", "text": text}
    if src: e["source"] = url(src)
    if only: e["if_chosen"] = [c(x) for x in only]
    return e
def ans(label, consequence, effects=(), nxt=None, exclusive=False):
    a = {"label": label, "consequence": consequence}
    if nxt: a["next"] = nxt
    if exclusive: a["exclusive"] = True
    if effects: a["effects"] = list(effects)
    return a
def q(id, prompt, help, answers, fact=None, multi=False, nxt=None):
    n = {"id": id, "kind": "question", "prompt": prompt, "help": help}
    if fact: n["fact"] = fact
    if multi: n["multi"] = True; n["next"] = nxt
    n["answers"] = answers
    return n

# q-node (reviewer): how deep workloads reach into the platform separates Kubernetes from serverless containers,
# and standard managed Kubernetes from the provider-run-node modes.
import os as _os
NODE_A1_CONS = "Sets node-level control to zero weight: nothing needs the Kubernetes API or the hosts."
NODE_A1_EFF = [setw("node", 0)]
NODE_A2_CONS = "Rules out platforms without a Kubernetes API; node-level control gets zero weight (operators and ordinary DaemonSets run on every Kubernetes mode)."
NODE_A2_EFF = [setw("node", 0),
  out("serverless-containers", "Operators, CRDs and Helm charts need a Kubernetes API server; Cloud Run, Azure Container Apps and ECS on Fargate do not expose one (Cloud Run accepts Knative-style service YAML, not custom resources)."),
  out("functions", "Operators, CRDs and Helm charts need a Kubernetes API server; function platforms have none."),
  out("paas", "Operators, CRDs and Helm charts need a Kubernetes API server; App Service, Elastic Beanstalk and App Engine have none."),
  out("vms", "Operators, CRDs and Helm charts need a Kubernetes API server; on your own VMs that is the self-managed Kubernetes option, not plain instance groups."),
  out("nomad", "Nomad schedules jobs, not Kubernetes resources: operators, CRDs and Helm charts do not run on it."),
  note("Check every privileged component (security agents, CNI or service-mesh data planes) against the managed-node mode before committing: GKE Autopilot admits privileged workloads only through allowlists (partner and selected open-source workloads, or customer allowlists enabled by organisation policy), and AKS Automatic enforces baseline Pod Security Standards, which reject privileged pods and host namespaces.", "gke-autopilot-priv", ["autopilot-kubernetes"])]
NODE_A3_CONS = "Sets node-level control to the top weight; rules out platforms whose node image the provider owns or that expose no host (including PaaS)."
NODE_A3_EFF = [setw("node", 5),
  out("autopilot-kubernetes", "The provider owns the node image in these modes: EKS Auto Mode selects and patches the AMI itself and blocks direct node access, GKE Autopilot runs Google-managed node images and rejects privileged pods outside allowlists, AKS Automatic manages node images and enforces baseline Pod Security Standards."),
  out("serverless-containers", "Cloud Run, Container Apps and Fargate expose no host, and ECS Managed Instances runs AWS-managed, AWS-patched instances: no node image, kernel module or host-level kernel parameter can be chosen (ECS Managed Instances does admit privileged containers for agents such as eBPF monitors, so check it if such an agent is the only node-level need)."),
  out("functions", "Lambda, Azure Functions and Cloud Run functions run on provider-managed hosts with no access to the kernel or node image."),
  out("paas", "App Service and App Engine give no host access at all; Elastic Beanstalk runs a custom AMI only if the team rebuilds it for every managed platform update, which is the node work of plain EC2 without its control, so on AWS use instance groups (VMs) or EKS managed node groups with that AMI."),
  note("Standard managed Kubernetes differs per provider: EKS managed node groups accept custom AMIs; GKE Standard and AKS offer fixed node images with node system configuration (kubelet and sysctl settings) and privileged DaemonSets for anything beyond; confirm the exact change is supported before choosing the provider.", "eks-ami", ["managed-kubernetes"])]

# Second review: what to set up first, per workload shape and chosen platform (the ADR's "what to do next").
NEXT_SERVICES = [
 note("Give every service readiness and liveness probes, resource requests and a PodDisruptionBudget, and spread at least two replicas across zones, so node upgrades and drains never take a service down.", "k8s-pdb", ["managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes"]),
 note("Set minimum instances to at least one per service (on ECS the service's desired count, on Cloud Run with instance-based billing if the service works outside requests) and a maximum instance count the database connection pool can absorb.", "run-min", ["serverless-containers"]),
 note("Turn on Always On and health checks, run at least two instances across zones, and release through a staging slot swap so instances are warm before they take traffic.", "appservice-slots", ["paas"]),
 note("Build images from code (for example with Packer), run at least two instances per service across zones behind a load-balancer health check, and replace instances instead of patching them in place.", "asg", ["vms"]),
 note("Run three or five Nomad servers across failure domains with ACLs and TLS on from the start, and deploy services with an update block (canaries, auto-revert).", "nomad-update", ["nomad"]),
]
NEXT_HTTP = [
 note("Set a maximum instance count the database and downstream APIs can absorb (Cloud Run suggests starting low as a cost guard), per-instance concurrency from a load test, and a request timeout; requests beyond the maximum queue briefly and then fail.", "run-max", ["serverless-containers"]),
 note("Check the Lambda concurrency quota before launch: 1,000 concurrent executions per Region by default, shared by every function in the account, lower on new accounts; each function adds at most 1,000 execution environments every 10 seconds, and requests beyond either limit are throttled (HTTP 429), so request a quota increase, set reserved concurrency on functions that call a database and throttle at the API gateway.", "lambda-scaling", ["functions"]),
 note("On Azure Functions, answer every HTTP request within 230 seconds whatever the function timeout (the load balancer's idle limit): longer work returns 202 at once and continues asynchronously (Durable Functions or a queue).", "azfn-scale", ["functions"]),
 note("Scale each Deployment with a HorizontalPodAutoscaler on CPU or requests per second, with at least two replicas across zones; keep headroom for bursts because a new node takes a minute or more.", "k8s-hpa", ["managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes"]),
 note("Configure autoscale rules on CPU and request queue length with at least two instances; rules add instances in minutes, so keep headroom for the daily peak.", "appservice", ["paas"]),
 note("Scale the instance group with target tracking (CPU or requests per target) and add scheduled scaling ahead of known peaks, since a new VM takes minutes to serve.", "asg", ["vms"]),
 note("Scale service jobs with the Nomad Autoscaler on request rate or CPU, and keep client-node headroom for bursts.", "nomad", ["nomad"]),
]
NEXT_EVENTS = [
 note("Make every handler idempotent (delivery is at least once), report partial batch failures, send poison messages to a dead-letter queue, and cap the event source's maximum concurrency below what downstream stores can take.", "lambda-sqs", ["functions"]),
 note("Scale consumers on queue depth (Container Apps KEDA scalers, ECS target tracking on backlog per task, Cloud Run services behind Pub/Sub push subscriptions), make handlers idempotent, and route poison messages to a dead-letter queue; Cloud Run worker pools suit pull consumers such as Kafka but scale only manually or through an external autoscaler.", "run-worker-pools", ["serverless-containers"]),
 note("Scale consumer Deployments on queue lag with KEDA (down to zero for idle queues), make handlers idempotent, and stop consuming on SIGTERM so drained nodes do not lose in-flight messages.", "keda", ["managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes"]),
 note("Scale consumer instances on queue backlog per instance, make handlers idempotent, and route poison messages to a dead-letter queue.", "asg", ["vms"]),
 note("Run consumers as background workers (WebJobs, an Elastic Beanstalk worker environment) with scale rules on queue length, and make handlers idempotent.", "appservice", ["paas"]),
 note("Scale consumer jobs with the Nomad Autoscaler on queue metrics, and make handlers idempotent.", "nomad", ["nomad"]),
]
NEXT_BATCH = [
 note("Run each job as a CronJob or Job with backoffLimit, activeDeadlineSeconds and concurrencyPolicy Forbid (no overlapping runs), and alert on failed and missed schedules.", "k8s-cronjob", ["managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes"]),
 note("Run each job as a Cloud Run job, a Container Apps job or an ECS task started by EventBridge Scheduler (or AWS Batch), with retries, a task timeout above the longest run and an alert on failed executions.", "aca-jobs", ["serverless-containers"]),
 note("Trigger jobs from a scheduler (EventBridge Scheduler, timer triggers), keep each run well under the timeout, and split anything longer into steps with Step Functions or durable functions.", "step-functions", ["functions"]),
 note("Run jobs on instances started for the run and stopped after it (or through AWS Batch), never on a long-lived box, and alert on jobs that do not finish.", "aws-batch", ["vms"]),
 note("Run jobs as batch or periodic jobs with prohibit_overlap, and alert on failed allocations.", "nomad-periodic", ["nomad"]),
 note("Keep scheduled work short enough for the platform's request limits (WebJobs, App Engine cron, a Beanstalk worker's periodic tasks), and move longer jobs to container jobs.", "appservice", ["paas"]),
]

CLOUD = ["managed-kubernetes", "autopilot-kubernetes", "serverless-containers", "functions", "paas"]
SELF = ["self-managed-kubernetes", "vms", "nomad"]
ALL = list(O.keys())

nodes = []
nodes.append(q("q-compliance", "Which compliance regimes apply to this system?",
 "Regimes do not forbid any compute model by themselves, but they decide which provider services you may use (HIPAA needs a business associate agreement that covers the service, FedRAMP needs an authorised service) and how much network, node and tenancy control the audit expects, which is where the platforms differ most.",
 [ans("PCI DSS: payment card data is stored, processed or transmitted",
      "Raises control and isolation, and operational load: every OS and runtime you run yourself falls under the patching and hardening requirements.",
      [raise_("control", 1), raise_("ops", 1),
       note("PCI DSS v4.0.1 Requirement 1.3 restricts network access to and from the cardholder data environment: run card-data workloads in their own cluster, node pool or account/project with default-deny network policy, or hand card data to a tokenisation provider so the platform stays out of scope. The PCI SSC information supplement on containers and orchestration tools covers shared clusters.", "pci-lib", ["managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes", "nomad"]),
       note("PCI DSS v4.0.1 Requirement 1.3 restricts network access to and from the cardholder data environment: give card-data services their own account/project or environment with private networking, or hand card data to a tokenisation provider; Requirement 6.3.3 (critical patches within one month) then applies to your images and runtimes, while the provider's PCI DSS attestation covers its layer.", "pci-lib", ["serverless-containers", "functions", "paas"]),
       note("PCI DSS v4.0.1 Requirement 6.3.3 requires critical security patches within one month of release: the VM image pipeline must rebuild and roll out at least that often, and Requirement 1.3 segmentation applies to the card-data VMs.", "pci-lib", ["vms"])]),
  ans("HIPAA: protected health information of US patients",
      "Raises control; only services covered by the provider's business associate agreement may touch PHI.",
      [raise_("control", 1),
       note("Use only compute services the provider lists as HIPAA-eligible under its business associate agreement (45 CFR 164.308(b)(1) and 164.314(a)); Lambda, Fargate and EKS are on AWS's list, for example; check the provider's list for every service in the data path, including registry, logging and load balancing.", "hipaa-eligible", CLOUD),
       note("The HIPAA Security Rule's audit controls (45 CFR 164.312(b)) and transmission security (164.312(e)(1)) apply to every node that handles ePHI: ship node and workload logs to a tamper-evident store and encrypt traffic between services.", "hipaa-164", SELF)]),
  ans("GDPR or similar personal-data law",
      "No platform is excluded; pin regions for compute and logs.",
      [note("Keep every compute service, its logs and its container registry in regions or data centres inside the permitted jurisdiction; support access or replication to a third country is a transfer under GDPR Chapter V (Articles 44-49).", "gdpr")]),
  ans("SOC 2 or ISO/IEC 27001 audit",
      "No platform is excluded; managed services shift controls to the provider's reports.",
      [note("Auditors ask for change management and access evidence: deploy only through pipelines from infrastructure as code, and collect the provider's SOC 2 / ISO 27001 reports for the managed layers (shared responsibility).", "aws-shared")]),
  ans("FedRAMP or other government authorisation",
      "Raises control and operational load (continuous monitoring of every layer you run); only services authorised at the required impact level may be used.",
      [raise_("control", 1), raise_("ops", 1),
       note("Use only services authorised at the system's FedRAMP impact level (Moderate or High) in the region you deploy to; the FedRAMP Marketplace and each provider's services-in-scope list are the authority, and check the authorisation of each newer feature you rely on, not only of the service family.", "fedramp-mp", CLOUD)]),
  ans("None of these", "No regime-specific duties.", [], exclusive=True),
 ], fact="compliance", multi=True, nxt="q-hosting"))

nodes.append(q("q-hosting", "Where will this system run?",
 "Hosting is the one real incompatibility in this decision: provider-operated services (managed Kubernetes control planes, serverless containers, functions, PaaS) run only in the provider's regions, so on-premises leaves self-run platforms; several clouds make portable artefacts and APIs worth more.",
 [ans("One public cloud (AWS, Azure or Google Cloud)", "Every option stays; the next question asks how much portability is worth.", [], nxt="q-portability"),
  ans("Several public clouds", "Raises portability and consistency across services: one deployment model across providers is worth more than any single provider's convenience.",
      [raise_("portability", 2), raise_("fleet", 1),
       note("Kubernetes gives the same API on every provider, but identity, load balancers, storage classes and network policy engines still differ per cloud: keep them behind one set of IaC modules per provider and test the same manifests on each.", "cncf-conformance", ["managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes"]),
       note("Serverless containers keep the artefact (an OCI image) portable, not the service definition: keep Cloud Run / Container Apps / ECS definitions generated from one source and budget for per-cloud differences in scaling and networking.", "run-overview", ["serverless-containers"])], nxt="q-node"),
  ans("Our own data centres (on-premises)", "Rules out provider-operated services (self-run platforms remain) and raises portability.",
      [out("managed-kubernetes", "EKS, AKS and GKE control planes run in the provider's regions; on own hardware use a distribution you operate (self-managed Kubernetes, including vendor-supported ones)."),
       out("autopilot-kubernetes", "GKE Autopilot and EKS Auto Mode run only in the provider's cloud regions."),
       out("serverless-containers", "Cloud Run, Azure Container Apps and Fargate run only in the provider's cloud regions."),
       out("functions", "Lambda, Azure Functions and Cloud Run functions run only in the provider's cloud; on-premises FaaS means running a framework such as Knative or OpenFaaS on your own Kubernetes cluster."),
       out("paas", "App Service, Elastic Beanstalk and App Engine run only in the provider's cloud."),
       raise_("portability", 1)], nxt="q-node-onprem"),
  ans("A restricted cloud partition (sovereign or government region)", "Every option stays; raises control, and the service catalogue of the partition must be checked.",
      [raise_("control", 1),
       note("Restricted partitions (AWS GovCloud (US), the AWS European Sovereign Cloud, Azure Government, Google Cloud sovereign offerings) launch with a subset of services and features: confirm the chosen compute service, its newest features and its supporting services (registry, load balancer, secrets) in the partition's service list before committing.", "govcloud-svc", CLOUD)], nxt="q-node"),
 ], fact="hosting"))

nodes.append(q("q-portability", "How likely is it that this system must move to another provider or on-premises?",
 "Portability costs something on every platform; it is only worth buying where a move is plausible (contractual exit plans, regulators asking for an exit strategy, acquisition by a company on another cloud). Functions tie code to provider triggers; containers and Kubernetes keep the artefact and most deployment descriptors portable.",
 [ans("A move is unlikely; we accept provider-specific services", "Lowers portability to zero weight: convenience counts more.", [setw("portability", 0)], nxt="q-node"),
  ans("We need a documented exit plan, but no move is planned", "Keeps portability at its default weight.", [], nxt="q-node"),
  ans("A move to another provider or on-premises is planned or contractually required", "Raises portability strongly.",
      [raise_("portability", 2),
       note("Keep the deployable artefact an OCI image and the deployment descriptor a standard format (Kubernetes manifests or Knative-compatible service YAML) so the move is a re-deploy, not a rewrite.", "cncf-conformance")], nxt="q-node"),
 ]))

NODE_HELP = ("This separates the container platforms from each other. Operators, custom resources and vendor Helm charts need a Kubernetes API, which Cloud Run, Container Apps and Fargate do not expose. "
 "Changing the nodes themselves separates standard managed Kubernetes (EKS, AKS, GKE Standard), where the team can run privileged DaemonSets and choose or configure node images, from the provider-run-node modes: "
 "EKS Auto Mode picks and patches the AMI, GKE Autopilot admits privileged pods only through allowlists, AKS Automatic enforces baseline Pod Security Standards. "
 "Answer for the most demanding workload that will run on the platform; mainstream security and observability agents are usually available as sidecars, allowlisted partner workloads or provider integrations, so check yours before answering the last option.")
nodes.append(q("q-node", "How deep into the platform do the workloads reach?", NODE_HELP,
 [ans("Nothing beyond ordinary containers or code", NODE_A1_CONS, NODE_A1_EFF, nxt="q-sharing"),
  ans("The Kubernetes API: operators, CRDs or vendor Helm charts, but no node changes", NODE_A2_CONS, NODE_A2_EFF, nxt="q-sharing"),
  ans("The nodes: own node image, kernel modules or parameters, or non-allowlisted privileged agents", NODE_A3_CONS, NODE_A3_EFF, nxt="q-sharing"),
 ]))

ONPREM_K8S_HELP = ("On your own hardware the choice is between self-run platforms, and the Kubernetes API is what separates them: operators, custom resources (CRDs) and vendor Helm charts "
 "run only on a Kubernetes cluster, not on VMs or Nomad. Much vendor software for on-premises is shipped as Helm charts or operators, so check the products you must run before answering.")
nodes_onprem = q("q-node-onprem", "Do the workloads need the Kubernetes API (operators, custom resources or vendor Helm charts)?", ONPREM_K8S_HELP,
 [ans("No: ordinary containers, processes or VMs", "No change: VMs, Nomad and self-managed Kubernetes all stay.", [], nxt="q-ops"),
  ans("Yes: operators, custom resources (CRDs) or vendor Helm charts", "Rules out VMs and Nomad, which have no Kubernetes API.",
      [out("vms", "Operators, CRDs and Helm charts need a Kubernetes API server; on your own VMs that is the self-managed Kubernetes option, not plain VMs."),
       out("nomad", "Nomad schedules jobs, not Kubernetes resources: operators, CRDs and Helm charts do not run on it."),
       note("Pick a distribution with vendor support and a documented upgrade path (for example OpenShift or Rancher/RKE2) rather than assembling kubeadm clusters, unless a platform team already runs them; run three control-plane nodes across failure domains and back up etcd off the cluster before the first workload goes live.", "k8s-ha", ["self-managed-kubernetes"])], nxt="q-ops"),
 ])
nodes.append(nodes_onprem)

SHARE_HELP = ("Whether the platform is shared decides who pays for it and what it must run. A platform that other systems will also run on must run "
 "workloads nobody has specified yet (jobs, stateful components, GPUs), give every system one deployment and policy model, and keep their workloads apart. "
 "A platform dedicated to this system carries its own set-up, operation and idle capacity alone: no other workload uses the capacity it leaves idle in quiet hours "
 "or in its staging and test environments, so a platform that bills only while it works is worth more. (Not asked on premises, where every remaining option is owned capacity that bills whether busy or idle.)")
nodes.append(q("q-sharing", "Will other systems share this platform, or does it serve this system only?", SHARE_HELP,
 [ans("Shared: other systems will run on it too, now or later", "Raises workload range, consistency across services strongly, and isolation, and lowers idle cost: the other systems' needs (jobs, state, GPUs) are not known yet, they deploy through the same model, their workloads must be kept apart, and they use capacity this system leaves idle.",
      [raise_("range", 2), raise_("fleet", 3), raise_("control", 1), lower("cost-idle", 1),
       note("Treat the shared platform as a product: give each system its own namespaces with resource quotas and default-deny network policies from the first one, and document the onboarding path for the next system, so adding it is configuration, not a platform project.", "k8s-multitenancy", ["managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes"]),
       note("Without a cluster-level policy layer, every workload added later is configured on its own: publish shared IaC modules (networking, identity, logging, scaling defaults) before the second team deploys, and review whether the platform still fits once workloads with GPUs, state or long jobs arrive.", None, ["serverless-containers", "functions", "paas", "vms"])], nxt="q-ops"),
  ans("Dedicated: it runs this system only", "Raises idle cost strongly and operational load: no other workload absorbs the platform's idle capacity or shares its running effort.",
      [raise_("cost-idle", 3), raise_("ops", 1),
       note("A cluster dedicated to one system carries its fixed costs alone (control-plane fee where charged, system pods and add-ons, scaling headroom): include them in the per-service cost and revisit the choice if the system stays small.", None, ["managed-kubernetes", "autopilot-kubernetes"])], nxt="q-ops"),
 ]))

nodes.append(q("q-ops", "Who will run the platform the services are deployed on?",
 "Operational capacity decides how much platform you can own: Kubernetes and Nomad need people who upgrade, patch and are on call for the platform itself; functions, serverless containers and PaaS move most of that to the provider (AWS, Azure and Google decision guides all frame this as control versus management effort).",
 [ans("A platform or SRE team runs infrastructure for us", "Lowers the weight of operational load (the product team still shares on-call and upgrade work) and raises consistency across services strongly: a shared platform is already paid for.",
      [lower("ops", 1), raise_("fleet", 2)], nxt="q-team"),
  ans("The product team runs its own infrastructure", "Keeps operational load at its default weight.", [], nxt="q-team"),
  ans("Little operations capacity: we buy managed services", "Raises operational load to the top weight: every platform component you run yourself is a risk.",
      [setw("ops", 5), raise_("delivery", 1),
       note("With little operations capacity, a self-run cluster or fleet of VMs has nobody to patch, upgrade and restore it: if on-premises hosting is fixed, plan for a vendor-supported distribution with a support contract or for hiring platform staff before adopting it.", "k8s-prod", ["self-managed-kubernetes", "nomad", "vms"])], nxt="q-team"),
 ], fact="ops-capacity"))

nodes.append(q("q-team", "How many teams will build and deploy services on this platform?",
 "A shared platform pays back across teams: one deployment and policy model for many teams is worth a cluster's overhead, while one team gains little from it and pays the full learning curve.",
 [ans("One team (up to about 10 engineers)", "Raises time to first release; consistency across teams matters little.",
      [raise_("delivery", 1), lower("fleet", 1)], nxt="q-services"),
  ans("Two to five teams", "Raises consistency across services a little: several teams start to share conventions.", [raise_("fleet", 1)], nxt="q-services"),
  ans("More than five teams", "Raises consistency across services strongly.",
      [raise_("fleet", 2),
       note("Several teams on one cluster need namespaces, resource quotas, RBAC per team and network policies from day one (Kubernetes multi-tenancy guidance).", "k8s-multitenancy", ["managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes"])], nxt="q-services"),
 ], fact="team-size"))

nodes.append(q("q-services", "How many separately deployed services or jobs will run on it in the next two years?",
 "The number of deployables, not the architecture label, decides whether per-service configuration (PaaS apps, VM images, function triggers) stays manageable or whether a scheduler with one API pays off. The architecture tree decides the style; this counts what it produces.",
 [ans("One to three", "Lowers consistency across services and raises time to first release: per-service configuration stays small and a platform has little to amortise.", [lower("fleet", 1), raise_("delivery", 1)], nxt="q-k8s"),
  ans("Four to twenty", "Keeps weights.", [], nxt="q-k8s"),
  ans("More than twenty", "Raises consistency across services.", [raise_("fleet", 2)], nxt="q-k8s"),
 ]))

nodes.append(q("q-k8s", "How much Kubernetes experience does the team (or its platform team) have?",
 "Kubernetes' learning curve is the largest single cost in adopting it; a team that already runs production clusters pays little of it, a team without that experience pays it before the first release. A team that runs Kubernetes in production weighs reuse of that platform (any other platform becomes a second deployment model beside it); a team without experience weighs time to first release and operational load more.",
 [ans("We run Kubernetes in production today", "Weighs reuse of the team's Kubernetes platform (weight 3): its learning curve, tooling and operating routine are paid for Kubernetes options only, and any other platform becomes a second deployment model beside it.",
      [setw("reuse", 3)], nxt="q-packaging"),
  ans("Some experience, no production clusters", "Keeps weights.", [], nxt="q-packaging"),
  ans("No Kubernetes experience", "Raises time to first release and operational load.",
      [raise_("delivery", 1), raise_("ops", 1)], nxt="q-packaging"),
 ]))

nodes.append(q("q-packaging", "How are the services packaged today?",
 "Packaging decides what a platform costs to adopt: container platforms need OCI images (a Dockerfile or buildpacks), PaaS also deploys plain application code and patches the language runtime for you. Azure's compute decision tree asks whether the application can be containerised early for the same reason. (Software that cannot be containerised at all belongs on VMs or a scheduler with non-container drivers such as Nomad; run this tree separately for it.)",
 [ans("OCI container images built in CI", "Lowers time to first release weight: container platforms' prerequisite is met.", [lower("delivery", 1)], nxt="q-workload"),
  ans("Application code or packages (JAR, zip, wheel), not containerised yet", "Weighs fit with today's packaging (weight 2): container platforms need images built and patched first; PaaS deploys the packages and patches the runtime.",
      [setw("packaging", 2),
       note("Build images with Cloud Native Buildpacks or a hardened base image and rebuild them on every base-image patch; the image is now yours to patch, not the provider's.", "buildpacks", ["serverless-containers", "managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes"])], nxt="q-workload"),
 ]))

nodes.append(q("q-workload", "What shape is the main workload?",
 "Workload shape is the first split in every vendor guide (Azure's compute decision tree, AWS's modern-application strategy, Google's 'Where should I run my stuff?'): always-on services favour warm processes, request-driven traffic with idle periods favours scale-to-zero, short event handlers favour functions, long batch jobs need a platform without per-invocation limits. Run this tree once per workload if shapes differ a lot; most systems end with a main platform plus one other.",
 [ans("Always-on services (steady APIs, WebSockets, consumers that never stop)", "Raises latency predictability and workload range; lowers idle cost strongly and elasticity, which steady services rarely use.",
      [raise_("latency", 1), raise_("range", 1), lower("cost-idle", 2), lower("elasticity", 1)] + NEXT_SERVICES, nxt="q-state"),
  ans("Request-driven HTTP services with traffic that varies a lot", "Raises elasticity.",
      [raise_("elasticity", 1)] + NEXT_HTTP, nxt="q-traffic-http"),
  ans("Event or queue handlers (messages, file arrivals, other events)", "Raises elasticity and native event triggers to the top weight; lowers latency, which queued work rarely needs.",
      [raise_("elasticity", 1), setw("event", 5), lower("latency", 1)] + NEXT_EVENTS, nxt="q-traffic-events"),
  ans("Batch or scheduled jobs (reports, imports, model training)", "Raises workload range and native event triggers (schedules, file arrivals); lowers latency, which jobs rarely need.",
      [raise_("range", 1), lower("latency", 2), raise_("event", 1)] + NEXT_BATCH, nxt="q-duration-batch"),
 ]))

# always-on branch
nodes.append(q("q-state", "Will stateful components (databases, brokers, search clusters) run on this platform, or in managed services?",
 "Running a database or broker needs stable identities and persistent volumes (Kubernetes StatefulSets, VMs with disks); functions cannot host a listening server with local state, and serverless containers keep only attached volumes. Managed data services take this off the compute platform entirely.",
 [ans("State lives in managed data services; our services are stateless", "No change: the compute platform only runs stateless processes.", [], nxt="q-gpu-service"),
  ans("We run some stateful components ourselves on this platform", "Raises workload range and operational load; rules out functions, PaaS and serverless containers (no stable identity or lasting disk).",
      [raise_("range", 2), raise_("ops", 1),
       out("functions", "A function invocation cannot host a database, broker or search node: it has no stable network identity, stops at its timeout and keeps no persistent local disk."),
       out("paas", "PaaS instances (App Service, Elastic Beanstalk, App Engine) are replaceable web workers without stable identity or durable block storage; a database or broker node cannot run there safely."),
       note("Run databases on Kubernetes only with an operator that automates backup, restore and failover (for example CloudNativePG or Strimzi), a StatefulSet with persistent volumes, and a rehearsed restore; otherwise prefer the managed service.", "k8s-sts", ["managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes"]),
       out("serverless-containers", "A database, broker or search node needs a stable network identity and a disk that survives its instance; Cloud Run and Container Apps mount only network file shares (Cloud Storage, NFS, Azure Files), and an ECS task gets an EBS volume created at launch and deleted by default when it stops, so a replacement task does not get its predecessor's disk. Keep the containers stateless and put the state on managed data services or VMs."),
       note("Run each stateful component on VMs with persistent disks, replicated across zones, with backups restored in a test at least quarterly; a managed data service removes that work if one exists for the engine.", None, ["vms", "nomad"])], nxt="q-gpu-service"),
 ]))
nodes.append(q("q-gpu-service", "Do the services need GPUs (for example model inference)?",
 "GPU support splits the platforms: Kubernetes (with device plugins), VMs, Nomad, Cloud Run, Azure Container Apps and ECS Managed Instances offer GPUs; Lambda, the Azure Functions Consumption, Flex Consumption and Premium plans, Fargate and App Service do not.",
 [ans("No GPUs", "No change.", [], nxt="o-services"),
  ans("Yes, GPUs for inference or other services", "Raises workload range strongly; rules out functions and PaaS.",
      [raise_("range", 3),
       out("functions", "Lambda and the Azure Functions Consumption, Flex Consumption and Premium plans offer no GPUs; GPU serving runs on Cloud Run services, Azure Container Apps (including Azure Functions hosted on Container Apps) or ECS Managed Instances, which is the serverless-containers option."),
       out("paas", "Azure App Service and Google App Engine offer no GPU instances, and Elastic Beanstalk's managed platforms do not manage GPU drivers; GPU work belongs on Kubernetes GPU node pools, serverless GPU containers or VMs."),
       note("On AWS run GPU containers on ECS Managed Instances with a GPU instance type (Fargate has no GPUs): AWS provisions, patches and scales the instances, which bill as EC2 capacity while they run; on Google Cloud and Azure, Cloud Run and Container Apps serverless GPUs scale to zero, so set minimum instances if the first request after idle must not wait for a model load.", "ecs-mi", ["serverless-containers"]),
       note("Schedule GPUs through the device plugin and a dedicated, tainted GPU node pool so ordinary pods never land on expensive nodes.", "k8s-gpu", ["managed-kubernetes", "self-managed-kubernetes"]),
       note("Request GPUs in the pod spec (GKE Autopilot accelerator compute classes, an EKS Auto Mode NodePool with GPU instance types, AKS Automatic node auto-provisioning): the provider adds GPU nodes for those pods and removes them afterwards; check the GPU models each mode offers in your region.", "gke-autopilot", ["autopilot-kubernetes"])], nxt="o-services"),
 ]))

# request-driven branch
nodes.append(q("q-traffic-http", "What does the request traffic look like over a typical week?",
 "Traffic shape decides which cost model wins: scale-to-zero and per-request billing win when the service is idle much of the time; VM-priced capacity wins at sustained high utilisation (Lambda's own docs point steady high-throughput work to Lambda Managed Instances on EC2 pricing).",
 [ans("Sustained, high most of the day", "Raises unit cost at sustained load and lowers idle cost strongly: a service busy all day is rarely idle (idle staging or test environments keep some weight on a dedicated platform).",
      [raise_("cost-steady", 2), lower("cost-idle", 2),
       note("At sustained load, per-request billing is the expensive way to buy compute: compare the monthly bill with reserved VM or node capacity, and on AWS consider Lambda Managed Instances (EC2 pricing plus a management fee, no cold starts, CPU-based asynchronous scaling).", "lmi", ["functions"]),
       note("At sustained load, set minimum instances to the base load and compare per-vCPU-second billing with committed-use or savings-plan prices.", "run-min", ["serverless-containers"])], nxt="q-latency"),
  ans("Predictable daily peaks with quiet nights", "Keeps both cost weights.", [], nxt="q-latency"),
  ans("Spiky or unpredictable, idle for long periods", "Raises idle cost strongly and elasticity: paying for idle capacity is the main cost.",
      [raise_("cost-idle", 3), raise_("elasticity", 1)], nxt="q-latency"),
 ]))
nodes.append(q("q-latency", "How strict is the latency requirement for the first request after a quiet period?",
 "Scale-to-zero platforms start instances on demand: a cold start adds from a few hundred milliseconds to seconds depending on runtime and image. Provisioned concurrency or minimum instances remove it, at the price of paying for idle capacity.",
 [ans("Strict: every request, including the first, must meet a tight p99 (for example under 200 ms)", "Raises latency predictability strongly.",
      [raise_("latency", 3),
       note("Keep warm capacity for the strict path: provisioned concurrency (Lambda) or always-ready instances (Azure Functions Flex Consumption/Premium); SnapStart (Java 11+, Python 3.12+, .NET) shortens cold starts to about a second or less, but AWS points strict cold-start requirements to provisioned concurrency. Measure the cold path in load tests.", "lambda-pc", ["functions"]),
       note("Set minimum instances to at least one per region so no user request waits for a container start.", "run-min", ["serverless-containers"])], nxt="o-http"),
  ans("Tolerant: an occasional slower first request is acceptable", "Keeps latency weight.", [], nxt="o-http"),
 ]))

# event branch
nodes.append(q("q-traffic-events", "How steady is the event volume?",
 "Event handlers that sit idle most of the day cost nothing on functions and scale-to-zero containers; a firehose that never stops is cheaper on capacity you pay for once.",
 [ans("Sustained, high volume most of the day", "Raises unit cost at sustained load and lowers idle cost strongly: handlers busy all day are rarely idle.",
      [raise_("cost-steady", 2), lower("cost-idle", 2),
       note("For a sustained event stream, compare the invocation bill with the same consumers on containers; on AWS, Lambda Managed Instances price the work like EC2 but scale on CPU asynchronously, so traffic doubling within minutes can throttle.", "lmi", ["functions"])], nxt="q-duration-events"),
  ans("Bursty: quiet periods and sudden spikes", "Raises idle cost and elasticity.",
      [raise_("cost-idle", 2), raise_("elasticity", 1),
       note("Check the concurrency quota against the peak burst before launch: Lambda allows 1,000 concurrent executions per Region by default (lower on new accounts), shared by all functions, so one burst can throttle unrelated functions unless the handler has reserved concurrency.", "lambda-limits", ["functions"])], nxt="q-duration-events"),
  ans("Low volume: a few events per minute or less", "Raises idle cost strongly.",
      [raise_("cost-idle", 3)], nxt="q-duration-events"),
 ]))
DUR_HELP = ("Duration limits are hard platform limits, not preferences: Lambda stops an invocation at 15 minutes (90 minutes for asynchronous and event-source invocations on Lambda Managed Instances, which run on always-on EC2 capacity), event-driven Cloud Run functions at 9 minutes, Azure Functions Consumption at 10 minutes; Azure Functions Flex Consumption and Premium set no cap but give a running execution only 60 minutes' grace when scaling in and 10 minutes during platform updates. Containers, Cloud Run jobs (up to 168 hours per task), Kubernetes Jobs, VMs and Nomad have no such cap.")
def duration_answers(nxt):
    return [
     ans("Under 15 minutes per unit of work", "Lowers workload range: every platform, including functions, can run it.", [lower("range", 1)], nxt=nxt),
     ans("15 to 60 minutes per unit of work", "Raises workload range by 2: standard Lambda, event-driven Cloud Run functions and Consumption-plan Azure Functions cannot run it.",
         [raise_("range", 2),
          note("Standard Lambda cannot run a unit of work beyond 900 seconds: split the work into steps orchestrated by Step Functions (or Lambda durable functions), run it as a container job, or use Lambda Managed Instances (asynchronous and event-source invocations up to 90 minutes, billed as EC2 capacity plus a management fee, so no scale-to-zero); on Azure, use the Flex Consumption or Premium plan with a timeout set explicitly.", "lambda-limits", ["functions"])], nxt=nxt),
     ans("Over an hour per unit of work, not split into resumable steps", "Raises workload range; rules out functions.",
         [raise_("range", 2),
          out("functions", "No FaaS platform runs an uninterrupted unit of work of unbounded length over an hour reliably: Lambda stops at 15 minutes (90 minutes for asynchronous invocations on Lambda Managed Instances), Cloud Run functions at 60 (HTTP) or 9 (event-driven) minutes, and Azure Functions Flex Consumption and Premium give a running execution only 60 minutes' grace on scale-in and 10 minutes during platform updates."),
          note("Make hour-long work restartable anyway: checkpoint progress so a node drain, spot reclaim or maintenance event costs minutes, not the whole run (Cloud Run job tasks using GPUs, for instance, are terminated rather than live-migrated during maintenance).", "run-task-timeout")], nxt=nxt),
    ]
nodes.append(q("q-duration-events", "How long does one unit of work (one message or event) take at most?", DUR_HELP, duration_answers("o-events")))

# batch branch
nodes.append(q("q-duration-batch", "How long does one job or task run at most?", DUR_HELP, duration_answers("q-gpu-batch")))
nodes.append(q("q-gpu-batch", "Do the jobs need GPUs (for example training or batch inference)?",
 "GPU jobs need a platform with GPU capacity and a scheduler that frees the GPU when the job ends: Kubernetes Jobs on GPU node pools, Cloud Run jobs or Container Apps jobs with GPUs, AWS Batch or ECS Managed Instances, or VMs; not Lambda, Azure Functions, Fargate or App Service.",
 [ans("No GPUs", "No change.", [], nxt="o-batch"),
  ans("Yes, GPUs", "Raises workload range strongly; rules out functions and PaaS.",
      [raise_("range", 3),
       out("functions", "Lambda and the Azure Functions Consumption, Flex Consumption and Premium plans offer no GPUs; GPU jobs run as Cloud Run jobs, on Azure Container Apps or on ECS Managed Instances (the serverless-containers option), Kubernetes, AWS Batch or VMs."),
       out("paas", "Azure App Service and Google App Engine offer no GPU instances, and Elastic Beanstalk's managed platforms do not manage GPU drivers or job scheduling; GPU jobs belong on Kubernetes, serverless GPU jobs, AWS Batch or VMs."),
       note("Check the GPU job limit of your provider before committing: Cloud Run jobs cap a GPU task at 1 hour (12 hours in preview) and terminate GPU tasks during maintenance, while on AWS GPU jobs run on ECS Managed Instances or EC2 capacity through AWS Batch (Fargate has no GPUs). Checkpoint multi-hour training so an interruption costs minutes; for model training, the providers' managed training jobs (Amazon SageMaker AI, Vertex AI custom training, Azure Machine Learning) run multi-hour GPU work without a cluster.", "run-task-timeout", ["serverless-containers", "vms"]),
       note("Run GPU jobs as Kubernetes Jobs on a tainted GPU node pool that scales to zero when the queue is empty.", "k8s-jobs", ["managed-kubernetes", "self-managed-kubernetes"]),
       note("Run GPU jobs as Kubernetes Jobs that request GPUs in the pod spec; GKE Autopilot, EKS Auto Mode and AKS Automatic add GPU nodes for them and remove the nodes when the Jobs finish, so idle GPUs are not billed.", "k8s-jobs", ["autopilot-kubernetes"])], nxt="o-batch"),
 ]))

nodes.append({"id": "o-services", "kind": "outcome", "options": [], "title": "Choose where the always-on services run",
 "context": "The system's main workload is long-lived services; this decision picks the compute platform they run on, separate from the architecture style that decided how many services there are."})
nodes.append({"id": "o-http", "kind": "outcome", "options": [], "title": "Choose where the request-driven services run",
 "context": "The system serves HTTP traffic that varies over the day or week; this decision picks the compute platform for it, weighing scale-to-zero and per-request billing against warm capacity and cold starts."})
nodes.append({"id": "o-events", "kind": "outcome", "options": [], "title": "Choose where the event and queue handlers run",
 "context": "The main workload consumes events or queue messages; this decision picks the compute platform for the handlers, given their duration and how steady the event volume is."})
nodes.append({"id": "o-batch", "kind": "outcome", "options": [], "title": "Choose where the batch and scheduled jobs run",
 "context": "The main workload is batch or scheduled jobs; this decision picks a platform that runs them to completion within its duration limits and frees capacity between runs."})

# ---------------------------------------------------------------- checks
CHECKS = []
def chk(name, when, kind, opts, why, src):
    CHECKS.append({"name": name, "when": when, "expect": {kind: [c(o) for o in opts]}, "why": why, "source": url(src) if src in R else src})

L = {n["id"]: [a["label"] for a in n["answers"]] for n in nodes if n["kind"] == "question"}
def A(qid, *idx): return {qid: [L[qid][i] for i in idx]}
def W(*parts):
    d = {}
    for p in parts: d.update(p)
    return d

chk("on-premises-runs-self-run-platforms", A("q-hosting", 2), "winner_in", SELF,
    "Provider-operated services do not run in your own data centre (review M2: no cloud-only advice on premises).", "az-tree")
chk("little-ops-few-services-never-self-run", W(A("q-ops", 2), A("q-services", 0), A("q-k8s", 1, 2), A("q-hosting", 0, 1, 3)), "never", ["self-managed-kubernetes", "nomad"],
    "Review H2: a team with little operations capacity and one to three services must not be handed a scheduler platform (control plane, etcd or Raft servers, networking, upgrades) it has to build and run itself.", "k8s-prod")
chk("little-ops-one-team-never-nomad", W(A("q-ops", 2), A("q-team", 0), A("q-k8s", 1, 2), A("q-hosting", 0, 1, 3)), "never", ["nomad", "self-managed-kubernetes"],
    "Review H2: one team with little operations capacity must not run a scheduler cluster plus Consul and Vault.", "nomad")
chk("on-prem-little-ops-few-services-never-scheduler", W(A("q-ops", 2), A("q-services", 0), A("q-node-onprem", 0), A("q-k8s", 1, 2)), "never", ["nomad", "self-managed-kubernetes"],
    "Review H2 on premises: one to three services, little operations capacity and no need for the Kubernetes API: a scheduler cluster has nothing to amortise it.", "k8s-prod")
chk("little-ops-cloud-never-managed-k8s-standard", W(A("q-node", 0), A("q-ops", 2), A("q-hosting", 0), A("q-k8s", 1, 2), A("q-portability", 0, 1), A("q-team", 0)), "never", ["managed-kubernetes"],
    "With little operations capacity on a public cloud, node pools and add-ons are avoidable work: provider-managed nodes, serverless containers, PaaS or functions carry it (EKS Auto Mode guidance targets exactly this team).", "eks-auto-bp")
chk("long-work-never-functions", W(A("q-duration-events", 2)), "never", ["functions"],
    "Lambda stops at 15 minutes (90 minutes on Lambda Managed Instances for asynchronous and event-source invocations) and event-driven Cloud Run functions at 9 minutes; work over an hour with no resumable steps needs a platform without a per-invocation cap.", "lambda-limits")
chk("long-batch-never-functions", W(A("q-duration-batch", 2)), "never", ["functions"],
    "Lambda stops at 15 minutes; hour-long jobs need a platform without a per-invocation cap.", "lambda-limits")
chk("batch-15-60-never-functions", W(A("q-duration-batch", 1)), "never", ["functions"],
    "Standard Lambda cannot run a 15-60 minute job (900-second cap) and event-driven Cloud Run functions stop at 9 minutes; Lambda Managed Instances (up to 90 minutes, on always-on EC2 capacity) and Azure Functions Flex Consumption or Premium (no fixed cap, but a worker can be recycled with at most a 60-minute scale-in grace) can, which puts the job at or near the platform's ceiling; container jobs (Cloud Run jobs up to 168 hours, Container Apps jobs, ECS tasks) have no such ceiling and are the right tool.", "lambda-limits")
chk("on-prem-k8s-api-never-vms-or-nomad", A("q-node-onprem", 1), "never", ["vms", "nomad"],
    "Second review: on premises, operators, CRDs and vendor Helm charts need a Kubernetes API server; plain VMs and Nomad cannot run them, so a team that needs them must not be sent to VMs.", "k8s-crd")
chk("code-packaged-small-team-managed-runtime", W(A("q-packaging", 1), A("q-node", 0), A("q-sharing", 1), A("q-team", 0), A("q-ops", 1, 2), A("q-k8s", 1, 2), A("q-hosting", 0), A("q-workload", 0), A("q-state", 0), A("q-gpu-service", 0)), "winner_in", ["paas", "serverless-containers"],
    "Second review: PaaS won only where the workload needs the nodes (where App Service and App Engine give no host access) and never for the code-deployed web app it exists for. Canonical: one team, code not containerised, stateless always-on services on one cloud, on a platform dedicated to this system: a platform that deploys the package and patches the runtime, or serverless containers built from source (Azure's compute decision tree: App Service for non-containerised web apps).", "az-tree")
chk("planned-move-never-paas", A("q-portability", 2), "never", ["paas"],
    "Second review: a planned move must not land on a platform whose deployment slots, app settings, scaling rules and bindings are provider-specific and which has no on-premises equivalent; the move needs an OCI image and a standard descriptor.", "cncf-conformance")
chk("several-clouds-never-paas", A("q-hosting", 1), "never", ["paas"],
    "Second review: App Service, Elastic Beanstalk and App Engine are three different platforms; several clouds need one deployment model, which an OCI image on containers or Kubernetes gives.", "cncf-conformance")
chk("k8s-in-production-never-nomad", A("q-k8s", 0), "never", ["nomad"],
    "Second review: an on-premises platform team that already runs Kubernetes in production was sent to Nomad on a tie; a second scheduler beside the Kubernetes one doubles servers, job formats, upgrades and on-call for the same team.", "nomad")
chk("stateful-never-serverless-containers", A("q-state", 1), "never", ["serverless-containers"],
    "Second review: a team running its own databases or brokers was sent to serverless containers with a note telling it not to run them there. A database or broker node needs a stable identity and a disk that outlives the instance; Cloud Run and Container Apps offer only network file shares, and ECS deletes a task's EBS volume when the task stops by default.", "ecs-ebs")
chk("stateful-never-functions", A("q-state", 1), "never", ["functions", "paas"],
    "A function or PaaS web app cannot host a database or broker node with stable identity and persistent volumes; StatefulSets or VMs can.", "k8s-sts")
chk("gpu-service-never-functions-or-paas", A("q-gpu-service", 1), "never", ["functions", "paas"],
    "Lambda, the Azure Functions Consumption/Flex/Premium plans, App Service and App Engine offer no GPUs; Cloud Run and Container Apps do.", "run-gpu")
chk("gpu-batch-never-functions-or-paas", A("q-gpu-batch", 1), "never", ["functions", "paas"],
    "GPU jobs need GPU capacity and a job scheduler; FaaS and App Service provide neither.", "k8s-gpu")
chk("sustained-http-never-functions", A("q-traffic-http", 0), "never", ["functions"],
    "Review M3: per-invocation pricing at sustained high load exceeds containers or VMs; AWS itself offers Lambda Managed Instances on EC2 pricing for that case.", "lmi")
chk("strict-latency-never-functions", A("q-latency", 0), "never", ["functions"],
    "Cold starts on scale-out break a strict first-request p99 unless capacity is pre-provisioned, which removes the pay-per-use advantage.", "lambda-pc")
chk("one-team-no-k8s-never-self-managed-k8s", W(A("q-team", 0), A("q-k8s", 2), A("q-ops", 1, 2), A("q-hosting", 0, 1, 3)), "never", ["self-managed-kubernetes"],
    "One team without Kubernetes experience would spend its first months building a platform instead of the product.", "k8s-prod")
chk("one-team-few-services-cloud-never-k8s-standard", W(A("q-node", 0), A("q-team", 0), A("q-services", 0), A("q-hosting", 0), A("q-ops", 1, 2), A("q-k8s", 1, 2), A("q-portability", 0, 1), A("q-workload", 1, 2)), "never", ["managed-kubernetes", "self-managed-kubernetes", "nomad"],
    "Review H1 in compute terms: one team with one to three request- or event-driven deployables gains nothing from running a cluster (Azure's decision tree sends non-orchestrated apps to App Service or Container Apps).", "az-tree")
chk("spiky-http-small-team-cloud-scale-to-zero", W(A("q-node", 0), A("q-k8s", 1, 2), A("q-traffic-http", 2), A("q-latency", 1), A("q-team", 0), A("q-hosting", 0), A("q-ops", 1, 2), A("q-services", 0, 1)), "winner_in", ["serverless-containers", "functions"],
    "Canonical: one team, idle-heavy HTTP traffic, cold starts tolerated, cloud: scale-to-zero platforms fit (Google's guide puts Cloud Run first for stateless HTTP containers).", "gcp-where")
chk("bursty-short-events-little-ops-serverless", W(A("q-node", 0), A("q-k8s", 1, 2), A("q-traffic-events", 1, 2), A("q-duration-events", 0), A("q-ops", 2), A("q-hosting", 0, 3), A("q-team", 0, 1)), "winner_in", ["functions", "serverless-containers"],
    "Canonical: short, bursty event handlers with little operations capacity are what FaaS and scale-to-zero containers are for (the review confirmed 'bursty background tasks, one team, managed' → serverless).", "aws-modern")
chk("platform-team-many-teams-cloud-k8s", W(A("q-ops", 0), A("q-team", 2), A("q-services", 2), A("q-k8s", 0), A("q-hosting", 0, 1), A("q-workload", 0)), "winner_in", ["managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes"],
    "Canonical: more than five teams, more than twenty always-on services, a platform team that already runs Kubernetes: a shared cluster pays back (self-run only where portability demands it).", "aws-containers")
chk("on-prem-platform-team-k8s", W(A("q-hosting", 2), A("q-ops", 0), A("q-k8s", 0), A("q-services", 1, 2), A("q-team", 1, 2)), "winner_in", ["self-managed-kubernetes"],
    "Canonical: on-premises with a platform team that runs Kubernetes and several services: a supported distribution (OpenShift, Rancher) is the standard answer.", "openshift")
chk("on-prem-little-ops-one-team-vms", W(A("q-hosting", 2), A("q-node-onprem", 0), A("q-ops", 2), A("q-team", 0), A("q-k8s", 1, 2)), "winner_in", ["vms"],
    "On-premises, one team with little operations capacity: VMs with configuration management are what the team can keep patched; not a scheduler cluster it has to build.", "nomad")
chk("several-clouds-never-functions", A("q-hosting", 1), "never", ["functions"],
    "Functions tie code to one provider's triggers and event formats; several clouds need a portable artefact.", "cncf-conformance")
chk("planned-move-never-functions", A("q-portability", 2), "never", ["functions"],
    "A planned move needs a portable artefact; function handlers, triggers and event formats are rewritten on every move.", "cncf-conformance")
chk("steady-services-one-team-little-ops-managed", W(A("q-node", 0), A("q-workload", 0), A("q-team", 0), A("q-ops", 2), A("q-hosting", 0), A("q-state", 0), A("q-gpu-service", 0), A("q-k8s", 1, 2), A("q-portability", 0, 1)), "winner_in", ["paas", "serverless-containers", "autopilot-kubernetes"],
    "Canonical: one team with little operations capacity running stateless always-on services on one cloud: a managed application platform (Azure's tree: App Service or Container Apps).", "az-tree")

chk("k8s-api-needs-kubernetes", A("q-node", 1), "winner_in", ["managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes"],
    "Reviewer finding: operators, CRDs and vendor Helm charts need a Kubernetes API server; serverless containers, functions, PaaS, VMs and Nomad cannot run them.", "k8s-crd")
chk("node-changes-never-provider-run-nodes", A("q-node", 2), "never", ["autopilot-kubernetes", "serverless-containers", "functions", "paas"],
    "Reviewer finding: custom node images, kernel modules or non-allowlisted privileged agents are impossible where the provider owns the node image (EKS Auto Mode, GKE Autopilot, AKS Automatic) or exposes no host (Cloud Run, Container Apps, Fargate, FaaS).", "eks-auto-instances")

chk("shared-platform-team-cloud-k8s", W(A("q-sharing", 0), A("q-ops", 0), A("q-k8s", 0), A("q-team", 1, 2), A("q-workload", 0), A("q-hosting", 0, 1)), "winner_in", ["managed-kubernetes", "autopilot-kubernetes", "self-managed-kubernetes"],
    "Canonical: a platform team that runs Kubernetes builds a platform several teams' systems will share: one cluster API with namespaces, quotas, RBAC and network policies per tenant is the standard shared runtime.", "k8s-multitenancy")
chk("dedicated-spiky-http-one-team-never-self-run", W(A("q-sharing", 1), A("q-node", 0), A("q-team", 0), A("q-ops", 1, 2), A("q-workload", 1), A("q-traffic-http", 2), A("q-hosting", 0)), "never", ["managed-kubernetes", "self-managed-kubernetes", "nomad", "vms"],
    "A platform dedicated to one team's spiky, often idle HTTP service must not bill idle nodes around the clock: scale-to-zero or provider-run capacity fits (Cloud Run scales to zero and bills per use).", "run-overview")

chk("sustained-many-teams-platform-team-cloud-no-functions-or-vms", W(A("q-ops", 0), A("q-team", 2), A("q-services", 2), A("q-k8s", 0), A("q-hosting", 0, 1), A("q-workload", 1), A("q-traffic-http", 0)), "never", ["functions", "vms", "paas"],
    "Sustained all-day HTTP load from more than twenty services built by more than five teams, with a platform team that runs Kubernetes: per-invocation billing (functions) is the expensive way to buy steady compute, and per-service VM images or PaaS apps multiply configuration across twenty services; a cluster (or serverless containers with minimum instances on a dedicated platform) fits.", "lmi")
chk("little-ops-dedicated-cloud-never-self-run", W(A("q-sharing", 1), A("q-ops", 2), A("q-hosting", 0)), "never", ["self-managed-kubernetes", "nomad"],
    "A team with little operations capacity running a platform for one system on a public cloud must not be handed a control plane, etcd or Raft servers to run itself.", "k8s-prod")

tree = {
 "$schema": "./schema.json", "format": 2, "id": "compute-platform", "namespace": NS,
 "title": "Compute platform",
 "description": "Choose where the services run: Kubernetes (managed, provider-managed nodes, self-run), serverless containers, functions, PaaS, VMs or Nomad.",
 "source": "Backend Developer Persona › Decision-Making Approaches › System Architecture",
 "references": [ref(k) for k in ["az-tree", "aws-containers", "aws-modern", "gcp-where", "k8s-prod", "cncf-conformance"]],
 "area": {"id": "architecture", "title": "System Architecture", "position": 2},
 "tie_break": {"order": [c(x) for x in ORDER], "why": "Least to build and operate first: PaaS and serverless containers, then Kubernetes with provider-run nodes, VMs, functions (their duration, state and portability limits make a tie a reason for caution), then self-run node pools and schedulers."},
 "criteria": [{"id": c(i), "name": n, "description": d, "default_weight": w} for i, n, d, w in CRIT],
 "options": [O[k] for k in ALL],
 "root": "q-compliance", "nodes": nodes, "checks": CHECKS,
}

# outcome promises filled from a winners file if given
import os
promises = os.environ.get("PROMISES")
if promises:
    p = json.load(open(promises))
    for n in nodes:
        if n["kind"] == "outcome": n["options"] = [c(x) for x in p[n["id"]]]
else:
    for n in nodes:
        if n["kind"] == "outcome": n["options"] = [c(x) for x in ALL]

ov = os.environ.get("OVERRIDES")
if ov:
    ovd = json.load(open(ov))
    for o in tree["options"]:
        for k, v in ovd.get("impacts", {}).get(o["id"], {}).items(): o["impacts"][k]["impact"] = v
    for cr in tree["criteria"]:
        if cr["id"] in ovd.get("weights", {}): cr["default_weight"] = ovd["weights"][cr["id"]]
eo = os.environ.get("EFFECTS_OVR")
if eo:
    eod = json.load(open(eo))
    for n in nodes:
        if n["kind"] != "question": continue
        for i, a in enumerate(n["answers"]):
            for e in a.get("effects", []):
                k = f'{n["id"]}|{i}|{e.get("criterion", "")[len(NS)+1:]}'
                if k in eod:
                    if e["op"] == "set": e["weight"] = eod[k]
                    else: e["by"] = eod[k]
json.dump(tree, open(sys.argv[1], "w"), indent=2, ensure_ascii=False)
print("ok")
