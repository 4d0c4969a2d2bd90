package com.webhookbuffer.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The rules of the hexagon, each named so that a failure reads as the sentence it breaks. They are applied to
 * the production code by {@link ArchitectureTest} (every {@link ArchTest} here) and shown to catch a violation by
 * {@link RulesCatchViolationsTest}.
 */
final class HexagonRules {

    static final String ROOT = "com.webhookbuffer";
    static final String DOMAIN = ROOT + ".domain..";
    static final String APPLICATION = ROOT + ".application..";
    static final String ADAPTERS = ROOT + ".adapter..";
    static final String BOOTSTRAP = ROOT + ".bootstrap..";
    static final String LOCAL_STACK = ROOT + ".bootstrap.local..";
    static final String LAMBDA = ROOT + ".bootstrap.lambda..";
    /** What plays the clouds' hosts on one machine (host-standins): the local stack's and the tests' alone. */
    static final String STAND_INS = ROOT + ".standin..";
    /** Adapters that call in: a request or an event arrives there and goes to an inbound port. */
    static final String DRIVING_ADAPTERS = ROOT + ".adapter.*.in..";
    /** A cloud's wire format (the Azure message and its claim check), shared by the driving and the driven side. */
    static final String WIRE_FORMATS = ROOT + ".adapter.*.message..";
    /** The webhook door's HTTP contract, which every HTTP driving adapter speaks. */
    static final String HTTP_DOOR = ROOT + ".adapter.http..";
    /** Ports only an operator uses, never a function. */
    static final String OPERATOR_PORTS = ROOT + ".domain.port.out.DeadLetterQueue";

    private HexagonRules() {}

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(DOMAIN, "java..")
            .andShould()
            .onlyDependOnClassesThat()
            .resideOutsideOfPackages("java.sql..", "java.net..", "java.nio.file..", "java.util.logging..")
            .as("the domain depends only on the JDK's java.* packages, and on none that do I/O")
            .because("it is the part every adapter plugs into, and must run anywhere unchanged");

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain_and_jakarta_validation = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(APPLICATION, DOMAIN, "java..", "javax.crypto..", "jakarta.validation..")
            .as("the application depends only on the domain, the JDK (with javax.crypto) and Jakarta Validation")
            .because("use cases reach the outside world through ports only");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = slices().matching(ROOT + ".adapter.(*)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage(HTTP_DOOR))
            .as("no adapter depends on another adapter, but HTTP doors share the HTTP contract (adapter.http)")
            .because("adapters are swapped one for another; only a bootstrap module combines them, and a sender "
                    + "must get the same answers from every cloud's door");

    @ArchTest
    static final ArchRule driven_adapters_do_not_call_driving_ones = noClasses()
            .that()
            .resideInAPackage(ADAPTERS)
            .and()
            .resideOutsideOfPackage(DRIVING_ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(DRIVING_ADAPTERS)
            .as("a driven adapter does not call a driving one")
            .because("control enters the hexagon at a driving adapter and leaves it at a driven one, never back");

    @ArchTest
    static final ArchRule driving_adapters_reach_driven_ones_only_through_the_hexagon = noClasses()
            .that()
            .resideInAPackage(DRIVING_ADAPTERS)
            .should()
            .dependOnClassesThat(
                    resideInAPackage(ADAPTERS).and(not(resideInAnyPackage(DRIVING_ADAPTERS, WIRE_FORMATS))))
            .as("a driving adapter reaches a driven adapter only through the hexagon's ports (sharing at most the "
                    + "wire format)")
            .because("a handler that publishes or writes by itself skips the use case and its rules");

    @ArchTest
    static final ArchRule azure_types_stay_in_the_azure_modules =
            cloudTypesStayIn("Azure", "azure", "azure", "com.azure..", "com.microsoft.azure..");

    @ArchTest
    static final ArchRule aws_types_stay_in_the_aws_modules =
            cloudTypesStayIn("AWS", "aws", "lambda", "software.amazon..", "com.amazonaws..");

    @ArchTest
    static final ArchRule prometheus_types_stay_in_their_adapter = noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".adapter.prometheus..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.prometheus..")
            .as("Prometheus' client types appear only in adapters-prometheus")
            .because("the metrics are the domain's ports; how a platform counts them is its adapter's business");

    /** A cloud's SDK types appear only in its adapters, its bootstrap and the local stack that plays it. */
    private static ArchRule cloudTypesStayIn(String cloud, String adapter, String bootstrap, String... sdkPackages) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(
                        ROOT + ".adapter." + adapter + "..",
                        ROOT + ".bootstrap." + bootstrap + "..",
                        LOCAL_STACK,
                        STAND_INS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(sdkPackages)
                .as(cloud + " types appear only in adapters-" + adapter + ", bootstrap-" + bootstrap
                        + ", the local stack that plays " + cloud + " and what plays its hosts")
                .because("the cloud is swapped by swapping those modules; nothing else may know which one runs");
    }

    @ArchTest
    static final ArchRule the_functions_do_not_use_operator_ports = noClasses()
            .that()
            .resideInAnyPackage(LAMBDA, APPLICATION, DRIVING_ADAPTERS)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(OPERATOR_PORTS)
            .as("the functions and the use cases do not use the operator's ports")
            .because("inspecting and redriving dead letters is an operator's act, not a step of handling a webhook");

    @ArchTest
    static final ArchRule each_function_is_wired_in_its_own_package = slices().matching(
                    ROOT + ".bootstrap.lambda.(*)..")
            .should()
            .notDependOnEachOther()
            .as("the ingest and the worker functions do not depend on each other's packages")
            .because("each deployment jar holds only its function's package");

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap_code = noClasses()
            .that()
            .resideOutsideOfPackage(BOOTSTRAP)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(BOOTSTRAP)
            .as("nothing depends on bootstrap code")
            .because("bootstrap modules assemble the hexagon; they are the outermost layer");

    @ArchTest
    static final ArchRule only_the_local_stack_uses_the_local_servers = noClasses()
            .that()
            .resideOutsideOfPackages(LOCAL_STACK, STAND_INS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.elasticmq..", "io.zonky..", STAND_INS)
            .as("only the local stack uses the host stand-ins (ElasticMQ, Azurite, the triggers) and the embedded "
                    + "PostgreSQL")
            .because("they stand in for SQS, Azure Storage and RDS on one machine, and must never reach a "
                    + "function's jar");

    @ArchTest
    static final ArchRule the_host_stand_ins_know_none_of_our_code = noClasses()
            .that()
            .resideInAPackage(STAND_INS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS, BOOTSTRAP)
            .as("the host stand-ins depend on the platforms' libraries only, none of our code")
            .because("they play AWS's and Azure's hosts, which know nothing of the functions they run; so every "
                    + "adapter's tests can use them");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching(ROOT + ".(**)").should().beFreeOfCycles().as("packages are free of cycles");

    @ArchTest
    static final ArchRule no_generic_exceptions_are_thrown =
            GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.as(
                    "no class throws generic exceptions (Exception, RuntimeException, Throwable)");

    @ArchTest
    static final ArchRule nothing_writes_to_standard_streams = noClasses()
            .that()
            .resideOutsideOfPackage(LOCAL_STACK)
            .and()
            .doNotHaveFullyQualifiedName(ROOT + ".adapter.aws.out.EmbeddedMetrics")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .as("no class writes to System.out or System.err, but the local stack's command line and the CloudWatch"
                    + " metric documents")
            .because("logs go through the adapters' structured logging; only ./run-local talks to a terminal, and"
                    + " Lambda takes embedded-metric documents from standard output alone");

    @ArchTest
    static final ArchRule nothing_uses_java_util_logging =
            GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.as("no class uses java.util.logging");
}
