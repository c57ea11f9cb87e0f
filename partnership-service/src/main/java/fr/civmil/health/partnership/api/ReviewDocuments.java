package fr.civmil.health.partnership.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.civmil.health.partnership.domain.AnnualReview;
import fr.civmil.health.partnership.domain.Axis;
import fr.civmil.health.partnership.domain.CommitteeDecision;
import fr.civmil.health.partnership.domain.CommitteeMeeting;
import fr.civmil.health.partnership.domain.Contract;
import fr.civmil.health.partnership.domain.Party;
import fr.civmil.health.partnership.domain.ReviewComment;
import fr.civmil.health.partnership.domain.ReviewSnapshot.CommitmentLine;
import fr.civmil.health.partnership.domain.ReviewSnapshot.IndicatorLine;
import fr.civmil.health.partnership.domain.SignedBy;
import fr.civmil.health.platform.csv.CsvTable;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;

/** A review as CSV and as a print-ready HTML document. */
final class ReviewDocuments {

    private ReviewDocuments() {
    }

    private static final List<String> CSV_COLUMNS = List.of("axis", "commitment_id", "commitment", "owner", "status", "due_date", "late",
            "indicator", "unit", "baseline", "target", "value", "measured_on", "progress_percent", "target_reached", "comments");

    /** One row per indicator (one for a commitment without any), with the commitment's comments on each. */
    static String csv(AnnualReview review, List<ReviewComment> comments) {
        Map<UUID, String> notes = notes(comments);
        List<List<Object>> rows = new ArrayList<>();
        for (CommitmentLine c : review.snapshot.commitments()) {
            List<IndicatorLine> indicators = c.indicators().isEmpty() ? Collections.singletonList(null) : c.indicators();
            for (IndicatorLine i : indicators) {
                rows.add(Arrays.asList(c.axis(), c.commitmentId(), c.title(), c.owner(), c.status(), c.dueDate(), c.late(),
                        i == null ? null : i.name(), i == null ? null : i.unit(), i == null ? null : i.baseline(),
                        i == null ? null : i.target(), i == null ? null : i.value(), i == null ? null : i.measuredOn(),
                        i == null ? null : i.progress(), i == null ? null : i.targetReached(), notes.get(c.commitmentId())));
            }
        }
        return CsvTable.RFC_4180.write(CSV_COLUMNS, rows);
    }

    /** The review page's contents, every label already in French; the template (templates/review.html) escapes them. */
    record ReviewPage(int year, String title, String legalBasis, String reference, String asOf, String reviewDate, String parties,
            List<AxisSection> axes, List<String> meetings, String ssaSignature, String arsSignature) {
    }

    record AxisSection(int number, String title, List<CommitmentRow> commitments) {
    }

    record CommitmentRow(String title, String owner, String dueDate, String status, boolean late, List<String> indicators,
            List<Note> comments) {
    }

    record Note(String text, String date) {
    }

    private static final Engine QUTE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();
    private static final Template REVIEW = QUTE.parse(template("/templates/review.html"), Variant.forContentType(Variant.TEXT_HTML));

    static String html(Contract contract, List<Axis> axes, AnnualReview review, List<ReviewComment> comments, List<CommitteeMeeting> meetings) {
        Map<UUID, List<ReviewComment>> byCommitment = comments.stream().collect(Collectors.groupingBy(c -> c.commitmentId));
        List<AxisSection> sections = axes.stream().map(axis -> new AxisSection(axis.number, axis.title,
                review.snapshot.commitments().stream().filter(c -> c.axis() == axis.number).map(c -> new CommitmentRow(c.title(),
                        FrenchLabels.owner(c.owner()), FrenchLabels.date(c.dueDate()), FrenchLabels.status(c.status()), c.late(),
                        c.indicators().stream().map(i -> i.name() + " : " + FrenchLabels.number(i.value()) + " " + i.unit() + " (cible "
                                + FrenchLabels.number(i.target()) + (i.progress() == null ? "" : ", " + FrenchLabels.number(i.progress()) + " %")
                                + ")").toList(),
                        byCommitment.getOrDefault(c.commitmentId(), List.of()).stream()
                                .map(comment -> new Note(comment.text, FrenchLabels.date(comment.createdAt))).toList()))
                        .toList())).toList();
        List<String> held = meetings.stream().map(meeting -> "Réunion " + FrenchLabels.kind(meeting.kind) + " du "
                + FrenchLabels.date(meeting.heldOn) + (meeting.place == null ? "" : ", " + meeting.place) + ", "
                + decisions(CommitteeDecision.count("meetingId", meeting.id))
                + (meeting.signOff().byBoth() ? " — compte rendu signé par les deux parties"
                        : " — compte rendu non encore signé par les deux parties")).toList();
        ReviewPage page = new ReviewPage(review.year, contract.title, contract.legalBasis, contract.reference,
                FrenchLabels.date(review.snapshot.asOf()), FrenchLabels.date(review.reviewDate), String.join(", ", contract.parties), sections,
                held, signature(Party.SSA, review.signOff().of(Party.SSA)), signature(Party.ARS, review.signOff().of(Party.ARS)));
        return REVIEW.data("page", page).render();
    }

    private static String template(String resource) {
        try (InputStream in = ReviewDocuments.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decisions(long count) {
        return count == 0 ? "aucune décision" : count == 1 ? "1 décision" : count + " décisions";
    }

    /** "Signé pour l'Agence régionale de santé par Didier JAFFRE, Directeur général, le 12 mars 2026"; the caller stays in the trail. */
    private static String signature(Party party, SignedBy by) {
        if (by == null) {
            return "";
        }
        return "Signé pour " + FrenchLabels.party(party)
                + (by.signatory() == null ? "" : " par " + by.signatory() + (by.function() == null ? "" : ", " + by.function()))
                + ", le " + FrenchLabels.date(by.at());
    }

    private static Map<UUID, String> notes(List<ReviewComment> comments) {
        return comments.stream().collect(Collectors.groupingBy(c -> c.commitmentId, LinkedHashMap::new,
                Collectors.mapping(c -> c.text + " (" + c.author + ")", Collectors.joining(" | "))));
    }
}
