/**
 * The {@code conservative} garbage collector (issue 6): a non-moving mark-sweep collector whose
 * stack roots are ambiguous, to measure what the compiler's stack maps buy.
 *
 * <p>{@link org.cairnvm.gc.conservative.MarkSweepCollector} declares {@code movesObjects() ==
 * false} and {@code wantsAmbiguousRoots() == true}. {@link org.cairnvm.gc.conservative.Cycle} is
 * one collection: it parses the space (objects and free chunks lie contiguously), marks from the
 * globals (precisely) and from every word of every frame (ambiguously, interior pointers
 * included), traces the heap precisely through layouts, and sweeps eagerly: dead objects are
 * zeroed and coalesced into gaps that core's allocator bumps through as free runs.
 *
 * <p>Why free runs rather than size-segregated free lists: the allocation fast path stays core's
 * one-comparison pointer bump (no size-class lookup, no list pop, no per-class refill), and a run
 * serves objects of every size in address order, which keeps what a loop allocates together.
 * The cost is that a request larger than the rest of a run abandons that rest until the next
 * cycle; gaps under {@link org.cairnvm.gc.conservative.MarkSweepCollector#MIN_RUN_WORDS} words
 * are not handed out at all. Segregated lists waste instead the rounding of every object to its
 * class and the partly used pages of every class, so neither wastes less in general; the bump
 * path is the cheaper of the two per allocation.
 *
 * <p>Costs it reports: {@code gc.ambiguousRoots} (stack words that hit an allocated object, summed
 * over cycles), {@code gc.blacklistedPages} (pages newly blacklisted, summed), {@code
 * gc.falseRetainedWords} (with {@code -D gc.crosscheck=true}: the most words any one cycle kept
 * that a precise mark from the exact roots does not), and on {@code --trace gc} one line per cycle
 * naming the {@link org.cairnvm.gc.conservative.MarkSweepCollector#TRACE_LARGEST} stack slots that
 * first reached the most words (function, frame slot, source position).
 *
 * <p>State (issue 6, first session): done — the plugin; eager mark-sweep over free runs, with the
 * additive SPI {@code GcContext.FREE_LAYOUT}, {@code installRuns} and {@code ambiguousFrames} and
 * core's run mode in {@code Heap}; Go-like triggers; blacklisting; the cross-check; the trace;
 * tests on hand-built heaps ({@code MarkSweepCollectorTest}: interior roots, reuse, blacklisting,
 * cross-check), end to end ({@code ConservativeCollectorTest}: a dead slot beside the precise
 * collector, reuse in place, a stale frame word blacklisting) and {@code HeapRunsTest} in core.
 * Not done: lazy sweeping (the sweep is eager and visits the whole parsed space, so a pause is
 * proportional to the heap, not to the live data); the object-start bitmap is rebuilt by parsing
 * every cycle instead of kept; binary-trees figures are from separate runs, not a side-by-side
 * harness in one run as the issue asks.
 */
package org.cairnvm.gc.conservative;
