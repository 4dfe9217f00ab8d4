package io.athanor.internal.mapping;

import io.athanor.MappingException;
import io.athanor.internal.messages.MappingMessages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the build-time index of mapped classes ({@code META-INF/athanor/mapped-classes}, written by
 * the metamodel processor into each jar), so that finding mapped classes needs no class-path scan.
 */
public final class MappedClassIndex {
    /** The resource every jar's index lives at. */
    public static final String RESOURCE = "META-INF/athanor/mapped-classes";

    private MappedClassIndex() {
    }

    /** The mapped classes in {@code packageName} or below, from every index the loader sees. */
    public static List<Class<?>> find(String packageName, ClassLoader loader) {
        ClassLoader cl = loader != null ? loader : MappedClassIndex.class.getClassLoader();
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> urls = cl.getResources(RESOURCE);
            while (urls.hasMoreElements()) {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(urls.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        line = line.strip();
                        if (!line.isEmpty() && !line.startsWith("#")
                                && (packageName.isEmpty() || line.startsWith(packageName + "."))) {
                            names.add(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new MappingException(MappingMessages.scanFailed(packageName, e.toString()), e);
        }
        if (names.isEmpty()) {
            throw new MappingException(MappingMessages.noMappedClassesFound(packageName));
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, cl));
            } catch (ClassNotFoundException e) {
                throw new MappingException(MappingMessages.unknownClass(name, packageName), e);
            }
        }
        return classes;
    }
}
