package com.webhookbuffer.bootstrap.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import java.io.IOException;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Where the worker's database credentials come from: {@code DB_URL}/{@code DB_USER}/{@code DB_PASSWORD}, or the
 * RDS-style secret (JSON with host, port, dbname, username, password) named by {@code DB_SECRET_ARN}.
 */
interface DatabaseCredentials {

    DatabaseSettings settings(EnvironmentVariables env);

    /** Secrets Manager when {@code DB_SECRET_ARN} is set, else the plain variables. */
    static DatabaseCredentials fromEnvironment() {
        return env -> {
            Optional<String> secretArn = env.optional(Wiring.DB_SECRET_ARN);
            if (secretArn.isPresent()) {
                try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
                    String json = secrets.getSecretValue(get -> get.secretId(secretArn.get())).secretString();
                    return fromSecret(env, json);
                }
            }
            return plain(env);
        };
    }

    static DatabaseSettings plain(EnvironmentVariables env) {
        return env.parsed(Wiring.DB_URL, env.required(Wiring.DB_URL),
                url -> DatabaseSettings.of(url, env.required(Wiring.DB_USER), env.required(Wiring.DB_PASSWORD)));
    }

    static DatabaseSettings fromSecret(EnvironmentVariables env, String json) {
        try {
            JsonNode secret = new ObjectMapper().readTree(json);
            String url = env.optional(Wiring.DB_URL).orElseGet(() -> "jdbc:postgresql://" + text(secret, "host") + ":"
                    + secret.path("port").asInt(5432) + "/" + secret.path("dbname").asText("postgres"));
            return DatabaseSettings.of(url, text(secret, "username"), text(secret, "password"));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(Wiring.DB_SECRET_ARN + " names a secret that is not RDS-style JSON "
                    + "(host, port, dbname, username, password): " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode secret, String field) {
        JsonNode value = secret.get(field);
        if (value == null || !value.isTextual() && !value.isNumber()) {
            throw new IllegalArgumentException("field " + field + " is missing");
        }
        return value.asText();
    }
}
