package fr.civmil.health.clients.e2e;

import static fr.civmil.health.clients.e2e.Responses.assertProblem;
import static fr.civmil.health.clients.e2e.Responses.etag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.civmil.health.clients.referral.ApiClient;
import fr.civmil.health.clients.referral.ApiException;
import fr.civmil.health.clients.referral.ApiResponse;
import fr.civmil.health.clients.referral.api.ReferencedDoctorsApi;
import fr.civmil.health.clients.referral.api.ReferralRequestsApi;
import fr.civmil.health.clients.referral.model.AssignmentInput;
import fr.civmil.health.clients.referral.model.CharterStatus;
import fr.civmil.health.clients.referral.model.DoctorImportReport;
import fr.civmil.health.clients.referral.model.NeedInput;
import fr.civmil.health.clients.referral.model.Proposal;
import fr.civmil.health.clients.referral.model.ProposalPage;
import fr.civmil.health.clients.referral.model.Proximity;
import fr.civmil.health.clients.referral.model.ReferencedDoctor;
import fr.civmil.health.clients.referral.model.ReferencedDoctorPage;
import fr.civmil.health.clients.referral.model.ReferralRequest;
import fr.civmil.health.clients.referral.model.ReferralRequestInput;
import fr.civmil.health.clients.referral.model.ReferralRequestReadPage;
import fr.civmil.health.clients.referral.model.ReferralStatus;
import fr.civmil.health.clients.referral.model.Specialty;
import fr.civmil.health.devstack.Rpps;

/** The CNMSS back office on the generated referral client: CSV onboarding, directory search, matching a household. */
@ExtendWith(Stack.class)
class ReferralClientTest {

    private static final String CSV_HEADER = "rpps,lastName,firstName,profession,specialty,address,postalCode,communeCode,phone,"
            + "teleconsultation,languages,acceptingNewPatients,remainingPlaces,capacityConfirmedOn,charterSignedOn\n";

    private final ApiClient cnmss = client("cnmss");
    private final ReferencedDoctorsApi doctors = new ReferencedDoctorsApi(cnmss);
    private final ReferralRequestsApi requests = new ReferralRequestsApi(cnmss);

    static ApiClient client(String role) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Stack.gateway());
        client.setRequestInterceptor(Stack.bearer(role));
        return client;
    }

    /** A last name no other doctor has, so that a search by name finds this test's doctors only. */
    private static String uniqueName() {
        return "Zz" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A dermatologist in Rodez (Aveyron) whose charter is signed, one CSV line. */
    private static String rodezDermatologist(String lastName, int places, String teleconsultation) {
        return Rpps.fresh() + "," + lastName + ",Jeanne,PHYSICIAN,DERMATOLOGY,\"4, rue \"\"Neuve\"\"\",12000,12202,0565000000,"
                + teleconsultation + ",fr|oc,true," + places + "," + LocalDate.now() + ",2024-09-25\n";
    }

    @Test
    void importedDoctorsAreFoundAndProposedToARelocatedHousehold() throws ApiException {
        String name = uniqueName();
        DoctorImportReport report = doctors.importDoctors(ReferencedDoctorsApi.APIImportDoctorsRequest.newBuilder()
                .body(CSV_HEADER + rodezDermatologist(name, 12, "true") + rodezDermatologist(name, 3, "false")).build());
        assertEquals(2, report.getCreated());
        assertEquals(0, report.getUpdated());

        ReferencedDoctorPage found = new ReferencedDoctorsApi(client("ssa")).searchDoctors(ReferencedDoctorsApi.APISearchDoctorsRequest.newBuilder()
                .departementCode("12").specialty("DERMATOLOGY").name(name).accepting(true).teleconsultation(true)
                .charterStatus(CharterStatus.ACTIVE).build());
        assertEquals(1, found.getTotal());
        ReferencedDoctor teleconsulting = found.getItems().get(0);
        assertEquals(Specialty.DERMATOLOGY, teleconsulting.getSpecialty());
        assertEquals("Rodez", teleconsulting.getPracticeLocations().get(0).getCommuneName());
        assertEquals(12, teleconsulting.getCapacity().getRemainingPlaces());

        ApiResponse<ReferralRequest> registered = requests.registerReferralRequestWithHttpInfo(ReferralRequestsApi.APIRegisterReferralRequestRequest.newBuilder()
                .idempotencyKey("e2e-case-" + name)
                .referralRequestInput(new ReferralRequestInput().caseReference(caseReference()).destinationCommuneCode("12202")
                        .relocationDate(LocalDate.now().plusMonths(1)).expectedArrivalDate(LocalDate.now().plusMonths(2)).householdSize(4)
                        .needs(List.of(new NeedInput().specialty(Specialty.DERMATOLOGY).people(2))))
                .build());
        assertEquals(201, registered.getStatusCode());
        assertEquals(ReferralStatus.OPEN, registered.getData().getStatus());
        assertEquals(LocalDate.now().plusMonths(2).plusDays(60), registered.getData().getExpiresAt().toLocalDate(), "60 days after the arrival");
        ApiResponse<ProposalPage> ranked = requests.computeProposalsWithHttpInfo(ReferralRequestsApi.APIComputeProposalsRequest.newBuilder()
                .id(registered.getData().getId()).size(50).build());
        List<Proposal> ours = ranked.getData().getItems().stream().filter(p -> p.getLastName().equals(name)).toList();
        assertEquals(2, ours.size(), ranked.getData().toString());
        assertEquals(Proximity.SAME_COMMUNE, ours.get(0).getProximity());
        assertEquals(teleconsulting.getId(), ours.get(0).getDoctorId(), "the doctor with more places first");

        String etag = etag(ranked.getHeaders());
        ReferralRequest assigned = requests.assignDoctor(ReferralRequestsApi.APIAssignDoctorRequest.newBuilder().id(registered.getData().getId())
                .ifMatch(etag).assignmentInput(new AssignmentInput().doctorId(teleconsulting.getId()).need(Specialty.DERMATOLOGY)).build());
        assertEquals(ReferralStatus.ASSIGNED, assigned.getStatus());
        assertEquals(teleconsulting.getId(), assigned.getNeeds().get(0).getAssignedDoctorId());
        assertEquals(10, doctors.getDoctor(ReferencedDoctorsApi.APIGetDoctorRequest.newBuilder().id(teleconsulting.getId()).build())
                .getCapacity().getRemainingPlaces());
    }

    @Test
    void aBadImportIsRefusedWholeWithEveryBadLine() {
        ApiException refused = assertThrows(ApiException.class, () -> doctors.importDoctors(ReferencedDoctorsApi.APIImportDoctorsRequest.newBuilder()
                .body(CSV_HEADER + rodezDermatologist(uniqueName(), 1, "true") + "123,Short,Rpps,PHYSICIAN,DERMATOLOGY,x,12000,12202,,true,fr,true,1,,\n")
                .build()));
        assertEquals("line 3", assertProblem(422, "invalid-import", refused.getCode(), refused.getResponseBody())
                .path("violations").path(0).path("field").asText());
    }

    /** CNMSS-office-year-sequence: never a name, never a NIR. */
    private static String caseReference() {
        return String.format("CNMSS-%02d-2026-%06d", ThreadLocalRandom.current().nextInt(100), ThreadLocalRandom.current().nextInt(1_000_000));
    }

    @Test
    void theAuditTrailIsReadThroughTheGatewayByAuditorsAndAdminsOnly() throws ApiException {
        UUID id = requests.registerReferralRequest(ReferralRequestsApi.APIRegisterReferralRequestRequest.newBuilder()
                .referralRequestInput(new ReferralRequestInput().caseReference(caseReference()).destinationCommuneCode("12202")
                        .relocationDate(LocalDate.now().plusMonths(1)).householdSize(1)
                        .needs(List.of(new NeedInput().specialty(Specialty.GENERAL_PRACTICE).people(1))))
                .build()).getId();
        String trace = "e2e-audit-" + UUID.randomUUID();
        requests.getReferralRequest(ReferralRequestsApi.APIGetReferralRequestRequest.newBuilder().id(id).xRequestId(trace).build());

        for (String role : List.of("auditor", "admin")) {
            ReferralRequestsApi reader = new ReferralRequestsApi(client(role));
            ReferralRequestReadPage trail = reader.listReferralReadAudit(ReferralRequestsApi.APIListReferralReadAuditRequest.newBuilder()
                    .requestId(id).build());
            assertEquals(1, trail.getTotal(), role);
            assertEquals(trace, trail.getItems().get(0).getHttpRequestId(), role);
            assertEquals("READ", trail.getItems().get(0).getOperation(), role);
            // The trail, not the requests.
            ApiException refused = assertThrows(ApiException.class, () -> reader.getReferralRequest(
                    ReferralRequestsApi.APIGetReferralRequestRequest.newBuilder().id(id).build()));
            assertProblem(403, "forbidden", refused.getCode(), refused.getResponseBody());
        }
        for (String role : List.of("cnmss", "ars", "ssa")) {
            ApiException refused = assertThrows(ApiException.class, () -> new ReferralRequestsApi(client(role)).listReferralReadAudit(
                    ReferralRequestsApi.APIListReferralReadAuditRequest.newBuilder().requestId(id).build()));
            assertProblem(403, "forbidden", refused.getCode(), refused.getResponseBody());
        }
    }

    @Test
    void referralRequestsAreForTheCnmssOnly() {
        ReferralRequestsApi asArs = new ReferralRequestsApi(client("ars"));
        ApiException refused = assertThrows(ApiException.class, () -> asArs.getReferralRequest(
                ReferralRequestsApi.APIGetReferralRequestRequest.newBuilder().id(UUID.randomUUID()).build()));
        assertProblem(403, "forbidden", refused.getCode(), refused.getResponseBody());
    }
}
