package com.webhookbuffer.bootstrap.pipeline;

import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.domain.webhook.SourceKind;
import com.webhookbuffer.domain.webhook.SourceName;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The named sources an operator configured beside the default one: {@code SOURCES} as {@code name=kind} pairs
 * separated by commas or spaces, and each source's keys in {@code SOURCE_<NAME>_SECRETS} (the name upper-cased,
 * {@code -} as {@code _}).
 */
public final class SourceSettings {

    public static final String SOURCES = "SOURCES";

    private SourceSettings() {}

    /** The sources {@code SOURCES} names, with their kinds, in the order given; none when it is unset or blank. */
    public static Map<SourceName, SourceKind> sources(EnvironmentVariables env) {
        Map<SourceName, SourceKind> sources = new LinkedHashMap<>();
        String text = env.optional(SOURCES).orElse("");
        for (String pair : text.strip().split("[,\\s]+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalStateException(SOURCES + " must hold name=kind pairs, was: " + pair);
            }
            SourceName name = env.parsed(SOURCES, pair.substring(0, equals), SourceName::of);
            if (name.equals(SourceName.DEFAULT)) {
                throw new IllegalStateException(SOURCES + " must not name a source " + SourceName.DEFAULT_NAME
                        + ": that is the source of POST /webhooks, keyed by WEBHOOK_SECRETS");
            }
            String kindName = pair.substring(equals + 1);
            SourceKind kind = SourceKind.fromWireName(kindName)
                    .orElseThrow(() -> new IllegalStateException(SOURCES + ": the kind of " + name + " must be one of "
                            + SourceKind.WIRE_NAMES + ", was: " + kindName));
            if (sources.put(name, kind) != null) {
                throw new IllegalStateException(SOURCES + " names " + name + " twice");
            }
        }
        return sources;
    }

    /** The variable that holds a source's keys: {@code SOURCE_<NAME>_SECRETS}. */
    public static String secretsVariable(SourceName source) {
        return "SOURCE_" + source.value().toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRETS";
    }

    /**
     * Each source {@code SOURCES} names, with its kind and its keys from {@code SOURCE_<NAME>_SECRETS}, which every
     * one of them needs: a source nobody can authenticate would refuse everything it is sent.
     */
    public static Map<SourceName, NamedSource> named(EnvironmentVariables env) {
        Map<SourceName, NamedSource> named = new LinkedHashMap<>();
        sources(env).forEach((source, kind) -> {
            String variable = secretsVariable(source);
            named.put(
                    source, NamedSource.fixed(kind, Settings.sourceKeys(env, kind, variable, env.required(variable))));
        });
        return named;
    }
}
