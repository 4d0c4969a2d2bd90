/**
 * The application's own outbound ports, beside the domain's ({@code domain.port.out}): those whose types are the
 * application's, such as {@link com.webhookbuffer.application.port.out.PayloadParser}, which speaks of the payload's
 * shape rather than of the domain.
 */
package com.webhookbuffer.application.port.out;
