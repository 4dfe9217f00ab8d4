package io.athanor.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.athanor.servers.support.Deployments;
import io.athanor.servers.web.ItemsResource;
import io.athanor.servers.web.ItemsServlet;
import io.athanor.servers.web.RestApplication;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** HTTP requests from the client to a JAX-RS resource and a servlet: each request has a session of its own. */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class WebTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("web", Deployments.defaultDataSource(), RestApplication.class, ItemsResource.class,
                ItemsServlet.class);
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String rows() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/items")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void jaxRsRequests() throws Exception {
        assertEquals(200, post("servlet/items", "reset=true").statusCode());
        HttpResponse<String> a = post("api/items/rest-a", "");
        HttpResponse<String> b = post("api/items/rest-b", "");
        assertEquals(200, a.statusCode(), a.body());
        assertEquals(200, b.statusCode(), b.body());
        assertNotEquals(a.body(), b.body(), "one session per request");
        assertEquals(500, post("api/items/rest-c/fail", "").statusCode());
        assertEquals("rest-a\nrest-b", rows());
    }

    @Test
    void servletRequests() throws Exception {
        assertEquals(200, post("servlet/items", "reset=true").statusCode());
        HttpResponse<String> a = post("servlet/items", "name=servlet-a");
        HttpResponse<String> b = post("servlet/items", "name=servlet-b");
        assertEquals(200, a.statusCode(), a.body());
        String[] first = a.body().split("\\|");
        String[] second = b.body().split("\\|");
        assertEquals(first[0], first[1], "the EJB and the servlet share the request's session");
        assertNotEquals(first[0], second[0], "one session per request");
        assertEquals("servlet-a\nservlet-b", rows());
    }
}
