package com.webhookbuffer.bootstrap.local;

import com.webhookbuffer.bootstrap.local.cloud.LocalCloud;
import com.webhookbuffer.bootstrap.local.command.SampleOrder;
import com.webhookbuffer.bootstrap.local.parts.DashboardPage;
import com.webhookbuffer.bootstrap.local.parts.DevelopmentSecret;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import com.webhookbuffer.bootstrap.local.parts.LocalDatabase;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.pipeline.SourceSettings;
import com.webhookbuffer.domain.queue.QueueDepth;
import com.webhookbuffer.domain.webhook.SourceKind;
import com.webhookbuffer.domain.webhook.WebhookPublicKey;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** What the stack prints when it is ready and when it stops: everything needed to use it, to copy and paste. */
final class Banner {

    static final String READY = "Ready. Ctrl-C (or SIGTERM) stops the stack gracefully.";

    private Banner() {}

    static void print(
            PrintStream out,
            LocalSettings settings,
            URI http,
            LocalCloud cloud,
            LocalDatabase database,
            DevelopmentSecret secrets) {
        out.println();
        out.println("  Webhooks     POST " + http + HttpFront.WEBHOOKS_PATH);
        out.println("  Health       GET  " + http + "/health");
        SourceSettings.sources(settings.variables())
                .forEach((source, kind) -> out.println("  Source       POST "
                        + http + HttpFront.WEBHOOKS_PATH + "/" + source + "  (" + kind.wireName() + ", keys in "
                        + SourceSettings.secretsVariable(source) + "; ./run-local send --source " + source
                        + (kind == SourceKind.STANDARD_WEBHOOKS ? "" : " ORDER.json") + ")"));
        out.println("  Status       GET  " + http + "/status");
        out.println("  Metrics      GET  " + http + "/metrics  (Prometheus)");
        out.println("  Dashboard    GET  " + http + DashboardPage.PATH);
        cloud.describe().forEach(out::println);
        out.println("  PostgreSQL   " + database.settings().jdbcUrl() + "  (user "
                + database.settings().user() + ")");
        database.psqlUrl()
                .ifPresent(url -> out.println("    psql       psql \"" + url + "\"  (also in "
                        + settings.stateDirectory().resolve(LocalDatabase.DB_URL_FILE) + ")"));
        database.dataDirectory()
                .ifPresent(dir ->
                        out.println("    data in    " + dir + "  (kept between runs; delete it to start empty)"));
        int door = settings.budget().dbReservedConnections();
        out.println("  Budget       " + settings.budget().dbMaxConnections() + " connections (DB_MAX_CONNECTIONS): "
                + (door == 0 ? "" : door + " for the door (QUEUE_DOOR_CONNECTIONS), ")
                + settings.workerMaxConcurrency() + " worker(s) x "
                + settings.budget().workerPoolSize()
                + " connection(s), batches of " + settings.batchSize());
        out.println(secretSection(http, secrets));
        out.println();
        out.println(READY);
        out.flush();
    }

    /**
     * The secret and how to send with it. A secret the operator chose ({@code WEBHOOK_SECRETS}) is theirs to keep
     * and is never printed; only one this stack generated is shown, and used in a pasteable curl.
     */
    static String secretSection(URI http, DevelopmentSecret secrets) {
        if (secrets.generated().isEmpty()) {
            List<WebhookPublicKey> publicKeys = secrets.all().publicKeys();
            // Not secret, but shown only by fingerprint: enough to tell which sender's keys are in force.
            String keys = publicKeys.isEmpty()
                    ? ""
                    : "  Public keys  "
                            + publicKeys.stream()
                                    .map(WebhookPublicKey::fingerprint)
                                    .collect(Collectors.joining(", "))
                            + " from WEBHOOK_SECRETS (SHA-256 fingerprints; v1a signatures)\n";
            if (secrets.all().secrets().isEmpty()) {
                return keys + "\n  ./run-local send cannot sign: WEBHOOK_SECRETS holds no whsec_ secret, and a "
                        + "public key only verifies";
            }
            return "  Secret       from WEBHOOK_SECRETS (not shown)\n" + keys + "\n"
                    + "  Send one with ./run-local send (signs with the first whsec_ secret of WEBHOOK_SECRETS)";
        }
        return "  Secret       " + secrets.first() + "  (development secret, generated; kept in "
                + secrets.generated().get() + ")\n\n"
                + "  Send one with ./run-local send, or by hand (needs openssl):\n"
                + curlExample(http, secrets);
    }

    /** A signed request that stays valid: the timestamp and signature are computed when it is pasted. */
    static String curlExample(URI http, DevelopmentSecret secrets) {
        String key = HexFormat.of().formatHex(secrets.signing().key());
        return "    BODY='" + SampleOrder.json("ord_quickstart", 1, Instant.now()) + "'\n"
                + "    ID=\"msg_$(date +%s%N)\"; TS=\"$(date +%s)\"\n"
                + "    SIG=\"$(printf '%s' \"$ID.$TS.$BODY\" | openssl dgst -sha256 -mac HMAC -macopt hexkey:" + key
                + " -binary | base64)\"\n"
                + "    curl -i " + http + HttpFront.WEBHOOKS_PATH
                + " -H 'content-type: application/json' -H \"webhook-id: $ID\" -H \"webhook-timestamp: $TS\""
                + " -H \"webhook-signature: v1,$SIG\" --data-binary \"$BODY\"";
    }

    static void printStopped(PrintStream out, QueueDepth leftBehind) {
        if (leftBehind == null) {
            out.println("Stopped.");
        } else if (leftBehind.visible() + leftBehind.inFlight() + leftBehind.deadLetters() == 0) {
            out.println("Stopped. The queues were empty.");
        } else {
            out.println("Stopped. Kept for the next start: " + (leftBehind.visible() + leftBehind.inFlight())
                    + " queued message(s) and " + leftBehind.deadLetters() + " dead letter(s).");
        }
        out.flush();
    }
}
