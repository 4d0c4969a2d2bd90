/**
 * AWS's hosts played here: ElasticMQ for SQS (in memory, or kept in an H2 file), the Lambda SQS event source
 * mapping feeding a worker's handler real {@code SQSEvent}s, and the events API Gateway hands the ingest function.
 */
package com.webhookbuffer.standin.aws;
