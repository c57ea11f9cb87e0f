package fr.civmil.health.devstack.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The layering every service follows (docs/architecture.md), checked on its compiled classes: {@code api} maps HTTP to
 * the commands the {@code service} layer owns and back to views; the service holds the transaction and never sees
 * {@code api}; the {@code domain} raises domain exceptions and knows nothing of HTTP or problems; {@code events}
 * (consumers and payloads) depend on the domain and the platform; no two packages depend on each other.
 */
public final class ArchitectureRules {

    private static final String[] HTTP = { "jakarta.ws.rs..", "io.vertx..", "org.jboss.resteasy..", "io.quarkus.vertx.http..",
            "fr.civmil.health.platform.problem.." };

    private ArchitectureRules() {
    }

    /** The rules for the service whose classes are under {@code root} (e.g. {@code fr.civmil.health.zones}). */
    public static List<ArchRule> forService(String root) {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noClasses().that().resideInAPackage(root + ".service..").should().dependOnClassesThat().resideInAPackage(root + ".api..")
                .because("resources map requests to the service's commands; the service never sees an HTTP type"));
        rules.add(noClasses().that().resideInAPackage(root + ".service..").should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .because("the service layer raises domain exceptions, which the platform maps to problems"));
        rules.add(noClasses().that().resideInAPackage(root + ".domain..").should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .because("domain rules raise domain exceptions, which the platform maps to problems"));
        rules.add(noClasses().that().resideInAPackage(root + ".domain..").should().dependOnClassesThat()
                .resideInAnyPackage(root + ".api..", root + ".service..", root + ".events.."));
        rules.add(noClasses().that().resideInAPackage(root + ".events..").should().dependOnClassesThat().resideInAPackage(root + ".api..")
                .because("event payloads and consumers depend on the domain and the platform"));
        rules.add(noMethods().that().areDeclaredInClassesThat().resideInAPackage(root + ".api..").should()
                .beAnnotatedWith("jakarta.transaction.Transactional").because("services hold the transactions"));
        rules.add(noClasses().that().resideInAPackage(root + ".api..").should().beAnnotatedWith("jakarta.transaction.Transactional")
                .because("services hold the transactions"));
        rules.add(slices().matching(root + ".(*)..").should().beFreeOfCycles());
        return rules;
    }

    /** The gateway's: no package depends on another that depends back on it; its own resources hold no transaction. */
    public static List<ArchRule> forGateway(String root) {
        return List.of(slices().matching(root + ".(*)..").should().beFreeOfCycles(),
                noMethods().that().areDeclaredInClassesThat().resideInAPackage(root + ".api..").should()
                        .beAnnotatedWith("jakarta.transaction.Transactional").because("services hold the transactions"));
    }

    /** The classes a module ships (tests excluded) under {@code root}. */
    public static JavaClasses mainClasses(String root) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(root);
    }

    /** Checks every rule and fails with all the violations at once. */
    public static void check(JavaClasses classes, List<ArchRule> rules) {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }
}
