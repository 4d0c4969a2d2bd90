/**
 * The project's Java format, checked or applied over the whole tree: palantir-java-format's style, its import order
 * and its removal of unused imports. Build tooling, not part of the service: depends on palantir-java-format and the
 * JDK only, and nothing depends on it.
 */
package com.webhookbuffer.format;
