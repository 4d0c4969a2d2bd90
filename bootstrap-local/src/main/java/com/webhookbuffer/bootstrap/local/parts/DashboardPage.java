package com.webhookbuffer.bootstrap.local.parts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The dashboard's files, read once from the jar: the page and its script (this module's resources) and the chart
 * library, uPlot, from its WebJar. Nothing is fetched from the internet; the page needs no build step.
 */
public final class DashboardPage {

    public static final String PATH = "/dashboard";
    public static final String HISTORY_PATH = PATH + "/history";

    private DashboardPage() {}

    /** Each file by the path it is served at, with its answer. */
    public static Map<String, HttpFront.Answer> files() {
        String uplot = "META-INF/resources/webjars/uplot/" + webJarVersion("org.webjars.npm", "uplot") + "/dist/";
        Map<String, HttpFront.Answer> files = new LinkedHashMap<>();
        files.put(PATH, file("dashboard/index.html", "text/html; charset=utf-8"));
        files.put(PATH + "/dashboard.js", file("dashboard/dashboard.js", "text/javascript; charset=utf-8"));
        files.put(PATH + "/uPlot.iife.min.js", file(uplot + "uPlot.iife.min.js", "text/javascript; charset=utf-8"));
        files.put(PATH + "/uPlot.min.css", file(uplot + "uPlot.min.css", "text/css; charset=utf-8"));
        return files;
    }

    private static HttpFront.Answer file(String resource, String contentType) {
        return new HttpFront.Answer(
                200, Map.of("Content-Type", contentType, "Cache-Control", "no-cache"), read(resource));
    }

    /** The version a WebJar was built as, from the Maven metadata it carries: no version written here twice. */
    private static String webJarVersion(String group, String artifact) {
        Properties pom = new Properties();
        try (InputStream in = stream("META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String read(String resource) {
        try (InputStream in = stream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the dashboard's " + resource + " is missing from the class path");
        }
        return in;
    }
}
