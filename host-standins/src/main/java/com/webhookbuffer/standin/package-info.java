/**
 * What plays the clouds' hosts on one machine, so that the functions' own handlers run here as they run there: the
 * SQS event source ({@code aws.EventSourcePoller}) and ElasticMQ for SQS, API Gateway's events, the Functions host's
 * queue trigger and HTTP request, and Azurite for Azure Storage ({@code azure}). {@link
 * com.webhookbuffer.standin.WorkerFeed} is what both triggers' stand-ins are to the stack that starts them.
 *
 * <p>Depends on the platforms' libraries only, never on this project's modules, so every adapter's tests can use it;
 * only the local stack and tests do (an architecture rule holds it, and no function's jar contains it).
 */
package com.webhookbuffer.standin;
