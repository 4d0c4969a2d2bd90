package com.webhookbuffer.bootstrap.archfixture;

import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** Wiring outside the local stack that starts the local SQS server: what must never reach a Lambda jar. */
public class LambdaWiringStartingElasticMq {

    public Object start() {
        return SQSRestServerBuilder.withDynamicPort().start();
    }
}
