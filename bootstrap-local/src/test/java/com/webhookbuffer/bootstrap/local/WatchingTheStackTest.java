package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webhookbuffer.adapter.prometheus.PrometheusMetrics;
import com.webhookbuffer.adapter.prometheus.ScrapedMetrics;
import com.webhookbuffer.bootstrap.local.parts.DashboardPage;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.local.watch.DashboardHistory;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Watching the local stack: {@code /metrics} read by a Prometheus text-format parser and held to {@code /status},
 * the dashboard's history, and the dashboard itself in a real browser (Debian's Chromium, driven by Selenium). One
 * stack for the class; the traffic is sent once, first, and every test reads what it left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchingTheStackTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;

    private static LocalStack stack;
    private static StackClient client;

    @BeforeAll
    static void startAndSendTraffic() throws Exception {
        Map<String, String> environment = Map.of(
                LocalSettings.HTTP_PORT, "0",
                LocalSettings.SQS_PORT, "0",
                LocalSettings.LOCAL_STATE_DIR, state.toString(),
                LocalSettings.DB_MAX_CONNECTIONS, "4");
        stack = LocalStack.start(
                LocalSettings.from(environment),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        client = new StackClient(stack.baseUri(), stack.secret());
        for (int i = 0; i < 12; i++) {
            assertThat(client.postSigned(
                                    "wh_watch_" + i,
                                    SampleWebhooks.order("ord_watch_" + i, 1).json())
                            .statusCode())
                    .isEqualTo(202);
        }
        assertThat(client.postSigned(
                                "wh_watch_0",
                                SampleWebhooks.order("ord_watch_0", 1).json())
                        .statusCode())
                .as("a sender's retry")
                .isEqualTo(202);
        assertThat(client.post(HttpRequest.newBuilder(stack.baseUri().resolve("/webhooks"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}")))
                        .statusCode())
                .isEqualTo(401);
        assertThat(client.postSigned("wh_watch_bad", "{\"type\":\"order.created\"}")
                        .statusCode())
                .isEqualTo(400);
        client.awaitStatus(
                SETTLE,
                s -> s.at("/counts/written").asLong() == 12
                        && s.at("/counts/duplicate").asLong() == 1);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void metricsAreTheTextFormatAPrometheusParserReadsAndSayWhatStatusSays() {
        HttpResponse<String> response = client.get("/metrics");
        JsonNode status = client.status();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PrometheusMetrics.CONTENT_TYPE);
        ScrapedMetrics metrics = ScrapedMetrics.parse(response.body());
        assertThat(metrics.counter("webhookbuffer_requests_total", "outcome", "accepted"))
                .isEqualTo(status.at("/counts/accepted").asDouble())
                .isEqualTo(13);
        assertThat(metrics.counter("webhookbuffer_requests_total", "outcome", "unauthenticated"))
                .isEqualTo(1);
        assertThat(metrics.counter("webhookbuffer_requests_total", "outcome", "invalid-payload"))
                .isEqualTo(1);
        for (String count : List.of("written", "duplicate", "stale")) {
            assertThat(metrics.counter("webhookbuffer_messages_total", "outcome", count))
                    .as(count)
                    .isEqualTo(status.at("/counts/" + count).asDouble());
        }
        assertThat(metrics.counter("webhookbuffer_retried_total"))
                .isEqualTo(status.at("/counts/retried").asDouble());
        assertThat(metrics.counter("webhookbuffer_dead_lettered_total"))
                .isEqualTo(status.at("/counts/deadLettered").asDouble());
        assertThat(metrics.gauge("webhookbuffer_queue_visible_messages"))
                .isEqualTo(status.at("/queue/depth").asDouble());
        assertThat(metrics.gauge("webhookbuffer_dead_letter_messages"))
                .isEqualTo(status.at("/queue/deadLetterDepth").asDouble());
        assertThat(metrics.gauge("webhookbuffer_db_connection_budget"))
                .isEqualTo(status.at("/database/connectionBudget").asDouble());
        assertThat(metrics.gauge("webhookbuffer_db_connections_in_use"))
                .isBetween(0.0, status.at("/database/connectionBudget").asDouble());
        assertThat(metrics.histogram(PrometheusMetrics.LAG).getSampleCount())
                .as("one lag per order written")
                .isEqualTo(12);
        assertThat(metrics.histogram(PrometheusMetrics.BATCH_WRITE_LATENCY).getSampleCount())
                .isPositive();
        assertThat(metrics.histogram(PrometheusMetrics.PUBLISH_LATENCY).getSampleCount())
                .isEqualTo(13);
    }

    @Test
    @Order(2)
    void theDashboardsHistoryEndsWithTheFiguresStatusShows() throws Exception {
        JsonNode status = client.status();
        JsonNode latest = awaitHistory(h -> h.path("latest").path("written").asLong() == 12)
                .path("latest");

        assertThat(latest.path("accepted").asLong())
                .isEqualTo(status.at("/counts/accepted").asLong());
        assertThat(latest.path("written").asLong())
                .isEqualTo(status.at("/counts/written").asLong());
        assertThat(latest.path("queueDepth").asLong())
                .isEqualTo(status.at("/queue/depth").asLong());
        assertThat(latest.path("deadLetters").asLong())
                .isEqualTo(status.at("/queue/deadLetterDepth").asLong());
        JsonNode history = awaitHistory(h -> true);
        assertThat(history.path("time").size())
                .isEqualTo(history.path("writtenPerSecond").size())
                .isBetween(1, DashboardHistory.KEPT);
        assertThat(history.path("connectionBudget").asInt())
                .isEqualTo(status.at("/database/connectionBudget").asInt());
        double written = 0;
        for (JsonNode rate : history.path("writtenPerSecond")) {
            written += rate.asDouble(0);
        }
        assertThat(written)
                .as("the rates add up to what was written, give or take the sampling")
                .isPositive();
    }

    @Test
    @Order(3)
    void thePageAndItsChartLibraryAreServedByTheStackItself() {
        HttpResponse<String> page = client.get(DashboardPage.PATH);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("/dashboard/uPlot.iife.min.js").doesNotContain("https://");
        HttpResponse<String> library = client.get("/dashboard/uPlot.iife.min.js");
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("uPlot");
        assertThat(client.get("/dashboard/nothing-here").statusCode()).isEqualTo(404);
        assertThat(client.post(HttpRequest.newBuilder(stack.baseUri().resolve("/metrics"))
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(405);
    }

    @Test
    @Order(4)
    void theDashboardInChromiumShowsTheFiguresStatusShowsAndDrawsItsCharts() throws Exception {
        Optional<Path> chromium = onPath("chromium");
        Optional<Path> driver = onPath("chromedriver");
        assumeTrue(
                chromium.isPresent() && driver.isPresent(),
                "the dashboard's browser test needs Debian's packages chromium and chromium-driver (apt-get install"
                        + " chromium chromium-driver); .ci/run installs them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        // As root, without a display, and without the background traffic this network refuses.
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory(state, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(stack.baseUri().resolve(DashboardPage.PATH).toString());
            JsonNode status = client.status();
            Instant deadline = Instant.now().plusSeconds(20);
            while (!shown(browser, "written")
                            .equals(status.at("/counts/written").asText())
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(shown(browser, "accepted"))
                    .isEqualTo(status.at("/counts/accepted").asText());
            assertThat(shown(browser, "written"))
                    .isEqualTo(status.at("/counts/written").asText());
            assertThat(shown(browser, "queue-depth"))
                    .isEqualTo(status.at("/queue/depth").asText());
            assertThat(shown(browser, "dead-letters"))
                    .isEqualTo(status.at("/queue/deadLetterDepth").asText());
            assertThat(shown(browser, "budget"))
                    .isEqualTo(status.at("/database/connectionBudget").asText());
            assertThat(browser.findElements(By.cssSelector(".uplot canvas")))
                    .as("four charts drawn")
                    .hasSize(4);
            assertThat(browser.findElement(By.id("problem")).getText()).isEmpty();
            Path screenshot = Path.of("target", "dashboard.png");
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            assertThat(Files.size(screenshot)).isPositive();
        } finally {
            browser.quit();
        }
    }

    private static String shown(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getAttribute("data-value");
    }

    private static JsonNode awaitHistory(Predicate<JsonNode> until) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        JsonNode history;
        do {
            history = JSON.readTree(client.get(DashboardPage.HISTORY_PATH).body());
            if (until.test(history)) {
                return history;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the history never showed what was expected: " + history);
    }

    private static Optional<Path> onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(folder -> Path.of(folder, command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
