package io.proxima.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rule of the hexagon (SPEC section 1), checked on the compiled main code. */
class ArchitectureTest {

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
                        "io.proxima.application..", "jakarta.inject..", "jakarta.enterprise..", "jakarta.transaction..")
                .check(proxima);
    }

    @Test
    void domain_and_application_know_no_adapter() {
        noClasses().that().resideInAnyPackage("io.proxima.domain..", "io.proxima.application..")
                .should().dependOnClassesThat().resideInAPackage("io.proxima.adapter..")
                .check(proxima);
    }

    @Test
    void rest_adapter_does_not_use_other_adapters() {
        noClasses().that().resideInAPackage("io.proxima.adapter.in.rest..")
                .should().dependOnClassesThat().resideInAnyPackage("io.proxima.adapter.out..")
                .check(proxima);
    }

    @Test
    void persistence_adapter_does_not_use_other_adapters() {
        noClasses().that().resideInAPackage("io.proxima.adapter.out.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("io.proxima.adapter.in..", "io.proxima.adapter.out.proxmox..",
                        "io.proxima.adapter.out.payment..")
                .check(proxima);
    }

    @Test
    void proxmox_adapter_does_not_use_other_adapters() {
        noClasses().that().resideInAPackage("io.proxima.adapter.out.proxmox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.proxima.adapter.in..", "io.proxima.adapter.out.persistence..",
                        "io.proxima.adapter.out.payment..")
                .allowEmptyShould(true)
                .check(proxima);
    }

    @Test
    void payment_adapter_does_not_use_other_adapters() {
        noClasses().that().resideInAPackage("io.proxima.adapter.out.payment..")
                .should().dependOnClassesThat().resideInAnyPackage("io.proxima.adapter.in..",
                        "io.proxima.adapter.out.persistence..", "io.proxima.adapter.out.proxmox..")
                .check(proxima);
    }

    @Test
    void nothing_depends_on_bootstrap() {
        noClasses().that().resideOutsideOfPackage("io.proxima.bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("io.proxima.bootstrap..")
                .check(proxima);
    }
}
