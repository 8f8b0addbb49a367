#!/usr/bin/env python3
"""Validates Lumigator's Kubernetes manifests without a cluster.

  k8s_check.py --crd ray.io_rayclusters.yaml [--external secret.example.yaml] RENDERED.yaml...

- Built-in kinds: strict JSON-schema validation (unknown fields are errors) against the
  Kubernetes OpenAPI schemas that the kubernetes-validate package ships, for each --k8s version.
- RayCluster: strict validation against the openAPIV3Schema of KubeRay's own CRD.
- References: selectors, Service ports, HPA targets, ConfigMap/Secret names and keys, and one
  worker Deployment per task queue of worker.yaml with an existing queue profile.
Prints one line per problem and exits 1 when there is any.
"""
import argparse
import copy
import re
import sys
from pathlib import Path

import jsonschema
import yaml
from kubernetes_validate import utils as kv

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "workflows" / "src" / "main" / "resources"


def load_all(paths):
    docs = []
    for p in paths:
        for d in yaml.safe_load_all(Path(p).read_text()):
            if d:
                docs.append((str(p), d))
    return docs


def strict_crd_schema(crd, version):
    for v in crd["spec"]["versions"]:
        if v["name"] == version:
            schema = copy.deepcopy(v["schema"]["openAPIV3Schema"])
            break
    else:
        raise SystemExit(f"CRD {crd['metadata']['name']} has no version {version}")

    def walk(s):
        if not isinstance(s, dict):
            return
        if s.pop("x-kubernetes-int-or-string", False):
            s.pop("type", None)
            s["anyOf"] = [{"type": "integer"}, {"type": "string"}]
        if (s.get("type") == "object" and "properties" in s
                and "additionalProperties" not in s
                and not s.get("x-kubernetes-preserve-unknown-fields")):
            s["additionalProperties"] = False
        for key in ("properties", "patternProperties"):
            for sub in s.get(key, {}).values():
                walk(sub)
        for key in ("items", "additionalProperties", "not"):
            walk(s.get(key))
        for key in ("allOf", "anyOf", "oneOf"):
            for sub in s.get(key, []):
                walk(sub)

    walk(schema)
    group = crd["spec"]["group"]
    schema["properties"]["apiVersion"] = {"enum": [f"{group}/{version}"]}
    schema["properties"]["kind"] = {"enum": [crd["spec"]["names"]["kind"]]}
    # metadata is validated by the API server's ObjectMeta rules; here: names and labels
    schema["properties"]["metadata"] = {"type": "object"}
    return schema


def name_of(doc):
    return f"{doc.get('kind')}/{doc.get('metadata', {}).get('name')}"


def pod_specs(doc):
    """Pod specs of a workload; malformed ones are skipped (the schema check reports them)."""
    kind = doc.get("kind")
    spec = doc.get("spec", {})
    templates = []
    if kind in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
        templates = [spec.get("template")]
    elif kind == "RayCluster":
        groups = [spec.get("headGroupSpec", {})] + spec.get("workerGroupSpecs", [])
        templates = [g.get("template") for g in groups]
    for t in templates:
        if isinstance(t, dict) and isinstance(t.get("spec"), dict):
            yield t["spec"]


def check_references(docs, external, problems):
    objects = {(d["kind"], d["metadata"]["name"]): d for _, d in docs + external}

    def keys_of(kind, name):
        d = objects.get((kind, name))
        if d is None:
            return None
        return set(d.get("data", {})) | set(d.get("stringData", {}))

    deployments = [d for _, d in docs if d["kind"] == "Deployment" and "template" in d.get("spec", {})]
    for d in deployments:
        selector = d["spec"]["selector"].get("matchLabels", {})
        labels = d["spec"]["template"]["metadata"].get("labels", {})
        if not selector.items() <= labels.items():
            problems.append(f"{name_of(d)}: selector {selector} does not match its pod labels")
    for _, d in docs:
        if d["kind"] == "Service":
            sel = d["spec"].get("selector", {})
            targets = [x for x in deployments
                       if sel and sel.items() <= x["spec"]["template"]["metadata"].get("labels", {}).items()]
            if not targets:
                problems.append(f"{name_of(d)}: selector {sel} matches no Deployment")
            for port in d["spec"].get("ports", []):
                tp = port.get("targetPort")
                if isinstance(tp, str) and targets and not any(
                        tp == cp.get("name") for t in targets
                        for c in t["spec"]["template"]["spec"]["containers"]
                        for cp in c.get("ports", [])):
                    problems.append(f"{name_of(d)}: targetPort {tp} is no container port name")
        if d["kind"] == "HorizontalPodAutoscaler":
            ref = d["spec"]["scaleTargetRef"]
            if (ref["kind"], ref["name"]) not in objects:
                problems.append(f"{name_of(d)}: scales {ref['kind']}/{ref['name']}, which is not defined")
        for spec in pod_specs(d):
            for c in spec.get("containers", []) + spec.get("initContainers", []):
                image = c.get("image", "")
                if ":" not in image.rsplit("/", 1)[-1] or image.endswith(":latest"):
                    problems.append(f"{name_of(d)}: container {c['name']} image {image!r} is not pinned")
                for src in c.get("envFrom", []):
                    for kind, ref in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
                        if ref in src and keys_of(kind, src[ref]["name"]) is None:
                            problems.append(f"{name_of(d)}: envFrom {kind} {src[ref]['name']} is not defined")
                for env in c.get("env", []):
                    vf = env.get("valueFrom", {})
                    for kind, ref in (("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef")):
                        if ref in vf:
                            keys = keys_of(kind, vf[ref]["name"])
                            if keys is None:
                                problems.append(f"{name_of(d)}: env {env['name']}: {kind} {vf[ref]['name']} is not defined")
                            elif vf[ref]["key"] not in keys:
                                problems.append(f"{name_of(d)}: env {env['name']}: {kind} {vf[ref]['name']} has no key {vf[ref]['key']}")


def check_worker_queues(docs, problems):
    worker_yaml = yaml.safe_load((RESOURCES / "worker.yaml").read_text())
    queues = [w["task-queue"] for w in worker_yaml["spring"]["temporal"]["workers"]]
    profiles = {}
    for _, d in docs:
        if d["kind"] != "Deployment":
            continue
        for c in d["spec"]["template"]["spec"]["containers"]:
            for env in c.get("env", []):
                if env["name"] == "SPRING_PROFILES_ACTIVE":
                    for p in env.get("value", "").split(","):
                        if p.startswith("queue-"):
                            profiles.setdefault(p, []).append(d["metadata"]["name"])
    for q in queues:
        profile = "queue-" + q.removeprefix("lumigator-")
        if len(profiles.get(profile, [])) != 1:
            problems.append(f"task queue {q}: want one worker Deployment with profile {profile}, found {profiles.get(profile, [])}")
        f = RESOURCES / f"worker-{profile}.yaml"
        if not f.exists():
            problems.append(f"task queue {q}: {f.relative_to(ROOT)} is missing")
        elif yaml.safe_load(f.read_text())["lumigator"]["worker"]["task-queues"] != q:
            problems.append(f"{f.relative_to(ROOT)} does not select {q}")
    for p in profiles:
        if not (RESOURCES / f"worker-{p}.yaml").exists():
            problems.append(f"Deployment(s) {profiles[p]} use profile {p}, which has no worker-{p}.yaml")


# The user's documentation of variables: the README's configuration, the deployment guide's
# Compose- and Kubernetes-only settings.
DOCS = ("README.md", "docs/DEPLOYING.md")


def check_readme(paths, problems):
    docs = "\n".join((ROOT / d).read_text() for d in DOCS)
    for p in paths:
        for var in sorted(set(re.findall(r"\bLUMIGATOR_[A-Z0-9_]+", Path(p).read_text()))):
            if var not in docs:
                problems.append(f"{p}: {var} is not documented in {' or '.join(DOCS)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--crd", action="append", default=[], help="CRD files (KubeRay's)")
    ap.add_argument("--external", action="append", default=[],
                    help="objects created outside the manifests (validated, and referable)")
    ap.add_argument("--k8s", action="append", default=[], help="Kubernetes versions")
    ap.add_argument("--readme-check", action="append", default=[],
                    help="files whose LUMIGATOR_* variables README.md or docs/DEPLOYING.md must document")
    ap.add_argument("--no-project-checks", action="store_true",
                    help="skip the worker-queue check (for test fixtures)")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    versions = args.k8s or ["1.31.0", "1.37.0"]

    crd_schemas = {}
    for f in args.crd:
        crd = yaml.safe_load(Path(f).read_text())
        for v in crd["spec"]["versions"]:
            api = f"{crd['spec']['group']}/{v['name']}"
            crd_schemas[(api, crd["spec"]["names"]["kind"])] = strict_crd_schema(crd, v["name"])

    docs = load_all(args.files)
    external = load_all(args.external)
    problems = []
    counts = {}
    for path, d in docs + external:
        key = (d.get("apiVersion"), d.get("kind"))
        where = f"{path}: {name_of(d)}"
        if key in crd_schemas:
            for e in jsonschema.Draft7Validator(crd_schemas[key]).iter_errors(d):
                problems.append(f"{where}: {'.'.join(map(str, e.absolute_path))}: {e.message}")
            counts[f"{d['kind']} (KubeRay CRD)"] = counts.get(f"{d['kind']} (KubeRay CRD)", 0) + 1
            continue
        for v in versions:
            try:
                kv.validate(d, v, strict=True)
            except kv.SchemaNotFoundError:
                problems.append(f"{where}: no schema for {key} in Kubernetes {v}")
            except kv.ValidationError as e:  # the first error of the object
                problems.append(f"{where} (Kubernetes {v}): {'.'.join(map(str, e.absolute_path))}: {e.message}")
        counts[d["kind"]] = counts.get(d["kind"], 0) + 1

    check_references(docs, external, problems)
    if not args.no_project_checks:
        check_worker_queues(docs, problems)
    check_readme(args.readme_check, problems)

    print("validated (strict, Kubernetes %s): %s" % (
        " and ".join(versions), ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))))
    for p in problems:
        print("problem:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
