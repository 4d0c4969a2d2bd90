package com.webhookbuffer.bootstrap.lambda;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The functions' logging: one flat JSON object per line on stdout ({@link FlatJsonEncoder}), which Lambda sends to
 * CloudWatch Logs, at INFO; HikariCP and Hibernate Validator only from WARN.
 *
 * <p>Set up in code, found by logback through {@code META-INF/services}, because reading the same three lines from
 * a {@code logback.xml} costs a cold start about a quarter of a second (an XML parser and logback's configuration
 * model, some 400 classes). A {@code logback.xml} or {@code logback-test.xml} on the class path, or
 * {@code -Dlogback.configurationFile}, still wins: this configurator then steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class FunctionLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader classes = FunctionLogging.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
                || classes.getResource("logback-test.xml") != null
                || classes.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        FlatJsonEncoder encoder = new FlatJsonEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
        json.setContext(context);
        json.setName("JSON");
        json.setEncoder(encoder);
        json.start();
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.hibernate.validator").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(json);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
