package com.webhookbuffer.adapter.json.archfixture;

import com.webhookbuffer.adapter.inmemory.InMemoryOrderRepository;

/** Breaks "no adapter depends on another adapter". */
public class JsonAdapterUsingTheInMemoryAdapter {
    InMemoryOrderRepository repository = new InMemoryOrderRepository();
}
