/**
 * Benchmarks: each {@code ...BenchmarkMain} runs JMH and prints one table that puts our code beside a baseline
 * measured in the same run. Speed claims live here, never in a timed test.
 */
package com.webhookbuffer.benchmarks;
