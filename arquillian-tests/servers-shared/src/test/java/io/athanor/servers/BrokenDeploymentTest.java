package io.athanor.servers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.servers.broken.Keyless;
import io.athanor.servers.broken.identity.Person;
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

    @Deployment(name = "broken-hierarchy", managed = false, testable = false)
    static WebArchive hierarchyDeployment() {
        Map<String, String> config = Map.of("athanor.packages", Person.class.getPackageName(),
                "athanor.datasource", Server.client().defaultDataSource);
        return Deployments.war("broken-hierarchy", config, List.of(Person.class.getPackage()));
    }

    @ArquillianResource
    Deployer deployer;

    /** Deploys {@code name}, which must fail; the messages of the failure and its causes. */
    private String failure(String name) {
        Exception e = assertThrows(Exception.class, () -> deployer.deploy(name));
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    @Test
    void aBadMappingFailsTheDeployment() {
        String messages = failure("broken");
        assertTrue(messages.contains("ATHANOR-6001: the default unit can't map its classes: ATHANOR-1002: "
                + "io.athanor.servers.broken.Keyless has no primary key"), messages);
    }

    @Test
    void twoClassesOfAHierarchyWithOneIdentityFailTheDeployment() {
        String messages = failure("broken-hierarchy");
        assertTrue(messages.contains("ATHANOR-6001: the default unit can't map its classes: ATHANOR-1055: "
                + "io.athanor.servers.broken.identity.Pilot and io.athanor.servers.broken.identity.Sailor both have "
                + "the polymorphic identity 'crew': give one of them another @PolymorphicIdentity"), messages);
    }
}
