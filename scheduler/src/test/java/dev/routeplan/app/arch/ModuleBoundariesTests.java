package dev.routeplan.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of docs/architecture.md: modules depend downwards only, and each library stays in its one place. */
@AnalyzeClasses(packages = "dev.routeplan", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTests {

    @ArchTest
    static final ArchRule planningAndReportsStayFreeOfSpring = noClasses()
            .that().resideInAnyPackage("dev.routeplan.planning..", "dev.routeplan.reports..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("planning and reports are plain Java libraries");

    @ArchTest
    static final ArchRule planningDoesNotReachUp = noClasses()
            .that().resideInAPackage("dev.routeplan.planning..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.routeplan.reports..", "dev.routeplan.batch..",
                    "dev.routeplan.app..");

    @ArchTest
    static final ArchRule reportsNeverImportsTheJobsOrTheApp = noClasses()
            .that().resideInAPackage("dev.routeplan.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.routeplan.batch..", "dev.routeplan.app..");

    @ArchTest
    static final ArchRule jobsNeverImportTheApp = noClasses()
            .that().resideInAPackage("dev.routeplan.batch..")
            .should().dependOnClassesThat().resideInAPackage("dev.routeplan.app..");

    @ArchTest
    static final ArchRule solverLibraryStaysInOnePackage = noClasses()
            .that().resideOutsideOfPackage("dev.routeplan.planning.solver..")
            .should().dependOnClassesThat().resideInAPackage("org.optaplanner..")
            .because("swapping or upgrading the solver library must touch one package only");

    @ArchTest
    static final ArchRule onlyReportsWritesExcelOrPdf = noClasses()
            .that().resideOutsideOfPackage("dev.routeplan.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi.xssf.streaming..",
                    "net.sf.jasperreports..", "org.apache.pdfbox..", "com.lowagie..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.poi.ss.usermodel.Workbook")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.poi.xssf.usermodel.XSSFWorkbook")
            .because("every workbook and PDF is written in reports; the order reader may still read XLSX");

    @ArchTest
    static final ArchRule theProblemIsReadNotSolved = noClasses()
            .that().resideInAnyPackage("dev.routeplan.planning.problem..", "dev.routeplan.planning.baseline..",
                    "dev.routeplan.planning.compliance..")
            .should().dependOnClassesThat().resideInAPackage("dev.routeplan.planning.solver..")
            .because("the solver, the hand planner and the verifier all read the problem; none reads the solver");

    @ArchTest
    static final ArchRule theVerifierStaysIndependentOfThePlanners = noClasses()
            .that().resideInAPackage("dev.routeplan.planning.compliance..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.routeplan.planning.problem..",
                    "dev.routeplan.planning.baseline..")
            .because("the verifier recomputes every route itself, so a planner's mistake cannot pass it");

    @ArchTest
    static final ArchRule theRulePackDoesNotKnowItsChecks = noClasses()
            .that().resideInAPackage("dev.routeplan.planning.compliance.pack..")
            .should().dependOnClassesThat().resideInAPackage("dev.routeplan.planning.compliance.verify..");

    @ArchTest
    static final ArchRule webBeansExistOnlyInTheService = classes()
            .that().areAnnotatedWith("org.springframework.stereotype.Controller")
            .or().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .or().areAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
            .or().areAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")
            .should().beAnnotatedWith("org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication")
            .because("the command line starts the same application without a web server, and a controller there "
                    + "wants web-only beans (the console's did, and every command failed to start)");
}
