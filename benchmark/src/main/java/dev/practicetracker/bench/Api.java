package dev.practicetracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One service's HTTP API, as a client sees it: JSON in, status and JSON out. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String base;

    Api(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    String base() {
        return base;
    }

    HttpRequest postRequest(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    HttpRequest getRequest(String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    Response post(String path, String token, String body) {
        return send(postRequest(path, token, body));
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            return new Response(response.statusCode(), json, response.body());
        } catch (IOException e) {
            return new Response(-1, MissingNode.getInstance(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, MissingNode.getInstance(), "interrupted");
        }
    }

    /** Whether the service answers its readiness probe. */
    boolean ready() {
        try {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    record Response(int status, JsonNode body, String text) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        Response expectOk(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " answered " + status + ": " + text);
            }
            return this;
        }
    }
}
