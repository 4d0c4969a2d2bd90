package com.webhookbuffer.domain.testing;

import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives a randomised test its {@link Random}, seeded from {@code -Dtests.seed} or else from the clock, and names
 * the seed when the test fails so the failure can be replayed exactly:
 * {@code ./mvnw verify -Dtests.seed=<seed>}.
 */
public final class SeededRandom implements ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SeededRandom.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Random.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        context.getStore(NAMESPACE).put("seed", seed);
        return new Random(seed);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Long seed = context.getStore(NAMESPACE).get("seed", Long.class);
        if (seed == null) {
            throw failure;
        }
        AssertionError withSeed = new AssertionError(
                "failed with seed " + seed + "; replay with -Dtests.seed=" + seed + ": " + failure.getMessage(),
                failure);
        throw withSeed;
    }
}
