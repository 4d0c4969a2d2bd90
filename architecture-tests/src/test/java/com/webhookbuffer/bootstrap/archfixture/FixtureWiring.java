package com.webhookbuffer.bootstrap.archfixture;

/** A stand-in for a bootstrap module's wiring, for adapters to wrongly depend on. */
public class FixtureWiring {
    public static final Object INSTANCE = new Object();

    public static Object instance() {
        return INSTANCE;
    }
}
