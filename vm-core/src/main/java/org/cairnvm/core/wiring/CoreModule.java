package org.cairnvm.core.wiring;

import com.google.inject.AbstractModule;
import java.util.Objects;
import org.cairnvm.api.Config;

/**
 * What core contributes to a VM's injector: the resolved configuration, so a plugin's
 * implementation can take {@link Config} in its constructor and read its own keys.
 */
final class CoreModule extends AbstractModule {
    private final Config config;

    CoreModule(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(Config.class).toInstance(config);
    }
}
