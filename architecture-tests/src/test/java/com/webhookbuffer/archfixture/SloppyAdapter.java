package com.webhookbuffer.archfixture;

import java.util.logging.Logger;

/** Breaks the coding rules: a generic exception, System.out, java.util.logging. */
public class SloppyAdapter {

    private static final Logger LOG = Logger.getLogger("sloppy");

    public void failGenerically() {
        throw new RuntimeException("something went wrong");
    }

    public void print() {
        System.out.println("hello");
    }

    public void log() {
        LOG.info("hello");
    }
}
