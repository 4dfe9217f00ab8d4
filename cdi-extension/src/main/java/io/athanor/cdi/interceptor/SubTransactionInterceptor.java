package io.athanor.cdi.interceptor;

import io.athanor.cdi.SubTransaction;
import io.athanor.cdi.Unit;
import io.athanor.cdi.internal.RequestSubTransactions;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.util.Set;

/**
 * Runs a {@link SubTransaction} method in a savepoint of its unit's session. Its priority puts it
 * inside {@code @Transactional} (whose interceptors run at {@code PLATFORM_BEFORE + 200}), so a method
 * with both first gets its JTA transaction, then its savepoint.
 */
@SubTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 210)
public class SubTransactionInterceptor implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String WELD_BINDINGS = "org.jboss.weld.interceptor.bindings";

    @Inject
    @Any
    transient Instance<RequestSubTransactions> subTransactions;

    @AroundInvoke
    Object around(InvocationContext ic) throws Exception {
        SubTransaction binding = binding(ic);
        Annotation unit = binding.unit().isEmpty() ? Default.Literal.INSTANCE : Unit.Literal.of(binding.unit());
        return subTransactions.select(unit).get().get()
                .call(ic::proceed, io.athanor.jta.SubTransactions.rule(binding.rollbackOn(), binding.dontRollbackOn()));
    }

    private static SubTransaction binding(InvocationContext ic) {
        // Weld puts the bindings in the context data; elsewhere read the method, then its class
        if (ic.getContextData().get(WELD_BINDINGS) instanceof Set<?> bindings) {
            for (Object a : bindings) {
                if (a instanceof SubTransaction st) {
                    return st;
                }
            }
        }
        SubTransaction b = ic.getMethod().getAnnotation(SubTransaction.class);
        if (b == null) {
            b = ic.getMethod().getDeclaringClass().getAnnotation(SubTransaction.class);
        }
        return b;
    }
}
