package io.athanor.servers.support;

import io.athanor.servers.app.ItemsBean;
import io.athanor.servers.model.Item;
import io.athanor.servers.setup.NeedsDatabases;
import io.athanor.servers.setup.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The test WARs, built in the client JVM: Athanor's jars (and jOOQ, Agroal) in {@code WEB-INF/lib} from the
 * reactor's build output ({@code target/deployment-lib}, copied there by maven-dependency-plugin), the
 * given classes (enhanced at build time), the processor's mapped-class index narrowed to the mapped classes
 * packed, a MicroProfile Config file and an empty beans.xml.
 */
public final class Deployments {
    private static final String INDEX = "META-INF/athanor/mapped-classes";

    private Deployments() {
    }

    /** Configuration with the default unit on the server's own data source and the test model. */
    public static Map<String, String> defaultDataSource() {
        return unit(Server.client().defaultDataSource);
    }

    /** Configuration with the default unit on {@code jndiName} and the test model. */
    public static Map<String, String> unit(String jndiName) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("athanor.packages", Item.class.getPackageName());
        config.put("athanor.datasource", jndiName);
        return config;
    }

    /** A WAR named {@code name}.war with the model, the beans ({@code io.athanor.servers.app}) and {@code classes}. */
    public static WebArchive war(String name, Map<String, String> config, Class<?>... classes) {
        return war(name, config, List.of(Item.class.getPackage(), ItemsBean.class.getPackage()), classes);
    }

    /** A WAR named {@code name}.war with the test support classes, {@code packages} and {@code classes}. */
    public static WebArchive war(String name, Map<String, String> config, List<Package> packages, Class<?>... classes) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(Rows.class, Server.class, NeedsDatabases.class, NeedsDatabases.Condition.class,
                        TestDatabases.class, TestDatabases.Database.class)
                .addClasses(classes)
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(libraries());
        packages.forEach(p -> war.addPackage(p));
        return war.addAsResource(new StringAsset(index(war)), INDEX);
    }

    private static String properties(Map<String, String> config) {
        return config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static java.io.File[] libraries() {
        Path dir = Path.of(System.getProperty("athanor.servers.lib", "target/deployment-lib"));
        try (Stream<Path> jars = Files.list(dir)) {
            java.io.File[] files = jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toFile)
                    .toArray(java.io.File[]::new);
            if (files.length == 0) {
                throw new IllegalStateException("no jars in " + dir + ": run the module's build (mvn verify)");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("no " + dir + ": run the module's build (mvn verify)", e);
        }
    }

    /** The processor's index of this module's test classes, keeping the mapped classes packed in {@code war}. */
    private static String index(WebArchive war) {
        URL url = Deployments.class.getClassLoader().getResource(INDEX);
        if (url == null) {
            throw new IllegalStateException("no " + INDEX + " on the test class path: athanor-processor did not run");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            List<String> names = in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .filter(n -> war.contains("/WEB-INF/classes/" + n.replace('.', '/') + ".class")).toList();
            return String.join("\n", names) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
