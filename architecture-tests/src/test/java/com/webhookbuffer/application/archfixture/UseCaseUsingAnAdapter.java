package com.webhookbuffer.application.archfixture;

import com.webhookbuffer.adapter.inmemory.InMemoryOrderRepository;

/** Breaks "the application depends only on the domain, the JDK and Jakarta Validation". */
public class UseCaseUsingAnAdapter {
    InMemoryOrderRepository repository = new InMemoryOrderRepository();
}
