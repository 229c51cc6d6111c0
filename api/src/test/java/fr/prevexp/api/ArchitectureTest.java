package fr.prevexp.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code (README, <i>Where each module lives</i>): the dossier knows nothing of the
 * web, the engine or the read models; the procedure and the read models only follow the log; the
 * application's packages do not depend on each other in circles, and controllers do not call each
 * other. Maven already keeps the modules' dependencies one-way; these rules keep the packages in
 * line inside them.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProduction() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.prevexp");
    }

    @Test
    void theDossierKnowsNothingOfTheWebTheEngineOrTheDatabase() {
        noClasses().that().resideInAPackage("fr.prevexp.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta.persistence..",
                        "fr.prevexp.processes..", "fr.prevexp.projections..", "fr.prevexp.api..")
                .check(classes);
    }

    @Test
    void theProcedureAndTheReadModelsDoNotKnowEachOtherNorTheApplication() {
        noClasses().that().resideInAPackage("fr.prevexp.processes..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.prevexp.projections..", "fr.prevexp.api..")
                .check(classes);
        noClasses().that().resideInAPackage("fr.prevexp.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.prevexp.processes..", "fr.prevexp.api..", "org.camunda..")
                .check(classes);
    }

    @Test
    void theEventsDependOnNoCommandNorAggregate() {
        noClasses().that().resideInAPackage("fr.prevexp.engine.events..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.prevexp.engine.aggregate..", "fr.prevexp.engine.command..")
                .check(classes);
    }

    @Test
    void theApplicationsPackagesHaveNoCycles() {
        slices().matching("fr.prevexp.api.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("fr.prevexp.projections.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void controllersDoNotCallEachOther() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAnnotatedWith(RestController.class)
                .check(classes);
    }

    @Test
    void onlyTheApplicationServesHttp() {
        classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("fr.prevexp.api..").check(classes);
    }
}
