package dev.routeplan.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.routeplan", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTests {

    @ArchTest
    static final ArchRule planningAndReportsStayFreeOfSpring = noClasses()
            .that().resideInAnyPackage("dev.routeplan.planning..", "dev.routeplan.reports..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("planning and reports are plain Java libraries (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule solverLibraryStaysInOnePackage = noClasses()
            .that().resideOutsideOfPackage("dev.routeplan.planning.solver..")
            .should().dependOnClassesThat().resideInAPackage("org.optaplanner..")
            .because("swapping or upgrading the solver library must touch one package only");

    @ArchTest
    static final ArchRule planningDoesNotReachUp = noClasses()
            .that().resideInAPackage("dev.routeplan.planning..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.routeplan.reports..", "dev.routeplan.batch..",
                    "dev.routeplan.app..");
}
