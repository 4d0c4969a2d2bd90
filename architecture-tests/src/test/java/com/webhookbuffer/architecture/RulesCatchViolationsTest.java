package com.webhookbuffer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.webhookbuffer.adapter.aws.in.SqsBatchHandler;
import com.webhookbuffer.adapter.aws.in.archfixture.HandlerPublishingDirectly;
import com.webhookbuffer.adapter.aws.out.SqsMessageQueue;
import com.webhookbuffer.adapter.aws.out.archfixture.QueueCallingAHandler;
import com.webhookbuffer.adapter.inmemory.InMemoryOrderRepository;
import com.webhookbuffer.adapter.inmemory.archfixture.AdapterUsingBootstrap;
import com.webhookbuffer.adapter.inmemory.archfixture.InMemoryQueueOnAzure;
import com.webhookbuffer.adapter.json.archfixture.JsonAdapterUsingTheInMemoryAdapter;
import com.webhookbuffer.application.archfixture.UseCaseCallingSqs;
import com.webhookbuffer.application.archfixture.UseCaseUsingAnAdapter;
import com.webhookbuffer.archfixture.SloppyAdapter;
import com.webhookbuffer.archfixture.cycle.first.First;
import com.webhookbuffer.archfixture.cycle.second.Second;
import com.webhookbuffer.bootstrap.archfixture.FixtureWiring;
import com.webhookbuffer.bootstrap.archfixture.LambdaWiringStartingElasticMq;
import com.webhookbuffer.bootstrap.lambda.archfixture.FunctionListingDeadLetters;
import com.webhookbuffer.bootstrap.lambda.ingest.archfixture.IngestUsingTheWorker;
import com.webhookbuffer.bootstrap.lambda.worker.WorkerSettings;
import com.webhookbuffer.bootstrap.local.archfixture.StackCountingByItself;
import com.webhookbuffer.domain.archfixture.DomainUsingJackson;
import com.webhookbuffer.domain.archfixture.DomainUsingJdbc;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import org.junit.jupiter.api.Test;

/**
 * A rule that cannot fail protects nothing: each rule is shown a class that breaks it (the fixtures in the
 * {@code archfixture} packages of the test sources) and must report that class.
 */
class RulesCatchViolationsTest {

    private static String violationsOf(ArchRule rule, Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        EvaluationResult result = rule.evaluate(imported);
        assertThat(result.hasViolation())
                .as("%s should catch %s", rule.getDescription(), classes[0].getSimpleName())
                .isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void domainRuleCatchesAFrameworkAndAnIoPackage() {
        assertThat(violationsOf(HexagonRules.domain_depends_only_on_the_jdk, DomainUsingJackson.class))
                .contains("com.fasterxml.jackson.databind.ObjectMapper");
        assertThat(violationsOf(HexagonRules.domain_depends_only_on_the_jdk, DomainUsingJdbc.class))
                .contains("java.sql.Connection");
    }

    @Test
    void applicationRuleCatchesAUseCaseThatUsesAnAdapter() {
        assertThat(violationsOf(
                        HexagonRules.application_depends_only_on_the_domain_and_jakarta_validation,
                        UseCaseUsingAnAdapter.class))
                .contains(InMemoryOrderRepository.class.getName());
    }

    @Test
    void adapterRuleCatchesOneAdapterUsingAnother() {
        assertThat(violationsOf(
                        HexagonRules.adapters_do_not_depend_on_each_other,
                        JsonAdapterUsingTheInMemoryAdapter.class,
                        InMemoryOrderRepository.class))
                .contains(JsonAdapterUsingTheInMemoryAdapter.class.getName());
    }

    @Test
    void sideRulesCatchADrivenAdapterCallingAHandlerAndAHandlerCallingADrivenAdapter() {
        assertThat(violationsOf(HexagonRules.driven_adapters_do_not_call_driving_ones, QueueCallingAHandler.class))
                .contains(SqsBatchHandler.class.getName());
        assertThat(violationsOf(
                        HexagonRules.driving_adapters_reach_driven_ones_only_through_the_hexagon,
                        HandlerPublishingDirectly.class))
                .contains(SqsMessageQueue.class.getName());
    }

    @Test
    void cloudRulesCatchAnAdapterUsingAzureAndAUseCaseUsingAws() {
        assertThat(violationsOf(HexagonRules.azure_types_stay_in_the_azure_modules, InMemoryQueueOnAzure.class))
                .contains("com.azure.storage.queue.QueueClient");
        assertThat(violationsOf(HexagonRules.aws_types_stay_in_the_aws_modules, UseCaseCallingSqs.class))
                .contains("software.amazon.awssdk.services.sqs.SqsClient");
    }

    @Test
    void prometheusRuleCatchesTheLocalStackCountingWithPrometheusItself() {
        assertThat(violationsOf(HexagonRules.prometheus_types_stay_in_their_adapter, StackCountingByItself.class))
                .contains("io.prometheus.metrics.core.metrics.Counter");
    }

    @Test
    void operatorPortRuleCatchesAFunctionReadingDeadLetters() {
        assertThat(violationsOf(HexagonRules.the_functions_do_not_use_operator_ports, FunctionListingDeadLetters.class))
                .contains(DeadLetterQueue.class.getName());
    }

    @Test
    void functionPackageRuleCatchesTheIngestSideUsingTheWorkers() {
        assertThat(violationsOf(
                        HexagonRules.each_function_is_wired_in_its_own_package,
                        IngestUsingTheWorker.class,
                        WorkerSettings.class))
                .contains(IngestUsingTheWorker.class.getName());
    }

    @Test
    void bootstrapRuleCatchesAnAdapterUsingTheWiring() {
        assertThat(violationsOf(
                        HexagonRules.nothing_depends_on_bootstrap_code,
                        AdapterUsingBootstrap.class,
                        FixtureWiring.class))
                .contains(AdapterUsingBootstrap.class.getName());
    }

    @Test
    void localServersRuleCatchesLambdaWiringThatStartsElasticMq() {
        assertThat(violationsOf(
                        HexagonRules.only_the_local_stack_uses_the_local_servers, LambdaWiringStartingElasticMq.class))
                .contains("org.elasticmq");
    }

    @Test
    void cycleRuleCatchesTwoPackagesThatUseEachOther() {
        assertThat(violationsOf(HexagonRules.packages_are_free_of_cycles, First.class, Second.class))
                .contains("archfixture.cycle");
    }

    @Test
    void codingRulesCatchGenericExceptionsStandardStreamsAndJavaUtilLogging() {
        assertThat(violationsOf(HexagonRules.no_generic_exceptions_are_thrown, SloppyAdapter.class))
                .contains("java.lang.RuntimeException");
        assertThat(violationsOf(HexagonRules.nothing_writes_to_standard_streams, SloppyAdapter.class))
                .contains("System.out");
        assertThat(violationsOf(HexagonRules.nothing_uses_java_util_logging, SloppyAdapter.class))
                .contains("SloppyAdapter.LOG");
    }
}
