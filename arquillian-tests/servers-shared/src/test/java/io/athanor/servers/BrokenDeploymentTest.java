package io.athanor.servers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.servers.broken.Keyless;
import io.athanor.servers.support.Deployments;
import io.athanor.servers.support.Server;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A deployment with a bad mapping fails to deploy, and the server's deployment error carries Athanor's message. */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class BrokenDeploymentTest {
    @Deployment(name = "broken", managed = false, testable = false)
    static WebArchive deployment() {
        Map<String, String> config = Map.of("athanor.packages", Keyless.class.getPackageName(),
                "athanor.datasource", Server.client().defaultDataSource);
        return Deployments.war("broken", config, List.of(Keyless.class.getPackage()));
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void aBadMappingFailsTheDeployment() {
        Exception e = assertThrows(Exception.class, () -> deployer.deploy("broken"));
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        String messages = all.toString();
        assertTrue(messages.contains("ATHANOR-6001: the default unit can't map its classes: ATHANOR-1002: "
                + "io.athanor.servers.broken.Keyless has no primary key"), messages);
    }
}
