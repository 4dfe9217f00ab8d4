package io.athanor.internal.engine;

import io.athanor.Dialect;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamCastMode;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** jOOQ contexts that only render: quoted identifiers, indexed bind parameters, per dialect. */
public final class Renderer {
    static {
        // jOOQ prints a banner and tips on first use unless told not to; a library must stay quiet.
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    private Renderer() {
    }

    public static DSLContext context(Dialect dialect) {
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
                .withRenderNameCase(RenderNameCase.AS_IS)
                .withRenderKeywordCase(RenderKeywordCase.UPPER)
                .withParamType(ParamType.INDEXED)
                .withParamCastMode(ParamCastMode.NEVER)
                .withRenderSchema(false)
                .withExecuteLogging(false)
                .withRenderFormatted(false);
        return DSL.using(switch (dialect) {
            case H2 -> SQLDialect.H2;
            case POSTGRESQL -> SQLDialect.POSTGRES;
            case MARIADB -> SQLDialect.MARIADB;
        }, settings);
    }
}
