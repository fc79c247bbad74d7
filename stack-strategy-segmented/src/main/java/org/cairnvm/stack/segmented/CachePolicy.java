package org.cairnvm.stack.segmented;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cairnvm.api.Config;

/**
 * What happens to a segment when a return unlinks it (config key {@code segment.cache}). A
 * policy bounds how many unlinked segments a goroutine keeps as spares for its next
 * {@code morestack}; a spare turns the next split from "reserve a region" into "relink a
 * segment", which is the expensive half of the hot split.
 *
 * <p>No policy removes the switch itself: nothing moves in a segmented stack, so a caller whose
 * frame sits at the bottom of a segment splits at every call whatever is cached. Policies only
 * decide what each switch costs.
 */
enum CachePolicy {
    /**
     * Release the region at every unlink: Go 1.2's behaviour. A call on a boundary inside a loop
     * reserves and releases a segment per iteration: the hot split.
     */
    NONE("none", 0, false),
    /**
     * Keep one spare per goroutine. Removes the allocation when the boundary is crossed at one
     * depth, but a loop whose calls cross k boundaries (a recursion that goes deep and comes back)
     * still reserves k - 1 segments per iteration.
     */
    ONE("one", 1, false),
    /**
     * Keep every unlinked segment, up to the goroutine's peak segment count, and at each
     * {@code shrink} (a collection) release the spares the goroutine did not reach since the
     * previous one. Between two collections a goroutine reserves a segment only when it goes
     * deeper than ever before in that cycle, so crossing boundaries at varying depths costs no
     * allocation after the first descent; the memory held is at most the stack's peak of the
     * last cycle, which {@code stack.max} already allowed. This is libgcc's split-stack (which
     * keeps every segment until the thread exits) with Go's shrink-at-GC added, so an idle
     * goroutine does not hold its deepest stack for ever.
     */
    PEAK("peak", Integer.MAX_VALUE, true);

    /** The configuration key. */
    static final Config.Key KEY = new Config.Key("segment.cache", "none",
            "segmented stacks: spare segments kept per goroutine (none, one, peak)");

    private final String configName;
    private final int maxSpares;
    private final boolean trimsAtShrink;

    CachePolicy(String configName, int maxSpares, boolean trimsAtShrink) {
        this.configName = configName;
        this.maxSpares = maxSpares;
        this.trimsAtShrink = trimsAtShrink;
    }

    /** The name users choose it by. */
    String configName() {
        return configName;
    }

    /** Most spares kept after an unlink. */
    int maxSpares() {
        return maxSpares;
    }

    /** Whether {@code shrink} releases spares the last cycle did not reach. */
    boolean trimsAtShrink() {
        return trimsAtShrink;
    }

    /** The policy {@code segment.cache} names (default {@code none}). */
    static CachePolicy from(Config config) {
        String name = config.get(KEY.name()).orElse(KEY.defaultValue()).trim().toLowerCase(Locale.ROOT);
        for (CachePolicy p : values()) {
            if (p.configName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown segment.cache '" + name + "' (available: "
                + Arrays.stream(values()).map(CachePolicy::configName).collect(Collectors.joining(", ")) + ")");
    }
}
