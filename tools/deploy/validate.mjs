// Validates Kubernetes manifests offline, three ways, and fails on any finding:
//  1. the Kubernetes API's JSON schemas, as compiled by kubernetes-models (types, formats, required fields);
//  2. the same package's TypeScript types, through tsc: each object is checked as an object literal, so that a field
//     the API does not have (a misspelt `readinesProbe`, a misplaced key) is an error, as kubectl's strict field
//     validation would make it, where the JSON schemas let unknown fields through;
//  3. this project's own rules: API versions the cluster still serves, selectors that select, probe and Service ports
//     that exist, health probes on the management port, references to ConfigMaps and Secrets that exist.
//
// Usage: node validate.mjs [--kustomization DIR] [FILE|-]...
//   --kustomization DIR  validates the files that DIR/kustomization.yaml lists, plus DIR/secrets.example.yaml (the
//                        Secrets they reference), and checks that every YAML file of DIR is one of these.
//   FILE, or - for standard input: a YAML stream (e.g. the output of kubectl kustomize).
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));

// The APIs these manifests may use: current, GA versions only (a removed one such as policy/v1beta1 is refused even
// though kubernetes-models still ships its schema). Add a kind here when a manifest needs it.
const KINDS = {
  v1: ["Namespace", "ConfigMap", "Secret", "Service", "ServiceAccount"],
  "apps/v1": ["Deployment", "StatefulSet"],
  "policy/v1": ["PodDisruptionBudget"],
  "autoscaling/v2": ["HorizontalPodAutoscaler"],
  "networking.k8s.io/v1": ["NetworkPolicy", "Ingress"],
};
const MANAGEMENT_PORT = 9000;

const errors = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);

// ---- reading -------------------------------------------------------------------------------------------------
const resources = []; // { where, file, object }
const sourceFiles = [];

function readStream(file, text) {
  const name = file === "-" ? "<stdin>" : relative(process.cwd(), file);
  parseAllDocuments(text, { uniqueKeys: true }).forEach((doc, index) => {
    const where = `${name} document ${index + 1}`;
    for (const e of [...doc.errors, ...doc.warnings]) fail(where, `YAML: ${e.message}`);
    if (doc.errors.length) return;
    const object = doc.toJS();
    if (object === null || object === undefined) return; // an empty document (a trailing ---)
    if (typeof object !== "object" || Array.isArray(object)) return fail(where, "not a Kubernetes object (a YAML mapping)");
    resources.push({ where: `${where} (${object.kind ?? "?"} ${object.metadata?.name ?? "?"})`, file: name, object });
  });
}

const args = process.argv.slice(2);
if (!args.length) {
  console.error("usage: node validate.mjs [--kustomization DIR] [FILE|-]...");
  process.exit(2);
}
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--kustomization") {
    const dir = args[++i];
    const kustomization = parseAllDocuments(readFileSync(join(dir, "kustomization.yaml"), "utf8"))[0].toJS();
    const listed = kustomization.resources ?? [];
    const yamlFiles = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    for (const f of yamlFiles) {
      if (f !== "kustomization.yaml" && f !== "secrets.example.yaml" && !listed.includes(f)) {
        fail(join(dir, f), "not listed in kustomization.yaml's resources (nor secrets.example.yaml): never applied");
      }
    }
    for (const f of listed) {
      if (!yamlFiles.includes(f)) fail(join(dir, "kustomization.yaml"), `lists ${f}, which is not a file of ${dir}`);
    }
    for (const f of [...listed.filter((f) => yamlFiles.includes(f)), "secrets.example.yaml"].filter((f) => yamlFiles.includes(f))) {
      sourceFiles.push(join(dir, f));
    }
  } else {
    sourceFiles.push(args[i]);
  }
}
for (const file of sourceFiles) readStream(file, readFileSync(file === "-" ? 0 : file, "utf8"));

// ---- 1. the API's JSON schemas --------------------------------------------------------------------------------
for (const r of resources) {
  const { apiVersion, kind } = r.object;
  if (!KINDS[apiVersion]?.includes(kind)) {
    fail(r.where, `${apiVersion}/${kind} is not an API version and kind these manifests may use (KINDS in validate.mjs: ${Object.entries(KINDS).map(([v, ks]) => ks.map((k) => `${v}/${k}`).join(", ")).join(", ")})`);
    r.unknown = true;
    continue;
  }
  const models = await import(`kubernetes-models/${apiVersion}`);
  try {
    new models[kind](r.object).validate();
  } catch (e) {
    fail(r.where, `schema: ${e.message}`);
  }
}

// ---- 2. the API's types, strictly (unknown fields) ------------------------------------------------------------
{
  const known = resources.filter((r) => !r.unknown);
  const lines = [];
  const owners = []; // line number (1-based) -> resource
  known.forEach((r, n) => {
    const { apiVersion, kind } = r.object;
    const alias = `T${n}`;
    lines.push(`import type { I${kind} as ${alias} } from "kubernetes-models/${apiVersion}/${kind}";`);
    owners.push(r);
    const body = `export const r${n}: ${alias} = ${JSON.stringify(r.object, null, 2)};`.split("\n");
    for (const l of body) {
      lines.push(l);
      owners.push(r);
    }
  });
  if (known.length) {
    const workDir = join(here, "node_modules", ".civmil-typecheck");
    mkdirSync(workDir, { recursive: true });
    writeFileSync(join(workDir, "manifests.ts"), lines.join("\n") + "\n");
    writeFileSync(
      join(workDir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: "esnext", moduleResolution: "bundler", target: "es2022", skipLibCheck: true, types: [] },
        files: ["manifests.ts"],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(here, "node_modules", "typescript", "bin", "tsc"), "-p", workDir, "--pretty", "false"], { encoding: "utf8" });
    const output = (tsc.stdout ?? "") + (tsc.stderr ?? "");
    for (const line of output.split("\n").filter(Boolean)) {
      const m = /^.*manifests\.ts\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
      if (m) fail(owners[Number(m[1]) - 1]?.where ?? "manifests.ts", `type: ${m[3]} (${m[2]})`);
      else fail("tsc", line);
    }
    if (tsc.status !== 0 && !output.trim()) fail("tsc", `exited with ${tsc.status}`);
  }
}

// ---- 3. this project's rules -----------------------------------------------------------------------------------
const byKind = (kind) => resources.filter((r) => r.object.kind === kind);
const named = (kind, name) => byKind(kind).find((r) => r.object.metadata?.name === name);
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const workloads = [...byKind("Deployment"), ...byKind("StatefulSet")];

for (const w of workloads) {
  const spec = w.object.spec ?? {};
  const labels = spec.template?.metadata?.labels;
  const selector = spec.selector?.matchLabels;
  if (!selector || !Object.keys(selector).length || !matches(selector, labels)) {
    fail(w.where, "spec.selector.matchLabels must be non-empty and match the pod template's labels");
  }
  const pod = spec.template?.spec ?? {};
  const volumes = new Set((pod.volumes ?? []).map((v) => v.name));
  for (const c of pod.containers ?? []) {
    const ports = c.ports ?? [];
    const portOf = (p) => (typeof p === "string" ? ports.find((cp) => cp.name === p)?.containerPort : p);
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      const get = c[probe]?.httpGet;
      if (!c[probe]) fail(w.where, `container ${c.name} has no ${probe}`);
      else if (!get) fail(w.where, `container ${c.name}: ${probe} is not an HTTP check of /q/health`);
      else {
        const port = portOf(get.port);
        if (port === undefined) fail(w.where, `container ${c.name}: ${probe} port ${get.port} is none of its ports`);
        else if (port !== MANAGEMENT_PORT) fail(w.where, `container ${c.name}: ${probe} on port ${port}: health is on the management port ${MANAGEMENT_PORT} only`);
        if (!/^\/q\/health\/(live|ready|started)$/.test(get.path ?? "")) fail(w.where, `container ${c.name}: ${probe} path ${get.path} is not /q/health/live, /ready or /started`);
      }
    }
    if (!c.resources?.requests || !c.resources?.limits) fail(w.where, `container ${c.name} needs resource requests and limits`);
    const sc = c.securityContext ?? {};
    if (sc.allowPrivilegeEscalation !== false || sc.readOnlyRootFilesystem !== true || !(sc.capabilities?.drop ?? []).includes("ALL")) {
      fail(w.where, `container ${c.name}: securityContext must set allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities.drop [ALL]`);
    }
    if (sc.runAsNonRoot !== true && pod.securityContext?.runAsNonRoot !== true) fail(w.where, `container ${c.name} must run as non-root`);
    for (const m of c.volumeMounts ?? []) if (!volumes.has(m.name)) fail(w.where, `container ${c.name} mounts ${m.name}, which is no volume of the pod`);
    for (const from of c.envFrom ?? []) {
      const ref = from.configMapRef ?? from.secretRef;
      const kind = from.configMapRef ? "ConfigMap" : "Secret";
      if (ref && !ref.optional && !named(kind, ref.name)) fail(w.where, `container ${c.name}: envFrom ${kind} ${ref.name} is defined nowhere`);
    }
    for (const e of c.env ?? []) {
      const s = e.valueFrom?.secretKeyRef;
      const m = e.valueFrom?.configMapKeyRef;
      if (s && !s.optional) {
        const secret = named("Secret", s.name);
        if (!secret) fail(w.where, `${e.name}: Secret ${s.name} is defined nowhere (not even in secrets.example.yaml)`);
        else if (!(s.key in { ...secret.object.data, ...secret.object.stringData })) fail(w.where, `${e.name}: Secret ${s.name} has no key ${s.key}`);
      }
      if (m && !m.optional) {
        const map = named("ConfigMap", m.name);
        if (!map || !(m.key in (map.object.data ?? {}))) fail(w.where, `${e.name}: ConfigMap ${m.name} has no key ${m.key}`);
      }
    }
  }
}
for (const s of byKind("Service")) {
  const selected = workloads.filter((w) => matches(s.object.spec?.selector, w.object.spec?.template?.metadata?.labels));
  if (!s.object.spec?.selector || !selected.length) {
    fail(s.where, "its selector selects no Deployment of these manifests");
    continue;
  }
  for (const p of s.object.spec.ports ?? []) {
    const target = p.targetPort ?? p.port;
    const found = selected.every((w) => (w.object.spec.template.spec.containers ?? []).some((c) => (c.ports ?? []).some((cp) => cp.name === target || cp.containerPort === target)));
    if (!found) fail(s.where, `port ${p.name ?? p.port}: targetPort ${target} is no container port of the pods it selects`);
  }
}
for (const r of byKind("PodDisruptionBudget")) {
  if (!workloads.some((w) => matches(r.object.spec?.selector?.matchLabels, w.object.spec?.template?.metadata?.labels))) fail(r.where, "its selector selects no pods of these manifests");
}
for (const r of byKind("HorizontalPodAutoscaler")) {
  const t = r.object.spec?.scaleTargetRef ?? {};
  if (!named(t.kind, t.name)) fail(r.where, `scaleTargetRef ${t.kind} ${t.name} is defined nowhere`);
}

// ---- report ------------------------------------------------------------------------------------------------------
if (errors.length) {
  for (const e of errors) console.error(`  ${e}`);
  console.error(`${errors.length} problem(s) in ${sourceFiles.join(", ")}`);
  process.exit(1);
}
console.log(`${resources.length} objects valid (${sourceFiles.join(", ")})`);
