package com.pretadepenser.creditdesk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dashboard's layers: views bind, ViewModels hold state and call the engine, the engine knows nothing of either. */
@AnalyzeClasses(packages = "com.pretadepenser.creditdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule viewModelsNeverTouchNodesOrCharts = classes().that().haveSimpleNameEndingWith("ViewModel")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..", "org.controlsfx..", "org.jfree..");

    @ArchTest
    static final ArchRule viewsLeaveEngineWorkToViewModels = noClasses().that().areAssignableTo(javafx.scene.Node.class)
            .should().dependOnClassesThat().haveFullyQualifiedName("com.pretadepenser.creditdesk.engine.scoring.ClientScorer")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.pretadepenser.creditdesk.engine.model.ScoringModel")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.pretadepenser.creditdesk.engine.scoring.CounterfactualSearch")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.pretadepenser.creditdesk.engine.peers.PeerIndex")
            .orShould().dependOnClassesThat().resideInAPackage("com.pretadepenser.creditdesk.engine.features..");

    @ArchTest
    static final ArchRule theAppNeverTouchesLightGbm = noClasses().that().resideInAPackage("com.pretadepenser.creditdesk.app..")
            .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.ml.lightgbm..", "io.github.metarank..",
                    "com.pretadepenser.creditdesk.engine.lightgbm..", "com.pretadepenser.creditdesk.engine.trees..");

    /** The engine's API speaks its own types (an {@code Application}, not a data frame); Tablesaw stays inside the engine. */
    @ArchTest
    static final ArchRule theAppNeverHandlesADataFrame = noClasses().that().resideInAPackage("com.pretadepenser.creditdesk.app..")
            .should().dependOnClassesThat().resideInAPackage("tech.tablesaw..");

    // No rule here that the engine never depends on the app: the engine module cannot see the app's
    // classes at all (Maven refuses the cycle), so such a rule could never fail. The engine's own
    // ArchitectureTest keeps it free of GUI libraries, which a dependency could bring onto its class path.

    /** The dashboard talks through its screens; the console is for the launcher's usage, the start trace, the smoke check and the developer's tools. */
    @ArchTest
    static final ArchRule onlyTheLauncherAndDevToolsWriteToTheConsole = noClasses().that().resideInAPackage("com.pretadepenser.creditdesk.app..")
            .and().resideOutsideOfPackage("..app.devtools..")
            .and().doNotHaveFullyQualifiedName("com.pretadepenser.creditdesk.app.Launcher")
            .and().doNotHaveFullyQualifiedName("com.pretadepenser.creditdesk.app.SmokeRun")
            .and().doNotHaveFullyQualifiedName("com.pretadepenser.creditdesk.app.common.StartTrace")
            .should(com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule commonPartsDependOnNoScreen = noClasses().that().resideInAPackage("..app.common..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.main..", "..app.decision..", "..app.peers..", "..app.whatif..",
                    "..app.newapp..", "..app.modelcard..", "..app.search..", "..app.client..", "..app.record..");

    /** The installer's jar leaves the developer's tools out: nothing else may need them. */
    @ArchTest
    static final ArchRule nothingNeedsTheDevTools = noClasses().that().resideInAPackage("com.pretadepenser.creditdesk.app..")
            .and().resideOutsideOfPackage("..app.devtools..")
            .should().dependOnClassesThat().resideInAPackage("..app.devtools..");

    // No rule that the app needs no command line: the app's main code cannot see the cli module
    // (a test-scope dependency only), so Maven already refuses it.

    /** The screens' packages form no cycle: each can be read, and changed, from its own imports down. */
    @ArchTest
    static final ArchRule appPackagesFormNoCycle = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
            .matching("com.pretadepenser.creditdesk.app.(*)..").should().beFreeOfCycles();

    /**
     * The dashboard's layers, from the top: the launcher and tools start the main window, which holds
     * the screens, which share the shell, the client, the workspace, charts and form parts, which
     * rest on common parts and the theme; all of it over the engine, which sees none of it.
     */
    @ArchTest
    static final ArchRule dashboardLayersDependOnlyDownwards = com.tngtech.archunit.library.Architectures.layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Start").definedBy("com.pretadepenser.creditdesk.app", "com.pretadepenser.creditdesk.app.devtools..")
            .layer("Window").definedBy("..app.main..")
            .layer("Screens").definedBy("..app.decision..", "..app.peers..", "..app.whatif..", "..app.newapp..", "..app.modelcard..",
                    "..app.search..", "..app.record..", "..app.drift..")
            .layer("Shared").definedBy("..app.shell..", "..app.client..", "..app.workspace..", "..app.charts..", "..app.form..")
            .layer("Foundation").definedBy("..app.common..", "..app.theme..")
            .layer("Engine").definedBy("com.pretadepenser.creditdesk.engine..")
            .whereLayer("Start").mayNotBeAccessedByAnyLayer()
            .whereLayer("Window").mayOnlyBeAccessedByLayers("Start")
            .whereLayer("Screens").mayOnlyBeAccessedByLayers("Start", "Window")
            .whereLayer("Shared").mayOnlyBeAccessedByLayers("Start", "Window", "Screens")
            .whereLayer("Foundation").mayOnlyBeAccessedByLayers("Start", "Window", "Screens", "Shared")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Start", "Window", "Screens", "Shared", "Foundation");
}
