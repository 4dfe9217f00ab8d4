package io.athanor.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.athanor.servers.app.SubTransactionsBean;
import io.athanor.servers.app.Tables;
import io.athanor.servers.support.Rows;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * @SubTransaction and beginNested() inside an EJB's container-managed transaction: the inner failure is
 * rolled back to its savepoint and the outer transaction commits. Each subclass deploys on a data source.
 */
abstract class SavepointScenarios {
    @Inject
    SubTransactionsBean bean;
    @Inject
    Tables tables;

    static List<String> rows() {
        return Rows.names(Rows.defaultUnit(), "srv_items", "name");
    }

    @Test
    void subTransactionOnACdiBean() {
        tables.reset();
        assertEquals(List.of("outer-2"), bean.cdiStepFails(), "the inner item was expunged with its savepoint");
        assertEquals(List.of("outer-1", "outer-2"), rows());
    }

    @Test
    void subTransactionOnAnEjbMethod() {
        tables.reset();
        assertEquals(List.of("ejb-outer-2"), bean.ejbStepFails());
        assertEquals(List.of("ejb-outer-1", "ejb-outer-2"), rows());
    }

    @Test
    void aConstraintErrorInsideASubTransaction() {
        tables.reset();
        bean.duplicateInSubTransaction();
        assertEquals(List.of("after-dup", "dup"), rows());
    }

    @Test
    void beginNestedInAnEjb() {
        tables.reset();
        assertFalse(bean.beginNestedWithDuplicate(), "the duplicate left the session");
        assertEquals(List.of("first", "second"), rows());
    }
}
