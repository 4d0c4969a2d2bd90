package com.webhookbuffer.domain.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks "the domain depends only on the JDK's java.* packages". */
public class DomainUsingJackson {
    ObjectMapper mapper;
}
