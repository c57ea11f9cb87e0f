package fr.civmil.health.clients.e2e;

import static fr.civmil.health.clients.e2e.Responses.assertProblem;
import static fr.civmil.health.clients.e2e.Responses.etag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.civmil.health.clients.partnership.ApiClient;
import fr.civmil.health.clients.partnership.ApiException;
import fr.civmil.health.clients.partnership.ApiResponse;
import fr.civmil.health.clients.partnership.api.AnnualReviewsApi;
import fr.civmil.health.clients.partnership.api.CommitmentsApi;
import fr.civmil.health.clients.partnership.api.ContractsApi;
import fr.civmil.health.clients.partnership.api.FiguresApi;
import fr.civmil.health.clients.partnership.api.IndicatorsApi;
import fr.civmil.health.clients.partnership.model.AnnualReview;
import fr.civmil.health.clients.partnership.model.Commitment;
import fr.civmil.health.clients.partnership.model.CommitmentInput;
import fr.civmil.health.clients.partnership.model.ConsultationDays;
import fr.civmil.health.clients.partnership.model.Contract;
import fr.civmil.health.clients.partnership.model.ContractInput;
import fr.civmil.health.clients.partnership.model.Direction;
import fr.civmil.health.clients.partnership.model.Indicator;
import fr.civmil.health.clients.partnership.model.IndicatorInput;
import fr.civmil.health.clients.partnership.model.Measurement;
import fr.civmil.health.clients.partnership.model.MeasurementInput;
import fr.civmil.health.clients.partnership.model.MonthDays;
import fr.civmil.health.clients.partnership.model.Owner;
import fr.civmil.health.clients.partnership.model.Party;
import fr.civmil.health.clients.partnership.model.ReviewIndicator;
import fr.civmil.health.clients.partnership.model.ReviewInput;
import fr.civmil.health.clients.partnership.model.ReviewRefresh;
import fr.civmil.health.clients.partnership.model.SignatureInput;
import fr.civmil.health.clients.partnership.model.Signatory;

/** ARS and SSA systems on the generated partnership client: contract, commitment, measurement, signed review, exports. */
@ExtendWith(Stack.class)
class PartnershipClientTest {

    private static final LocalDate TODAY = LocalDate.now();

    private final ApiClient ars = client("ars");
    private final ApiClient ssa = client("ssa");

    static ApiClient client(String role) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Stack.gateway());
        client.setRequestInterceptor(Stack.bearer(role));
        return client;
    }

    @Test
    void aReviewOfMeasuredCommitmentsIsSignedByBothPartiesAndExported() throws ApiException, IOException {
        Contract contract = new ContractsApi(ars).createContract(ContractsApi.APICreateContractRequest.newBuilder()
                .idempotencyKey("e2e-contract-" + UUID.randomUUID())
                .contractInput(new ContractInput().reference("E2E-" + UUID.randomUUID()).regionCode("76").title("Contrat spécifique de partenariat SSA – ARS")
                        .legalBasis("Code de la santé publique, article L6147-12")
                        .parties(List.of("ARS Occitanie", "Service de santé des armées"))
                        .signatories(List.of(new Signatory().party(Party.ARS).name("Alice Martin").function("Directrice").organisation("ARS Occitanie"),
                                new Signatory().party(Party.SSA).name("Bruno Leroy").function("Médecin chef").organisation("Service de santé des armées")))
                        .frameworkReferences(List.of("Projet régional de santé 2023-2028", "ORSAN"))
                        .periodStart(LocalDate.of(2025, 1, 1)).periodEnd(LocalDate.of(2029, 12, 31))
                        .axes(List.of("Accès aux soins", "Organisation territoriale")))
                .build());
        assertEquals("DRAFT", String.valueOf(contract.getStatus()));

        Commitment commitment = new CommitmentsApi(ssa).createCommitment(CommitmentsApi.APICreateCommitmentRequest.newBuilder()
                .contractId(contract.getId())
                .commitmentInput(new CommitmentInput().axis(1).owner(Owner.JOINT).title("Consultations avancées")
                        .description("Des journées de consultation en zone prioritaire").deliverables(List.of("Bilan trimestriel"))
                        .dueDate(TODAY.plusMonths(6)).zoneIds(List.of()))
                .build());
        IndicatorsApi indicators = new IndicatorsApi(ars);
        Indicator indicator = indicators.createIndicator(IndicatorsApi.APICreateIndicatorRequest.newBuilder().contractId(contract.getId())
                .indicatorInput(new IndicatorInput().commitmentId(commitment.getId()).name("Journées de consultation").unit("days")
                        .baseline(BigDecimal.ZERO).target(BigDecimal.valueOf(400)).direction(Direction.HIGHER_IS_BETTER))
                .build());
        Measurement measurement = indicators.recordMeasurement(IndicatorsApi.APIRecordMeasurementRequest.newBuilder()
                .contractId(contract.getId()).indicatorId(indicator.getId())
                .measurementInput(new MeasurementInput().date(TODAY).value(BigDecimal.valueOf(50)).comment("Comité de suivi"))
                .build());
        assertEquals(0, BigDecimal.valueOf(50).compareTo(measurement.getValue()));

        int year = TODAY.getYear();
        AnnualReviewsApi reviews = new AnnualReviewsApi(ars);
        ApiResponse<AnnualReview> opened = reviews.openReviewWithHttpInfo(AnnualReviewsApi.APIOpenReviewRequest.newBuilder()
                .contractId(contract.getId()).reviewInput(new ReviewInput().year(year).reviewDate(TODAY)).build());
        assertEquals(201, opened.getStatusCode());
        ApiResponse<AnnualReview> snapshot = reviews.snapshotReviewWithHttpInfo(AnnualReviewsApi.APISnapshotReviewRequest.newBuilder()
                .contractId(contract.getId()).year(year).ifMatch(etag(opened.getHeaders())).reviewRefresh(new ReviewRefresh().reviewDate(TODAY)).build());
        ReviewIndicator frozen = snapshot.getData().getSnapshot().getCommitments().get(0).getIndicators().get(0);
        assertEquals(0, BigDecimal.valueOf(50).compareTo(frozen.getValue()));
        assertEquals(0, new BigDecimal("12.5").compareTo(frozen.getProgress()));

        // Each party signs for itself only: an ARS system signing for SSA is refused.
        ApiException otherParty = assertThrows(ApiException.class, () -> reviews.signReview(AnnualReviewsApi.APISignReviewRequest.newBuilder()
                .contractId(contract.getId()).year(year).party(Party.SSA).ifMatch(etag(snapshot.getHeaders())).signatureInput(new SignatureInput().signatory("Bruno Leroy")).build()));
        assertProblem(403, "signatory-party", otherParty.getCode(), otherParty.getResponseBody());
        ApiResponse<AnnualReview> ssaSigned = new AnnualReviewsApi(ssa).signReviewWithHttpInfo(AnnualReviewsApi.APISignReviewRequest.newBuilder()
                .contractId(contract.getId()).year(year).party(Party.SSA).ifMatch(etag(snapshot.getHeaders()))
                .signatureInput(new SignatureInput().signatory("Bruno Leroy")).build());
        assertEquals("PARTIALLY_SIGNED", String.valueOf(ssaSigned.getData().getStatus()));
        ApiException stale = assertThrows(ApiException.class, () -> reviews.signReview(AnnualReviewsApi.APISignReviewRequest.newBuilder()
                .contractId(contract.getId()).year(year).party(Party.ARS).ifMatch(etag(snapshot.getHeaders())).signatureInput(new SignatureInput().signatory("Alice Martin")).build()));
        assertProblem(412, "precondition-failed", stale.getCode(), stale.getResponseBody());
        AnnualReview signed = reviews.signReview(AnnualReviewsApi.APISignReviewRequest.newBuilder()
                .contractId(contract.getId()).year(year).party(Party.ARS).ifMatch(etag(ssaSigned.getHeaders())).signatureInput(new SignatureInput().signatory("Alice Martin")).build());
        assertEquals("SIGNED", String.valueOf(signed.getStatus()));
        assertEquals("dev-ssa", signed.getSsaSignature().getSignedBy());
        assertEquals("Alice Martin", signed.getArsSignature().getSignatory());
        assertEquals("dev-ars", signed.getArsSignature().getSignedBy());

        AnnualReviewsApi audit = new AnnualReviewsApi(client("auditor"));
        String csv = read(audit.exportReviewCsv(AnnualReviewsApi.APIExportReviewCsvRequest.newBuilder().contractId(contract.getId()).year(year).build()));
        assertTrue(csv.contains("Consultations avancées") && csv.contains("Journées de consultation"), csv);
        String html = read(audit.exportReviewHtml(AnnualReviewsApi.APIExportReviewHtmlRequest.newBuilder().contractId(contract.getId()).year(year).build()));
        assertTrue(html.contains("<html") && html.contains("Consultations avancées"), html);
        // HTML-escaped as the template writes it ("l&#39;Agence" reads "l'Agence").
        assertTrue(html.contains("Signé pour l&#39;Agence régionale de santé par Alice Martin, Directrice, le ") && !html.contains("dev-ars"), html);
    }

    @Test
    void consultationDaysAreReadForAMonth() throws ApiException {
        ConsultationDays days = new FiguresApi(ssa).getConsultationDays(FiguresApi.APIGetConsultationDaysRequest.newBuilder()
                .region("76").from("2026-01").to("2026-01").build());
        assertEquals("76", days.getRegionCode());
        // Only months with completed missions are listed; the total is theirs.
        assertTrue(days.getMonths().stream().allMatch(m -> m.getMonth().equals("2026-01")), days.toString());
        assertEquals(0, days.getMonths().stream().map(MonthDays::getDays).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(days.getTotal()));

        ApiException badMonth = assertThrows(ApiException.class, () -> new FiguresApi(ssa).getConsultationDays(
                FiguresApi.APIGetConsultationDaysRequest.newBuilder().region("76").from("2026-1").to("2026-01").build()));
        assertProblem(400, "validation", badMonth.getCode(), badMonth.getResponseBody());
    }

    /** Exports are downloads: the generated client writes them to a temporary file. */
    private static String read(File download) throws IOException {
        try {
            return Files.readString(download.toPath());
        } finally {
            Files.deleteIfExists(download.toPath());
        }
    }
}
