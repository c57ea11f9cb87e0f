package fr.civmil.health.clients.e2e;

import static fr.civmil.health.clients.e2e.Responses.assertProblem;
import static fr.civmil.health.clients.e2e.Responses.etag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.civmil.health.clients.zones.ApiClient;
import fr.civmil.health.clients.zones.ApiException;
import fr.civmil.health.clients.zones.ApiResponse;
import fr.civmil.health.clients.zones.api.ConsultationSitesApi;
import fr.civmil.health.clients.zones.api.PriorityZonesApi;
import fr.civmil.health.clients.zones.api.SolidarityMissionsApi;
import fr.civmil.health.clients.zones.model.Address;
import fr.civmil.health.clients.zones.model.ConsultationSite;
import fr.civmil.health.clients.zones.model.ConsultationSiteRequest;
import fr.civmil.health.clients.zones.model.MissionStatus;
import fr.civmil.health.clients.zones.model.MissionTransitionRequest;
import fr.civmil.health.clients.zones.model.PriorityZone;
import fr.civmil.health.clients.zones.model.SiteKind;
import fr.civmil.health.clients.zones.model.SiteStatus;
import fr.civmil.health.clients.zones.model.SiteTransitionRequest;
import fr.civmil.health.clients.zones.model.Slot;
import fr.civmil.health.clients.zones.model.SolidarityMission;
import fr.civmil.health.clients.zones.model.SolidarityMissionRequest;
import fr.civmil.health.clients.zones.model.TransitionRequest;
import fr.civmil.health.clients.zones.model.VolunteerDoctor;
import fr.civmil.health.clients.zones.model.ZoneCoverage;
import fr.civmil.health.clients.zones.model.ZoneDesignationRequest;
import fr.civmil.health.clients.zones.model.ZoneStatus;
import fr.civmil.health.devstack.Rpps;

/** An ARS information system on the generated zones client: designation, concurrency, sites, missions, coverage. */
@ExtendWith(Stack.class)
class ZonesClientTest {

    /** CC du Pays de Mirepoix, and Mirepoix, one of its communes. */
    private static final String MIREPOIX_EPCI = "200044469";
    private static final String MIREPOIX = "09194";

    private final PriorityZonesApi zones = new PriorityZonesApi(client("ars"));
    private final ConsultationSitesApi sites = new ConsultationSitesApi(client("ars"));
    private final SolidarityMissionsApi missions = new SolidarityMissionsApi(client("ars"));

    static ApiClient client(String role) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Stack.gateway());
        client.setRequestInterceptor(Stack.bearer(role));
        return client;
    }

    /** A campaign of this run only, so the demo data's zones (campaign pacte-2025) never conflict. */
    private static String campaign() {
        return "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Designates CC du Pays de Mirepoix in the campaign (the key may be null). */
    private ApiResponse<PriorityZone> designate(String campaign, String idempotencyKey) throws ApiException {
        return zones.designatePriorityZoneWithHttpInfo(PriorityZonesApi.APIDesignatePriorityZoneRequest.newBuilder()
                .idempotencyKey(idempotencyKey)
                .zoneDesignationRequest(new ZoneDesignationRequest().epciSiren(MIREPOIX_EPCI).campaign(campaign)
                        .status(ZoneStatus.DESIGNATED).targetDaysPerMonth(BigDecimal.valueOf(8)))
                .build());
    }

    @Test
    void aDesignationIsIdempotentAndItsUpdatesNeedTheCurrentETag() throws ApiException {
        String campaign = campaign();
        String key = "e2e-" + UUID.randomUUID();
        ApiResponse<PriorityZone> created = designate(campaign, key);
        assertEquals(201, created.getStatusCode());
        PriorityZone zone = created.getData();
        assertEquals("CC du Pays de Mirepoix", zone.getEpciName());
        assertEquals(ZoneStatus.DESIGNATED, zone.getStatus());
        assertEquals(List.of("09"), zone.getDepartementCodes());
        assertFalse(created.getHeaders().containsKey("Idempotency-Replayed"));

        ApiResponse<PriorityZone> replayed = designate(campaign, key);
        assertEquals(201, replayed.getStatusCode());
        assertEquals(zone.getId(), replayed.getData().getId());
        assertEquals(List.of("true"), replayed.getHeaders().get("Idempotency-Replayed"));
        ApiException duplicate = assertThrows(ApiException.class, () -> designate(campaign, null));
        assertProblem(409, "epci-already-in-zone", duplicate.getCode(), duplicate.getResponseBody());

        ApiResponse<PriorityZone> read = zones.getPriorityZoneWithHttpInfo(
                PriorityZonesApi.APIGetPriorityZoneRequest.newBuilder().id(zone.getId()).build());
        String etag = etag(read.getHeaders());
        ApiResponse<PriorityZone> activated = zones.movePriorityZoneWithHttpInfo(PriorityZonesApi.APIMovePriorityZoneRequest.newBuilder()
                .id(zone.getId()).ifMatch(etag).transitionRequest(new TransitionRequest().to(ZoneStatus.ACTIVE).reason("First site opened"))
                .build());
        assertEquals(ZoneStatus.ACTIVE, activated.getData().getStatus());
        assertFalse(etag.equals(etag(activated.getHeaders())), "a transition changes the ETag");

        ApiException stale = assertThrows(ApiException.class, () -> zones.movePriorityZone(PriorityZonesApi.APIMovePriorityZoneRequest.newBuilder()
                .id(zone.getId()).ifMatch(etag).transitionRequest(new TransitionRequest().to(ZoneStatus.SUSPENDED).reason("stale")).build()));
        assertProblem(412, "precondition-failed", stale.getCode(), stale.getResponseBody());
        // If-Match is required by the contract: the client refuses to send without it, and an empty one is 428.
        ApiException notSent = assertThrows(ApiException.class, () -> zones.movePriorityZone(PriorityZonesApi.APIMovePriorityZoneRequest.newBuilder()
                .id(zone.getId()).transitionRequest(new TransitionRequest().to(ZoneStatus.SUSPENDED).reason("blind")).build()));
        assertTrue(notSent.getMessage().contains("ifMatch"), notSent.getMessage());
        ApiException missing = assertThrows(ApiException.class, () -> zones.movePriorityZone(PriorityZonesApi.APIMovePriorityZoneRequest.newBuilder()
                .id(zone.getId()).ifMatch("").transitionRequest(new TransitionRequest().to(ZoneStatus.SUSPENDED).reason("blind")).build()));
        assertProblem(428, "precondition-required", missing.getCode(), missing.getResponseBody());
        assertEquals(ZoneStatus.ACTIVE, zones.getPriorityZone(PriorityZonesApi.APIGetPriorityZoneRequest.newBuilder().id(zone.getId()).build()).getStatus());
    }

    @Test
    void aCompletedMissionOnAnOpenSiteCountsInTheZonesCoverage() throws ApiException {
        PriorityZone zone = designate(campaign(), null).getData();
        String zoneEtag = etag(zones.getPriorityZoneWithHttpInfo(PriorityZonesApi.APIGetPriorityZoneRequest.newBuilder().id(zone.getId()).build()).getHeaders());
        zones.movePriorityZone(PriorityZonesApi.APIMovePriorityZoneRequest.newBuilder().id(zone.getId()).ifMatch(zoneEtag)
                .transitionRequest(new TransitionRequest().to(ZoneStatus.ACTIVE).reason("e2e")).build());

        ApiResponse<ConsultationSite> created = sites.identifyConsultationSiteWithHttpInfo(ConsultationSitesApi.APIIdentifyConsultationSiteRequest.newBuilder()
                .idempotencyKey("e2e-site-" + zone.getId())
                .consultationSiteRequest(new ConsultationSiteRequest().zoneId(zone.getId()).communeCode(MIREPOIX).name("MSP de Mirepoix")
                        .kind(SiteKind.MULTI_PROFESSIONAL_PRACTICE).rooms(2)
                        .address(new Address().line("2 place du Maréchal Leclerc").postalCode("09500")))
                .build());
        ConsultationSite site = created.getData();
        assertEquals(SiteStatus.IDENTIFIED, site.getStatus());
        assertEquals("Mirepoix", site.getCommuneName());
        String siteEtag = etag(created.getHeaders());
        for (SiteStatus to : List.of(SiteStatus.READY, SiteStatus.OPEN)) {
            ApiResponse<ConsultationSite> moved = sites.moveConsultationSiteWithHttpInfo(ConsultationSitesApi.APIMoveConsultationSiteRequest.newBuilder()
                    .id(site.getId()).ifMatch(siteEtag).siteTransitionRequest(new SiteTransitionRequest().to(to)).build());
            assertEquals(to, moved.getData().getStatus());
            siteEtag = etag(moved.getHeaders());
        }

        // A mission is completed on its day or after: booked for today, in the services' time zone.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String month = YearMonth.from(today).toString();
        String nextMonth = YearMonth.from(today).plusMonths(1).toString();
        ApiResponse<SolidarityMission> booked = missions.bookSolidarityMissionWithHttpInfo(SolidarityMissionsApi.APIBookSolidarityMissionRequest.newBuilder()
                .solidarityMissionRequest(new SolidarityMissionRequest().siteId(site.getId()).date(today).slot(Slot.FULL_DAY)
                        .doctor(new VolunteerDoctor().rpps(Rpps.fresh()).name("Dr Anne Martin")))
                .build());
        assertEquals(MissionStatus.PLANNED, booked.getData().getStatus());
        String missionEtag = etag(booked.getHeaders());
        for (MissionStatus to : List.of(MissionStatus.CONFIRMED, MissionStatus.COMPLETED)) {
            ApiResponse<SolidarityMission> moved = missions.moveSolidarityMissionWithHttpInfo(SolidarityMissionsApi.APIMoveSolidarityMissionRequest.newBuilder()
                    .id(booked.getData().getId()).ifMatch(missionEtag).missionTransitionRequest(new MissionTransitionRequest().to(to)).build());
            assertEquals(to, moved.getData().getStatus());
            missionEtag = etag(moved.getHeaders());
        }

        ZoneCoverage coverage = zones.getPriorityZoneCoverage(PriorityZonesApi.APIGetPriorityZoneCoverageRequest.newBuilder()
                .id(zone.getId()).from(month).to(nextMonth).build());
        assertEquals(2, coverage.getMonths().size());
        assertEquals(month, coverage.getMonths().get(0).getMonth());
        assertEquals(1.0, coverage.getMonths().get(0).getPlannedDays().doubleValue());
        assertEquals(1.0, coverage.getMonths().get(0).getCompletedDays().doubleValue());
        assertEquals(1, coverage.getMonths().get(0).getDistinctDoctors());
        assertEquals(0.0, coverage.getMonths().get(1).getPlannedDays().doubleValue());

        ApiException badMonth = assertThrows(ApiException.class, () -> zones.getPriorityZoneCoverage(PriorityZonesApi.APIGetPriorityZoneCoverageRequest.newBuilder()
                .id(zone.getId()).from("2027-13").to("2027-02").build()));
        assertProblem(400, "validation", badMonth.getCode(), badMonth.getResponseBody());
    }

    @Test
    void aRoleTheOperationDoesNotAllowIsRefusedAtTheGateway() {
        PriorityZonesApi asCnmss = new PriorityZonesApi(client("cnmss"));
        ApiException refused = assertThrows(ApiException.class, () -> asCnmss.designatePriorityZone(PriorityZonesApi.APIDesignatePriorityZoneRequest.newBuilder()
                .zoneDesignationRequest(new ZoneDesignationRequest().epciSiren(MIREPOIX_EPCI).campaign(campaign()).status(ZoneStatus.DESIGNATED))
                .build()));
        assertProblem(403, "forbidden", refused.getCode(), refused.getResponseBody());
    }
}
