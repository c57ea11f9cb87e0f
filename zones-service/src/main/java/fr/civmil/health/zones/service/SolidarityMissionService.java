package fr.civmil.health.zones.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.outbox.Outbox;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.persistence.Pages;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.zones.config.AllowanceRules;
import fr.civmil.health.zones.config.MissionRules;
import fr.civmil.health.zones.domain.ConsultationSite;
import fr.civmil.health.zones.domain.MissionStatus;
import fr.civmil.health.zones.domain.PriorityZone;
import fr.civmil.health.zones.domain.SiteStatus;
import fr.civmil.health.zones.domain.Slot;
import fr.civmil.health.zones.domain.SolidarityMission;
import fr.civmil.health.zones.domain.ZoneStatus;
import fr.civmil.health.zones.events.SiteEvents;

/**
 * Books solidarity missions under the measure's rules. Bookings of one doctor serialise on an
 * advisory lock on the RPPS, bookings of one site on the site's row (always in that order, so no
 * deadlock): the checks then see every committed booking, even under concurrent requests.
 */
@ApplicationScoped
public class SolidarityMissionService {

    private static final Map<String, String> SORTABLE = Map.of("date", "date", "createdAt", "createdAt", "doctorRpps", "doctorRpps",
            "status", "status");
    private static final List<MissionStatus> LIVE = List.of(MissionStatus.PLANNED, MissionStatus.CONFIRMED, MissionStatus.COMPLETED);

    private final ReferenceGeography geography;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final MissionRules rules;
    private final Clock clock;
    private final AllowanceRules allowances;

    public SolidarityMissionService(ReferenceGeography geography, Outbox outbox, EntityManager entityManager, MissionRules rules,
            Clock clock, AllowanceRules allowances) {
        this.geography = geography;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.rules = rules;
        this.clock = clock;
        this.allowances = allowances;
    }

    public SolidarityMission find(UUID id) {
        SolidarityMission mission = SolidarityMission.findById(id);
        if (mission == null) {
            throw DomainException.notFound("mission", id);
        }
        return mission;
    }

    @Transactional
    public SolidarityMission book(MissionBooking booking, Caller caller) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('zones-doctor'), hashtext(?1))")
                .setParameter(1, booking.doctorRpps()).getSingleResult();
        ConsultationSite site = ConsultationSite.findById(booking.siteId(), LockModeType.PESSIMISTIC_WRITE);
        if (site == null) {
            throw DomainException.unprocessable("unknown-site", booking.siteId());
        }
        PriorityZone zone = PriorityZone.findById(site.zoneId);
        caller.mayActOnRegion(zone.regionCode);
        if (site.status != SiteStatus.OPEN) {
            throw DomainException.conflict("site-not-open", site.id, site.status);
        }
        if (zone.status != ZoneStatus.ACTIVE) {
            throw DomainException.conflict("zone-not-active.mission", zone.id, zone.epciName, zone.status);
        }
        LocalDate today = LocalDate.now(clock);
        if (booking.date().isBefore(today) || booking.date().isAfter(today.plusDays(rules.bookingHorizonDays()))) {
            throw DomainException.unprocessable("mission-date-out-of-range", today, today.plusDays(rules.bookingHorizonDays()), booking.date());
        }
        Slot slot = booking.slot();
        List<SolidarityMission> doctorsDay = SolidarityMission.list("doctorRpps = ?1 and date = ?2 and status in ?3",
                booking.doctorRpps(), booking.date(), LIVE);
        doctorsDay.stream().filter(m -> m.slot.overlaps(slot)).findFirst().ifPresent(m -> {
            throw DomainException.conflict("doctor-slot-overlap", booking.doctorRpps(), m.id, m.date, m.slot, slot);
        });
        YearMonth month = YearMonth.from(booking.date());
        BigDecimal booked = (BigDecimal) entityManager.createQuery("""
                select coalesce(sum(m.days), 0) from SolidarityMission m
                where m.doctorRpps = ?1 and m.date between ?2 and ?3 and m.status in ?4""")
                .setParameter(1, booking.doctorRpps()).setParameter(2, month.atDay(1)).setParameter(3, month.atEndOfMonth())
                .setParameter(4, LIVE).getSingleResult();
        BigDecimal limit = rules.maxDaysPerDoctorPerMonth();
        if (booked.add(slot.days()).compareTo(limit) > 0) {
            throw DomainException.conflict("monthly-limit", booking.doctorRpps(), booked, month, limit);
        }
        List<SolidarityMission> sitesDay = SolidarityMission.list("siteId = ?1 and date = ?2 and status in ?3", site.id,
                booking.date(), LIVE);
        for (Slot half : slot == Slot.FULL_DAY ? List.of(Slot.MORNING, Slot.AFTERNOON) : List.of(slot)) {
            long taken = sitesDay.stream().filter(m -> m.slot.overlaps(half)).count();
            if (taken >= site.rooms) {
                throw DomainException.conflict("site-slot-full", site.id, site.rooms, booking.date(), half);
            }
        }
        SolidarityMission mission = new SolidarityMission();
        mission.id = UUID.randomUUID();
        mission.siteId = site.id;
        mission.zoneId = zone.id;
        mission.doctorRpps = booking.doctorRpps();
        mission.doctorName = booking.doctorName();
        mission.date = booking.date();
        mission.slot = slot;
        mission.days = slot.days();
        mission.status = MissionStatus.PLANNED;
        mission.regionCode = zone.regionCode;
        mission.departementCode = geography.commune(site.communeCode).map(ReferenceGeography.Commune::departementCode).orElseThrow();
        mission.createdAt = Instant.now();
        mission.updatedAt = mission.createdAt;
        mission.persist();
        entityManager.flush();
        return mission;
    }

    @Transactional
    public SolidarityMission transition(UUID id, String ifMatch, MissionStatus target, String reason, Caller caller) {
        SolidarityMission mission = SolidarityMission.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (mission == null) {
            throw DomainException.notFound("mission", id);
        }
        caller.mayActOnRegion(mission.regionCode);
        Etags.requireMatch(ifMatch, mission.version);
        if (target == MissionStatus.COMPLETED && mission.date.isAfter(LocalDate.now(clock))) {
            throw DomainException.conflict("mission-not-yet-held", mission.id, mission.date);
        }
        mission.moveTo(target, reason);
        if (target == MissionStatus.COMPLETED) {
            PriorityZone zone = PriorityZone.findById(mission.zoneId);
            mission.allowance = mission.days.multiply(allowances.dailyAmount(zone.campaign)).setScale(2, RoundingMode.HALF_UP);
        }
        entityManager.flush();
        if (target == MissionStatus.COMPLETED) {
            outbox.record(new SiteEvents.MissionCompleted(mission.id, mission.zoneId, mission.siteId, mission.date, mission.slot.name(),
                    mission.days, mission.regionCode, mission.departementCode, mission.allowance));
        } else if (target == MissionStatus.CANCELLED) {
            recordCancelled(mission, reason);
        }
        return mission;
    }

    /**
     * Cancels the zone's missions still to come (from today, Europe/Paris), with the reason, in the caller's
     * transaction: a zone suspended or retired is no place to go. Returns their ids.
     */
    public List<UUID> cancelFutureMissions(UUID zoneId, String reason) {
        List<SolidarityMission> future = SolidarityMission.list("zoneId = ?1 and date >= ?2 and status in ?3 order by date, id", zoneId,
                LocalDate.now(clock), List.of(MissionStatus.PLANNED, MissionStatus.CONFIRMED));
        for (SolidarityMission mission : future) {
            mission.moveTo(MissionStatus.CANCELLED, reason);
            recordCancelled(mission, reason);
        }
        entityManager.flush();
        return future.stream().map(m -> m.id).toList();
    }

    private void recordCancelled(SolidarityMission mission, String reason) {
        outbox.record(new SiteEvents.MissionCancelled(mission.id, mission.zoneId, mission.siteId, mission.date, mission.slot.name(),
                mission.days, reason, mission.regionCode, mission.departementCode));
    }

    public Page<SolidarityMission> list(UUID zoneId, UUID siteId, String doctorRpps, YearMonth month, MissionStatus status,
            PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (zoneId != null) {
            where.append(" and zoneId = :zone");
            params.put("zone", zoneId);
        }
        if (siteId != null) {
            where.append(" and siteId = :site");
            params.put("site", siteId);
        }
        if (doctorRpps != null) {
            where.append(" and doctorRpps = :rpps");
            params.put("rpps", doctorRpps);
        }
        if (month != null) {
            where.append(" and date between :from and :to");
            params.put("from", month.atDay(1));
            params.put("to", month.atEndOfMonth());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        return Pages.of(SolidarityMission.<SolidarityMission>find(where.toString(), Pages.sort(page, SORTABLE, "date", "id"), params),
                page, m -> m);
    }
}
