package com.webhookbuffer.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * CloudFormation's side of a custom resource: the events it sends, and a real HTTP socket standing in for its
 * pre-signed response URL, where the answers are collected.
 */
public final class CloudFormationStub implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<String> responses = new ArrayBlockingQueue<>(4);

    public CloudFormationStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            responses.add(exchange.getRequestMethod() + " "
                    + new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** The event CloudFormation sends for the template's {@code DatabaseSetup} resource. */
    public CloudFormationCustomResourceEvent event(String type, Map<String, Object> properties) {
        CloudFormationCustomResourceEvent event = new CloudFormationCustomResourceEvent();
        event.setRequestType(type);
        event.setResponseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/response");
        event.setStackId("arn:aws:cloudformation:eu-west-1:123456789012:stack/webhook-buffer/1");
        event.setRequestId("req-1");
        event.setLogicalResourceId("DatabaseSetup");
        event.setResourceProperties(properties);
        return event;
    }

    /** A Create with the template's default budget. */
    public CloudFormationCustomResourceEvent create() {
        return event("Create", Map.of("DbMaxConnections", "90", "DbReservedConnections", "10", "WorkerPoolSize", "1"));
    }

    /** The next answer PUT to the response URL, as JSON. */
    public JsonNode answer() throws InterruptedException, IOException {
        String response = responses.poll(10, TimeUnit.SECONDS);
        assertThat(response).as("an answer to CloudFormation").startsWith("PUT ");
        return new ObjectMapper().readTree(response.substring(4));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
