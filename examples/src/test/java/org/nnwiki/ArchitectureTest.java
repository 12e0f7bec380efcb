package org.nnwiki;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md#modules-and-folders: the rules the module boundaries do not already enforce. The
 * core's module has no dependencies, so the compiler keeps it on the JDK; these rules cover what
 * one module may hold and how every module computes. The classes of all three modules are imported
 * from this module's class path.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.nnwiki");

    /** Without this the rules below could pass on an empty import. */
    @Test
    void theClassesOfEveryModuleAreImported() {
        for (String pkg :
                List.of(
                        "org.nnwiki.core",
                        "org.nnwiki.display",
                        "org.nnwiki.diagram",
                        "org.nnwiki.examples")) {
            assertTrue(
                    CLASSES.containPackage(pkg) && !CLASSES.getPackage(pkg).getClasses().isEmpty(),
                    pkg);
        }
    }

    /**
     * Charts and tables take plain numbers: they stay usable without the core (only diagrams draw
     * core objects).
     */
    @Test
    void displayDoesNotDependOnExamplesOrCore() {
        noClasses()
                .that()
                .resideInAPackage("org.nnwiki.display..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.nnwiki.examples..", "org.nnwiki.core..", "org.nnwiki.generator..")
                .check(CLASSES);
    }

    /**
     * Everything that reaches a page's output gives the same bits on every machine: Math's
     * transcendental functions may differ in the last bit between CPUs and JDKs, so the core and
     * the examples use StrictMath or the core's own {@code kernel.Exp} (see {@code
     * kernel/package-info}).
     */
    @Test
    void noMachineDependentMath() {
        noClasses()
                .should()
                .callMethodWhere(
                        JavaCall.Predicates.target(
                                        HasOwner.Predicates.With.owner(
                                                JavaClass.Predicates.equivalentTo(Math.class)))
                                .and(
                                        JavaCall.Predicates.target(
                                                HasName.Predicates.nameMatching(
                                                        "exp|expm1|log|log10|log1p|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot"))))
                .because(
                        "Math's exp, log, pow, sin, cos, … may give other last bits on another CPU or JDK; use StrictMath or kernel.Exp")
                .check(CLASSES);
    }

    /**
     * The layout library stays behind the display API; diagrams of core objects go through
     * NodeGraph.
     */
    @Test
    void onlyTheDisplayApiUsesTheLayoutLibrary() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.nnwiki.display..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.elk..")
                .check(CLASSES);
    }

    @Test
    void nothingHereDependsOnTheGenerator() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.nnwiki.generator..")
                .check(CLASSES);
    }
}
