package com.webhookbuffer.bootstrap.lambda.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webhookbuffer.adapter.persistence.DatabaseLogin;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import java.io.IOException;
import java.util.Optional;

/**
 * Where a function's database credentials come from: {@code DB_URL}/{@code DB_USER}/{@code DB_PASSWORD}, or the
 * RDS-style secret (JSON with host, port, dbname, username, password) named by {@code DB_SECRET_ARN}. Each call
 * reads them again: a secret rotates, and whoever caches decides how often to ask ({@link RotatingLogin}).
 */
public interface DatabaseCredentials {

    DatabaseSettings settings(EnvironmentVariables env);

    /** Just the login, read again now. */
    default DatabaseLogin login(EnvironmentVariables env) {
        DatabaseSettings settings = settings(env);
        return new DatabaseLogin(settings.user(), settings.password());
    }

    /** Secrets Manager when {@code DB_SECRET_ARN} is set, else the plain variables; TLS as {@code DB_SSL_MODE} says. */
    static DatabaseCredentials fromEnvironment() {
        return env -> {
            Optional<String> secretArn = env.optional(Wiring.DB_SECRET_ARN);
            DatabaseSettings settings =
                    secretArn.isPresent() ? fromSecret(env, Wiring.secretText(env, secretArn.get())) : plain(env);
            return DatabaseTls.apply(env, settings);
        };
    }

    static DatabaseSettings plain(EnvironmentVariables env) {
        Settings.DatabaseVariables database = Settings.database(env);
        return env.parsed(
                Settings.DB_URL, database.url(), url -> DatabaseSettings.of(url, database.user(), database.password()));
    }

    static DatabaseSettings fromSecret(EnvironmentVariables env, String json) {
        try {
            JsonNode secret = new ObjectMapper().readTree(json);
            String url = env.optional(Settings.DB_URL)
                    .orElseGet(() -> "jdbc:postgresql://" + text(secret, "host") + ":"
                            + secret.path("port").asInt(5432) + "/"
                            + secret.path("dbname").asText("postgres"));
            return DatabaseSettings.of(url, text(secret, "username"), text(secret, "password"));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    Wiring.DB_SECRET_ARN + " names a secret that is not RDS-style JSON "
                            + "(host, port, dbname, username, password): " + e.getMessage(),
                    e);
        }
    }

    /** The login in an RDS-style secret's JSON. */
    static DatabaseLogin loginFromSecret(String variable, String json) {
        try {
            JsonNode secret = new ObjectMapper().readTree(json);
            return new DatabaseLogin(text(secret, "username"), text(secret, "password"));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    variable + " names a secret without a username and password: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode secret, String field) {
        JsonNode value = secret == null ? null : secret.get(field);
        if (value == null || !value.isTextual() && !value.isNumber()) {
            throw new IllegalArgumentException("field " + field + " is missing");
        }
        return value.asText();
    }
}
