package io.athanor.weld.broken;

import jakarta.enterprise.context.ApplicationScoped;

/** Any bean, so that the deployment has one. */
@ApplicationScoped
public class PlainBean {
}
