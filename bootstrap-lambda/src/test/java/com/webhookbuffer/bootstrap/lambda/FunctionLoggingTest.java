package com.webhookbuffer.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The functions' logging as logback finds and applies it, with no configuration file of the deployer's. */
class FunctionLoggingTest {

    /** A context of its own for each test (JUnit makes a new instance per test), not the one this JVM logs through. */
    private final LoggerContext context = new LoggerContext();

    private final FunctionLogging logging = inContext(context);

    private static FunctionLogging inContext(LoggerContext context) {
        FunctionLogging logging = new FunctionLogging();
        logging.setContext(context);
        return logging;
    }

    @Test
    void logbackFindsItThroughItsServiceFile() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                        .map(ServiceLoader.Provider::type))
                .contains(FunctionLogging.class);
    }

    @Test
    void configuresOneFlatJsonLinePerEventOnStandardOutputAtInfo() {
        assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(root.getAppender("JSON")).isInstanceOfSatisfying(ConsoleAppender.class, appender -> {
            assertThat(appender.isStarted()).isTrue();
            assertThat(appender.getTarget()).isEqualTo("System.out");
            assertThat(appender.getEncoder()).isInstanceOf(FlatJsonEncoder.class);
        });
        assertThat(context.getLogger("com.zaxxer.hikari").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.hibernate.validator.internal.X").getEffectiveLevel())
                .isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.webhookbuffer.adapter.aws.in.X").getEffectiveLevel())
                .isEqualTo(Level.INFO);
    }

    @Test
    void stepsAsideForAConfigurationFileNamedOnTheCommandLine() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "elsewhere.xml");
        try {
            assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME)
                            .iteratorForAppenders()
                            .hasNext())
                    .isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }
}
