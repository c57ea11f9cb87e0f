package fr.civmil.health.partnership.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.civmil.health.partnership.api.ReviewViews.CommitmentChange;
import fr.civmil.health.partnership.api.ReviewViews.Comparison;
import fr.civmil.health.partnership.api.ReviewViews.IndicatorChange;
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

/** A review as CSV, as a print-ready HTML document, and compared with another year's. */
final class ReviewDocuments {

    private ReviewDocuments() {
    }

    static Comparison compare(AnnualReview from, AnnualReview to) {
        Map<UUID, CommitmentLine> before = from.snapshot.commitments().stream()
                .collect(Collectors.toMap(CommitmentLine::commitmentId, Function.identity()));
        Map<UUID, CommitmentLine> after = to.snapshot.commitments().stream()
                .collect(Collectors.toMap(CommitmentLine::commitmentId, Function.identity()));
        Map<UUID, CommitmentLine> all = new LinkedHashMap<>();
        to.snapshot.commitments().forEach(c -> all.put(c.commitmentId(), c));
        from.snapshot.commitments().forEach(c -> all.putIfAbsent(c.commitmentId(), c));
        List<CommitmentChange> changes = new ArrayList<>();
        for (CommitmentLine line : all.values()) {
            CommitmentLine b = before.get(line.commitmentId());
            CommitmentLine a = after.get(line.commitmentId());
            Map<UUID, IndicatorLine> ib = b == null ? Map.of() : b.indicators().stream().collect(Collectors.toMap(IndicatorLine::indicatorId, Function.identity()));
            Map<UUID, IndicatorLine> ia = a == null ? Map.of() : a.indicators().stream().collect(Collectors.toMap(IndicatorLine::indicatorId, Function.identity()));
            Map<UUID, IndicatorLine> indicators = new LinkedHashMap<>(ia);
            ib.forEach(indicators::putIfAbsent);
            List<IndicatorChange> indicatorChanges = indicators.values().stream().map(i -> {
                IndicatorLine x = ib.get(i.indicatorId());
                IndicatorLine y = ia.get(i.indicatorId());
                BigDecimal fromValue = x == null ? null : x.value();
                BigDecimal toValue = y == null ? null : y.value();
                return new IndicatorChange(i.indicatorId(), i.name(), i.unit(), fromValue, toValue,
                        fromValue == null || toValue == null ? null : toValue.subtract(fromValue),
                        x == null ? null : x.progress(), y == null ? null : y.progress());
            }).toList();
            changes.add(new CommitmentChange(line.commitmentId(), line.axis(), line.title(), b == null ? null : b.status(),
                    a == null ? null : a.status(), indicatorChanges));
        }
        return new Comparison(from.year, to.year, changes);
    }

    static String csv(AnnualReview review, List<ReviewComment> comments) {
        Map<UUID, String> notes = notes(comments);
        StringBuilder out = new StringBuilder(
                "axis,commitment_id,commitment,owner,status,due_date,late,indicator,unit,baseline,target,value,measured_on,progress_percent,target_reached,comments\r\n");
        for (CommitmentLine c : review.snapshot.commitments()) {
            List<IndicatorLine> indicators = c.indicators().isEmpty() ? Collections.singletonList(null) : c.indicators();
            for (IndicatorLine i : indicators) {
                row(out, c.axis(), c.commitmentId(), c.title(), c.owner(), c.status(), c.dueDate(), c.late(),
                        i == null ? null : i.name(), i == null ? null : i.unit(), i == null ? null : i.baseline(),
                        i == null ? null : i.target(), i == null ? null : i.value(), i == null ? null : i.measuredOn(),
                        i == null ? null : i.progress(), i == null ? null : i.targetReached(), notes.get(c.commitmentId()));
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Object... cells) {
        for (int k = 0; k < cells.length; k++) {
            if (k > 0) {
                out.append(',');
            }
            String cell = cells[k] == null ? "" : cells[k].toString();
            // Quote what a spreadsheet would split, and neutralise formulas.
            if (cell.startsWith("=") || cell.startsWith("+") || cell.startsWith("-") && !cell.matches("-?[0-9.]+") || cell.startsWith("@")) {
                cell = "'" + cell;
            }
            boolean quoted = cell.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\r' || ch == '\n');
            out.append(quoted ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        out.append("\r\n");
    }

    static String html(Contract contract, List<Axis> axes, AnnualReview review, List<ReviewComment> comments, List<CommitteeMeeting> meetings) {
        Map<UUID, List<ReviewComment>> byCommitment = comments.stream().collect(Collectors.groupingBy(c -> c.commitmentId));
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Suivi annuel ").append(review.year)
                .append(" – ").append(e(contract.title)).append("</title>\n<style>\n")
                .append("body{font-family:Georgia,serif;margin:2cm;color:#111}h1{font-size:18pt}h2{font-size:13pt;margin-top:1.5em}")
                .append("table{border-collapse:collapse;width:100%;font-size:9pt}th,td{border:1px solid #888;padding:4px;vertical-align:top}")
                .append("th{background:#eee}.late{color:#a00;font-weight:bold}.signatures td{height:3cm;width:50%}")
                .append("@page{size:A4 landscape;margin:1.5cm}@media print{body{margin:0}h2{page-break-after:avoid}tr{page-break-inside:avoid}}\n")
                .append("</style></head><body>\n");
        out.append("<h1>Suivi annuel ").append(review.year).append(" — ").append(e(contract.title)).append("</h1>\n");
        out.append("<p>").append(e(contract.legalBasis)).append(" · Référence ").append(e(contract.reference))
                .append(" · Situation au ").append(FrenchLabels.date(review.snapshot.asOf()))
                .append(" · Suivi établi le ").append(FrenchLabels.date(review.reviewDate)).append("</p>\n");
        out.append("<p>Parties : ").append(e(String.join(", ", contract.parties))).append("</p>\n");
        for (Axis axis : axes) {
            List<CommitmentLine> lines = review.snapshot.commitments().stream().filter(c -> c.axis() == axis.number).toList();
            out.append("<h2>Axe ").append(axis.number).append(" — ").append(e(axis.title)).append("</h2>\n");
            if (lines.isEmpty()) {
                out.append("<p>Aucun engagement.</p>\n");
                continue;
            }
            out.append("<table><thead><tr><th>Engagement</th><th>Porteur</th><th>Échéance</th><th>Statut</th><th>Indicateurs</th><th>Commentaires</th></tr></thead><tbody>\n");
            for (CommitmentLine c : lines) {
                out.append("<tr><td>").append(e(c.title())).append("</td><td>").append(FrenchLabels.owner(c.owner())).append("</td><td>")
                        .append(FrenchLabels.date(c.dueDate())).append("</td><td").append(c.late() ? " class=\"late\">" : ">")
                        .append(FrenchLabels.status(c.status())).append(c.late() ? " (en retard)" : "").append("</td><td>");
                for (IndicatorLine i : c.indicators()) {
                    out.append(e(i.name())).append(" : ").append(FrenchLabels.number(i.value())).append(' ').append(e(i.unit()))
                            .append(" (cible ").append(FrenchLabels.number(i.target()))
                            .append(i.progress() == null ? "" : ", " + FrenchLabels.number(i.progress()) + " %").append(")<br>");
                }
                out.append("</td><td>");
                for (ReviewComment comment : byCommitment.getOrDefault(c.commitmentId(), List.of())) {
                    out.append(e(comment.text)).append(" <em>(").append(FrenchLabels.date(comment.createdAt)).append(")</em><br>");
                }
                out.append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        out.append("<h2>Comité de suivi en ").append(review.year).append("</h2>\n");
        if (meetings.isEmpty()) {
            out.append("<p>Aucune réunion du comité de suivi.</p>\n");
        } else {
            out.append("<ul>\n");
            for (CommitteeMeeting meeting : meetings) {
                boolean signed = meeting.signOff().byBoth();
                out.append("<li>Réunion ").append(FrenchLabels.kind(meeting.kind)).append(" du ").append(FrenchLabels.date(meeting.heldOn))
                        .append(meeting.place == null ? "" : ", " + e(meeting.place))
                        .append(", ").append(decisions(CommitteeDecision.count("meetingId", meeting.id)))
                        .append(signed ? " — compte rendu signé par les deux parties" : " — compte rendu non encore signé par les deux parties")
                        .append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("<h2>Signatures</h2>\n<table class=\"signatures\"><tr><th>Pour le Service de santé des armées</th><th>Pour l'Agence régionale de santé</th></tr><tr><td>")
                .append(signature(Party.SSA, review.signOff().of(Party.SSA))).append("</td><td>")
                .append(signature(Party.ARS, review.signOff().of(Party.ARS))).append("</td></tr></table>\n</body></html>\n");
        return out.toString();
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
                + (by.signatory() == null ? "" : " par " + e(by.signatory()) + (by.function() == null ? "" : ", " + e(by.function())))
                + ", le " + FrenchLabels.date(by.at());
    }

    private static Map<UUID, String> notes(List<ReviewComment> comments) {
        return comments.stream().collect(Collectors.groupingBy(c -> c.commitmentId, LinkedHashMap::new,
                Collectors.mapping(c -> c.text + " (" + c.author + ")", Collectors.joining(" | "))));
    }

    private static String e(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
