// Checks what integrators get from the Maven build (run by .ci/run after it): each service's OpenAPI
// document (target/openapi/openapi.json) through openapi-generator's validator, Redocly and Spectral, and
// the generated TypeScript clients (clients/target/typescript) through tsc --strict. Prints one summary
// line per document; exits 1 when any tool reports an error.
//
// What counts as an error: Redocly runs "recommended-strict" (every recommended rule is an error) and
// Spectral fails from severity "warn"; a rule whose findings we accept is lowered in redocly.yaml or
// .spectral.yaml, with a comment saying why, and its findings are counted as accepted warnings.
// openapi-generator's recommendations (e.g. an unused schema) are printed, not fatal: Redocly's
// no-unused-components already fails on the same findings.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const services = ['zones-service', 'partnership-service', 'referral-network-service'];
const generatorCli = join(root, 'clients/target/tools/openapi-generator-cli.jar');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java';
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const SHOWN = 30;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: here, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) {
    throw result.error;
  }
  return result;
}

function tool(name) {
  return join(here, 'node_modules/.bin', name);
}

function show(lines) {
  lines.slice(0, SHOWN).forEach((line) => console.log(`    ${line}`));
  if (lines.length > SHOWN) {
    console.log(`    ... and ${lines.length - SHOWN} more`);
  }
}

/** openapi-generator validate: "Errors:" and "Warnings:" sections of "- ..." lines; exit 1 on errors. */
function generatorValidate(document) {
  const { status, stdout, stderr } = run(java, ['-jar', generatorCli, 'validate', '--recommend', '-i', document]);
  const sections = { Errors: [], Warnings: [] };
  let section = null;
  for (const line of `${stdout}\n${stderr}`.split('\n')) {
    const heading = line.trim().replace(/:$/, '');
    if (heading in sections) {
      section = sections[heading];
    } else if (section && /^\s*- /.test(line)) {
      section.push(line.trim().slice(2));
    } else if (line.trim() === '') {
      section = null;
    }
  }
  const errors = [...sections.Errors];
  if (status !== 0 && errors.length === 0) {
    errors.push(`exit ${status}: ${stderr.trim() || stdout.trim()}`);
  }
  return { errors, warnings: sections.Warnings };
}

/** redocly lint with redocly.yaml: JSON totals and problems. */
function redocly(document) {
  const { stdout, stderr } = run(tool('redocly'), ['lint', '--config', 'redocly.yaml', '--format=json', document]);
  let report;
  try {
    report = JSON.parse(stdout.slice(stdout.indexOf('{')));
  } catch {
    return { errors: [`redocly did not report: ${stderr.trim() || stdout.trim()}`], warnings: [] };
  }
  const line = (p) => `${p.ruleId}: ${p.message} (${(p.location?.[0]?.pointer ?? '').replace(/^#/, '')})`;
  return {
    errors: report.problems.filter((p) => p.severity === 'error').map(line),
    warnings: report.problems.filter((p) => p.severity === 'warn').map(line),
  };
}

/** spectral lint with .spectral.yaml: severity 0 error, 1 warn (both fatal), 2 info, 3 hint (accepted). */
function spectral(document) {
  const { stdout, stderr } = run(tool('spectral'), ['lint', '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet', document]);
  let results;
  try {
    results = JSON.parse(stdout.trim() || '[]');
  } catch {
    return { errors: [`spectral did not report: ${stderr.trim() || stdout.trim()}`], warnings: [] };
  }
  const line = (r) => `${r.code}: ${r.message} (${r.path.join('.')})`;
  return {
    errors: results.filter((r) => r.severity <= 1).map(line),
    warnings: results.filter((r) => r.severity >= 2).map(line),
  };
}

/** tsc over every generated client at once (tsconfig.json); errors grouped by client folder. */
function typecheck() {
  const { status, stdout, stderr } = run(tool('tsc'), ['-p', 'tsconfig.json', '--strict', '--noEmit', '--pretty', 'false']);
  const lines = `${stdout}\n${stderr}`.split('\n').filter((l) => / error TS\d+/.test(l));
  if (status !== 0 && lines.length === 0) {
    lines.push(`tsc exit ${status}: ${stdout.trim()} ${stderr.trim()}`);
  }
  return (service) => lines.filter((l) => l.includes(`typescript/${service}/`) || !l.includes('typescript/'));
}

if (!existsSync(generatorCli)) {
  console.error(`${relative(root, generatorCli)} is missing: run the Maven build first (./mvnw -B verify).`);
  process.exit(1);
}
const tscErrors = typecheck();
let failed = false;
for (const service of services) {
  const document = join(root, service, 'target/openapi/openapi.json');
  const client = join(root, 'clients/target/typescript', service);
  if (!existsSync(document) || !existsSync(client)) {
    console.log(`${service}: ${existsSync(document) ? relative(root, client) : relative(root, document)} is missing`);
    failed = true;
    continue;
  }
  const checks = {
    'openapi-generator validate': generatorValidate(document),
    'redocly lint': redocly(document),
    'spectral lint': spectral(document),
    'tsc --strict': { errors: tscErrors(service), warnings: [] },
  };
  const summary = Object.entries(checks)
    .map(([name, r]) => `${name} ${r.errors.length} error(s)${r.warnings.length ? `, ${r.warnings.length} accepted warning(s)` : ''}`)
    .join('; ');
  const ok = Object.values(checks).every((r) => r.errors.length === 0);
  console.log(`${ok ? 'OK  ' : 'FAIL'} ${service}: ${summary}`);
  for (const [name, r] of Object.entries(checks)) {
    if (r.errors.length) {
      console.log(`  ${name} errors:`);
      show(r.errors);
    }
    if (r.warnings.length) {
      console.log(`  ${name} accepted warnings:`);
      show(r.warnings);
    }
  }
  failed ||= !ok;
}
process.exit(failed ? 1 : 0);
