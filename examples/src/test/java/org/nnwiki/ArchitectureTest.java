package org.nnwiki;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md#modules-and-folders: the compute core stands alone; the display API does not reach into examples. */
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

    /**
     * Everything that reaches a page's output gives the same bits on every machine: Math's
     * transcendental functions may differ in the last bit between CPUs and JDKs, so the core and the
     * examples use StrictMath or the core's own {@code kernel.Exp} (see {@code kernel/package-info}).
     */
    @Test
    void noMachineDependentMath() {
        noClasses().should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(JavaClass.Predicates.equivalentTo(Math.class)))
                        .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                                "exp|expm1|log|log10|log1p|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot"))))
                .because("Math's exp, log, pow, sin, cos, … may give other last bits on another CPU or JDK; use StrictMath or kernel.Exp")
                .check(CLASSES);
    }

    /** The layout library stays behind the display API; diagrams of core objects go through NodeGraph. */
    @Test
    void onlyTheDisplayApiUsesTheLayoutLibrary() {
        noClasses().that().resideOutsideOfPackage("org.nnwiki.display..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.elk..")
                .check(CLASSES);
    }

    @Test
    void nothingHereDependsOnTheGenerator() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.nnwiki.generator..").check(CLASSES);
    }
}
