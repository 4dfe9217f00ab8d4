package io.athanor.weld.support;

import io.athanor.weld.model.Item;
import io.athanor.weld.model.Ledger;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** Test archives: the given beans, the data sources, and a MicroProfile Config file. */
public final class Deployments {
    private Deployments() {
    }

    /** An archive for {@code database} whose default unit maps the model and uses {@code jdbc/main}. */
    public static JavaArchive of(String database, boolean xa, Class<?>... beans) {
        return of(Map.of("athanor.packages", Item.class.getPackageName(), "athanor.datasource", "jdbc/main",
                "test.database", database, "test.xa", String.valueOf(xa)), beans);
    }

    public static JavaArchive of(Map<String, String> config, Class<?>... beans) {
        TestJta.init();
        String properties = config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        return ShrinkWrap.create(JavaArchive.class)
                .addClasses(beans)
                .addClasses(TestDataSources.class, Item.class, Ledger.class)
                .addAsManifestResource(new StringAsset(properties), "microprofile-config.properties")
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
    }
}
