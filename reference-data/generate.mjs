#!/usr/bin/env node
// Regenerates the French administrative reference geography shipped by CivMil Health
// from the MIT-licensed npm package @etalab/decoupage-administratif.
//
// Usage (from the repository root, Node >= 20, no npm dependencies):
//   node reference-data/generate.mjs                      # runs `npm pack` into a temp dir
//   node reference-data/generate.mjs /path/to/package     # an already unpacked package dir
//
// Writes (paths relative to the repository root):
//   platform/http/src/main/resources/fr/civmil/health/platform/reference/regions.csv
//   platform/http/src/main/resources/fr/civmil/health/platform/reference/departements.csv
//   reference-data/src/main/resources/fr/civmil/health/reference/geography.tsv.gz
//   reference-data/PROVENANCE.md
//
// The data files are byte-identical for the same input (sorted output, gzip header with
// mtime 0 and a fixed OS byte). PROVENANCE.md carries the generation date (UTC day, or
// SOURCE_DATE_EPOCH when set) and is otherwise deterministic too.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync, constants as zc } from 'node:zlib';

const PACKAGE_NAME = '@etalab/decoupage-administratif';
const PACKAGE_VERSION = '6.0.0';
// dist.integrity published on the npm registry for 6.0.0 (checked when this script packs it).
const PACKAGE_INTEGRITY =
  'sha512-XavYsFlbcM/prKr8hNHPKER94IHw/dsxNM4nxjWMYk6PLFACpEedvn/7wK8Baozm0dCYhWWcf+7bcWpA5pmCaQ==';

const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(SCRIPT_DIR, '..');
const OUT = {
  regionsCsv: join(REPO_ROOT, 'platform/http/src/main/resources/fr/civmil/health/platform/reference/regions.csv'),
  departementsCsv: join(REPO_ROOT, 'platform/http/src/main/resources/fr/civmil/health/platform/reference/departements.csv'),
  geography: join(REPO_ROOT, 'reference-data/src/main/resources/fr/civmil/health/reference/geography.tsv.gz'),
  provenance: join(REPO_ROOT, 'reference-data/PROVENANCE.md'),
};
const PRIORITY_SEED = join(
  REPO_ROOT, 'zones-service/src/main/resources/fr/civmil/health/zones/seed/priority-zones-occitanie-2025.csv');

// ---------------------------------------------------------------------------------------------
// Input

/** Minimal reader for the (ustar) tarballs produced by `npm pack`. */
function extractTgz(tgzPath, destDir) {
  const buf = gunzipSync(readFileSync(tgzPath));
  let off = 0;
  let longName = null;
  while (off + 512 <= buf.length) {
    const header = buf.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const str = (s, l) => header.subarray(s, s + l).toString('utf8').replace(/\0.*$/s, '');
    let name = str(0, 100);
    const prefix = str(345, 155);
    if (prefix) name = `${prefix}/${name}`;
    if (longName) { name = longName; longName = null; }
    const size = parseInt(str(124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const body = buf.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') { longName = body.toString('utf8').replace(/\0.*$/s, ''); continue; }
    if (type !== '0' && type !== '\0') continue; // regular files only
    const target = resolve(destDir, name);
    if (!target.startsWith(resolve(destDir) + '/') && !target.startsWith(resolve(destDir) + '\\')) {
      throw new Error(`unsafe path in tarball: ${name}`);
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
  }
}

function obtainPackage(argDir) {
  if (argDir) return { dir: resolve(argDir), tarball: null, cleanup: () => {} };
  const tmp = mkdtempSync(join(tmpdir(), 'decoupage-administratif-'));
  const spec = `${PACKAGE_NAME}@${PACKAGE_VERSION}`;
  console.error(`npm pack ${spec} -> ${tmp}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['pack', spec, '--pack-destination', tmp, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32',
  });
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack produced no tarball');
  const tgzPath = join(tmp, tgz);
  const integrity = 'sha512-' + createHash('sha512').update(readFileSync(tgzPath)).digest('base64');
  if (integrity !== PACKAGE_INTEGRITY) {
    throw new Error(`tarball integrity ${integrity} does not match the expected ${PACKAGE_INTEGRITY}`);
  }
  extractTgz(tgzPath, tmp);
  return {
    dir: join(tmp, 'package'),
    tarball: { file: tgz, integrity },
    cleanup: () => rmSync(tmp, { recursive: true, force: true }),
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

function tsvField(value) {
  const s = value === null || value === undefined ? '' : String(value);
  if (/[\t\r\n]/.test(s)) throw new Error(`field contains a tab or newline: ${JSON.stringify(s)}`);
  return s;
}
const tsvLine = (fields) => fields.map(tsvField).join('\t');

function csvField(value) {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
const csvLine = (fields) => fields.map(csvField).join(',');

/** gzip with a fixed header: mtime 0 (bytes 4-7) and OS byte 3 "Unix" (byte 9) on every platform. */
function deterministicGzip(text) {
  const gz = gzipSync(Buffer.from(text, 'utf8'), { level: zc.Z_BEST_COMPRESSION });
  if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[3] !== 0) throw new Error('unexpected gzip header');
  gz.writeUInt32LE(0, 4);
  gz[9] = 3;
  return gz;
}

function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function sumPopulation(communes) {
  const withPop = communes.filter((c) => Number.isInteger(c.population));
  return withPop.length === 0 ? null : withPop.reduce((a, c) => a + c.population, 0);
}

// ---------------------------------------------------------------------------------------------
// Main

const pkg = obtainPackage(process.argv[2]);
try {
  const pkgJson = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8'));
  if (pkgJson.name !== PACKAGE_NAME) throw new Error(`${pkg.dir} is ${pkgJson.name}, not ${PACKAGE_NAME}`);
  if (pkgJson.version !== PACKAGE_VERSION) {
    console.error(`WARNING: package version is ${pkgJson.version}, the script was written for ${PACKAGE_VERSION}`);
  }
  const inputFiles = ['regions.json', 'departements.json', 'epci.json', 'communes.json'];
  const raw = Object.fromEntries(inputFiles.map((f) => [f, readFileSync(join(pkg.dir, 'data', f))]));
  const load = (f) => JSON.parse(raw[f].toString('utf8'));
  const regions = load('regions.json').sort(byCode);
  const departements = load('departements.json').sort(byCode);
  const epcis = load('epci.json').sort(byCode);
  const allCommunes = load('communes.json');
  const communes = allCommunes.filter((c) => c.type === 'commune-actuelle').sort(byCode);
  const licenceText = readFileSync(join(pkg.dir, 'LICENSE'), 'utf8');
  const copyright = (licenceText.match(/^Copyright .*$/m) || ['(no copyright line found)'])[0].trim();

  // --- consistency checks -------------------------------------------------------------------
  const regionCodes = new Set(regions.map((r) => r.code));
  const deptCodes = new Set(departements.map((d) => d.code));
  for (const d of departements) if (!regionCodes.has(d.region)) throw new Error(`département ${d.code}: unknown région ${d.region}`);
  const communeByCode = new Map();
  for (const c of communes) {
    if (communeByCode.has(c.code)) throw new Error(`duplicate commune ${c.code}`);
    if (!deptCodes.has(c.departement)) throw new Error(`commune ${c.code}: unknown département ${c.departement}`);
    if (!regionCodes.has(c.region)) throw new Error(`commune ${c.code}: unknown région ${c.region}`);
    communeByCode.set(c.code, c);
  }
  const epciOfCommune = new Map();
  for (const e of epcis) {
    if (!/^\d{9}$/.test(e.code)) throw new Error(`bad EPCI SIREN ${e.code}`);
    for (const m of e.membres) {
      if (!communeByCode.has(m.code)) throw new Error(`EPCI ${e.code}: member ${m.code} is not a current commune`);
      if (epciOfCommune.has(m.code)) throw new Error(`commune ${m.code} in two EPCI`);
      epciOfCommune.set(m.code, e.code);
    }
  }

  // --- regions.csv / departements.csv -------------------------------------------------------
  const regionsCsv = [csvLine(['code', 'name', 'chef_lieu'])]
    .concat(regions.map((r) => csvLine([r.code, r.nom, r.chefLieu]))).join('\n') + '\n';
  const departementsCsv = [csvLine(['code', 'name', 'region_code'])]
    .concat(departements.map((d) => csvLine([d.code, d.nom, d.region]))).join('\n') + '\n';

  // --- geography.tsv.gz ---------------------------------------------------------------------
  const communesOfRegion = new Map(regions.map((r) => [r.code, []]));
  const communesOfDept = new Map(departements.map((d) => [d.code, []]));
  for (const c of communes) {
    communesOfRegion.get(c.region).push(c);
    communesOfDept.get(c.departement).push(c);
  }
  const lines = [];
  for (const r of regions) lines.push(tsvLine(['R', r.code, r.nom, sumPopulation(communesOfRegion.get(r.code))]));
  for (const d of departements) {
    lines.push(tsvLine(['D', d.code, d.nom, d.region, sumPopulation(communesOfDept.get(d.code))]));
  }
  for (const e of epcis) {
    const members = e.membres.map((m) => m.code).sort(cmp);
    lines.push(tsvLine(['E', e.code, e.nom, e.type, e.populationMunicipale, members.join(',')]));
  }
  for (const c of communes) {
    const postcodes = [...new Set(c.codesPostaux || [])].sort(cmp);
    lines.push(tsvLine([
      'C', c.code, c.nom, c.departement, c.region, epciOfCommune.get(c.code) || '',
      Number.isInteger(c.population) ? c.population : '', postcodes.join(','),
    ]));
  }
  const geographyText = lines.join('\n') + '\n';
  const geographyGz = deterministicGzip(geographyText);

  // --- priority-zone seed check (zones-service copy; informative only) -----------------------
  const seedReport = [];
  if (existsSync(PRIORITY_SEED)) {
    const epciByCode = new Map(epcis.map((e) => [e.code, e]));
    const [header, ...rows] = readFileSync(PRIORITY_SEED, 'utf8').trim().split(/\r?\n/);
    const cols = header.split(',');
    const idx = (n) => cols.indexOf(n);
    for (const row of rows) {
      const f = row.split(',');
      const siren = f[idx('epci_siren')];
      const e = epciByCode.get(siren);
      if (!e) { seedReport.push(`${siren}: not in epci.json`); continue; }
      const depts = [...new Set(e.membres.map((m) => communeByCode.get(m.code).departement))].sort(cmp);
      const regs = [...new Set(e.membres.map((m) => communeByCode.get(m.code).region))];
      if (depts.length !== 1 || depts[0] !== f[idx('departement')]) {
        seedReport.push(`${siren}: département ${f[idx('departement')]} vs package ${depts.join('/')}`);
      }
      if (regs.length !== 1 || regs[0] !== '76') seedReport.push(`${siren}: région ${regs.join('/')} is not Occitanie (76)`);
      if (String(e.populationMunicipale) !== f[idx('population_municipale')]) {
        seedReport.push(`${siren}: population ${f[idx('population_municipale')]} vs package ${e.populationMunicipale}`);
      }
      if (e.nom !== f[idx('epci_name')]) seedReport.push(`${siren}: name "${f[idx('epci_name')]}" vs package "${e.nom}"`);
    }
    console.error(`priority-zone seed: ${rows.length} rows checked, ${seedReport.length} mismatch(es)`);
    for (const m of seedReport) console.error(`  MISMATCH ${m}`);
  }

  // --- counts -------------------------------------------------------------------------------
  const count = (arr, pred) => arr.filter(pred).length;
  const excluded = {};
  for (const c of allCommunes) if (c.type !== 'commune-actuelle') excluded[c.type] = (excluded[c.type] || 0) + 1;
  const epciTypes = {};
  for (const e of epcis) epciTypes[e.type] = (epciTypes[e.type] || 0) + 1;
  const counts = {
    regions: regions.length,
    regionsByZone: Object.fromEntries(['metro', 'drom', 'com'].map((z) => [z, count(regions, (r) => r.zone === z)])),
    departements: departements.length,
    departementsByZone: Object.fromEntries(['metro', 'drom', 'com'].map((z) => [z, count(departements, (d) => d.zone === z)])),
    epci: epcis.length,
    epciMembers: epciOfCommune.size,
    communes: communes.length,
    communesByZone: Object.fromEntries(['metro', 'drom', 'com'].map((z) => [z, count(communes, (c) => c.zone === z)])),
    communesWithoutEpci: communes.filter((c) => !epciOfCommune.has(c.code)),
    communesWithoutPopulation: communes.filter((c) => !Number.isInteger(c.population)),
    communesWithoutPostcode: communes.filter((c) => !(c.codesPostaux && c.codesPostaux.length)),
    postcodes: new Set(communes.flatMap((c) => c.codesPostaux || [])).size,
    totalPopulation: sumPopulation(communes),
  };
  console.log(JSON.stringify({
    package: `${pkgJson.name}@${pkgJson.version}`,
    regions: counts.regions, departements: counts.departements, epci: counts.epci, communes: counts.communes,
    communesByZone: counts.communesByZone, communesWithoutEpci: counts.communesWithoutEpci.length,
    geographyLines: lines.length, geographyBytes: Buffer.byteLength(geographyText), geographyGzBytes: geographyGz.length,
  }, null, 2));

  // --- write --------------------------------------------------------------------------------
  write(OUT.regionsCsv, regionsCsv);
  write(OUT.departementsCsv, departementsCsv);
  write(OUT.geography, geographyGz);

  const epoch = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now();
  const generatedOn = new Date(epoch).toISOString().slice(0, 10);
  const rel = (p) => relative(REPO_ROOT, p).split('\\').join('/');
  const list = (cs) => cs.map((c) => `${c.code} ${c.nom}`).join(', ');
  const comWithoutEpci = counts.communesWithoutEpci.filter((c) => c.zone === 'com');
  const otherWithoutEpci = counts.communesWithoutEpci.filter((c) => c.zone !== 'com');
  const fmt = (n) => n.toLocaleString('en-US');
  const parisDgcl = epcis.flatMap((e) => e.membres).find((m) => m.code === '75056').populationMunicipale;

  const provenance = `# Reference geography — provenance

Generated by \`reference-data/generate.mjs\`; do not edit the generated files by hand.

## Source

- Package: [\`${pkgJson.name}\`](https://www.npmjs.com/package/${pkgJson.name}) version **${pkgJson.version}**
  (repository ${pkgJson.repository}).${pkg.tarball ? `
  Tarball \`${pkg.tarball.file}\`, integrity \`${pkg.tarball.integrity}\` (verified against the registry value).` : `
  Read from an already unpacked package directory; expected tarball integrity \`${PACKAGE_INTEGRITY}\`.`}
- Vintage: the package README maps version 6.0.0 to the **2026 millésime** (Code officiel géographique
  of INSEE as of 1 January 2026; DGCL list of EPCI à fiscalité propre \`epcicom2026.xlsx\`).
- Licence: the package code is under the **MIT licence** — "${copyright}" (full text in the
  package's \`LICENSE\`). Its README states the data themselves are under the **Licence Ouverte**
  (Etalab), which permits reuse with attribution; this file is that attribution.
- Upstream sources named by the package README (and its build script):
  - INSEE, Code officiel géographique (régions, départements, communes) — 2026;
  - DGCL, liste et composition des EPCI à fiscalité propre — \`epcicom2026.xlsx\`
    (EPCI SIREN, name, nature juridique, populations, member communes);
  - INSEE, populations légales (commune \`population\` = population municipale, PMUN), the file
    \`insee.fr/fr/statistiques/8680726\` = populations légales **2023**, in force on 1 January 2026;
    Mayotte from the INSEE 2017 census; overseas collectivités (COM) from the INSEE COM populations;
  - La Poste, base officielle des codes postaux (data.gouv.fr), for postal codes.
- Input files (SHA-256):
${inputFiles.map((f) => `  - \`data/${f}\` \`${sha256(raw[f])}\``).join('\n')}

## Regenerate

\`\`\`sh
node reference-data/generate.mjs                 # runs: npm pack ${PACKAGE_NAME}@${PACKAGE_VERSION} (temp dir)
node reference-data/generate.mjs /path/to/package  # or: an already unpacked package directory
\`\`\`

Node >= 20, no npm dependencies, run from anywhere (paths are resolved from the script).
Generated on **${generatedOn}** (UTC; \`SOURCE_DATE_EPOCH\` overrides). The data files are
byte-identical for the same input: lines are sorted, the gzip header has mtime 0 and OS byte 3.
(The compressed bytes could differ with another zlib build; the decompressed text cannot.)

## Files

| File | Content | SHA-256 |
|---|---|---|
| \`${rel(OUT.regionsCsv)}\` | ${counts.regions} régions (+ header) | \`${sha256(Buffer.from(regionsCsv))}\` |
| \`${rel(OUT.departementsCsv)}\` | ${counts.departements} départements (+ header) | \`${sha256(Buffer.from(departementsCsv))}\` |
| \`${rel(OUT.geography)}\` | ${fmt(lines.length)} records, ${fmt(Buffer.byteLength(geographyText))} bytes uncompressed, ${fmt(geographyGz.length)} bytes gzip'd | \`${sha256(geographyGz)}\` |

### \`regions.csv\` — \`code,name,chef_lieu\`

UTF-8, no BOM, \`\\n\` line endings, RFC 4180 quoting (no name currently needs quoting), sorted by code.
All ${counts.regions} entries of the package's \`regions.json\`: ${counts.regionsByZone.metro} metropolitan régions
(incl. Corse, 94), ${counts.regionsByZone.drom} overseas régions (01 Guadeloupe, 02 Martinique, 03 Guyane, 04 La Réunion,
06 Mayotte) **and ${counts.regionsByZone.com} overseas collectivités** that the package lists as pseudo-régions with
3-digit codes (975 Saint-Pierre-et-Miquelon, 977 Saint-Barthélemy, 978 Saint-Martin, 984 TAAF, 986 Wallis et
Futuna, 987 Polynésie française, 988 Nouvelle-Calédonie, 989 Clipperton). They are kept so that every
\`departements.csv\` row has its \`region_code\`; a service that only accepts the 18 régions can reject
3-digit codes. \`chef_lieu\` is the INSEE code of the chef-lieu commune, as in the package (984 TAAF
carries 97502 there, as in the package).

### \`departements.csv\` — \`code,name,region_code\`

All ${counts.departements} entries of \`departements.json\`: ${counts.departementsByZone.metro} metropolitan départements (01–95 with 2A/2B,
no 20; 69 is the Rhône département, the Métropole de Lyon is not a separate entry), ${counts.departementsByZone.drom} overseas départements
971, 972, 973, 974, 976, and the same ${counts.departementsByZone.com} collectivités as above (975, 977, 978, 984, 986, 987, 988, 989),
whose \`region_code\` equals their own code.

### \`geography.tsv.gz\` — gzip'd UTF-8 text, one tab-separated record per line

Records come in the order R, D, E, C, each group sorted by code (plain string order), \`\\n\` line ends, no header:

- \`R\\tcode\\tname\\tpopulation\` — ${counts.regions} records; population = sum of its communes' populations
  (the package gives none for régions); empty when none of its communes has one (984, 989).
- \`D\\tcode\\tname\\tregion_code\\tpopulation\` — ${counts.departements} records; population computed the same way.
- \`E\\tsiren\\tname\\ttype\\tpopulation\\tmembers\` — ${fmt(counts.epci)} EPCI à fiscalité propre
  (${Object.entries(epciTypes).sort().map(([t, n]) => `${t} ${n}`).join(', ')}); \`type\` is the DGCL nature juridique as in
  the package; population = the EPCI's \`populationMunicipale\` from the DGCL file (the figure the priority-zone
  seed uses); members = comma-separated INSEE codes of its ${fmt(counts.epciMembers)} member communes, sorted.
- \`C\\tinsee\\tname\\tdepartement_code\\tregion_code\\tepci_siren\\tpopulation\\tpostal_codes\` — ${fmt(counts.communes)} communes
  (${fmt(counts.communesByZone.metro)} metropolitan, ${counts.communesByZone.drom} in the DROM, ${counts.communesByZone.com} in the COM); population = INSEE population
  municipale; postal codes comma-separated, sorted, de-duplicated (${fmt(counts.postcodes)} distinct codes).

Total population of the communes: ${fmt(counts.totalPopulation)}.

## Choices made

- **Only communes of type \`commune-actuelle\`.** Excluded: ${Object.entries(excluded).sort().map(([t, n]) => `${n} \`${t}\``).join(', ')}.
  The arrondissements municipaux of Paris, Lyon and Marseille are not needed for postal codes: the package
  already gives 75056 Paris, 69123 Lyon and 13055 Marseille the union of their arrondissements' postal codes
  (and the sum of their populations), so a lookup by postal code (e.g. 75116, 13008) lands on the commune.
- **Collectivités d'outre-mer are included** (as the package lists them as départements and régions), so
  the ${counts.communesByZone.com} COM "communes" appear as \`C\` records; they belong to no EPCI.
- **Communes without EPCI** (\`epci_siren\` empty): ${counts.communesWithoutEpci.length} — the ${comWithoutEpci.length} COM communes and
  ${otherWithoutEpci.length} single-commune islands exempt from intercommunality: ${list(otherWithoutEpci)}.
- **Communes without population** (\`population\` empty): ${list(counts.communesWithoutPopulation)}.
- **Communes without postal code** (field empty): ${list(counts.communesWithoutPostcode)}.
- **Two population vintages coexist, as in the package.** Commune (and so région/département) populations are
  INSEE populations légales 2023; EPCI populations come from the DGCL file and are an earlier vintage
  (e.g. the DGCL member figure for 75056 Paris is ${fmt(parisDgcl)}, consistent with the INSEE populations légales
  2022, while the commune record says ${fmt(communeByCode.get('75056').population)}). An EPCI's figure is therefore generally not the sum of its members' \`C\` populations.
  The EPCI figure is kept as published because it is the one cited with the priority zones.
- Not shipped: \`arrondissements.json\` (arrondissements départementaux), \`ept.json\` (Grand Paris EPT,
  not EPCI à fiscalité propre), historical codes (\`anciensCodes\`), communes' own SIREN.
`;
  write(OUT.provenance, provenance);
  for (const p of Object.values(OUT)) console.error(`wrote ${rel(p)}`);
} finally {
  pkg.cleanup();
}
