package io.athanor.cdi.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The mapped classes of a deployment: those listed in every {@code META-INF/athanor/mapped-classes}
 * index its class loader sees, and those {@code ProcessAnnotatedType} reports; each once.
 */
public final class MappedClasses {
    static final String INDEX = "META-INF/athanor/mapped-classes";

    private final Map<String, Class<?>> classes = new LinkedHashMap<>();

    /** Reads every index visible to {@code loader}; problems go to {@code errors}. */
    public void readIndexes(ClassLoader loader, Consumer<String> errors) {
        Enumeration<URL> urls;
        try {
            urls = loader.getResources(INDEX);
        } catch (IOException e) {
            errors.accept(Messages.indexUnreadable(e.toString()));
            return;
        }
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            for (String name : read(url, errors)) {
                if (!classes.containsKey(name)) {
                    try {
                        classes.put(name, Class.forName(name, false, loader));
                    } catch (ClassNotFoundException | LinkageError e) {
                        errors.accept(Messages.unloadableClass(name, url.toString(), e.toString()));
                    }
                }
            }
        }
    }

    private static List<String> read(URL url, Consumer<String> errors) {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
        } catch (IOException e) {
            errors.accept(Messages.indexUnreadable(url + ": " + e));
        }
        return names;
    }

    /** A class reported by {@code ProcessAnnotatedType}. */
    public void add(Class<?> type) {
        classes.putIfAbsent(type.getName(), type);
    }

    /** The classes in one of {@code packages} (or all, when {@code null}). */
    List<Class<?>> in(List<String> packages) {
        List<Class<?>> result = new ArrayList<>();
        for (Class<?> c : classes.values()) {
            if (packages == null || packages.stream().anyMatch(p -> c.getName().startsWith(p + "."))) {
                result.add(c);
            }
        }
        return result;
    }

    int size() {
        return classes.size();
    }
}
