/**
 * The door's and the worker's metrics ({@code IngestMetrics}, {@code WorkerMetrics}) as Prometheus counters and
 * histograms, and any gauge its host adds, written in Prometheus' text exposition format: what a self-hosted
 * deployment (here, the local stack) answers at {@code GET /metrics}. Depends on the domain and Prometheus' own Java
 * client, nothing else.
 */
package com.webhookbuffer.adapter.prometheus;
