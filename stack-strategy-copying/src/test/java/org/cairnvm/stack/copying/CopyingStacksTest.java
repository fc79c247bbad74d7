package org.cairnvm.stack.copying;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.OverflowEvent;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.RegionKind;
import org.cairnvm.spi.StackStrategy;
import org.cairnvm.spi.VmPlugin;
import org.junit.jupiter.api.Test;

class CopyingStacksTest {
    /** Function 0: the entry frame, 4 words, slot 2 points at its own slot 3. Function 1: 6 words, slot 2 points at the caller's slot 3 (or 5), slot 3 at its own slot 5. */
    private static final int[] FRAME_WORDS = {4, 6};
    private static final int[][] POINTER_SLOTS = {{2}, {2, 3}};

    private final StackStrategy copying = new CopyingStacks();

    private ToyRun run(long initial, long max) {
        return new ToyRun(FRAME_WORDS, POINTER_SLOTS, initial, max);
    }

    private void push(ToyRun run, GuestStack stack, int depth) {
        long fp = run.call(copying, stack, depth == 0 ? 0 : 1);
        if (depth == 0) {
            run.store(fp + 24, -1);
            run.store(fp + 16, fp + 24);
        } else {
            long caller = run.load(fp);
            run.store(fp + 16, caller + (depth == 1 ? 24 : 40));
            run.store(fp + 40, -1 - depth);
            run.store(fp + 24, fp + 40);
        }
    }

    private void check(ToyRun run, GuestStack stack, int depth) {
        long fp = stack.fp;
        for (int d = depth; d >= 1; d--) {
            long caller = run.load(fp);
            assertEquals(-1 - d, run.load(run.load(fp + 24)), "own local at depth " + d);
            assertEquals(d == 1 ? -1 : -d, run.load(run.load(fp + 16)), "caller's local at depth " + d);
            fp = caller;
        }
        assertEquals(stack.segment.top() - 32, fp);
        assertEquals(-1, run.load(run.load(fp + 16)));
    }

    @Test
    void thePluginIsDeclaredAsAServiceAndBindsTheStrategyAsASingleton() throws IOException {
        // Read the declarations rather than call ServiceLoader: on the module path these tests run
        // inside org.cairnvm.stack.copying, which provides VmPlugin but does not use it.
        ModuleDescriptor descriptor = CopyingPlugin.class.getModule().getDescriptor();
        if (descriptor != null) {
            assertTrue(descriptor.provides().stream().anyMatch(p -> p.service().equals(VmPlugin.class.getName())
                    && p.providers().equals(List.of(CopyingPlugin.class.getName()))));
        }
        String services = "META-INF/services/" + VmPlugin.class.getName();
        boolean listed = false;
        for (URL url : Collections.list(CopyingPlugin.class.getClassLoader().getResources(services))) {
            try (InputStream in = url.openStream()) {
                listed |= new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .anyMatch(l -> l.trim().equals(CopyingPlugin.class.getName()));
            }
        }
        assertTrue(listed, "listed in " + services);

        VmPlugin plugin = new CopyingPlugin();
        assertEquals(PluginKind.STACK, plugin.kind());
        assertEquals("copying", plugin.name());
        Injector injector = Guice.createInjector(plugin.module());
        assertInstanceOf(CopyingStacks.class, injector.getInstance(StackStrategy.class));
        assertSame(injector.getInstance(StackStrategy.class), injector.getInstance(StackStrategy.class));
    }

    @Test
    void aNewStackIsStackInitialBytesWithTheGuardAtTheBottom() {
        ToyRun run = run(2048, 1 << 20);
        GuestStack stack = copying.newStack(run, 7);
        assertEquals(7, stack.goroutineId());
        assertEquals(2048, stack.segment.bytes());
        assertEquals(CopyingStacks.GUARD_SLACK_WORDS, stack.segment.guard);
        assertEquals(RegionKind.STACK, stack.segment.region.kind());
        assertEquals(0, stack.fp);
        assertEquals(2048, run.get("stack.peakBytes"));
        assertEquals(4096, copying.reservedBytes(stack));
    }

    @Test
    void growthCopiesToTheTopAndRelocatesFramePointersAndMappedSlots() {
        ToyRun run = run(256, 1 << 20);
        run.tracing = true;
        GuestStack stack = copying.newStack(run, 1);
        for (int d = 0; d <= 40; d++) {
            push(run, stack, d);
            check(run, stack, d);
        }
        assertEquals(2048, stack.segment.bytes(), "32 words doubled until 4 + 40 * 6 fit");
        assertEquals(3, run.get("stack.growths"));
        assertEquals(1, run.regions.size(), "old regions were released");
        assertTrue(run.get("stack.wordsCopied") <= stack.segment.words.length);
        assertEquals("stack: goroutine 1 grew 256 -> 512 bytes: copied 28 words, adjusted 9 pointers (main.f1 at prog.go:10)",
                run.lines.getFirst());
    }

    @Test
    void theMaximumIsEnforcedAsGoDoes() {
        ToyRun run = run(256, 1024);
        GuestStack stack = copying.newStack(run, 1);
        int pushed = 0;
        while (run.overflows.isEmpty()) {
            try {
                push(run, stack, pushed);
                pushed++;
            } catch (IllegalStateException expected) {
                assertEquals("overflow", expected.getMessage());
            }
        }
        assertEquals(21, pushed, "4 + 20 * 6 words fit in 1 KiB; doubling to 2 KiB would pass the maximum");
        OverflowEvent e = run.overflows.getFirst();
        assertEquals(OverflowEvent.Limit.MAX_STACK, e.limit());
        assertEquals(1024, e.stackBytes());
        assertEquals(48, e.frameBytes());
        check(run, stack, pushed - 1);
    }

    @Test
    void shrinkHalvesUnderAQuarterAndStressMovesAtEveryCall() {
        ToyRun run = run(256, 1 << 20);
        run.stackMove = true;
        GuestStack stack = copying.newStack(run, 1);
        for (int d = 0; d <= 40; d++) {
            push(run, stack, d);
            check(run, stack, d);
            assertEquals(stack.segment.words.length, stack.segment.guard);
        }
        for (int d = 40; d > 2; d--) {
            run.ret(stack);
        }
        copying.shrink(run, stack);
        copying.shrink(run, stack);
        copying.shrink(run, stack);
        assertEquals(512, stack.segment.bytes(), "16 used words: shrinks while under a quarter");
        assertEquals(2, run.get("stack.shrinks"), "2048 -> 1024 -> 512, then 16 words are a quarter");
        assertEquals(stack.segment.words.length, stack.segment.guard, "the forced guard survives a shrink");
        check(run, stack, 2);
        copying.release(run, stack);
        copying.release(run, stack);
        assertEquals(0, run.regions.size());
        assertThrows(IllegalStateException.class, () -> run.load(stack.segment.base));
    }
}
