package io.athanor.testsupport;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Provides the {@link DatabaseHandle} of each database named by the configuration parameter (or
 * system property) {@value Databases#DATABASES_PROPERTY}; a database is provided when its
 * invocation starts.
 */
public final class SelectedDatabases implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        String ids = context.getConfigurationParameter(Databases.DATABASES_PROPERTY).orElse(Databases.DEFAULT_DATABASES);
        return Databases.parse(ids).stream().map(kind -> Arguments.of(Databases.get(kind)));
    }
}
