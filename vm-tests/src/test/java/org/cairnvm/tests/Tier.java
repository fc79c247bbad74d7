package org.cairnvm.tests;

import java.util.List;
import java.util.Map;
import org.cairnvm.api.Vm;

/**
 * How a run executes the guest's code: by the interpreter alone, or compiled by the baseline
 * compiler before the first instruction (as HotSpot's {@code -Xint} and {@code -Xcomp} bracket
 * its tiers). Every golden and generated program runs both ways, under every combination of
 * modules and stress modes: compiled code must be indistinguishable from interpreted code.
 * Public because the differential tests of {@code org.cairnvm.tests.fuzz} run the same tiers.
 *
 * @param name how test names show it
 * @param options the configuration keys that select it
 */
public record Tier(String name, Map<String, String> options) {

    /** The interpreter only ({@code jit=off}). */
    public static final Tier INTERPRETED = new Tier("interpreted", Map.of("jit", "off"));

    /** Compiled before the first instruction ({@code jit.threshold=0}). */
    public static final Tier COMPILED = new Tier("compiled", Map.of("jit.threshold", "0"));

    /** Both, in the order the tests run them. */
    public static final List<Tier> ALL = List.of(INTERPRETED, COMPILED);

    /** The builder with this tier's options set. */
    public Vm.Builder apply(Vm.Builder builder) {
        options.forEach(builder::option);
        return builder;
    }
}
