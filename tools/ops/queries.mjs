// Checks the alert rules, their unit tests, the runbook and the Grafana dashboard against each other (run by
// tools/ops/check.sh, after promtool has checked the rules' syntax):
// - every metric a rule or a panel query names is in deploy/prometheus/metrics.txt or is a recording rule of
//   alerts.yml (a typo or a metric renamed in the code fails here rather than as an empty panel or an alert
//   that never fires);
// - every alert has a severity, a summary, a description and a runbook anchor that is a heading of
//   docs/operations.md, and alerts-test.yml has a case where it fires and one where it stays silent;
// - the dashboard is valid JSON with unique panel ids, the `datasource` (Prometheus) and `service`
//   variables, and every panel queries through the `datasource` variable;
// - no rule, test or panel names an `exported_*` label: the apps' labels (`service`, the gateway's `upstream`)
//   never clash with the target's `job` and `instance`, and prometheus.yml sets no target label that would.
// Writes every panel query, Grafana variables replaced, as a rule file to the path given in argument, for
// `promtool check rules` to parse them as PromQL. Exits 1 on any error, listing them all.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path) => readFileSync(resolve(root, path), 'utf8');
const errors = [];
const fail = (message) => errors.push(message);

// --- alerts.yml, read as text: our layout is one `- record:` or `- alert:` item per rule, `expr:` inline
// or as a block scalar (`|`, `>`), labels and annotations as `key: value` lines.
function rules(text) {
  const lines = text.split('\n');
  const found = [];
  let rule = null;
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i].match(/^\s*- (record|alert):\s*(\S+)\s*$/);
    if (start) {
      rule = { kind: start[1], name: start[2], expr: '', body: '' };
      found.push(rule);
      continue;
    }
    if (/^\s*- name:/.test(lines[i])) {
      rule = null;
      continue;
    }
    if (!rule) {
      continue;
    }
    rule.body += `${lines[i]}\n`;
    const expr = lines[i].match(/^(\s*)expr:\s*(.*)$/);
    if (expr) {
      if (/^[|>][-+]?$/.test(expr[2])) {
        const block = [];
        while (i + 1 < lines.length && (lines[i + 1].trim() === '' || indent(lines[i + 1]) > expr[1].length)) {
          block.push(lines[++i]);
        }
        rule.expr = block.join('\n');
      } else {
        rule.expr = expr[2].replace(/^(['"])(.*)\1$/, '$2');
      }
    }
  }
  return found;
}

function indent(line) {
  return line.match(/^\s*/)[0].length;
}

// --- The metric names a PromQL expression reads: identifiers that are not functions, keywords, label
// names (in matchers and grouping clauses) or durations.
const KEYWORDS = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right',
  'offset', 'bool', 'inf', 'nan', 'atan2']);

function metricNames(expr) {
  const stripped = expr
    .replace(/\$\{[^}]*\}|\$\w+/g, ' ')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ')
    .replace(/#.*$/gm, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set();
  for (const match of stripped.matchAll(/(?<![\w.:])[a-zA-Z_:][\w:]*/g)) {
    const next = stripped.slice(match.index + match[0].length).trimStart();
    if (!next.startsWith('(') && !KEYWORDS.has(match[0].toLowerCase())) {
      names.add(match[0]);
    }
  }
  return names;
}

const catalog = new Set(read('deploy/prometheus/metrics.txt').split('\n').map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#')));
const all = rules(read('deploy/prometheus/alerts.yml'));
const recorded = new Set(all.filter((rule) => rule.kind === 'record').map((rule) => rule.name));
const alerts = all.filter((rule) => rule.kind === 'alert');
const known = (name) => catalog.has(name) || recorded.has(name);

function checkNames(where, expr) {
  if (!expr.trim()) {
    fail(`${where}: no query`);
  }
  for (const name of metricNames(expr)) {
    if (!known(name)) {
      fail(`${where}: unknown metric ${name} (not in deploy/prometheus/metrics.txt nor a recording rule)`);
    }
  }
}

// --- Rules: known metrics; alerts: labels, annotations, runbook anchor, unit tests both ways.
const slug = (heading) => heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
const anchors = new Set(read('docs/operations.md').split('\n').filter((line) => /^#{1,6} /.test(line))
  .map((line) => slug(line.replace(/^#+ /, ''))));
const tested = new Map();
for (const chunk of read('deploy/prometheus/alerts-test.yml').split(/^\s*- eval_time:/m).slice(1)) {
  const name = chunk.match(/alertname:\s*(\S+)/)?.[1];
  if (!name) {
    continue;
  }
  const cases = tested.get(name) ?? { fires: false, silent: false };
  if (/exp_alerts:\s*\[\]/.test(chunk)) {
    cases.silent = true;
  } else if (/exp_alerts:\s*\n\s*- exp_labels:/.test(chunk)) {
    cases.fires = true;
  }
  tested.set(name, cases);
}

for (const rule of all) {
  checkNames(`alerts.yml ${rule.name}`, rule.expr);
}
for (const alert of alerts) {
  const where = `alerts.yml ${alert.name}`;
  if (!/^\s*severity:\s*(critical|warning|info)\s*$/m.test(alert.body)) {
    fail(`${where}: no severity label (critical, warning or info)`);
  }
  for (const annotation of ['summary', 'description']) {
    if (!new RegExp(`^\\s*${annotation}:\\s*\\S`, 'm').test(alert.body)) {
      fail(`${where}: no ${annotation} annotation`);
    }
  }
  const runbook = alert.body.match(/^\s*runbook:\s*docs\/operations\.md#(\S+)\s*$/m);
  if (!runbook) {
    fail(`${where}: no runbook annotation (docs/operations.md#<anchor>)`);
  } else if (!anchors.has(runbook[1])) {
    fail(`${where}: runbook anchor #${runbook[1]} is no heading of docs/operations.md`);
  }
  const cases = tested.get(alert.name);
  if (!cases?.fires) {
    fail(`${where}: alerts-test.yml has no case where it fires`);
  }
  if (!cases?.silent) {
    fail(`${where}: alerts-test.yml has no case where it stays silent`);
  }
}
for (const name of tested.keys()) {
  if (!alerts.some((alert) => alert.name === name)) {
    fail(`alerts-test.yml: ${name} is no alert of alerts.yml`);
  }
}

// --- Dashboard.
const dashboardPath = 'deploy/grafana/civmil-suite.json';
let dashboard = null;
try {
  dashboard = JSON.parse(read(dashboardPath));
} catch (error) {
  fail(`${dashboardPath}: not valid JSON: ${error.message}`);
}
const queries = [];
if (dashboard) {
  if (typeof dashboard.schemaVersion !== 'number' || !dashboard.uid || !dashboard.title) {
    fail(`${dashboardPath}: schemaVersion, uid and title are required`);
  }
  const variables = dashboard.templating?.list ?? [];
  const datasource = variables.find((variable) => variable.name === 'datasource');
  if (datasource?.type !== 'datasource' || datasource?.query !== 'prometheus') {
    fail(`${dashboardPath}: no \`datasource\` variable of type datasource for Prometheus`);
  }
  const service = variables.find((variable) => variable.name === 'service');
  if (!service) {
    fail(`${dashboardPath}: no \`service\` variable`);
  }
  for (const variable of variables.filter((v) => v.type === 'query')) {
    const query = typeof variable.query === 'string' ? variable.query : variable.query?.query ?? '';
    // label_values(metric, label): the metric only (the label is no metric name).
    const labelValues = query.match(/^\s*label_values\(\s*(.*),\s*\w+\s*\)\s*$/s);
    checkNames(`${dashboardPath} variable ${variable.name}`, labelValues ? labelValues[1] : query);
    if (variable.datasource?.uid !== '${datasource}') {
      fail(`${dashboardPath} variable ${variable.name}: datasource is not \${datasource}`);
    }
  }
  const ids = new Map();
  const panels = (dashboard.panels ?? []).flatMap((panel) => [panel, ...(panel.panels ?? [])]);
  for (const panel of panels) {
    const where = `${dashboardPath} panel ${panel.id} "${panel.title}"`;
    if (!Number.isInteger(panel.id)) {
      fail(`${where}: no integer id`);
    } else if (ids.has(panel.id)) {
      fail(`${where}: id already used by "${ids.get(panel.id)}"`);
    } else {
      ids.set(panel.id, panel.title);
    }
    if (!panel.gridPos) {
      fail(`${where}: no gridPos`);
    }
    if (panel.type === 'row') {
      continue;
    }
    if (!panel.targets?.length) {
      fail(`${where}: no query`);
    }
    for (const target of [panel, ...(panel.targets ?? [])]) {
      if (target.datasource?.uid !== '${datasource}') {
        fail(`${where}: datasource is not \${datasource}`);
      }
    }
    for (const target of panel.targets ?? []) {
      checkNames(`${where} query ${target.refId}`, target.expr ?? '');
      queries.push({ record: `dashboard:panel_${panel.id}_${target.refId}`, expr: target.expr ?? '' });
    }
  }
  console.log(`${dashboardPath}: ${ids.size} panels, ${queries.length} queries`);
}
console.log(`alerts.yml: ${alerts.length} alerts, ${recorded.size} recording rules; metrics.txt: ${catalog.size} metrics`);

// Grafana's variables replaced by values Prometheus accepts, for promtool to parse each query.
if (process.argv[2]) {
  const substituted = queries.map(({ record, expr }) => ({
    record,
    expr: expr.replace(/\$__rate_interval|\$__interval|\$\{__rate_interval\}|\$\{__interval\}/g, '5m')
      .replace(/\$__range|\$\{__range\}/g, '1h')
      .replace(/\$\{?\w+\}?/g, 'value'),
  }));
  writeFileSync(process.argv[2], JSON.stringify({ groups: [{ name: 'dashboard-queries', rules: substituted }] }, null, 2));
}

// --- No label renamed on a clash (exported_instance, exported_service...): such a query would match nothing.
for (const path of ['deploy/prometheus/alerts.yml', 'deploy/prometheus/alerts-test.yml', 'deploy/prometheus/prometheus.yml',
  dashboardPath]) {
  read(path).split('\n').forEach((line, index) => {
    if (/\bexported_\w+/.test(line.replace(/#.*$/, ''))) {
      fail(`${path}:${index + 1}: names a label renamed on a clash (${line.match(/\bexported_\w+/)[0]}): use the app's own label`);
    }
  });
}

if (errors.length) {
  errors.forEach((error) => console.log(`ERROR ${error}`));
  process.exit(1);
}
