package com.webhookbuffer.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's rules, applied to every production class of every module (test classes are left out). */
@AnalyzeClasses(packages = HexagonRules.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = HexagonRules.domain_depends_only_on_the_jdk;

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain_and_jakarta_validation =
            HexagonRules.application_depends_only_on_the_domain_and_jakarta_validation;

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = HexagonRules.adapters_do_not_depend_on_each_other;

    @ArchTest
    static final ArchRule driven_adapters_do_not_call_driving_ones = HexagonRules.driven_adapters_do_not_call_driving_ones;

    @ArchTest
    static final ArchRule driving_adapters_reach_driven_ones_only_through_the_hexagon =
            HexagonRules.driving_adapters_reach_driven_ones_only_through_the_hexagon;

    @ArchTest
    static final ArchRule azure_types_stay_in_the_azure_modules = HexagonRules.azure_types_stay_in_the_azure_modules;

    @ArchTest
    static final ArchRule aws_types_stay_in_the_aws_modules = HexagonRules.aws_types_stay_in_the_aws_modules;

    @ArchTest
    static final ArchRule the_functions_do_not_use_operator_ports = HexagonRules.the_functions_do_not_use_operator_ports;

    @ArchTest
    static final ArchRule each_function_is_wired_in_its_own_package =
            HexagonRules.each_function_is_wired_in_its_own_package;

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap_code = HexagonRules.nothing_depends_on_bootstrap_code;

    @ArchTest
    static final ArchRule only_the_local_stack_uses_the_local_servers =
            HexagonRules.only_the_local_stack_uses_the_local_servers;

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = HexagonRules.packages_are_free_of_cycles;

    @ArchTest
    static final ArchRule no_generic_exceptions_are_thrown = HexagonRules.no_generic_exceptions_are_thrown;

    @ArchTest
    static final ArchRule nothing_writes_to_standard_streams = HexagonRules.nothing_writes_to_standard_streams;

    @ArchTest
    static final ArchRule nothing_uses_java_util_logging = HexagonRules.nothing_uses_java_util_logging;
}
