package fr.civmil.health.zones.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.civmil.health.platform.csv.CsvRecords;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.identifiers.Identifiers;
import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.reference.ReferenceGeography.Epci;
import fr.civmil.health.zones.domain.ZoneStatus;

/**
 * Reads a CSV list of designations (RFC 4180, header line, comma separated, with the platform's CsvRecords). Every
 * record is checked and every bad one reported by the line it starts on; {@code epci_name}, {@code departement} and
 * {@code population_municipale} (the seed's columns) are checked against the reference when present.
 */
final class CsvDesignations {

    static final Pattern CAMPAIGN = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    static final Set<String> COLUMNS = Set.of("epci_siren", "campaign", "status", "apl", "vulnerability_index",
            "vulnerability_source", "decision_date", "decision_reference", "target_days_per_month", "notes",
            "epci_name", "departement", "population_municipale", "press_source");

    /** A parsed line: its number in the file (header = line 1) and the designation. */
    record Line(int number, ZoneDesignation designation) {
    }

    private CsvDesignations() {
    }

    static List<Line> parse(String csv, String defaultCampaign, ZoneStatus defaultStatus, ReferenceGeography geography,
            List<DomainException.Violation> errors) {
        CsvRecords records = CsvRecords.read(csv == null ? "" : csv);
        if (records.header().stream().allMatch(String::isBlank)) {
            throw DomainException.invalid("invalid-csv.empty", List.of());
        }
        List<String> header = records.header().stream().map(h -> h.trim().toLowerCase(java.util.Locale.ROOT)).toList();
        List<DomainException.Violation> headerErrors = new ArrayList<>();
        header.stream().filter(h -> !COLUMNS.contains(h))
                .forEach(h -> headerErrors.add(new DomainException.Violation("line 1", "csv.unknown-column", h, String.join(", ", COLUMNS.stream().sorted().toList()))));
        if (!header.contains("epci_siren")) {
            headerErrors.add(new DomainException.Violation("line 1", "csv.missing-siren"));
        }
        if (new HashSet<>(header).size() != header.size()) {
            headerErrors.add(new DomainException.Violation("line 1", "csv.repeated-column"));
        }
        if (!headerErrors.isEmpty()) {
            throw DomainException.invalid("invalid-csv.header", headerErrors);
        }
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (true) {
            CsvRecords.Record record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (CsvRecords.MalformedCsv e) {
                errors.add(new DomainException.Violation("line " + e.line(), "csv.malformed"));
                break;
            }
            List<String> row = record.values();
            int number = (int) record.line();
            String where = "line " + number;
            if (row.size() != header.size()) {
                errors.add(new DomainException.Violation(where, "csv.field-count", row.size(), header.size()));
                continue;
            }
            Map<String, String> f = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String value = row.get(c).trim();
                f.put(header.get(c), value.isEmpty() ? null : value);
            }
            int before = errors.size();
            String siren = f.get("epci_siren");
            Epci epci = null;
            if (siren == null || !Identifiers.isSiren(siren)) {
                errors.add(new DomainException.Violation(where, "csv.siren", siren == null ? "" : siren));
            } else {
                epci = geography.epci(siren).orElse(null);
                if (epci == null) {
                    errors.add(new DomainException.Violation(where, "csv.unknown-epci", siren));
                }
            }
            if (epci != null) {
                check(errors, where, f.get("epci_name"), epci.name(), "epci_name");
                if (f.get("departement") != null && !epci.departementCodes().contains(f.get("departement"))) {
                    errors.add(new DomainException.Violation(where, "csv.departement", f.get("departement"), siren, epci.departementCodes()));
                }
                check(errors, where, f.get("population_municipale"), String.valueOf(epci.population()), "population_municipale");
            }
            String campaign = f.getOrDefault("campaign", null) == null ? defaultCampaign : f.get("campaign");
            if (campaign == null || !CAMPAIGN.matcher(campaign).matches()) {
                errors.add(campaign == null ? new DomainException.Violation(where, "csv.campaign-missing")
                        : new DomainException.Violation(where, "csv.campaign", campaign));
            }
            ZoneStatus status = defaultStatus;
            if (f.get("status") != null) {
                status = switch (f.get("status")) {
                    case "PROPOSED" -> ZoneStatus.PROPOSED;
                    case "DESIGNATED" -> ZoneStatus.DESIGNATED;
                    default -> {
                        errors.add(new DomainException.Violation(where, "csv.status"));
                        yield null;
                    }
                };
            }
            BigDecimal apl = number(errors, where, f, "apl");
            BigDecimal index = number(errors, where, f, "vulnerability_index");
            BigDecimal target = number(errors, where, f, "target_days_per_month");
            LocalDate decisionDate = null;
            if (f.get("decision_date") != null) {
                try {
                    decisionDate = LocalDate.parse(f.get("decision_date"));
                } catch (DateTimeParseException e) {
                    errors.add(new DomainException.Violation(where, "csv.decision-date"));
                }
            }
            for (String text : List.of("vulnerability_source", "decision_reference")) {
                if (f.get(text) != null && f.get(text).length() > 200) {
                    errors.add(new DomainException.Violation(where, "csv.too-long", text, 200));
                }
            }
            String notes = f.get("notes");
            if (notes == null && f.get("press_source") != null) {
                notes = "Publicly named in: " + f.get("press_source");
            }
            if (notes != null && notes.length() > 2000) {
                errors.add(new DomainException.Violation(where, "csv.too-long", "notes", 2000));
            }
            if (epci != null && campaign != null && !seen.add(campaign + "/" + siren)) {
                errors.add(new DomainException.Violation(where, "csv.duplicate", siren, campaign));
            }
            if (errors.size() == before) {
                lines.add(new Line(number, new ZoneDesignation(siren, campaign, status, apl, index, f.get("vulnerability_source"),
                        decisionDate, f.get("decision_reference"), target, notes)));
            }
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            throw DomainException.invalid("invalid-csv.no-line", List.of());
        }
        return lines;
    }

    private static void check(List<DomainException.Violation> errors, String where, String given, String reference, String column) {
        if (given != null && !given.equals(reference)) {
            errors.add(new DomainException.Violation(where, "csv.differs", column, given, reference));
        }
    }

    private static BigDecimal number(List<DomainException.Violation> errors, String where, Map<String, String> f, String column) {
        String value = f.get(column);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100_000)) > 0) {
                errors.add(new DomainException.Violation(where, "csv.range", column));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(new DomainException.Violation(where, "csv.not-a-number", column, value));
            return null;
        }
    }
}
