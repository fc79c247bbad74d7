package org.cairnvm.sched.stackful;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.cairnvm.api.Config;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Counters;
import org.cairnvm.spi.FrameWalker;
import org.cairnvm.spi.Goroutine;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.Schedule;
import org.cairnvm.spi.ScheduleContext;
import org.cairnvm.spi.StackContext;
import org.cairnvm.spi.StackStrategy;
import org.cairnvm.spi.Trace;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link StackfulSchedule} alone, with a recording strategy in place of a real
 * one: the deterministic FIFO policy every scheduler shares, statuses and wait reasons, stacks
 * taken from the strategy at creation and given back exactly once, the {@code sched.*} counters
 * and the {@code sched} trace.
 */
class StackfulScheduleTest {

    /** A run's context as core would lend it, recording what the schedule does with it. */
    private static final class Fake implements ScheduleContext, StackContext, StackStrategy {
        final Map<String, Long> counts = new HashMap<>();
        final List<String> lines = new ArrayList<>();
        final Set<String> traced = new HashSet<>();
        /** Stacks handed out and not yet released, by identity. */
        final Set<GuestStack> outstanding = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        final List<Integer> newStackIds = new ArrayList<>();
        final List<Integer> releasedIds = new ArrayList<>();

        Fake(String... categories) {
            traced.addAll(List.of(categories));
        }

        long count(String key) {
            return counts.getOrDefault(key, 0L);
        }

        // ScheduleContext
        @Override
        public StackStrategy strategy() {
            return this;
        }

        @Override
        public StackContext stacks() {
            return this;
        }

        @Override
        public Counters counters() {
            return new Counters() {
                @Override
                public void add(String key, long delta) {
                    counts.merge(key, delta, Long::sum);
                }

                @Override
                public void max(String key, long value) {
                    counts.merge(key, value, Math::max);
                }

                @Override
                public long get(String key) {
                    return count(key);
                }
            };
        }

        @Override
        public Trace trace() {
            return new Trace() {
                @Override
                public boolean enabled(String category) {
                    return traced.contains(category);
                }

                @Override
                public void line(String category, String text) {
                    assertTrue(traced.contains(category), "a line written for a category that is off: " + text);
                    lines.add(text);
                }
            };
        }

        // StackContext: the schedule only passes it on to the strategy
        @Override
        public AddressSpace memory() {
            throw new UnsupportedOperationException("the schedule does not touch memory");
        }

        @Override
        public FrameWalker walker() {
            throw new UnsupportedOperationException("the schedule does not walk frames");
        }

        @Override
        public Config config() {
            return Config.defaults();
        }

        @Override
        public long initialStackBytes() {
            return 8192;
        }

        @Override
        public long maxStackBytes() {
            return 1_000_000_000L;
        }

        @Override
        public <T> T runState(Class<T> type, Supplier<T> create) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean stress(String mode) {
            return false;
        }

        @Override
        public RuntimeException overflow(GuestStack stack, OverflowEvent.Limit limit, long stackBytes,
                long frameBytes) {
            throw new UnsupportedOperationException();
        }

        // StackStrategy
        @Override
        public GuestStack newStack(StackContext ctx, int goroutineId) {
            assertSame(this, ctx);
            GuestStack s = new GuestStack(goroutineId, null);
            outstanding.add(s);
            newStackIds.add(goroutineId);
            return s;
        }

        @Override
        public long morestack(StackContext ctx, GuestStack stack, int frameWords) {
            throw new UnsupportedOperationException("the schedule never grows a stack");
        }

        @Override
        public void shrink(StackContext ctx, GuestStack stack) {
            throw new UnsupportedOperationException("the schedule never shrinks a stack");
        }

        @Override
        public void release(StackContext ctx, GuestStack stack) {
            assertSame(this, ctx);
            assertTrue(outstanding.remove(stack), "stack of goroutine " + stack.goroutineId() + " released twice");
            releasedIds.add(stack.goroutineId());
        }

        @Override
        public long reservedBytes(GuestStack stack) {
            return 8192;
        }
    }

    private static Schedule start(Fake f) {
        return new StackfulScheduler().start(f);
    }

    /** Spawns and queues, as core does for {@code go}. */
    private static Goroutine go(Schedule s) {
        Goroutine g = s.spawn();
        s.ready(g);
        return g;
    }

    @Test
    void countersStartAtZero() {
        Fake f = new Fake();
        start(f);
        for (String key : List.of("sched.goroutinesCreated", "sched.goroutinesPeak", "sched.switches")) {
            assertTrue(f.counts.containsKey(key), key + " is reported even for a run without goroutines");
            assertEquals(0, f.count(key), key);
        }
    }

    @Test
    void idsCountFromOneAndEachGoroutineGetsItsOwnStack() {
        Fake f = new Fake();
        Schedule s = start(f);
        Goroutine a = s.spawn();
        Goroutine b = s.spawn();
        Goroutine c = s.spawn();
        assertEquals(List.of(1, 2, 3), List.of(a.id(), b.id(), c.id()));
        assertEquals(List.of(1, 2, 3), f.newStackIds);
        assertEquals(1, a.stack().goroutineId());
        assertEquals(3, c.stack().goroutineId());
        assertTrue(f.outstanding.containsAll(List.of(a.stack(), b.stack(), c.stack())));
        assertEquals(Goroutine.Status.RUNNABLE, a.status(), "a new goroutine is not yet waiting");
        assertEquals(3, f.count("sched.goroutinesCreated"));
    }

    @Test
    void spawnDoesNotQueue() {
        Schedule s = start(new Fake());
        s.spawn();
        assertNull(s.next(), "core writes the entry frame, then queues it with ready");
    }

    @Test
    void runQueueIsFirstInFirstOut() {
        Schedule s = start(new Fake());
        Goroutine a = go(s);
        Goroutine b = go(s);
        Goroutine c = go(s);
        assertSame(a, s.next());
        assertSame(b, s.next());
        assertSame(c, s.next());
        assertNull(s.next());
    }

    @Test
    void goAppendsTheNewGoroutineAtTheTail() {
        Schedule s = start(new Fake());
        Goroutine main = go(s);
        assertSame(main, s.next());
        Goroutine a = go(s);
        Goroutine b = go(s);
        s.ready(main); // main yields (Gosched) after starting two
        Goroutine c = go(s);
        assertSame(a, s.next());
        assertSame(b, s.next());
        assertSame(main, s.next());
        assertSame(c, s.next());
    }

    @Test
    void aWokenGoroutineGoesBehindThoseAlreadyQueued() {
        Schedule s = start(new Fake());
        Goroutine main = go(s);
        Goroutine a = go(s);
        Goroutine b = go(s);
        assertSame(main, s.next());
        s.park(main, "chan receive");
        assertSame(a, s.next());
        s.ready(main); // a sends to main: main is woken, a keeps running
        s.ready(a); // then a yields
        assertSame(b, s.next());
        assertSame(main, s.next());
        assertSame(a, s.next());
    }

    @Test
    void statusesAndWaitReasons() {
        Schedule s = start(new Fake());
        Goroutine g = go(s);
        assertEquals(Goroutine.Status.RUNNABLE, g.status());
        assertSame(g, s.next());
        assertEquals(Goroutine.Status.RUNNING, g.status());
        assertEquals("", g.waitReason());
        s.park(g, "chan send (nil chan)");
        assertEquals(Goroutine.Status.WAITING, g.status());
        assertEquals("chan send (nil chan)", g.waitReason());
        assertEquals("goroutine 1 [chan send (nil chan)]", g.toString());
        s.ready(g);
        assertEquals(Goroutine.Status.RUNNABLE, g.status());
        assertEquals("", g.waitReason(), "the reason is kept only while waiting");
        assertSame(g, s.next());
        s.exit(g);
        assertEquals(Goroutine.Status.DEAD, g.status());
    }

    @Test
    void aParkedGoroutineIsNotRunnableUntilReady() {
        Schedule s = start(new Fake());
        Goroutine a = go(s);
        Goroutine b = go(s);
        assertSame(a, s.next());
        s.park(a, "chan receive");
        assertSame(b, s.next());
        s.park(b, "chan receive");
        assertNull(s.next(), "both parked: nothing runnable (core reports a deadlock)");
        assertEquals(List.of(a, b), List.copyOf(s.live()), "parked goroutines stay live");
        assertEquals("chan receive", a.waitReason());
    }

    @Test
    void switchesAreCountedOnlyWhenTheGoroutineChanges() {
        Fake f = new Fake();
        Schedule s = start(f);
        Goroutine a = go(s);
        assertSame(a, s.next());
        assertEquals(0, f.count("sched.switches"), "the first goroutine to run is no switch");
        s.ready(a);
        assertSame(a, s.next());
        assertEquals(0, f.count("sched.switches"), "a yield with nobody else runnable resumes the same goroutine");
        Goroutine b = go(s);
        s.ready(a);
        assertSame(b, s.next());
        assertEquals(1, f.count("sched.switches"));
        assertSame(a, s.next());
        assertEquals(2, f.count("sched.switches"));
        s.ready(a);
        assertSame(a, s.next());
        assertEquals(2, f.count("sched.switches"));
    }

    @Test
    void peakCountsLiveGoroutinesAtOnce() {
        Fake f = new Fake();
        Schedule s = start(f);
        Goroutine main = go(s);
        assertSame(main, s.next());
        List<Goroutine> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(go(s));
        }
        assertEquals(5, f.count("sched.goroutinesPeak"));
        for (Goroutine w : workers) {
            assertSame(w, s.next());
            s.exit(w);
        }
        go(s);
        go(s);
        assertEquals(5, f.count("sched.goroutinesPeak"), "three live now: the peak stays");
        assertEquals(7, f.count("sched.goroutinesCreated"));
    }

    @Test
    void exitReleasesTheStackOnceAndLeavesLive() {
        Fake f = new Fake();
        Schedule s = start(f);
        Goroutine a = go(s);
        Goroutine b = go(s);
        Goroutine c = go(s);
        assertSame(a, s.next());
        assertSame(b, s.next());
        s.exit(b);
        assertEquals(List.of(2), f.releasedIds);
        assertTrue(!f.outstanding.contains(b.stack()));
        assertEquals(List.of(a, c), List.copyOf(s.live()), "live keeps creation order");
        assertThrows(UnsupportedOperationException.class, () -> s.live().clear(), "live() is a read-only view");
        s.end();
        assertEquals(List.of(2, 1, 3), f.releasedIds, "end releases the rest, each once");
        assertTrue(f.outstanding.isEmpty());
        assertTrue(s.live().isEmpty());
        assertEquals(Goroutine.Status.DEAD, a.status());
        assertEquals(Goroutine.Status.DEAD, c.status());
        assertNull(s.next(), "nothing runs after the end");
    }

    @Test
    void endReleasesParkedAndQueuedGoroutines() {
        Fake f = new Fake();
        Schedule s = start(f);
        Goroutine a = go(s);
        go(s);
        assertSame(a, s.next());
        s.park(a, "chan receive");
        s.end();
        assertEquals(List.of(1, 2), f.releasedIds);
        assertTrue(f.outstanding.isEmpty());
    }

    @Test
    void noTraceUnlessSchedIsOn() {
        Fake f = new Fake("stack", "gc");
        Schedule s = start(f);
        Goroutine a = go(s);
        assertSame(a, s.next());
        Goroutine b = go(s);
        s.park(a, "chan receive");
        assertSame(b, s.next());
        s.exit(b);
        s.end();
        assertEquals(List.of(), f.lines);
    }

    @Test
    void traceNamesCreationsAndSwitchesWithWhyTheLastStopped() {
        Fake f = new Fake("sched");
        Schedule s = start(f);
        Goroutine main = go(s);
        assertSame(main, s.next());
        Goroutine b = go(s);
        s.park(main, "chan receive");
        assertSame(b, s.next());
        Goroutine c = go(s);
        s.ready(main);
        s.exit(b);
        assertSame(c, s.next());
        s.ready(c); // c yields
        assertSame(main, s.next());
        assertEquals(List.of(
                "sched: goroutine 2 created by goroutine 1",
                "sched: switch goroutine 1 (chan receive) -> goroutine 2",
                "sched: goroutine 3 created by goroutine 2",
                "sched: switch goroutine 2 (exited) -> goroutine 3",
                "sched: switch goroutine 3 (preempted) -> goroutine 1"), f.lines);
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Random runs: {@code op % 5} picks go (spawn and ready), wake a parked goroutine, run the
     * next, park the running one, or end the running one; the operand picks which parked one to
     * wake. The model is a plain queue of ids and a set of live ids in creation order.
     */
    @Test
    void runQueueMatchesAFifoModel() {
        qt().withExamples(400).forAll(lists().of(integers().between(0, 999)).ofSizeBetween(1, 300))
                .checkAssert(StackfulScheduleTest::replay);
    }

    private static void replay(List<Integer> ops) {
        Fake f = new Fake();
        Schedule s = start(f);
        ArrayDeque<Goroutine> queue = new ArrayDeque<>();
        LinkedHashSet<Goroutine> live = new LinkedHashSet<>();
        List<Goroutine> parked = new ArrayList<>();
        Goroutine running = null;
        Goroutine lastRun = null;
        long switches = 0;
        int created = 0;
        int peak = 0;
        for (int op : ops) {
            switch (op % 5) {
                case 0 -> {
                    Goroutine g = go(s);
                    created++;
                    assertEquals(created, g.id());
                    queue.addLast(g);
                    live.add(g);
                    peak = Math.max(peak, live.size());
                }
                case 1 -> {
                    if (!parked.isEmpty()) {
                        Goroutine g = parked.remove((op / 5) % parked.size());
                        s.ready(g);
                        queue.addLast(g);
                    }
                }
                case 2 -> {
                    if (running != null) {
                        s.ready(running); // a yield, so next() is always called on a stopped executor
                        queue.addLast(running);
                    }
                    Goroutine g = s.next();
                    Goroutine expected = queue.pollFirst();
                    assertSame(expected, g);
                    if (g != null) {
                        assertEquals(Goroutine.Status.RUNNING, g.status());
                        if (lastRun != null && lastRun != g) {
                            switches++;
                        }
                        lastRun = g;
                    }
                    running = g;
                }
                case 3 -> {
                    if (running != null) {
                        String reason = (op & 1) == 0 ? "chan receive" : "chan send";
                        s.park(running, reason);
                        assertEquals(reason, running.waitReason());
                        parked.add(running);
                        running = null;
                    }
                }
                default -> {
                    if (running != null) {
                        s.exit(running);
                        live.remove(running);
                        assertEquals(Goroutine.Status.DEAD, running.status());
                        running = null;
                    }
                }
            }
            assertEquals(List.copyOf(live), List.copyOf(s.live()));
            for (Goroutine g : queue) {
                assertEquals(Goroutine.Status.RUNNABLE, g.status());
            }
            for (Goroutine g : parked) {
                assertEquals(Goroutine.Status.WAITING, g.status());
            }
        }
        assertEquals(created, f.count("sched.goroutinesCreated"));
        assertEquals(peak, f.count("sched.goroutinesPeak"));
        assertEquals(switches, f.count("sched.switches"));
        assertEquals(created - live.size(), f.releasedIds.size(), "one release per ended goroutine");
        s.end();
        assertEquals(created, f.releasedIds.size());
        assertTrue(f.outstanding.isEmpty());
        assertNotNull(s.live());
        assertTrue(s.live().isEmpty());
    }
}
