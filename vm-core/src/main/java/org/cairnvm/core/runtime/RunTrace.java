package org.cairnvm.core.runtime;

import java.util.HashSet;
import java.util.Set;
import org.cairnvm.core.interp.Output;
import org.cairnvm.spi.Trace;

/**
 * Trace lines for the categories named by the {@code trace} key, written to the guest's standard
 * error through the run's output buffer so they interleave with the guest's own text in order.
 */
final class RunTrace implements Trace {
    private final Set<String> categories = new HashSet<>();
    private final Output output;

    RunTrace(String spec, Output output) {
        for (String c : spec.split(",")) {
            if (!c.isBlank()) {
                categories.add(c.trim());
            }
        }
        this.output = output;
    }

    @Override
    public boolean enabled(String category) {
        return categories.contains(category);
    }

    @Override
    public void line(String category, String text) {
        if (enabled(category)) {
            output.printText(Output.STDERR, text + "\n");
        }
    }
}
