package io.athanor.processor;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The build-time index of mapped classes, {@value #RESOURCE}: the binary names of every
 * {@code @Mapped} class of the compilation, one per line, sorted, UTF-8. Collected over all rounds
 * and written once, in the final round.
 */
final class MappedClassIndex {
    /** The resource path of the index in the class output. */
    static final String RESOURCE = "META-INF/athanor/mapped-classes";

    private final SortedSet<String> binaryNames = new TreeSet<>();
    private boolean written;

    void add(String binaryName) {
        binaryNames.add(binaryName);
    }

    /** Writes the index unless it is empty or already written. */
    void write(Filer filer, Messager messager) {
        if (written || binaryNames.isEmpty()) {
            return;
        }
        written = true;
        try {
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
            try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : binaryNames) {
                    out.write(name);
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR, "Cannot write " + RESOURCE + ": " + e.getMessage());
        }
    }
}
