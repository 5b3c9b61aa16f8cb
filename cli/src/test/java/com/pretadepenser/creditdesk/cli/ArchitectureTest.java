package com.pretadepenser.creditdesk.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The command line module's rules: the local API stands apart from the console commands that start it. */
class ArchitectureTest {
    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.pretadepenser.creditdesk.cli", "com.pretadepenser.creditdesk.api");

    @Test
    void theApiNeedsNoCommandLine() {
        noClasses().that().resideInAPackage("com.pretadepenser.creditdesk.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.pretadepenser.creditdesk.cli..", "picocli..",
                        "me.tongfei.progressbar..")
                .because("the API answers over HTTP; the serve command is what starts it from a terminal")
                .check(MODULE);
    }

    @Test
    void theApiWritesNothingToTheConsole() {
        noClasses().that().resideInAPackage("com.pretadepenser.creditdesk.api..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("a server reports through its replies and the log")
                .check(MODULE);
    }
}
