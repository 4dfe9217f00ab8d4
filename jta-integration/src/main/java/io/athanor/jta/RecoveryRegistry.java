package io.athanor.jta;

import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;
import org.jboss.tm.XAResourceRecovery;
import org.jboss.tm.XAResourceRecoveryRegistry;

/** Hands Agroal's recovery sources to Narayana's XA recovery module. */
final class RecoveryRegistry implements XAResourceRecoveryRegistry {
    private final XARecoveryModule module;
    private final Map<XAResourceRecovery, XAResourceRecoveryHelper> helpers = new ConcurrentHashMap<>();

    RecoveryRegistry(XARecoveryModule module) {
        this.module = module;
    }

    @Override
    public void addXAResourceRecovery(XAResourceRecovery recovery) {
        XAResourceRecoveryHelper helper = new XAResourceRecoveryHelper() {
            @Override
            public boolean initialise(String parameter) {
                return true;
            }

            @Override
            public XAResource[] getXAResources() {
                return recovery.getXAResources();
            }
        };
        helpers.put(recovery, helper);
        module.addXAResourceRecoveryHelper(helper);
    }

    @Override
    public void removeXAResourceRecovery(XAResourceRecovery recovery) {
        XAResourceRecoveryHelper helper = helpers.remove(recovery);
        if (helper != null) {
            module.removeXAResourceRecoveryHelper(helper);
        }
    }
}
