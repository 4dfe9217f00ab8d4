package io.athanor.weld.broken;

import com.arjuna.ats.jta.cdi.TransactionExtension;
import io.athanor.cdi.AthanorExtension;
import io.athanor.weld.support.TestJta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Boots Weld SE without discovery (so with the Athanor and Narayana extensions added by hand) on the given bean
 * classes, with a MicroProfile Config file of its own, and returns the deployment's error messages.
 */
final class BrokenDeployment {
    private BrokenDeployment() {
    }

    static List<String> errors(Map<String, String> config, Class<?>... beans) {
        return errors(config, null, beans);
    }

    /** {@code extraRoot}: a directory of further classes and resources the deployment's class loader sees. */
    static List<String> errors(Map<String, String> config, Path extraRoot, Class<?>... beans) {
        TestJta.init();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            Path dir = Files.createTempDirectory("athanor-broken");
            Path file = dir.resolve("META-INF/microprofile-config.properties");
            Files.createDirectories(file.getParent());
            Files.writeString(file, config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n")));
            List<URL> urls = new ArrayList<>(List.of(dir.toUri().toURL()));
            if (extraRoot != null) {
                urls.add(extraRoot.toUri().toURL());
            }
            try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), previous)) {
                thread.setContextClassLoader(loader);
                try (WeldContainer container = new Weld().disableDiscovery()
                        .addExtension(new AthanorExtension()).addExtension(new TransactionExtension())
                        .addBeanClasses(beans).initialize()) {
                    throw new AssertionError("the deployment succeeded: " + container.getId());
                } catch (RuntimeException e) {
                    return messages(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<String> messages(RuntimeException e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t : e.getSuppressed()) {
            messages.add(t.getMessage());
        }
        if (messages.isEmpty()) {
            messages.add(e.getCause() != null && e.getMessage() != null && e.getMessage().contains(e.getCause().toString())
                    ? e.getCause().getMessage() : e.getMessage());
        }
        return messages;
    }
}
