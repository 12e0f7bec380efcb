package org.nnwiki;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN §1: the compute core stands alone; the display API does not reach into examples. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.nnwiki");

    @Test
    void coreUsesOnlyTheJdk() {
        noClasses().that().resideInAPackage("org.nnwiki.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.nnwiki.core..", "java..", "jdk.incubator.vector..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void displayDoesNotDependOnExamplesOrCore() {
        noClasses().that().resideInAPackage("org.nnwiki.display..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nnwiki.examples..", "org.nnwiki.core..", "org.nnwiki.generator..")
                .check(CLASSES);
    }

    @Test
    void nothingHereDependsOnTheGenerator() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.nnwiki.generator..").check(CLASSES);
    }
}
