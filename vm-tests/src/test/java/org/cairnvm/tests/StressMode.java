package org.cairnvm.tests;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.cairnvm.api.Combination;
import org.cairnvm.spi.PluginKind;

/**
 * A stress mode the golden programs run under, and the combinations it means something for.
 * Adding a mode a new plugin brings is one line in {@link #ALL}. Public because the differential
 * tests of {@code org.cairnvm.tests.fuzz} run the same modes.
 *
 * @param name the value of the {@code stress} key, or {@code none}
 * @param appliesTo the combinations worth running it under
 */
public record StressMode(String name, Predicate<Combination> appliesTo) {

    /** No stress: the option is left unset. */
    public static final StressMode NONE = new StressMode("none", c -> true);

    /**
     * Every mode, in the order the tests run, each only where the plugins it stresses are chosen.
     */
    public static final List<StressMode> ALL = List.of(
            NONE,
            new StressMode("stack-move", StressMode::stackMoves),
            new StressMode("split-call", c -> "segmented".equals(c.choice(PluginKind.STACK))),
            new StressMode("gc-alloc", c -> c.choice(PluginKind.GC) != null),
            new StressMode("gc-alloc,stack-move", c -> c.choice(PluginKind.GC) != null && stackMoves(c)));

    /** Segmented stacks never move, so {@code stack-move} would only repeat their unstressed runs. */
    private static boolean stackMoves(Combination c) {
        return !"segmented".equals(c.choice(PluginKind.STACK));
    }

    /** The value to give the {@code stress} option; empty for {@link #NONE}. */
    public Optional<String> optionValue() {
        return name.equals(NONE.name()) ? Optional.empty() : Optional.of(name);
    }
}
