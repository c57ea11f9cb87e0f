package fr.civmil.health.zones.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


import fr.civmil.health.platform.csv.CsvTable;
import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.platform.security.Roles;
import fr.civmil.health.zones.service.Allowances;
import fr.civmil.health.zones.service.Allowances.GroupBy;
import fr.civmil.health.zones.service.Allowances.Payable;

/**
 * The allowances of volunteer doctors (€200 a full day by default, on top of the consultations' fees): totals for
 * the ARS's follow-up, and the payment file, in French, for the ARS's accounts.
 */
@Path("/api/v1/solidarity-missions/allowances")
@Tag(name = "Solidarity missions")
public class AllowanceResource {

    /** What the ARS's accounts read: semicolons and decimal commas, as French spreadsheets expect. */
    private static final List<String> COLUMNS = List.of("RPPS", "Médecin", "Date", "Créneau", "Jours", "Montant (EUR)", "Zone (EPCI)",
            "Campagne", "Mission");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> SLOTS = Map.of("MORNING", "matin", "AFTERNOON", "après-midi", "FULL_DAY", "journée");

    private final Allowances allowances;

    public AllowanceResource(Allowances allowances) {
        this.allowances = allowances;
    }

    @Schema(name = "AllowanceTotal", description = "The allowances of completed missions, for one doctor, zone, month or campaign")
    public record TotalView(@Schema(description = "RPPS, zone id, month (YYYY-MM) or campaign", example = "10101010105") String key,
            @Schema(description = "The doctor's name, the zone's EPCI and campaign, the month, or the campaign", example = "Dr Anne Martin") String label,
            @Schema(example = "3") long missions, @Schema(example = "2.5") BigDecimal days, @Schema(example = "500.00") BigDecimal amountEur) {

        static TotalView of(Allowances.Total total) {
            return new TotalView(total.key(), total.label(), total.missions(), total.days(), total.amountEur());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ARS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "totalAllowances", summary = "Allowance totals of completed missions, per doctor, zone, month or campaign",
            description = "Each completed mission carries its allowance (a full day's amount, half for a half-day; by campaign when configured).")
    @APIResponse(responseCode = "200", description = "The totals, by key")
    public List<TotalView> totals(
            @Parameter(description = "How to group", example = "DOCTOR", required = true) @QueryParam("groupBy") @NotNull GroupBy groupBy,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.REGION), description = "Région code", example = "76") @QueryParam("region") @Identifier(IdentifierKind.REGION) String region,
            @Parameter(description = "Campaign", example = "pacte-2025") @QueryParam("campaign") @Pattern(regexp = ZoneViews.CAMPAIGN, message = ZoneViews.CAMPAIGN_RULE) String campaign,
            @Parameter(description = "Only missions of this month (YYYY-MM)", example = "2026-12") @QueryParam("month") YearMonth month) {
        return allowances.totals(groupBy, region, campaign, month).stream().map(TotalView::of).toList();
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.ARS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "exportAllowancePayments", summary = "The month's allowances to pay, as a CSV file for the ARS's accounts",
            description = "One line per completed mission, in French: semicolon-separated, dates dd/MM/yyyy, amounts with a decimal comma.")
    @APIResponse(responseCode = "200", description = "CSV (UTF-8)", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, format = "binary"), examples = @ExampleObject(name = "csv", value = "RPPS;Médecin;Date;Créneau;Jours;Montant (EUR);Zone (EPCI);Campagne;Mission\n10101010105;Dr Anne Martin;01/12/2026;journée;1;200,00;CC du Pays de Mirepoix;pacte-2025;0b6b…\n")))
    public Response export(
            @Parameter(description = "The month paid (YYYY-MM)", example = "2026-12", required = true) @QueryParam("month") @NotNull YearMonth month,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.REGION), description = "Région code", example = "76") @QueryParam("region") @Identifier(IdentifierKind.REGION) String region) {
        List<List<String>> rows = allowances.payable(region, null, month).stream().map(AllowanceResource::row).toList();
        return Response.ok(CsvTable.FRENCH_SPREADSHEET.write(COLUMNS, rows), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"indemnites-" + month + (region == null ? "" : "-" + region) + ".csv\"")
                .build();
    }

    private static List<String> row(Payable line) {
        return List.of(line.doctorRpps(), line.doctorName(), FRENCH_DATE.format(line.date()), SLOTS.get(line.slot().name()),
                french(line.days(), 1), french(line.amountEur(), 2), line.epciName(), line.campaign(), line.missionId().toString());
    }

    private static String french(BigDecimal value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 2 ? "0.00" : "0.#", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        return format.format(value.setScale(decimals, RoundingMode.HALF_UP));
    }
}
