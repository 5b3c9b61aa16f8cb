package com.pretadepenser.creditdesk.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layer rules of shared/STYLE.md, checked on the compiled engine. */
class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.pretadepenser.creditdesk.engine");

    @Test
    void theEngineWritesNothingToTheConsole() {
        noClasses().should(com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("the engine is a library: the app and the API report through return values, exceptions and logging")
                .check(ENGINE);
    }

    @Test
    void enginePackagesFormNoCycle() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("com.pretadepenser.creditdesk.engine.(*)..").should().beFreeOfCycles()
                .check(ENGINE);
    }

    @Test
    void engineKnowsNothingOfTheGui() {
        // The app and the command line depend on the engine, so Maven already forbids the reverse;
        // a GUI library added to the engine's pom is what this rule catches.
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree..")
                .check(ENGINE);
    }

    @Test
    void dataLayerDependsOnNoHigherLayer() {
        noClasses().that().resideInAPackage("..engine.data..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.synth..")
                .check(ENGINE);
    }

    @Test
    void onlyTheLightGbmPackageTouchesLightGbm() {
        noClasses().that().resideOutsideOfPackage("..engine.lightgbm..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.metarank.lightgbm4j..", "com.microsoft.ml..")
                .check(ENGINE);
    }

    @Test
    void featuresDependOnNeitherTrainingNorScoring() {
        noClasses().that().resideInAPackage("..engine.features..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.training..", "..engine.scoring..", "..engine.model..", "..engine.lightgbm..", "..engine.trees..")
                .check(ENGINE);
    }

    /**
     * The engine's layers, from the bottom up (docs/architecture.md): each may use the ones below it,
     * never one above. The root package (the project exception, palette, user folders) is under all.
     */
    @Test
    void engineLayersDependOnlyDownwards() {
        String root = "com.pretadepenser.creditdesk.engine.";
        com.tngtech.archunit.library.Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Data").definedBy(root + "stats..", root + "data..")
                .layer("Synthetic").definedBy(root + "synth..")
                .layer("Features").definedBy(root + "features..")
                .layer("Models").definedBy(root + "lightgbm..", root + "trees..", root + "evaluation..", root + "model..")
                .layer("Training").definedBy(root + "training..")
                .layer("Scoring").definedBy(root + "scoring..", root + "explain..", root + "peers..", root + "batch..", root + "monitoring..")
                .layer("Records").definedBy(root + "decisions..", root + "report..")
                .layer("Session").definedBy(root + "session..")
                .whereLayer("Session").mayNotBeAccessedByAnyLayer()
                .whereLayer("Records").mayNotBeAccessedByAnyLayer()
                .whereLayer("Training").mayNotBeAccessedByAnyLayer()
                .whereLayer("Scoring").mayOnlyBeAccessedByLayers("Records", "Session")
                .whereLayer("Models").mayOnlyBeAccessedByLayers("Training", "Scoring", "Records", "Session")
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Models", "Training", "Scoring", "Records", "Session")
                .whereLayer("Synthetic").mayNotBeAccessedByAnyLayer()
                .check(ENGINE);
    }
}
