package org.cairnvm.core.walk;

import static org.cairnvm.core.walk.HandStacks.call;
import static org.cairnvm.core.walk.HandStacks.ret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cairnvm.core.code.FunctionCode;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.memory.Heap;
import org.cairnvm.spi.Frame;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.StackStrategy;
import org.junit.jupiter.api.Test;

/**
 * Random frame chains under random calls, returns and shrinks, with and without the
 * {@code stack-move} stress mode: after every step each pointer slot still names the same logical
 * word (its frame's or an outer frame's local, or a heap object), whatever moved.
 */
class RelocationPropertyTest {
    /** What a slot of a generated function holds. */
    sealed interface Slot {
    }

    /** A scalar that happens never to be an address. */
    record Scalar(long value) implements Slot {
    }

    /** nil, in a pointer slot. */
    record Nil() implements Slot {
    }

    /** A pointer to the marker word of the frame {@code up} levels out (0: this frame). */
    record StackPointer(int up) implements Slot {
    }

    /** A pointer to heap object {@code object}. */
    record HeapPointer(int object) implements Slot {
    }

    /** The function called at depth {@code depth}; its last slot holds the frame's marker. */
    record Plan(FunctionCode code, Slot[] slots) {
    }

    private static final int HEAP_OBJECTS = 8;

    private static long marker(int depth) {
        return -7 - 3L * depth; // negative: never an address
    }

    private static List<Plan> plans(Random r, int depth) {
        List<Plan> plans = new ArrayList<>();
        for (int d = 0; d < depth; d++) {
            int words = 3 + r.nextInt(r.nextInt(8) == 0 ? 300 : 30);
            Slot[] slots = new Slot[words];
            List<Integer> pointerSlots = new ArrayList<>();
            for (int s = 2; s < words - 1; s++) {
                slots[s] = switch (r.nextInt(4)) {
                    case 0 -> new Scalar(r.nextInt(1000));
                    case 1 -> new Nil();
                    case 2 -> new StackPointer(r.nextInt(Math.min(d, 4) + 1));
                    default -> new HeapPointer(r.nextInt(HEAP_OBJECTS));
                };
                if (!(slots[s] instanceof Scalar)) {
                    pointerSlots.add(s);
                }
            }
            int[] map = pointerSlots.stream().mapToInt(Integer::intValue).toArray();
            plans.add(new Plan(HandStacks.function(d, "main.f" + d, words, map), slots));
        }
        return plans;
    }

    @Test
    void everyPointerKeepsNamingTheSameWordThroughAnyNumberOfMoves() {
        qt().withExamples(60).forAll(longs().all(), integers().between(1, 120), booleans().all())
                .checkAssert((seed, maxDepth, stress) -> run(new Random(seed), maxDepth, stress));
    }

    private void run(Random r, int maxDepth, boolean stress) {
        List<Plan> plans = plans(r, maxDepth);
        Image image = HandStacks.image(plans.stream().map(Plan::code).toList());
        HandStacks.Context ctx = new HandStacks.Context(image, 8L << r.nextInt(9), 1L << 30);
        ctx.stackMove = stress;
        StackStrategy copying = HandStacks.copying();
        Heap heap = new Heap(ctx.memory, 1 << 20);
        long[] objects = new long[HEAP_OBJECTS];
        for (int i = 0; i < objects.length; i++) {
            objects[i] = heap.allocate(1, 1);
            ctx.memory.store(objects[i], 100 + i);
        }
        GuestStack stack = copying.newStack(ctx, 1);
        int depth = 0;
        for (int step = 0; step < 300; step++) {
            int op = r.nextInt(10);
            if (depth == 0 || (op < 6 && depth < maxDepth)) {
                push(copying, ctx, stack, plans.get(depth), depth, objects);
                depth++;
            } else if (op < 9 && depth > 1) {
                ret(stack, ctx.memory);
                depth--;
            } else {
                copying.shrink(ctx, stack);
            }
            check(ctx, stack, plans, depth, objects);
        }
        copying.release(ctx, stack);
        assertEquals(1, ctx.memory.regionCount(), "only the heap is left");
    }

    private static void push(StackStrategy copying, HandStacks.Context ctx, GuestStack stack, Plan plan, int depth,
                             long[] objects) {
        call(copying, ctx, stack, plan.code());
        List<Long> fps = fps(ctx, stack);
        long fp = stack.fp;
        Slot[] slots = plan.slots();
        ctx.memory.store(fp + 8L * (slots.length - 1), marker(depth));
        for (int s = 2; s < slots.length - 1; s++) {
            ctx.memory.store(fp + 8L * s, switch (slots[s]) {
                case Scalar sc -> sc.value();
                case Nil n -> 0L;
                case HeapPointer h -> objects[h.object()];
                case StackPointer p -> {
                    int target = Math.min(p.up(), depth);
                    yield fps.get(target) + 8L * (frameWords(ctx, stack, fps.get(target)) - 1);
                }
            });
        }
    }

    /** Frame pointers, innermost first. */
    private static List<Long> fps(HandStacks.Context ctx, GuestStack stack) {
        List<Long> fps = new ArrayList<>();
        ctx.walker.walk(stack, f -> fps.add(f.fp()));
        return fps;
    }

    private static int frameWords(HandStacks.Context ctx, GuestStack stack, long fp) {
        int[] words = {0};
        ctx.walker.walk(stack, f -> {
            if (f.fp() == fp) {
                words[0] = f.frameWords();
                return false;
            }
            return true;
        });
        return words[0];
    }

    private static void check(HandStacks.Context ctx, GuestStack stack, List<Plan> plans, int depth, long[] objects) {
        List<Frame> frames = new ArrayList<>();
        ctx.walker.walk(stack, frames::add);
        assertEquals(depth, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            int d = depth - 1 - i;
            Slot[] slots = plans.get(d).slots();
            assertEquals(d, f.functionIndex());
            assertEquals(i == frames.size() - 1 ? 0 : frames.get(i + 1).fp(), ctx.memory.load(f.fp()));
            assertEquals(marker(d), ctx.memory.load(f.fp() + 8L * (slots.length - 1)));
            for (int s = 2; s < slots.length - 1; s++) {
                long v = ctx.memory.load(f.fp() + 8L * s);
                switch (slots[s]) {
                    case Scalar sc -> assertEquals(sc.value(), v);
                    case Nil n -> assertEquals(0, v);
                    case HeapPointer h -> assertEquals(objects[h.object()], v);
                    case StackPointer p -> {
                        int target = Math.min(p.up(), d);
                        Frame t = frames.get(i + target);
                        assertEquals(t.fp() + 8L * (t.frameWords() - 1), v, "pointer from depth " + d + " slot " + s);
                        assertEquals(marker(d - target), ctx.memory.load(v));
                    }
                }
            }
        }
    }
}
