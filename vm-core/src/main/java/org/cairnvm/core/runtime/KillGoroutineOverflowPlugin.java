package org.cairnvm.core.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import org.cairnvm.spi.OverflowHandler;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.VmPlugin;

/**
 * The {@code kill-goroutine} overflow handler: the goroutine that overflowed ends with the same
 * report Go prints for a fatal overflow, and the others go on; when {@code main} returns, the
 * exit status is 2 and the run's error is that report. If the goroutine was the one running
 * {@code main}, the program ends there, as it does whenever {@code main} ends.
 */
public final class KillGoroutineOverflowPlugin implements VmPlugin {
    @Override
    public PluginKind kind() {
        return PluginKind.OVERFLOW;
    }

    @Override
    public String name() {
        return "kill-goroutine";
    }

    @Override
    public String description() {
        return "a stack overflow ends only that goroutine, with Go's report; the run exits 2 at its end";
    }

    /** Go has no such policy: a program that overflows a goroutine ends differently here. */
    @Override
    public boolean matchesGo() {
        return false;
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(OverflowHandler.class).toInstance(new KillGoroutineOverflow());
            }
        };
    }
}
