package org.nnwiki.generator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md#where-each-library-may-be-used, checked on the compiled generator. */
class ArchitectureTest {
    private static final JavaClasses GENERATOR =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.nnwiki.generator");

    @Test
    void generatorKnowsNothingAboutNeuralNetworks() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.nnwiki.core..", "org.nnwiki.examples..", "org.nnwiki.display..")
                .check(GENERATOR);
    }

    @Test
    void eachLibraryIsUsedInOnePlace() {
        only("com.vladsch.flexmark..", "..generator.markdown..", "..generator.render..");
        only("org.jsoup..", "..generator.postprocess..");
        only("org.jbibtex..", "..generator.cite..");
        only("org.jbake..", "..generator.jbake..");
        only("freemarker..", "..generator.jbake..");
        only("jdk.jshell..", "..generator.execute..");
        only("com.sun.jdi..", "..generator.execute..");
        only("com.sun.net.httpserver..", "..generator.serve..");
    }

    /**
     * The agent runs in session JVMs, whose class path holds it and nothing else of the
     * generator's.
     */
    @Test
    void sessionAgentUsesTheJdkOnly() {
        classes()
                .that()
                .resideInAPackage("..generator.execute.agent..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "jdk.jshell..", "..generator.execute.agent..")
                .check(GENERATOR);
    }

    private static void only(String library, String... allowed) {
        noClasses()
                .that()
                .resideOutsideOfPackages(allowed)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(library)
                .check(GENERATOR);
    }
}
