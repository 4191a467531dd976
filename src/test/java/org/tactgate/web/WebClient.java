package org.tactgate.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser-like HTTP client for route tests: keeps cookies, never follows redirects (tests
 * assert them), posts forms. One per simulated person.
 */
final class WebClient {
    private final HttpClient http;
    private final String base;

    record Response(int status, String body, HttpHeaders headers) {
        Document doc() {
            return Jsoup.parse(body);
        }

        String location() {
            return headers.firstValue("Location").orElse("");
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Response get(String path, String... headers) {
        HttpRequest.Builder b = request(path, headers).GET();
        return send(b.build());
    }

    /** Posts a form; {@code fields} are name, value, name, value… (names may repeat). */
    Response post(String path, String... fields) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
    }

    Response postJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Logs in through the form, as a browser would; returns the response to the POST. */
    Response login(String name, String password) {
        Response form = get("/login");
        String token = form.doc().selectFirst("input[name=token]").val();
        return post("/login", "token", token, "name", name, "password", password);
    }

    /** The CSRF token of the current session, read from a console page. */
    String csrf() {
        return get("/console/audit").doc().selectFirst("input[name=csrf]").val();
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
