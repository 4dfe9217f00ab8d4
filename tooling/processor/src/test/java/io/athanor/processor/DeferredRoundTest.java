package io.athanor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A field whose type another processor generates is handled once the type exists. */
class DeferredRoundTest {
    @TempDir
    Path dir;

    @Test
    void retriesWhenAFieldTypeIsGeneratedInALaterRound() throws IOException {
        MoneyGenerator generator = new MoneyGenerator();
        Compilation c = Compilation.compile(dir, Map.of("p.Invoice", """
                package p;
                @io.athanor.mapping.Mapped
                public class Invoice { Long id; Money total; }
                """), generator);
        assertTrue(c.success, c::report);
        assertFalse(generator.metamodelBeforeMoney, "Invoice_ was generated while Money was unresolved");
        String source = c.generatedSource("p.Invoice_");
        assertTrue(source.contains("ColumnAttribute<Money> total = new ColumnAttribute<>(Invoice.class, \"total\", \"invoice\", \"total\", Money.class);"), source);
        assertEquals("p.Invoice\n", c.resource(MappedClassIndex.RESOURCE));
    }

    /** Generates {@code p.Money} in the first round, like a value-class generator would. */
    private static final class MoneyGenerator extends AbstractProcessor {
        private int rounds;
        private boolean metamodelBeforeMoney;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            rounds++;
            if (rounds == 2) {
                metamodelBeforeMoney = processingEnv.getElementUtils().getTypeElement("p.Invoice_") != null;
            }
            if (rounds == 1) {
                try (Writer out = processingEnv.getFiler().createSourceFile("p.Money").openWriter()) {
                    out.write("package p; public final class Money { }");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }
}
