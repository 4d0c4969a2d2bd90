package com.webhookbuffer.adapter.inmemory.archfixture;

import com.webhookbuffer.bootstrap.archfixture.FixtureWiring;

/** Breaks "nothing depends on bootstrap code". */
public class AdapterUsingBootstrap {
    Object wiring = FixtureWiring.instance();
}
