package com.webhookbuffer.application.archfixture;

import software.amazon.awssdk.services.sqs.SqsClient;

/** A use case that calls SQS itself: the application would know which cloud it runs on. */
public class UseCaseCallingSqs {

    public void close(SqsClient sqs) {
        sqs.close();
    }
}
