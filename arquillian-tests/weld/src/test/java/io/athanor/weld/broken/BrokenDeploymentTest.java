package io.athanor.weld.broken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.weld.broken.identity.Person;
import io.athanor.weld.broken.identity.Pilot;
import io.athanor.weld.broken.identity.Sailor;
import io.athanor.weld.broken.nokey.NoKey;
import io.athanor.weld.model.Item;
import io.athanor.weld.support.TestDataSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployments that must fail, in Weld SE: every problem reported, each with its exact message. */
class BrokenDeploymentTest {
    private static final String MODEL = Item.class.getPackageName();
    private static final String NO_JNDI = "javax.naming.NoInitialContextException: Need to specify class name in "
            + "environment or system property, or in an application resource file: java.naming.factory.initial";

    private static Map<String, String> model(String... more) {
        Map<String, String> config = new java.util.HashMap<>(Map.of("athanor.packages", MODEL,
                "athanor.datasource", "jdbc/main"));
        for (int i = 0; i < more.length; i += 2) {
            config.put(more[i], more[i + 1]);
        }
        return config;
    }

    @Test
    void noPrimaryKey() {
        assertEquals(List.of("ATHANOR-6001: the default unit can't map its classes: ATHANOR-1002: "
                        + "io.athanor.weld.broken.nokey.NoKey has no primary key: annotate one field (or several, for "
                        + "a composite key) with @Id"),
                BrokenDeployment.errors(Map.of("athanor.packages", NoKey.class.getPackageName(),
                        "athanor.datasource", "jdbc/main"), TestDataSources.class));
    }

    @Test
    void everyMappingProblemIsReported() {
        assertEquals(List.of("ATHANOR-6001: the default unit can't map its classes: ATHANOR-1002: "
                        + "io.athanor.weld.broken.two.Keyless has no primary key: annotate one field (or several, for "
                        + "a composite key) with @Id",
                "ATHANOR-6001: the default unit can't map its classes: ATHANOR-1009: "
                        + "io.athanor.weld.broken.two.Orphan.parentId references table 'parents', which no class in "
                        + "this Registry maps (mapped tables: orphan): fix the name or add the class to the Registry"),
                BrokenDeployment.errors(Map.of("athanor.packages", "io.athanor.weld.broken.two",
                        "athanor.datasource", "jdbc/main"), TestDataSources.class));
    }

    @Test
    void twoClassesOfAHierarchyWithOneIdentity() {
        assertEquals(List.of("ATHANOR-6001: the default unit can't map its classes: ATHANOR-1055: "
                        + "io.athanor.weld.broken.identity.Pilot and io.athanor.weld.broken.identity.Sailor both have "
                        + "the polymorphic identity 'crew': give one of them another @PolymorphicIdentity"),
                BrokenDeployment.errors(Map.of("athanor.packages", Person.class.getPackageName(),
                        "athanor.datasource", "jdbc/main"), TestDataSources.class, Person.class, Pilot.class,
                        Sailor.class));
    }

    @Test
    void unenhancedClass(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/plain/Unenhanced.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package plain;\n@io.athanor.mapping.Mapped public class Unenhanced {\n"
                + "  @io.athanor.mapping.Id Long id;\n}\n");
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-proc:none", "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), src.toString()));
        Path index = classes.resolve("META-INF/athanor/mapped-classes");
        Files.createDirectories(index.getParent());
        Files.writeString(index, "plain.Unenhanced\n");
        List<String> errors = BrokenDeployment.errors(Map.of("athanor.packages", "plain",
                "athanor.datasource", "jdbc/main"), classes, TestDataSources.class);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("ATHANOR-6001: the default unit can't map its classes: ATHANOR-1003: "
                + "plain.Unenhanced was not enhanced at build time, so Athanor cannot track its fields. Add the Athanor "
                + "enhancer to the module that compiles it (pom.xml, <build><plugins>):\n<plugin>"), errors.get(0));
        assertTrue(errors.get(0).contains("<artifactId>athanor-enhancer</artifactId>"), errors.get(0));
    }

    @Test
    void staleIndexEntry(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("META-INF/athanor/mapped-classes");
        Files.createDirectories(index.getParent());
        Files.writeString(index, "gone.Missing\n");
        List<String> errors = BrokenDeployment.errors(model(), dir, TestDataSources.class);
        assertEquals(List.of("ATHANOR-6010: " + index.toUri().toURL() + " lists gone.Missing, which the deployment "
                + "can't load (java.lang.ClassNotFoundException: gone.Missing): rebuild that jar, or remove the stale "
                + "class from it"), errors);
    }

    @Test
    void missingDataSource() {
        assertEquals(List.of("ATHANOR-6002: the default unit has no data source: set athanor.datasource to the JNDI "
                        + "name of a JTA data source (MicroProfile Config), or add a producer method '@Produces Engine' "
                        + "or '@Produces DataSource'"),
                BrokenDeployment.errors(Map.of("athanor.packages", MODEL), PlainBean.class));
    }

    @Test
    void unknownDataSource() {
        assertEquals(List.of("ATHANOR-6003: athanor.datasource names the data source 'jdbc/nope', which is neither "
                        + "bound in JNDI (" + NO_JNDI + ") nor a @Named(\"jdbc/nope\") DataSource bean: correct the name "
                        + "or define the data source"),
                BrokenDeployment.errors(model("athanor.datasource", "jdbc/nope"), TestDataSources.class));
    }

    @Test
    void unknownBindKey() {
        assertEquals(List.of("ATHANOR-6004: athanor.binds.Invoice names no mapped class or table of the default unit: "
                        + "use a mapped class's simple or qualified name or its table, one of [Item, Ledger, "
                        + "io.athanor.weld.model.Item, io.athanor.weld.model.Ledger, weld_items, weld_ledger]"),
                BrokenDeployment.errors(model("athanor.binds.Invoice", "jdbc/second"), TestDataSources.class));
    }

    @Test
    void notABoolean() {
        assertEquals(List.of("ATHANOR-6005: athanor.autoflush is 'sometimes', which is not a boolean: use true or false"),
                BrokenDeployment.errors(model("athanor.autoflush", "sometimes"), TestDataSources.class));
    }

    @Test
    void packagesMatchNothing() {
        List<String> errors = BrokenDeployment.errors(model("athanor.packages", "com.example.nothing"),
                TestDataSources.class);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).matches("ATHANOR-6006: the default unit maps no class: athanor\\.packages is "
                + "'com\\.example\\.nothing', which matches none of the \\d+ @Mapped classes found; correct the "
                + "packages"), errors.get(0));
    }

    @Test
    void unknownUnitAtAnInjectionPoint() {
        assertEquals(List.of("ATHANOR-6007: io.athanor.weld.broken.ReportsUser.session asks for @Unit(\"reports\"), "
                        + "which is not configured (units: [default]): set athanor.unit.reports.datasource or add "
                        + "'@Produces @Unit(\"reports\") Engine'"),
                BrokenDeployment.errors(model(), TestDataSources.class, ReportsUser.class));
    }

    @Test
    void unknownUnitAtAnAsyncInjectionPoint() {
        assertEquals(List.of("ATHANOR-6007: io.athanor.weld.broken.AsyncReportsUser.session asks for @Unit(\"reports\"), "
                        + "which is not configured (units: [default]): set athanor.unit.reports.datasource or add "
                        + "'@Produces @Unit(\"reports\") Engine'"),
                BrokenDeployment.errors(model(), TestDataSources.class, AsyncReportsUser.class));
    }

    @Test
    void asyncMaxTransactionsBelowOne() {
        assertEquals(List.of("ATHANOR-6015: athanor.async.max-transactions is '0', which is not a whole number of at "
                        + "least 1: give how many async sessions may be in a transaction at once, at most the data "
                        + "source's pool size"),
                BrokenDeployment.errors(model("athanor.async.max-transactions", "0"), TestDataSources.class));
    }

    @Test
    void unknownUnitInSubTransaction() {
        assertEquals(List.of("ATHANOR-6008: @SubTransaction(unit = \"archive\") on "
                        + "io.athanor.weld.broken.WrongSubTransactionUnit.work() names a unit that is not configured "
                        + "(units: [default]): correct the name or configure the unit"),
                BrokenDeployment.errors(model(), TestDataSources.class, WrongSubTransactionUnit.class));
    }

    @Test
    void dataSourceAndEngineProducer() {
        List<String> errors = BrokenDeployment.errors(model(), TestDataSources.class, EngineProducer.class);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("ATHANOR-6009: the default unit has two data sources: athanor.datasource "
                + "= 'jdbc/main' and the producer Producer Method [Engine] with qualifiers [@Any @Default]"),
                errors.get(0));
        assertTrue(errors.get(0).endsWith(": remove one of them"), errors.get(0));
    }

    @Test
    void severalConfigurationProblemsAtOnce() {
        assertEquals(List.of(
                "ATHANOR-6005: athanor.expire-on-commit is 'yes', which is not a boolean: use true or false",
                "ATHANOR-6003: athanor.datasource names the data source 'jdbc/nope', which is neither bound in JNDI ("
                        + NO_JNDI + ") nor a @Named(\"jdbc/nope\") DataSource bean: correct the name or define the "
                        + "data source",
                "ATHANOR-6003: athanor.binds.Ledger names the data source 'jdbc/other', which is neither bound in JNDI ("
                        + NO_JNDI + ") nor a @Named(\"jdbc/other\") DataSource bean: correct the name or define the "
                        + "data source"),
                BrokenDeployment.errors(model("athanor.expire-on-commit", "yes", "athanor.datasource", "jdbc/nope",
                        "athanor.binds.Ledger", "jdbc/other"), TestDataSources.class));
    }
}
