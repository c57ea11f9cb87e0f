package fr.civmil.health.partnership;

import static fr.civmil.health.partnership.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.devstack.testing.PageQueriesContract;
import fr.civmil.health.partnership.domain.ActivationStatus;
import fr.civmil.health.partnership.domain.AnnualReview;
import fr.civmil.health.partnership.domain.Attendee;
import fr.civmil.health.partnership.domain.Axis;
import fr.civmil.health.partnership.domain.CommitmentStatus;
import fr.civmil.health.partnership.domain.CommitteeDecision;
import fr.civmil.health.partnership.domain.CommitteeMeeting;
import fr.civmil.health.partnership.domain.Contract;
import fr.civmil.health.partnership.domain.ContractStatus;
import fr.civmil.health.partnership.domain.CrisisActivation;
import fr.civmil.health.partnership.domain.Direction;
import fr.civmil.health.partnership.domain.Indicator;
import fr.civmil.health.partnership.domain.Measurement;
import fr.civmil.health.partnership.domain.MeasurementSource;
import fr.civmil.health.partnership.domain.MeetingKind;
import fr.civmil.health.partnership.domain.OrsanPlan;
import fr.civmil.health.partnership.domain.Party;
import fr.civmil.health.partnership.domain.Reinforcement;
import fr.civmil.health.partnership.domain.ReinforcementStatus;
import fr.civmil.health.partnership.domain.ReinforcementType;
import fr.civmil.health.partnership.domain.RequestingParty;
import fr.civmil.health.partnership.domain.ReviewComment;
import fr.civmil.health.partnership.domain.ReviewSnapshot;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A list page is read in a few statements however many items it holds: what each item shows (axes, reinforcements,
 * comments, meetings, decisions, latest measurements) is read for the whole page at once, not once per item.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class PageQueriesTest extends PageQueriesContract {

    @Test
    void aPageOfContractsReadsTheirAxesAtOnce() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < PAGE_ITEMS; i++) {
                Contract contract = contract();
                for (int number = 1; number <= 3; number++) {
                    Axis axis = new Axis();
                    axis.id = UUID.randomUUID();
                    axis.contractId = contract.id;
                    axis.number = number;
                    axis.title = "Axe " + number;
                    axis.persist();
                }
            }
        });
        assertPageBounded("contracts", () -> as("auditor").queryParam("size", 200).get("/api/v1/partnerships").then());
    }

    @Test
    void aPageOfActivationsReadsTheirReinforcementsAtOnce() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < PAGE_ITEMS; i++) {
                CrisisActivation activation = new CrisisActivation();
                activation.id = UUID.randomUUID();
                activation.plan = OrsanPlan.EPI_CLIM;
                activation.departementCodes = List.of("09");
                activation.zoneIds = List.of();
                activation.reason = "Test de pagination";
                activation.requestingParty = RequestingParty.ARS;
                activation.status = ActivationStatus.STOOD_DOWN;
                activation.requestedBy = "dev-ars";
                activation.requestedAt = Instant.now();
                activation.stoodDownBy = "dev-ars";
                activation.stoodDownAt = activation.requestedAt;
                activation.persist();
                for (ReinforcementStatus status : List.of(ReinforcementStatus.RELEASED, ReinforcementStatus.CANCELLED)) {
                    Reinforcement reinforcement = new Reinforcement();
                    reinforcement.id = UUID.randomUUID();
                    reinforcement.activationId = activation.id;
                    reinforcement.type = ReinforcementType.HEALTH_RESERVE;
                    reinforcement.quantity = 2;
                    reinforcement.place = "CHU de Toulouse";
                    reinforcement.status = status;
                    reinforcement.endedByStandDown = true;
                    reinforcement.createdAt = activation.requestedAt;
                    reinforcement.updatedAt = activation.requestedAt;
                    reinforcement.persist();
                }
            }
        });
        assertPageBounded("activations", () -> as("auditor").queryParam("size", 200).get(CrisisActivationTest.CRISES).then());
    }

    @Test
    void aPageOfReviewsOrMeetingsReadsTheirCommentsMeetingsAndDecisionsAtOnce() {
        String contractId = Api.newContract();
        String commitmentId = Api.newCommitment(contractId, "2026-12-31");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int year = 2026 - PAGE_ITEMS; year < 2026; year++) {
                AnnualReview review = new AnnualReview();
                review.id = UUID.randomUUID();
                review.contractId = UUID.fromString(contractId);
                review.year = year;
                review.reviewDate = LocalDate.of(year, 12, 31);
                review.snapshot = new ReviewSnapshot(review.reviewDate, List.of());
                review.createdAt = Instant.now();
                review.persist();
                ReviewComment comment = new ReviewComment();
                comment.id = UUID.randomUUID();
                comment.reviewId = review.id;
                comment.commitmentId = UUID.fromString(commitmentId);
                comment.author = "dev-ars";
                comment.text = "Remarque";
                comment.createdAt = Instant.now();
                comment.persist();
                CommitteeMeeting meeting = new CommitteeMeeting();
                meeting.id = UUID.randomUUID();
                meeting.contractId = review.contractId;
                meeting.heldOn = LocalDate.of(year, 6, 1);
                meeting.kind = MeetingKind.ORDINARY;
                meeting.attendees = List.of(new Attendee(Party.ARS, "Alice Martin", "Directrice"));
                meeting.createdBy = "dev-ars";
                meeting.createdAt = Instant.now();
                meeting.persist();
                CommitteeDecision decision = new CommitteeDecision();
                decision.id = UUID.randomUUID();
                decision.meetingId = meeting.id;
                decision.commitmentId = UUID.fromString(commitmentId);
                decision.toStatus = CommitmentStatus.IN_PROGRESS;
                decision.text = "Lancement validé";
                decision.decidedBy = "dev-ars";
                decision.createdAt = Instant.now();
                decision.persist();
            }
        });
        String contract = "/api/v1/partnerships/" + contractId;
        assertPageBounded("reviews", () -> as("auditor").queryParam("size", 200).get(contract + "/reviews").then());
        assertPageBounded("meetings", () -> as("auditor").queryParam("size", 200).get(contract + "/committee-meetings").then());
    }

    @Test
    void aPageOfIndicatorsReadsTheirLatestMeasurementsAtOnce() {
        String contractId = Api.newContract();
        String commitmentId = Api.newCommitment(contractId, "2026-12-31");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < PAGE_ITEMS; i++) {
                Indicator indicator = new Indicator();
                indicator.id = UUID.randomUUID();
                indicator.contractId = UUID.fromString(contractId);
                indicator.commitmentId = UUID.fromString(commitmentId);
                indicator.name = "Indicateur " + i;
                indicator.unit = "days";
                indicator.baseline = BigDecimal.ZERO;
                indicator.target = BigDecimal.TEN;
                indicator.direction = Direction.HIGHER_IS_BETTER;
                indicator.createdAt = Instant.now();
                indicator.persist();
                for (int day = 1; day <= 2; day++) {
                    Measurement measurement = new Measurement();
                    measurement.id = UUID.randomUUID();
                    measurement.indicatorId = indicator.id;
                    measurement.measuredOn = LocalDate.of(2026, 1, day);
                    measurement.value = BigDecimal.valueOf(day);
                    measurement.source = MeasurementSource.MANUAL;
                    measurement.recordedAt = Instant.now();
                    measurement.persist();
                }
            }
        });
        String indicators = "/api/v1/partnerships/" + contractId + "/indicators";
        assertPageBounded("indicators", () -> as("auditor").queryParam("size", 200).get(indicators).then()
                .body("items.latest.value", everyItem(equalTo(2.0f))));
    }

    private static Contract contract() {
        Contract contract = new Contract();
        contract.id = UUID.randomUUID();
        contract.reference = "Q-" + contract.id;
        contract.title = "Contrat de pagination";
        contract.regionCode = "76";
        contract.legalBasis = "Code de la santé publique, article L6147-12";
        contract.parties = List.of("ARS Occitanie", "Service de santé des armées");
        contract.signatories = List.of();
        contract.frameworkReferences = List.of();
        contract.status = ContractStatus.DRAFT;
        contract.createdAt = Instant.now();
        contract.updatedAt = contract.createdAt;
        contract.persist();
        return contract;
    }
}
