package fr.civmil.health.partnership.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.civmil.health.partnership.domain.Axis;
import fr.civmil.health.partnership.domain.Commitment;
import fr.civmil.health.partnership.domain.CommitmentStatus;
import fr.civmil.health.partnership.domain.Contract;
import fr.civmil.health.partnership.domain.ContractStatus;
import fr.civmil.health.partnership.domain.Direction;
import fr.civmil.health.partnership.domain.Feed;
import fr.civmil.health.partnership.domain.Indicator;
import fr.civmil.health.partnership.domain.Owner;
import fr.civmil.health.partnership.domain.Party;
import fr.civmil.health.partnership.domain.Signatory;

import io.quarkus.runtime.StartupEvent;

/**
 * The SSA–ARS Occitanie contract as published by ARS Occitanie (seed 000_741c9a49ce3af662.txt:
 * "Renforcement de la coopération entre le Service de santé des armées et l'ARS"): its four
 * signatories and six axes verbatim. The press release gives neither the signature date nor the
 * period, so both stay empty rather than invented. The commitments are examples, marked as such.
 */
@ApplicationScoped
public class DemoContract {

    public static final String REFERENCE = "SSA-ARS-OCCITANIE";
    static final String OCCITANIE = "76";

    private static final Logger LOG = Logger.getLogger(DemoContract.class);

    static final List<Signatory> SIGNATORIES = List.of(
            new Signatory(Party.ARS, "Didier JAFFRE", "Directeur Général de l'ARS Occitanie", "ARS Occitanie", null),
            new Signatory(Party.SSA, "Jean-Baptiste MEYNARD", "médecin général", "Direction Centrale du Service de Santé des Armées", null),
            new Signatory(Party.SSA, "Ludovic PETIT", "médecin en chef référent régional du Service de Santé des Armées",
                    "Service de Santé des Armées", null),
            new Signatory(null, "Fabien SAVY", "lieutenant-colonel Officier de Zone de Défense et de Sécurité",
                    "Zone de Défense et de Sécurité", null));

    static final List<String> AXES = List.of(
            "Renforcer l'accès, la qualité et la pertinence de l'offre de soins au bénéfice des populations civiles comme des forces armées",
            "Structurer l'organisation territoriale de la santé dans une logique de complémentarité entre acteurs civils et militaires",
            "Développer des actions communes de formation, de recherche et d'expertise, dans les champs relevant des compétences respectives du SSA et de l'ARS",
            "Préparer et gérer les situations sanitaires exceptionnelles, en s'appuyant sur les capacités spécifiques du SSA",
            "Soutenir les établissements militaires en cas d'afflux massif de blessés ou de besoins sanitaires accrus",
            "Promouvoir et accompagner le développement de la réserve sanitaire et militaire, levier de renfort en situation de crise");

    private final DemoDataConfig config;

    public DemoContract(DemoDataConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            load();
        }
    }

    @Transactional
    void load() {
        // Replicas starting together load it once.
        Contract.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('demo-contract'))").getSingleResult();
        if (Contract.count("reference", REFERENCE) > 0) {
            return;
        }
        Contract contract = new Contract();
        contract.id = UUID.randomUUID();
        contract.reference = REFERENCE;
        contract.title = "Contrat spécifique de partenariat entre le Service de santé des armées et l'ARS Occitanie";
        contract.regionCode = "76";
        contract.legalBasis = "Code de la santé publique, article L6147-12";
        contract.parties = List.of("ARS Occitanie", "Service de Santé des Armées", "Zone de Défense et de Sécurité");
        contract.signatories = SIGNATORIES;
        contract.frameworkReferences = List.of("Projet régional de santé 2023-2028",
                "ORSAN (Organisation de la réponse du système de santé en situations sanitaires exceptionnelles)");
        contract.status = ContractStatus.ACTIVE;
        contract.statusReason = "Signed as published by ARS Occitanie; the press release gives neither the signature date nor the period";
        contract.createdAt = Instant.now();
        contract.updatedAt = contract.createdAt;
        contract.persist();
        for (int i = 0; i < AXES.size(); i++) {
            Axis axis = new Axis();
            axis.id = UUID.randomUUID();
            axis.contractId = contract.id;
            axis.number = i + 1;
            axis.title = AXES.get(i);
            axis.persist();
        }
        Commitment access = example(contract, 1, Owner.JOINT, "Journées de consultation en zones prioritaires",
                "Des médecins volontaires assurent des journées de consultation dans les zones prioritaires de la région.",
                LocalDate.of(2026, 12, 31));
        example(contract, 4, Owner.SSA, "Exercice ORSAN conjoint",
                "Un exercice conjoint ARS–SSA de gestion d'une situation sanitaire exceptionnelle est organisé.",
                LocalDate.of(2026, 6, 30));
        example(contract, 6, Owner.ARS, "Promotion de la réserve sanitaire",
                "L'ARS relaie les campagnes de recrutement de la réserve sanitaire et de la réserve opérationnelle du SSA.",
                LocalDate.of(2027, 3, 31));
        exampleIndicator(access, "Journées de consultation en zones prioritaires (Occitanie, année en cours)", "days",
                Feed.CONSULTATION_DAYS, 100);
        exampleIndicator(access, "Médecins référencés CNMSS à charte active (Occitanie)", "doctors", Feed.REFERENCED_DOCTORS, 50);
        LOG.infof("Demo data: contract %s with %d axes, 3 example commitments and 2 example automatic indicators", REFERENCE, AXES.size());
    }

    /** Fed by zones and referral events from then on; baseline and target are illustrative. */
    private static void exampleIndicator(Commitment commitment, String name, String unit, Feed feed, int target) {
        Indicator indicator = new Indicator();
        indicator.id = UUID.randomUUID();
        indicator.contractId = commitment.contractId;
        indicator.commitmentId = commitment.id;
        indicator.name = "[Example] " + name;
        indicator.unit = unit;
        indicator.baseline = BigDecimal.ZERO;
        indicator.target = BigDecimal.valueOf(target);
        indicator.direction = Direction.HIGHER_IS_BETTER;
        indicator.feed = feed;
        indicator.regionCode = OCCITANIE;
        indicator.createdAt = Instant.now();
        indicator.persist();
    }

    private static Commitment example(Contract contract, int axis, Owner owner, String title, String description, LocalDate due) {
        Commitment commitment = new Commitment();
        commitment.id = UUID.randomUUID();
        commitment.contractId = contract.id;
        commitment.axisNumber = axis;
        commitment.owner = owner;
        commitment.title = "[Example] " + title;
        commitment.description = "[Example] " + description;
        commitment.deliverables = List.of();
        commitment.dueDate = due;
        commitment.zoneIds = List.of();
        commitment.status = CommitmentStatus.PLANNED;
        commitment.createdAt = Instant.now();
        commitment.updatedAt = commitment.createdAt;
        commitment.persist();
        return commitment;
    }
}
