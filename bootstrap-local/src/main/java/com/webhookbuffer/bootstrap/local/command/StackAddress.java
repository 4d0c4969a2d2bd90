package com.webhookbuffer.bootstrap.local.command;

import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import java.io.IOException;
import java.net.URI;

/** Where the commands find the running stack, and what they say when nothing answers there. */
public final class StackAddress {

    private StackAddress() {}

    /** The stack's front on this machine, at {@code HTTP_PORT}. */
    public static URI of(LocalSettings settings) {
        return URI.create("http://127.0.0.1:" + settings.httpPort());
    }

    /** What a command says when nothing answers on {@code HTTP_PORT}: how to start a stack, or find the one running. */
    public static String noStackAt(URI base, LocalSettings settings, IOException e) {
        return "no stack answers at " + base + " (" + LocalSettings.HTTP_PORT + " " + settings.httpPort() + ": " + e
                + "). Start one with ./run-local in another terminal, or set " + LocalSettings.HTTP_PORT
                + " to the port of the one running.";
    }
}
