package io.athanor.wildfly.load.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api")
public class LoadApplication extends Application {
}
