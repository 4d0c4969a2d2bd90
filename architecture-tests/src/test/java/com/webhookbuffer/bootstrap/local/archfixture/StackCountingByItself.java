package com.webhookbuffer.bootstrap.local.archfixture;

import io.prometheus.metrics.core.metrics.Counter;

/** The local stack counting with Prometheus' client itself, beside the adapter that does: two ways to count. */
public class StackCountingByItself {

    public void accepted(Counter requests) {
        requests.labelValues("accepted").inc();
    }
}
