package fr.civmil.health.referral.service;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import fr.civmil.health.platform.identifiers.Identifiers;
import fr.civmil.health.platform.persistence.TimeOrderedUuids;
import fr.civmil.health.platform.csv.CsvRecords;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.referral.domain.Profession;
import fr.civmil.health.referral.domain.Specialty;
import fr.civmil.health.referral.events.ReferralEvents;
import fr.civmil.health.referral.reference.Geography;
import fr.civmil.health.platform.domain.Reason;
import io.agroal.api.AgroalDataSource;

/**
 * Bulk onboarding from CSV, all or nothing, in one transaction: every line is checked (each bad line
 * reported by number and reason); the rows are streamed, chunk by chunk, with PostgreSQL COPY into a
 * temporary table and applied by a few set-based statements. A row identical to what is stored
 * changes nothing, so importing the same file twice leaves the data, versions and events as they were.
 */
@ApplicationScoped
public class DoctorImport {

    private static final Logger LOG = Logger.getLogger(DoctorImport.class);

    public static final List<String> HEADER = List.of("rpps", "lastName", "firstName", "profession", "specialty", "address",
            "postalCode", "communeCode", "phone", "teleconsultation", "languages", "acceptingNewPatients", "remainingPlaces",
            "capacityConfirmedOn", "charterSignedOn");

    public static final String HEADER_TEXT = "rpps,lastName,firstName,profession,specialty,address,postalCode,communeCode,phone,"
            + "teleconsultation,languages,acceptingNewPatients,remainingPlaces,capacityConfirmedOn,charterSignedOn";

    public static final String EXAMPLE = HEADER_TEXT + "\n10003456789,Cabarrou,Guillaume,PHYSICIAN,GENERAL_PRACTICE,"
            + "\"12 rue de la République\",83000,83137,0494000000,true,fr|en,true,12,2026-11-02,2024-09-25\n";

    @Schema(name = "DoctorImportReport", description = "What an import changed")
    public record Report(
            @Schema(description = "Data lines read", example = "100000") int rows,
            @Schema(description = "Doctors referenced", example = "99990") int created,
            @Schema(description = "Doctors whose details or capacity changed", example = "10") int updated,
            @Schema(description = "Lines identical to what is stored", example = "0") int unchanged) {
    }

    private final EntityManager entityManager;
    private final Geography geography;
    private final AgroalDataSource dataSource;
    private final ManagedExecutor executor;

    public DoctorImport(EntityManager entityManager, Geography geography, AgroalDataSource dataSource, ManagedExecutor executor) {
        this.entityManager = entityManager;
        this.geography = geography;
        this.dataSource = dataSource;
        this.executor = executor;
    }

    /** Lines per chunk: the next chunk is checked while PostgreSQL applies this one. */
    static final int CHUNK = 20_000;
    /** The first chunk is small, so that PostgreSQL does not wait long for its first rows. */
    static final int FIRST_CHUNK = 2_000;

    @Transactional
    public Report importCsv(String csv, Caller caller) {
        String actor = caller.subject();
        long started = System.nanoTime();
        try (CsvRecords records = CsvRecords.read(csv)) {
            if (!records.header().equals(HEADER)) {
                String expected = String.join(",", HEADER);
                throw DomainException.unprocessable("invalid-import.header",
                        List.of(new DomainException.Violation("line 1", "field.import-header", expected)), expected);
            }
            entityManager.createNativeQuery("""
                    create temporary table doctor_import (
                        line integer, new_id uuid, event_id uuid, rpps varchar(11), last_name varchar(100), first_name varchar(100), search_name varchar(210),
                        profession varchar(32), specialty varchar(48), address varchar(300), postal_code varchar(5),
                        commune_code varchar(5), departement_code varchar(3), epci_siren varchar(9), region_code varchar(3),
                        phone varchar(20), teleconsultation boolean, languages varchar(200), accepting_new_patients boolean,
                        remaining_places integer, capacity_confirmed_on date, charter_signed_on date) on commit drop""").executeUpdate();
            // Reading and checking is CPU work in this JVM, applying is work in PostgreSQL: chunk k+1 is read and
            // checked while chunk k is applied. Everything stays in this one transaction, so a bad line anywhere
            // still means nothing imported (checking goes on to the end so that every bad line is reported).
            Source source = new Source(records);
            Validation validation = new Validation();
            Map<String, Long> counts = new HashMap<>();
            long waited = 0;
            long applying = 0;
            // One read at a time (each follows the previous one); the next chunk is read while this one is checked.
            CompletableFuture<Chunk> read = executor.supplyAsync(() -> source.take(FIRST_CHUNK));
            CompletableFuture<List<Checked>> next = read.thenApplyAsync(this::check, executor);
            while (true) {
                read = read.thenApplyAsync(previous -> previous == null || previous.last() ? null : source.take(CHUNK), executor);
                long t = System.nanoTime();
                List<Checked> checked = next.join();
                waited += System.nanoTime() - t;
                if (checked == null) {
                    break;
                }
                next = read.thenApplyAsync(chunk -> chunk == null ? null : check(chunk), executor);
                String staged = validation.accept(checked);
                if (staged != null && !staged.isEmpty()) {
                    t = System.nanoTime();
                    apply(staged, actor, counts);
                    applying += System.nanoTime() - t;
                }
            }
            validation.throwIfInvalid();
            entityManager.createNativeQuery("select pg_notify('civmil_outbox', '')").getSingleResult();
            Report report = new Report(validation.rows, counts.getOrDefault("NEW", 0L).intValue(),
                    counts.getOrDefault("CHANGED", 0L).intValue(), counts.getOrDefault("SAME", 0L).intValue());
            LOG.infof("import of %d rows by %s: %s in %d ms before commit (%d ms applying in PostgreSQL, %d ms waiting for checks)",
                    validation.rows, actor, report, (System.nanoTime() - started) / 1_000_000, applying / 1_000_000, waited / 1_000_000);
            return report;
        }
    }

    private List<Checked> check(Chunk chunk) {
        // A parallel stream on an executor thread: started from a fork-join worker it would get no helper on 2 cores.
        List<Checked> checked = new ArrayList<>(chunk.records().parallelStream()
                .filter(r -> r.values().size() > 1 || !r.values().get(0).isBlank())
                .map(r -> check(r.values(), (int) r.line()))
                .toList());
        if (chunk.malformed() != null) {
            checked.add(chunk.malformed());
        }
        return checked;
    }

    /** Records read together; the last chunk came back short, or stopped where the file stops being CSV. */
    private record Chunk(List<CsvRecords.Record> records, Checked malformed, boolean last) {
    }

    /** The file's records, chunk after chunk, read by one thread at a time. */
    private record Source(CsvRecords records) {

        Chunk take(int size) {
            List<CsvRecords.Record> chunk = new ArrayList<>(size);
            try {
                while (chunk.size() < size && records.hasNext()) {
                    chunk.add(records.next());
                }
            } catch (CsvRecords.MalformedCsv e) {
                return new Chunk(chunk, Checked.error((int) e.line(), new Reason("import.csv", e.getMessage())), true);
            }
            return new Chunk(chunk, null, chunk.size() < size);
        }
    }

    /** Applies one chunk of checked rows: COPY into staging, then set-based statements. */
    private void apply(String staged, String actor, Map<String, Long> counts) {
        entityManager.createNativeQuery("truncate doctor_import").executeUpdate();
        entityManager.createNativeQuery("drop table if exists doctor_import_plan").executeUpdate();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy doctor_import from stdin (format csv)", new StringReader(staged));
            } catch (java.io.IOException e) {
                throw new SQLException("COPY into doctor_import failed", e);
            }
        });
        entityManager.createNativeQuery("""
                create temporary table doctor_import_plan on commit drop as
                select s.*, coalesce(d.id, s.new_id) as doctor_id,
                       coalesce(d.charter_status, case when s.charter_signed_on is null then 'PENDING_SIGNATURE' else 'ACTIVE' end)
                           as charter_status,
                       case when d.id is null then 'NEW'
                            when (d.last_name, d.first_name, d.profession, d.specialty, d.phone, d.teleconsultation, d.languages,
                                  d.accepting_new_patients, d.remaining_places, d.capacity_confirmed_on)
                                 is not distinct from
                                 (s.last_name, s.first_name, s.profession, s.specialty, s.phone, s.teleconsultation, s.languages,
                                  s.accepting_new_patients, s.remaining_places, s.capacity_confirmed_on)
                                 and loc.same then 'SAME'
                            else 'CHANGED' end as change
                from doctor_import s
                left join referenced_doctor d on d.rpps = s.rpps
                left join lateral (select count(*) = 1 and bool_and(l.address = s.address and l.postal_code = s.postal_code
                                                                   and l.commune_code = s.commune_code) as same
                                   from practice_location l where l.doctor_id = d.id) loc on true""").executeUpdate();
        entityManager.createNativeQuery("""
                insert into referenced_doctor (id, rpps, last_name, first_name, search_name, profession, specialty, phone,
                    teleconsultation, languages, accepting_new_patients, remaining_places, capacity_confirmed_on,
                    charter_status, charter_signed_on, charter_status_since)
                select doctor_id, rpps, last_name, first_name, search_name, profession, specialty, phone, teleconsultation,
                       languages, accepting_new_patients, remaining_places, capacity_confirmed_on,
                       charter_status, charter_signed_on, coalesce(charter_signed_on, current_date)
                from doctor_import_plan where change = 'NEW'""").executeUpdate();
        entityManager.createNativeQuery("""
                update referenced_doctor d set last_name = p.last_name, first_name = p.first_name, search_name = p.search_name,
                       profession = p.profession, specialty = p.specialty, phone = p.phone, teleconsultation = p.teleconsultation,
                       languages = p.languages, accepting_new_patients = p.accepting_new_patients,
                       remaining_places = p.remaining_places, capacity_confirmed_on = p.capacity_confirmed_on,
                       version = d.version + 1, updated_at = now()
                from doctor_import_plan p where p.change = 'CHANGED' and d.id = p.doctor_id""").executeUpdate();
        entityManager.createNativeQuery("""
                delete from practice_location l using doctor_import_plan p
                where p.change = 'CHANGED' and l.doctor_id = p.doctor_id""").executeUpdate();
        entityManager.createNativeQuery("""
                insert into practice_location (doctor_id, position, address, postal_code, commune_code, departement_code,
                    epci_siren, region_code)
                select doctor_id, 0, address, postal_code, commune_code, departement_code, epci_siren, region_code
                from doctor_import_plan where change in ('NEW', 'CHANGED')""").executeUpdate();
        entityManager.createNativeQuery("""
                insert into charter_event (doctor_id, from_status, to_status, reason, effective_on, recorded_by)
                select doctor_id, 'PENDING_SIGNATURE', 'ACTIVE', 'charter signed (bulk import)', charter_signed_on, ?1
                from doctor_import_plan where change = 'NEW' and charter_signed_on is not null""")
                .setParameter(1, actor).executeUpdate();
        // The outbox rows of the chunk in one statement (same table and notification as Outbox.record).
        entityManager.createNativeQuery("""
                insert into outbox_event (id, aggregate_type, aggregate_id, type, subject, payload)
                select p.event_id, ?1, p.doctor_id::text,
                       case p.change when 'NEW' then ?2 else ?3 end, 'doctor ' || p.doctor_id,
                       jsonb_build_object('doctorId', p.doctor_id, 'rpps', p.rpps, 'profession', p.profession,
                           'specialty', p.specialty, 'charterStatus', p.charter_status,
                           'acceptingNewPatients', p.accepting_new_patients, 'remainingPlaces', p.remaining_places,
                           'practiceCommuneCodes', jsonb_build_array(p.commune_code),
                           'departementCodes', jsonb_build_array(p.departement_code),
                           'regionCodes', jsonb_build_array(p.region_code))
                from doctor_import_plan p where p.change in ('NEW', 'CHANGED') order by p.line""")
                .setParameter(1, ReferralEvents.DOCTOR).setParameter(2, ReferralEvents.DOCTOR_REFERENCED)
                .setParameter(3, ReferralEvents.DOCTOR_UPDATED).executeUpdate();
        for (Object row : entityManager.createNativeQuery("select change, count(*) from doctor_import_plan group by change").getResultList()) {
            Object[] r = (Object[]) row;
            counts.merge((String) r[0], ((Number) r[1]).longValue(), Long::sum);
        }
    }

    /**
     * After a large import, in the background: refreshes the planner's statistics, so searches keep
     * starting from the right indexes (autovacuum would get there, but only minutes later), and
     * vacuums the directory entries so that searches by département are index-only scans. The import
     * is committed and answered without waiting; VACUUM cannot run in a transaction anyway.
     */
    public void refreshStatistics(Report report) {
        if (report.created() + report.updated() >= LARGE_IMPORT) {
            executor.runAsync(this::refreshStatistics);
        }
    }

    private void refreshStatistics() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("vacuum (analyze) directory_entry");
            statement.execute("analyze referenced_doctor, practice_location");
        } catch (SQLException e) {
            // The import is committed; stale statistics only slow searches until autovacuum runs.
            LOG.warnf(e, "statistics not refreshed after the import");
            return;
        }
        LOG.infof("statistics refreshed after the import in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    static final int LARGE_IMPORT = 5_000;

    /**
     * The checks that need the lines in order, chunk after chunk: duplicates of an RPPS, the rows to
     * stage, and every bad line.
     */
    private static final class Validation {
        final Map<String, Integer> seen = new HashMap<>();
        final List<DomainException.Violation> errors = new ArrayList<>();
        int rows;

        /** The chunk's rows as CSV for COPY, or null once any line of the file was bad. */
        String accept(List<Checked> checked) {
            StringBuilder staged = new StringBuilder(checked.size() * 200);
            for (Checked line : checked) {
                rows++;
                Integer first = line.rpps() == null ? null : seen.putIfAbsent(line.rpps(), line.number());
                if (first == null && line.errors().isEmpty()) {
                    staged.append(line.row());
                    continue;
                }
                List<Object> reasons = new ArrayList<>();
                if (first != null) {
                    reasons.add(new Reason("import.duplicate-rpps", line.rpps(), first));
                }
                reasons.addAll(line.errors());
                errors.add(new DomainException.Violation("line " + line.number(), "field.import-line", reasons));
            }
            return errors.isEmpty() ? staged.toString() : null;
        }

        void throwIfInvalid() {
            if (!errors.isEmpty()) {
                throw DomainException.unprocessable("invalid-import", errors, errors.size());
            }
        }
    }

    /** One data line checked: its COPY row, or why it was refused. */
    private record Checked(int number, String rpps, String row, List<Object> errors) {
        static Checked error(int number, Object error) {
            return new Checked(number, null, null, List.of(error));
        }
    }

    private Checked check(List<String> f, int number) {
        if (f.size() != HEADER.size()) {
            return Checked.error(number, new Reason("import.field-count", f.size(), HEADER.size()));
        }
        List<Object> reasons = new ArrayList<>();
        String rpps = f.get(0);
        if (!Identifiers.isRpps(rpps)) {
            reasons.add(new Reason("import.rpps"));
        }
        String lastName = f.get(1).trim();
        String firstName = f.get(2).trim();
        if (lastName.isEmpty() || lastName.length() > 100) {
            reasons.add(new Reason("import.length", "lastName", 1, 100));
        }
        if (firstName.isEmpty() || firstName.length() > 100) {
            reasons.add(new Reason("import.length", "firstName", 1, 100));
        }
        Profession profession = enumValue(Profession.class, f.get(3));
        Specialty specialty = Specialty.parse(f.get(4)).orElse(null);
        if (profession == null) {
            reasons.add(new Reason("import.code", "profession", f.get(3)));
        }
        if (specialty == null) {
            reasons.add(new Reason("import.code", "specialty", f.get(4)));
        } else if (profession != null && specialty.profession() != profession) {
            reasons.add(new Reason("import.specialty-of", specialty, profession));
        }
        String address = f.get(5).trim();
        if (address.isEmpty() || address.length() > 300) {
            reasons.add(new Reason("import.length", "address", 1, 300));
        }
        Geography.Place place = null;
        if (!POSTAL_CODE.matcher(f.get(6)).matches()) {
            reasons.add(new Reason("import.postal-code"));
        } else if (!Identifiers.isInseeCommune(f.get(7))) {
            reasons.add(new Reason("import.commune-code"));
        } else {
            Geography.Located located = geography.locate(f.get(7), f.get(6));
            if (located.ok()) {
                place = located.place();
            } else {
                reasons.add(located.reason());
            }
        }
        String phone = f.get(8).isBlank() ? null : f.get(8).trim();
        if (phone != null && !PHONE.matcher(phone).matches()) {
            reasons.add(new Reason("import.phone"));
        }
        Boolean teleconsultation = bool(f.get(9));
        if (teleconsultation == null) {
            reasons.add(new Reason("import.boolean", "teleconsultation"));
        }
        String languages = f.get(10).isBlank() ? "fr" : f.get(10).replace('|', ',');
        if (!LANGUAGES.matcher(languages).matches()) {
            reasons.add(new Reason("import.languages"));
        }
        Boolean accepting = bool(f.get(11));
        if (accepting == null) {
            reasons.add(new Reason("import.boolean", "acceptingNewPatients"));
        }
        Integer places = null;
        try {
            places = Integer.valueOf(f.get(12));
            if (places < 0 || places > 10000) {
                reasons.add(new Reason("import.places"));
            }
        } catch (NumberFormatException e) {
            reasons.add(new Reason("import.places-integer"));
        }
        LocalDate confirmedOn = date(f.get(13), "capacityConfirmedOn", true, reasons);
        LocalDate signedOn = date(f.get(14), "charterSignedOn", false, reasons);
        if (!reasons.isEmpty()) {
            return new Checked(number, Identifiers.isRpps(rpps) ? rpps : null, null, reasons);
        }
        StringBuilder row = new StringBuilder(256);
        // The identifiers of a new doctor and of its event, time-ordered so that the bulk insert stays at
        // the right edge of the indexes.
        Csv.append(row, Integer.toString(number), TimeOrderedUuids.next().toString(), TimeOrderedUuids.next().toString(), rpps, lastName, firstName, DoctorService.searchName(lastName, firstName),
                profession.name(), specialty.name(), address, f.get(6), place.communeCode(), place.departementCode(),
                place.epciSiren(), place.regionCode(), phone, teleconsultation.toString(), languages, accepting.toString(),
                places.toString(), confirmedOn.toString(), signedOn == null ? null : signedOn.toString());
        return new Checked(number, rpps, row.toString(), List.of());
    }

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern PHONE = Pattern.compile("^(\\+33|0)[1-9][0-9]{8}$");
    private static final Pattern LANGUAGES = Pattern.compile("^[a-z]{2}(,[a-z]{2}){0,9}$");

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "oui");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "non");

    private static Boolean bool(String value) {
        String v = value.trim().toLowerCase();
        return TRUE.contains(v) ? Boolean.TRUE : FALSE.contains(v) ? Boolean.FALSE : null;
    }

    private static LocalDate date(String value, String field, boolean required, List<Object> reasons) {
        if (value.isBlank()) {
            if (required) {
                reasons.add(new Reason("import.date-required", field));
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.isAfter(LocalDate.now())) {
                reasons.add(new Reason("import.date-future", field));
            }
            return date;
        } catch (DateTimeParseException e) {
            reasons.add(new Reason("import.date", field));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        // The nomenclature code is accepted too ("10" for PHYSICIAN).
        if (type == Profession.class) {
            for (Profession p : Profession.values()) {
                if (p.nomenclatureCode().equals(value)) {
                    return type.cast(p);
                }
            }
        }
        return null;
    }

    /** The rows staged for COPY (CSV format). */
    static final class Csv {

        private Csv() {
        }

        /** One CSV row for COPY; null is an empty unquoted field, every other value is quoted. */
        static void append(StringBuilder out, String... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (values[i] != null) {
                    out.append('"').append(values[i].replace("\"", "\"\"")).append('"');
                }
            }
            out.append('\n');
        }
    }
}
