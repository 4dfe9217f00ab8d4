package io.athanor.jta;

import com.arjuna.ats.internal.jta.resources.arjunacore.XAResourceRecord;
import com.arjuna.ats.internal.jta.resources.arjunacore.XAResourceRecordWrappingPlugin;
import javax.transaction.xa.XAResource;
import org.jboss.tm.XAResourceWrapper;

/**
 * Copies the name, product and version a pool's enlisted resource reports ({@link XAResourceWrapper},
 * which Agroal's XA resources implement) into the record Narayana logs for each branch, as application
 * servers do. Recovery needs the name: a logged branch whose database no longer knows its Xid is complete
 * only if a resource of that name was scanned. Installed by {@link NarayanaSe#configure} unless a plugin
 * is configured already. Xids keep Narayana's default EIS name 0.
 */
final class ResourceNames implements XAResourceRecordWrappingPlugin {

    @Override
    public void transcribeWrapperData(XAResourceRecord record) {
        if (record.value() instanceof XAResourceWrapper wrapper) {
            record.setJndiName(wrapper.getJndiName());
            record.setProductName(wrapper.getProductName());
            record.setProductVersion(wrapper.getProductVersion());
        }
    }

    @Override
    public Integer getEISName(XAResource resource) {
        return 0;
    }

    @Override
    public String getEISName(Integer eisName) {
        return "eis " + eisName;
    }
}
