package io.proxima.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dependency rule of the hexagon (SPEC section 1), checked on the compiled main code. */
class ArchitectureTest {

    /** Every adapter's package; a new adapter module is added here and is then isolated from the rest. */
    static final List<String> ADAPTERS = List.of(
            "io.proxima.adapter.in.rest",
            "io.proxima.adapter.out.persistence",
            "io.proxima.adapter.out.proxmox",
            "io.proxima.adapter.out.mail",
            "io.proxima.adapter.out.security",
            "io.proxima.adapter.out.payment");

    private static JavaClasses proxima;

    @BeforeAll
    static void importClasses() {
        proxima = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.proxima");
    }

    @Test
    void domain_depends_on_the_jdk_only() {
        classes().that().resideInAPackage("io.proxima.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.proxima.domain..")
                .check(proxima);
    }

    @Test
    void application_uses_only_domain_and_the_cdi_and_transaction_apis() {
        classes().that().resideInAPackage("io.proxima.application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.proxima.domain..",
                        "io.proxima.application..", "jakarta.inject..", "jakarta.enterprise..", "jakarta.transaction..",
                        "jakarta.annotation..")
                .check(proxima);
    }

    @Test
    void domain_and_application_know_no_adapter() {
        noClasses().that().resideInAnyPackage("io.proxima.domain..", "io.proxima.application..")
                .should().dependOnClassesThat().resideInAPackage("io.proxima.adapter..")
                .check(proxima);
    }

    static Stream<String> adapters() {
        return ADAPTERS.stream();
    }

    @ParameterizedTest(name = "{0} uses no other adapter")
    @MethodSource("adapters")
    void adapters_do_not_use_each_other(String adapter) {
        String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).map(a -> a + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage(adapter + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true)
                .check(proxima);
    }

    @Test
    void every_adapter_package_is_listed() {
        classes().that().resideInAPackage("io.proxima.adapter..")
                .should().resideInAnyPackage(ADAPTERS.stream().map(a -> a + "..").toArray(String[]::new))
                .check(proxima);
    }

    @Test
    void nothing_depends_on_bootstrap() {
        noClasses().that().resideOutsideOfPackage("io.proxima.bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("io.proxima.bootstrap..")
                .check(proxima);
    }
}
