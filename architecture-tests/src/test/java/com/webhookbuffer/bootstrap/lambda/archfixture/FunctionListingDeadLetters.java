package com.webhookbuffer.bootstrap.lambda.archfixture;

import com.webhookbuffer.domain.port.out.DeadLetterQueue;

/** A function that reads the dead-letter queue on the way: an operator's port inside a Lambda. */
public class FunctionListingDeadLetters {

    public int handle(DeadLetterQueue deadLetters) {
        return deadLetters.readAll(dead -> {});
    }
}
