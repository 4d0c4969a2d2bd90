package com.webhookbuffer.domain.webhook;

/**
 * What a source's deliveries are verified with, in the form its kind needs: Standard Webhooks' secrets and public
 * keys, or a platform's shared secrets. Read from the source's {@code SOURCE_<NAME>_SECRETS}.
 */
public sealed interface SourceKeys permits VerificationKeys, PlatformSecrets {}
