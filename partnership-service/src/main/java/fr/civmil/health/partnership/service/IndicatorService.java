package fr.civmil.health.partnership.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.civmil.health.partnership.domain.Commitment;
import fr.civmil.health.partnership.domain.Direction;
import fr.civmil.health.partnership.domain.Feed;
import fr.civmil.health.partnership.domain.Indicator;
import fr.civmil.health.partnership.domain.Measurement;
import fr.civmil.health.partnership.domain.MeasurementSource;
import fr.civmil.health.partnership.events.FeedUpdated;
import fr.civmil.health.partnership.events.PartnershipEvents.IndicatorMeasured;
import fr.civmil.health.partnership.service.IndicatorCommands.IndicatorDraft;
import fr.civmil.health.partnership.service.IndicatorCommands.ManualMeasurement;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.outbox.Outbox;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.persistence.Pages;
import fr.civmil.health.platform.security.Caller;

/** Indicators, their manual measurements, and the automatic ones recomputed when events arrive. */
@ApplicationScoped
public class IndicatorService {

    private static final Map<String, String> SORTS = Map.of("name", "name", "createdAt", "createdAt");
    private static final Map<String, String> MEASUREMENT_SORTS = Map.of("date", "measuredOn", "recordedAt", "recordedAt");

    private final ContractService contracts;
    private final FeedFigures figures;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock;

    public IndicatorService(ContractService contracts, FeedFigures figures, Outbox outbox, EntityManager entityManager, Clock clock) {
        this.contracts = contracts;
        this.figures = figures;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public Indicator find(UUID contractId, UUID id) {
        Indicator indicator = Indicator.findById(id);
        if (indicator == null || !indicator.contractId.equals(contractId)) {
            throw DomainException.notFound("indicator", id);
        }
        return indicator;
    }

    public Page<Indicator> page(UUID contractId, PageRequest request, UUID commitmentId) {
        contracts.find(contractId);
        var sort = Pages.sort(request, SORTS, "name", "id");
        var query = commitmentId == null ? Indicator.<Indicator>find("contractId", sort, contractId)
                : Indicator.<Indicator>find("contractId = ?1 and commitmentId = ?2", sort, contractId, commitmentId);
        return Pages.of(query, request, i -> i);
    }

    /** The latest measurement of each of these indicators (a page of them) that has one, read at once. */
    public Map<UUID, Measurement> latest(List<Indicator> indicators) {
        return Measurement.latestOf(indicators.stream().map(i -> i.id).toList());
    }

    public Page<Measurement> measurements(UUID contractId, UUID id, PageRequest request) {
        find(contractId, id);
        return Pages.of(Measurement.<Measurement>find("indicatorId", Pages.sort(request, MEASUREMENT_SORTS, "-date", "id"), id),
                request, m -> m);
    }

    @Transactional
    public Indicator create(UUID contractId, IndicatorDraft input, Caller caller) {
        contracts.findForChange(contractId, caller);
        Commitment commitment = Commitment.findById(input.commitmentId());
        if (commitment == null || !commitment.contractId.equals(contractId)) {
            throw DomainException.unprocessable("unknown-commitment", input.commitmentId());
        }
        int sign = input.target().compareTo(input.baseline());
        if (sign == 0 || (sign > 0) != (input.direction() == Direction.HIGHER_IS_BETTER)) {
            throw DomainException.invalidField("target", input.direction() == Direction.HIGHER_IS_BETTER ? "field.target-above" : "field.target-below");
        }
        if ((input.feed() == null) != (input.regionCode() == null)) {
            throw DomainException.invalidField("regionCode", "field.region-with-feed");
        }
        if (input.regionCode() != null) {
            caller.mayActOnRegion(input.regionCode());
        }
        Indicator indicator = new Indicator();
        indicator.id = UUID.randomUUID();
        indicator.contractId = contractId;
        indicator.commitmentId = commitment.id;
        indicator.name = input.name();
        indicator.unit = input.unit();
        indicator.baseline = input.baseline();
        indicator.target = input.target();
        indicator.direction = input.direction();
        indicator.feed = input.feed();
        indicator.regionCode = input.regionCode();
        indicator.createdAt = Instant.now();
        indicator.persist();
        entityManager.flush();
        if (indicator.feed != null) {
            LocalDate today = LocalDate.now(clock);
            recordAutomatic(indicator, today, figures.value(indicator.feed, indicator.regionCode, today));
        }
        return indicator;
    }

    @Transactional
    public Measurement measure(UUID contractId, UUID id, ManualMeasurement input, Caller caller) {
        contracts.findForChange(contractId, caller);
        Indicator indicator = find(contractId, id);
        if (indicator.feed != null) {
            throw DomainException.conflict("automatic-indicator", indicator.feed);
        }
        if (input.date().isAfter(LocalDate.now(clock))) {
            throw DomainException.invalidField("date", "field.not-future");
        }
        Measurement measurement = new Measurement();
        measurement.id = UUID.randomUUID();
        measurement.indicatorId = id;
        measurement.measuredOn = input.date();
        measurement.value = input.value();
        measurement.source = MeasurementSource.MANUAL;
        measurement.comment = input.comment();
        measurement.recordedAt = Instant.now();
        measurement.persist();
        published(indicator, measurement.measuredOn, measurement.value, MeasurementSource.MANUAL);
        return measurement;
    }

    /** Recomputes every automatic indicator following the updated feed in its région (in the projection's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    void refresh(@Observes FeedUpdated update) {
        Feed feed = update.feed();
        String regionCode = update.regionCode();
        LocalDate today = LocalDate.now(clock);
        List<Indicator> indicators = Indicator.list("feed = ?1 and regionCode = ?2", feed, regionCode);
        if (indicators.isEmpty()) {
            return;
        }
        BigDecimal value = figures.value(feed, regionCode, today);
        for (Indicator indicator : indicators) {
            recordAutomatic(indicator, today, value);
        }
    }

    /** One automatic measurement per indicator and day: a later value of the same day replaces it. */
    private void recordAutomatic(Indicator indicator, LocalDate date, BigDecimal value) {
        Measurement latest = Measurement.latest(indicator.id);
        if (latest != null && latest.value.compareTo(value) == 0) {
            return;
        }
        entityManager.createNativeQuery("""
                insert into measurement (id, indicator_id, measured_on, value, source, comment, recorded_at)
                values (?1, ?2, ?3, ?4, 'AUTOMATIC', ?5, now())
                on conflict (indicator_id, measured_on) where source = 'AUTOMATIC'
                do update set value = excluded.value, recorded_at = excluded.recorded_at""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, indicator.id).setParameter(3, date).setParameter(4, value)
                .setParameter(5, "Computed from " + indicator.feed + " events")
                .executeUpdate();
        published(indicator, date, value, MeasurementSource.AUTOMATIC);
    }

    private void published(Indicator indicator, LocalDate date, BigDecimal value, MeasurementSource source) {
        outbox.record(new IndicatorMeasured(indicator.id, indicator.commitmentId, date, value, source.name()));
    }
}
