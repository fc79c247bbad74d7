package org.cairnvm.core.chan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.cairnvm.core.code.ChanObject;
import org.cairnvm.core.memory.GuestMemory;
import org.cairnvm.spi.Goroutine;
import org.cairnvm.spi.GuestStack;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.RegionKind;
import org.cairnvm.spi.Schedule;
import org.cairnvm.spi.StackSegment;
import org.junit.jupiter.api.Test;

/**
 * {@link Channels} on its own: channel objects written into a real {@link GuestMemory}, goroutines
 * whose top frames are real stack regions of it, and a schedule that only records what it is
 * told. Expected behaviour is Go's ({@code runtime/chan.go}) with the VM's deterministic order:
 * waiters are served first in, first out.
 */
class ChannelsTest {
    /** Words of each test goroutine's top frame: header, then slots 2.. as the tests use them. */
    private static final int FRAME_WORDS = 16;
    /** Where a goroutine keeps the value it sends. */
    private static final int VALUE = 4;
    /** Where a receive puts the value. */
    private static final int DEST = 8;
    /** Where a two-value receive puts ok. */
    private static final int OK = 12;
    /** A word no channel operation writes: the destination's contents before a receive, to see it overwritten. */
    private static final long GARBAGE = 0x5eed_dead_beefL;
    /** Layout id written into test headers; Channels never reads headers, the collector would. */
    private static final int LAYOUT = 3;

    /** A schedule that records {@code park} and {@code ready}, keeping the statuses as a real one would. */
    private static final class Recorder implements Schedule {
        final List<String> events = new ArrayList<>();

        @Override
        public Goroutine spawn() {
            throw new UnsupportedOperationException("channels never create goroutines");
        }

        @Override
        public void ready(Goroutine g) {
            g.status(Goroutine.Status.RUNNABLE, "");
            events.add("ready " + g.id());
        }

        @Override
        public Goroutine next() {
            throw new UnsupportedOperationException("channels never pick what runs");
        }

        @Override
        public void park(Goroutine g, String reason) {
            g.status(Goroutine.Status.WAITING, reason);
            events.add("park " + g.id() + " " + reason);
        }

        @Override
        public void exit(Goroutine g) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Collection<Goroutine> live() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void end() {
        }

        /** The events since the last call. */
        List<String> take() {
            List<String> out = List.copyOf(events);
            events.clear();
            return out;
        }
    }

    /** One run's memory, heap region, channel table and goroutines. */
    private static final class World {
        final GuestMemory memory = new GuestMemory();
        final Recorder schedule = new Recorder();
        final Channels channels = new Channels(memory, schedule);
        final Region heap = memory.reserve(1 << 20, RegionKind.HEAP, "heap");
        long heapNext = heap.base();
        int ids;

        /** A zeroed object's payload address, header written as the heap writes it. */
        long allocate(long payloadWords) {
            memory.store(heapNext, ((long) LAYOUT << 32) | payloadWords);
            long payload = heapNext + 8;
            heapNext = payload + 8 * payloadWords;
            return payload;
        }

        /** {@code make(chan T, cap)} with {@code T} of {@code elemWords} words, as the interpreter lays it out. */
        long makeChan(long cap, int elemWords) {
            long ch = allocate(ChanObject.WORDS);
            long buf = cap == 0 ? 0 : allocate(cap * elemWords);
            memory.store(ch + 8L * ChanObject.BUF, buf);
            memory.store(ch + 8L * ChanObject.CAP, cap);
            memory.store(ch + 8L * ChanObject.ELEM_WORDS, elemWords);
            return ch;
        }

        long field(long ch, int field) {
            return memory.load(ch + 8L * field);
        }

        /** A goroutine stopped in its entry frame, at the top of a stack region of its own. */
        Goroutine goroutine() {
            int id = ++ids;
            Region r = memory.reserve(4096, RegionKind.STACK, "stack " + id);
            GuestStack s = new GuestStack(id, new StackSegment(r, 0));
            s.fp = r.limit() - 8L * FRAME_WORDS;
            Goroutine g = new Goroutine(id, s);
            g.status(Goroutine.Status.RUNNING, "");
            for (int slot = 2; slot < FRAME_WORDS; slot++) {
                set(g, slot, GARBAGE);
            }
            return g;
        }

        void set(Goroutine g, int slot, long... words) {
            for (int i = 0; i < words.length; i++) {
                memory.store(g.stack().fp + 8L * (slot + i), words[i]);
            }
        }

        long get(Goroutine g, int slot) {
            return memory.load(g.stack().fp + 8L * slot);
        }

        long[] get(Goroutine g, int slot, int words) {
            long[] out = new long[words];
            for (int i = 0; i < words; i++) {
                out[i] = get(g, slot + i);
            }
            return out;
        }

        boolean send(Goroutine g, long ch, long... value) {
            set(g, VALUE, value);
            return channels.send(g, ch, VALUE, value.length);
        }

        boolean receive(Goroutine g, long ch, int words) {
            return channels.receive(g, ch, DEST, -1, words);
        }

        boolean receiveOk(Goroutine g, long ch, int words) {
            return channels.receive(g, ch, DEST, OK, words);
        }

        /**
         * The buffered elements, oldest first, read through the ring's head and count: each
         * element's first word, the others checked to be those {@link #valueOf} gives it.
         */
        List<Long> buffered(long ch) {
            List<Long> out = new ArrayList<>();
            long cap = field(ch, ChanObject.CAP);
            long head = field(ch, ChanObject.HEAD);
            long buf = field(ch, ChanObject.BUF);
            int words = (int) field(ch, ChanObject.ELEM_WORDS);
            for (long i = 0; i < field(ch, ChanObject.COUNT); i++) {
                long at = buf + 8L * words * ((head + i) % cap);
                long first = memory.load(at);
                for (int k = 1; k < words; k++) {
                    assertEquals(valueOf(first, words)[k], memory.load(at + 8L * k), "word " + k + " of element " + i);
                }
                out.add(first);
            }
            return out;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Unbuffered

    @Test
    void unbufferedReceiverParkedFirst() {
        World w = new World();
        long ch = w.makeChan(0, 1);
        Goroutine r = w.goroutine();
        Goroutine s = w.goroutine();
        assertFalse(w.receiveOk(r, ch, 1));
        assertEquals(List.of("park 1 chan receive"), w.schedule.take());
        assertEquals(0, w.get(r, DEST), "a parked receiver's destination is zeroed (it is in its stack map)");
        assertEquals(0, w.get(r, OK));
        assertNotEquals(0, w.field(ch, ChanObject.WAITERS));
        assertTrue(w.send(s, ch, 42));
        assertEquals(List.of("ready 1"), w.schedule.take(), "the sender goes on; the receiver is woken");
        assertEquals(42, w.get(r, DEST));
        assertEquals(1, w.get(r, OK));
        assertEquals(0, w.field(ch, ChanObject.WAITERS), "nobody waits: the handle is given back");
        assertEquals(0, w.field(ch, ChanObject.COUNT));
        assertFalse(w.channels.wokenByClose(r));
    }

    @Test
    void unbufferedSenderParkedFirst() {
        World w = new World();
        long ch = w.makeChan(0, 1);
        Goroutine s = w.goroutine();
        Goroutine r = w.goroutine();
        assertFalse(w.send(s, ch, 7));
        assertEquals(List.of("park 1 chan send"), w.schedule.take());
        assertEquals(Goroutine.Status.WAITING, s.status());
        assertEquals("chan send", s.waitReason());
        assertTrue(w.receiveOk(r, ch, 1));
        assertEquals(List.of("ready 1"), w.schedule.take());
        assertEquals(7, w.get(r, DEST));
        assertEquals(1, w.get(r, OK));
        assertEquals(0, w.field(ch, ChanObject.WAITERS));
        assertFalse(w.channels.wokenByClose(s), "a sender woken by a receiver does not panic");
    }

    @Test
    void unbufferedWaitersAreServedInArrivalOrder() {
        World w = new World();
        long ch = w.makeChan(0, 1);
        Goroutine a = w.goroutine();
        Goroutine b = w.goroutine();
        Goroutine c = w.goroutine();
        Goroutine r = w.goroutine();
        assertFalse(w.send(a, ch, 1));
        assertFalse(w.send(b, ch, 2));
        assertFalse(w.send(c, ch, 3));
        w.schedule.take();
        for (int expected = 1; expected <= 3; expected++) {
            assertTrue(w.receive(r, ch, 1));
            assertEquals(expected, w.get(r, DEST));
            assertEquals(List.of("ready " + expected), w.schedule.take());
        }
        assertEquals(0, w.field(ch, ChanObject.WAITERS));
        assertFalse(w.receive(r, ch, 1), "the queue is empty again: the receiver parks");
    }

    @Test
    void theSendersValueIsReadFromItsFrameWhenTaken() {
        // The value stays in the sender's frame, named by slot: a stack that moved while parked
        // (a copying strategy's shrink) is read at its new place.
        World w = new World();
        long ch = w.makeChan(0, 1);
        Goroutine s = w.goroutine();
        Goroutine r = w.goroutine();
        assertFalse(w.send(s, ch, 99));
        long oldFp = s.stack().fp;
        Region moved = w.memory.reserve(4096, RegionKind.STACK, "moved");
        s.stack().fp = moved.limit() - 8L * FRAME_WORDS;
        for (int slot = 0; slot < FRAME_WORDS; slot++) {
            w.memory.store(s.stack().fp + 8L * slot, w.memory.load(oldFp + 8L * slot));
        }
        w.memory.store(oldFp + 8L * VALUE, GARBAGE);
        assertTrue(w.receive(r, ch, 1));
        assertEquals(99, w.get(r, DEST));
    }

    // ---------------------------------------------------------------------------------------------
    // Buffered

    @Test
    void bufferedIsFirstInFirstOutAndWrapsAround() {
        World w = new World();
        long ch = w.makeChan(3, 1);
        Goroutine g = w.goroutine();
        List<Long> received = new ArrayList<>();
        long next = 1;
        // Fill, drain two, refill past the end of the ring, drain all: the ring wraps twice.
        for (int[] phase : new int[][] {{3, 2}, {2, 3}, {3, 1}, {1, 3}}) {
            for (int i = 0; i < phase[0]; i++) {
                assertTrue(w.send(g, ch, next++));
            }
            for (int i = 0; i < phase[1]; i++) {
                assertTrue(w.receive(g, ch, 1));
                received.add(w.get(g, DEST));
            }
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), received);
        assertEquals(List.of(), w.schedule.take(), "nothing ever blocked");
        assertEquals(0, w.channels.length(ch));
        assertEquals(3, w.channels.capacity(ch));
        assertEquals(0, w.field(ch, ChanObject.WAITERS));
    }

    @Test
    void lenAndCapFollowTheBuffer() {
        World w = new World();
        long ch = w.makeChan(4, 1);
        Goroutine g = w.goroutine();
        assertEquals(0, w.channels.length(ch));
        w.send(g, ch, 10);
        w.send(g, ch, 11);
        assertEquals(2, w.channels.length(ch));
        assertEquals(4, w.channels.capacity(ch));
        w.receive(g, ch, 1);
        assertEquals(1, w.channels.length(ch));
        long unbuffered = w.makeChan(0, 1);
        assertEquals(0, w.channels.length(unbuffered));
        assertEquals(0, w.channels.capacity(unbuffered));
        assertEquals(0, w.channels.length(0), "len of a nil channel is 0");
        assertEquals(0, w.channels.capacity(0), "cap of a nil channel is 0");
    }

    @Test
    void aReceivedSlotIsClearedInTheBuffer() {
        // The buffer must not keep alive what it no longer holds.
        World w = new World();
        long ch = w.makeChan(2, 1);
        Goroutine g = w.goroutine();
        w.send(g, ch, 0x1234);
        long buf = w.field(ch, ChanObject.BUF);
        assertEquals(0x1234, w.memory.load(buf));
        w.receive(g, ch, 1);
        assertEquals(0, w.memory.load(buf));
    }

    @Test
    void aSenderParkedOnAFullBufferMovesItsValueInWhenTheHeadIsTaken() {
        World w = new World();
        long ch = w.makeChan(2, 1);
        Goroutine s = w.goroutine();
        Goroutine t = w.goroutine();
        Goroutine r = w.goroutine();
        assertTrue(w.send(s, ch, 1));
        assertTrue(w.send(s, ch, 2));
        assertFalse(w.send(s, ch, 3));
        assertFalse(w.send(t, ch, 4));
        assertEquals(List.of("park 1 chan send", "park 2 chan send"), w.schedule.take());
        assertTrue(w.receive(r, ch, 1));
        assertEquals(1, w.get(r, DEST), "the receiver gets the oldest buffered value, not the sender's");
        assertEquals(List.of("ready 1"), w.schedule.take());
        assertEquals(List.of(2L, 3L), w.buffered(ch), "the sender's value took the freed place at the tail");
        assertEquals(2, w.channels.length(ch), "still full");
        assertNotEquals(0, w.field(ch, ChanObject.WAITERS), "goroutine 2 still waits");
        assertTrue(w.receive(r, ch, 1));
        assertEquals(2, w.get(r, DEST));
        assertEquals(List.of("ready 2"), w.schedule.take());
        assertEquals(List.of(3L, 4L), w.buffered(ch));
        assertEquals(0, w.field(ch, ChanObject.WAITERS));
        for (long expected = 3; expected <= 4; expected++) {
            assertTrue(w.receive(r, ch, 1));
            assertEquals(expected, w.get(r, DEST));
        }
        assertFalse(w.receive(r, ch, 1));
        assertEquals(List.of("park 3 chan receive"), w.schedule.take());
    }

    @Test
    void aSendToAParkedReceiverBypassesTheBuffer() {
        World w = new World();
        long ch = w.makeChan(2, 1);
        Goroutine r = w.goroutine();
        Goroutine s = w.goroutine();
        assertFalse(w.receive(r, ch, 1));
        assertTrue(w.send(s, ch, 5));
        assertEquals(5, w.get(r, DEST));
        assertEquals(0, w.channels.length(ch));
    }

    // ---------------------------------------------------------------------------------------------
    // Close

    @Test
    void closeWakesReceiversWithZeroAndNotOk() {
        World w = new World();
        long ch = w.makeChan(0, 2);
        Goroutine a = w.goroutine();
        Goroutine b = w.goroutine();
        assertFalse(w.receiveOk(a, ch, 2));
        assertFalse(w.receive(b, ch, 2));
        w.schedule.take();
        w.channels.close(ch);
        assertEquals(List.of("ready 1", "ready 2"), w.schedule.take());
        assertArrayEquals(new long[] {0, 0}, w.get(a, DEST, 2));
        assertEquals(0, w.get(a, OK));
        assertArrayEquals(new long[] {0, 0}, w.get(b, DEST, 2));
        assertEquals(GARBAGE, w.get(b, OK), "a one-value receive writes no ok");
        assertFalse(w.channels.wokenByClose(a), "receivers woken by close do not panic");
        assertFalse(w.channels.wokenByClose(b));
        assertEquals(1, w.field(ch, ChanObject.CLOSED));
        assertEquals(0, w.field(ch, ChanObject.WAITERS));
    }

    @Test
    void closeMarksParkedSendersToPanic() {
        World w = new World();
        long ch = w.makeChan(1, 1);
        Goroutine a = w.goroutine();
        Goroutine b = w.goroutine();
        Goroutine closer = w.goroutine();
        assertTrue(w.send(a, ch, 1));
        assertFalse(w.send(a, ch, 2));
        assertFalse(w.send(b, ch, 3));
        w.schedule.take();
        w.channels.close(ch);
        assertEquals(List.of("ready 1", "ready 2"), w.schedule.take());
        assertTrue(w.channels.wokenByClose(a));
        assertFalse(w.channels.wokenByClose(a), "the mark is cleared once seen");
        assertTrue(w.channels.wokenByClose(b));
        assertFalse(w.channels.wokenByClose(closer));
        assertEquals(0, w.field(ch, ChanObject.WAITERS));
        // What was buffered before the close is still received, then zero and not ok.
        assertTrue(w.receiveOk(closer, ch, 1));
        assertEquals(1, w.get(closer, DEST));
        assertEquals(1, w.get(closer, OK));
        assertTrue(w.receiveOk(closer, ch, 1));
        assertEquals(0, w.get(closer, DEST));
        assertEquals(0, w.get(closer, OK));
        assertEquals(List.of(), w.schedule.take());
    }

    @Test
    void receiveFromAClosedChannelDrainsThenYieldsZero() {
        World w = new World();
        long ch = w.makeChan(3, 1);
        Goroutine g = w.goroutine();
        w.send(g, ch, 8);
        w.send(g, ch, 9);
        w.channels.close(ch);
        assertEquals(2, w.channels.length(ch), "close keeps what is buffered");
        for (long expected : new long[] {8, 9, 0, 0}) {
            w.set(g, DEST, GARBAGE);
            assertTrue(w.receiveOk(g, ch, 1), "a receive from a closed channel never blocks");
            assertEquals(expected, w.get(g, DEST));
            assertEquals(expected != 0 ? 1 : 0, w.get(g, OK));
        }
        assertEquals(List.of(), w.schedule.take());
    }

    @Test
    void sendOnClosedChannelPanics() {
        World w = new World();
        long ch = w.makeChan(2, 1);
        Goroutine g = w.goroutine();
        w.channels.close(ch);
        ChanPanic p = assertThrows(ChanPanic.class, () -> w.send(g, ch, 1));
        assertEquals("send on closed channel", p.getMessage());
        assertEquals(0, w.channels.length(ch), "nothing was buffered");
    }

    @Test
    void closeOfClosedChannelPanics() {
        World w = new World();
        long ch = w.makeChan(0, 1);
        w.channels.close(ch);
        ChanPanic p = assertThrows(ChanPanic.class, () -> w.channels.close(ch));
        assertEquals("close of closed channel", p.getMessage());
    }

    @Test
    void closeOfNilChannelPanics() {
        World w = new World();
        ChanPanic p = assertThrows(ChanPanic.class, () -> w.channels.close(0));
        assertEquals("close of nil channel", p.getMessage());
    }

    // ---------------------------------------------------------------------------------------------
    // Nil channels, handles, element sizes

    @Test
    void nilChannelOperationsParkForever() {
        World w = new World();
        Goroutine s = w.goroutine();
        Goroutine r = w.goroutine();
        assertFalse(w.send(s, 0, 1));
        assertFalse(w.receiveOk(r, 0, 1));
        assertEquals(List.of("park 1 chan send (nil chan)", "park 2 chan receive (nil chan)"), w.schedule.take());
        assertEquals("chan send (nil chan)", s.waitReason());
        assertEquals("chan receive (nil chan)", r.waitReason());
        assertEquals(0, w.get(r, DEST), "the parked receiver's destination is zeroed");
        assertEquals(0, w.get(r, OK));
        assertEquals(Channels.SEND_NIL_REASON, s.waitReason());
        assertEquals(Channels.RECEIVE_NIL_REASON, r.waitReason());
    }

    @Test
    void waitersHandlesReturnToZeroAndAreReused() {
        World w = new World();
        long a = w.makeChan(0, 1);
        long b = w.makeChan(0, 1);
        long c = w.makeChan(0, 1);
        Goroutine g1 = w.goroutine();
        Goroutine g2 = w.goroutine();
        Goroutine g3 = w.goroutine();
        Goroutine g4 = w.goroutine();
        assertEquals(0, w.field(a, ChanObject.WAITERS), "no waiter yet: no handle");
        assertFalse(w.receive(g1, a, 1));
        assertFalse(w.receive(g2, b, 1));
        long ha = w.field(a, ChanObject.WAITERS);
        long hb = w.field(b, ChanObject.WAITERS);
        assertTrue(ha > 0 && hb > 0 && ha != hb, "each channel with waiters has its own handle");
        assertTrue(w.send(g3, a, 1));
        assertEquals(0, w.field(a, ChanObject.WAITERS));
        assertEquals(hb, w.field(b, ChanObject.WAITERS), "the other channel's handle is untouched");
        assertFalse(w.receive(g4, c, 1));
        assertEquals(ha, w.field(c, ChanObject.WAITERS), "a freed handle is reused");
        // Waiters from both sides never coexist, but a second waiter of the same side shares the handle.
        assertFalse(w.receive(g3, c, 1));
        assertEquals(ha, w.field(c, ChanObject.WAITERS));
        w.channels.close(c);
        assertEquals(0, w.field(c, ChanObject.WAITERS));
        assertTrue(w.send(g1, b, 2));
        assertEquals(0, w.field(b, ChanObject.WAITERS));
        long d = w.makeChan(0, 1);
        assertFalse(w.send(g1, d, 3));
        long hd = w.field(d, ChanObject.WAITERS);
        assertTrue(hd == ha || hd == hb, "handles stay small: " + hd);
    }

    @Test
    void multiWordElementsTravelWhole() {
        World w = new World();
        long unbuffered = w.makeChan(0, 3);
        Goroutine s = w.goroutine();
        Goroutine r = w.goroutine();
        assertFalse(w.send(s, unbuffered, 11, 12, 13));
        assertTrue(w.receive(r, unbuffered, 3));
        assertArrayEquals(new long[] {11, 12, 13}, w.get(r, DEST, 3));

        long buffered = w.makeChan(2, 3);
        assertTrue(w.send(s, buffered, 1, 2, 3));
        assertTrue(w.send(s, buffered, 4, 5, 6));
        assertFalse(w.send(s, buffered, 7, 8, 9));
        assertTrue(w.receive(r, buffered, 3));
        assertArrayEquals(new long[] {1, 2, 3}, w.get(r, DEST, 3));
        long buf = w.field(buffered, ChanObject.BUF);
        long[] ring = new long[6];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = w.memory.load(buf + 8L * i);
        }
        assertArrayEquals(new long[] {7, 8, 9, 4, 5, 6}, ring, "the parked sender's three words fill the freed element");
        assertTrue(w.receive(r, buffered, 3));
        assertArrayEquals(new long[] {4, 5, 6}, w.get(r, DEST, 3));
        assertTrue(w.receive(r, buffered, 3));
        assertArrayEquals(new long[] {7, 8, 9}, w.get(r, DEST, 3));
        assertFalse(w.receive(r, buffered, 3));
        assertArrayEquals(new long[] {0, 0, 0}, w.get(r, DEST, 3));
        assertEquals(GARBAGE, w.get(r, DEST + 3), "a receive writes exactly the element's words");
    }

    @Test
    void zeroWordElementsStillSynchronise() {
        // chan struct{}: no words move, but counts, parks and wakes are as for any element.
        World w = new World();
        long unbuffered = w.makeChan(0, 0);
        Goroutine s = w.goroutine();
        Goroutine r = w.goroutine();
        assertFalse(w.receiveOk(r, unbuffered, 0));
        assertTrue(w.send(s, unbuffered));
        assertEquals(List.of("park 2 chan receive", "ready 2"), w.schedule.take());
        assertEquals(1, w.get(r, OK));
        assertEquals(GARBAGE, w.get(r, DEST), "no word is written for a zero-word element");

        long buffered = w.makeChan(2, 0);
        assertTrue(w.send(s, buffered));
        assertTrue(w.send(s, buffered));
        assertEquals(2, w.channels.length(buffered));
        assertFalse(w.send(s, buffered));
        assertEquals(List.of("park 1 chan send"), w.schedule.take());
        assertTrue(w.receiveOk(r, buffered, 0));
        assertEquals(List.of("ready 1"), w.schedule.take());
        assertEquals(2, w.channels.length(buffered), "the woken sender's element took the freed place");
        assertTrue(w.receive(r, buffered, 0));
        assertTrue(w.receive(r, buffered, 0));
        assertEquals(0, w.channels.length(buffered));
        assertFalse(w.receive(r, buffered, 0));
        w.channels.close(buffered);
        assertTrue(w.receiveOk(s, buffered, 0));
        assertEquals(0, w.get(s, OK));
    }

    // ---------------------------------------------------------------------------------------------
    // Property: one channel, a few goroutines, random operations, against a Java model

    /** Goroutines taking part in a random run. */
    private static final int PLAYERS = 4;

    /** What a model goroutine is doing. */
    private enum State { IDLE, SENDING, RECEIVING }

    /**
     * {@code op}: player {@code op % PLAYERS}; then {@code (op / PLAYERS) % 8} picks 0-2 send,
     * 3-4 receive, 5 two-value receive, 6 len/cap check, 7 close (rarely: {@code op % 64 == 7*PLAYERS+p}
     * only); a parked player does nothing. The model is a bounded FIFO, two FIFO wait queues, a
     * closed flag, and the value each player's last receive must deliver.
     */
    @Test
    void randomOperationsMatchABoundedFifoModel() {
        qt().withExamples(500).forAll(
                integers().between(0, 3),
                integers().between(1, 3),
                lists().of(integers().between(0, 9_999)).ofSizeBetween(1, 200))
                .checkAssert(ChannelsTest::replay);
    }

    private static long[] valueOf(long v, int words) {
        long[] out = new long[words];
        for (int i = 0; i < words; i++) {
            out[i] = v + 1_000_000L * i;
        }
        return out;
    }

    private static void replay(int cap, int words, List<Integer> ops) {
        World w = new World();
        long ch = w.makeChan(cap, words);
        Goroutine[] gs = new Goroutine[PLAYERS];
        State[] state = new State[PLAYERS];
        boolean[] wantsOk = new boolean[PLAYERS];
        long[] sending = new long[PLAYERS];
        for (int i = 0; i < PLAYERS; i++) {
            gs[i] = w.goroutine();
            state[i] = State.IDLE;
        }
        ArrayDeque<Long> buffer = new ArrayDeque<>();
        ArrayDeque<Integer> senders = new ArrayDeque<>();
        ArrayDeque<Integer> receivers = new ArrayDeque<>();
        boolean closed = false;
        long nextValue = 1;
        List<String> expected = new ArrayList<>();
        for (int op : ops) {
            int p = op % PLAYERS;
            int kind = (op / PLAYERS) % 8;
            if (state[p] != State.IDLE) {
                continue;
            }
            Goroutine g = gs[p];
            List<Integer> woken = new ArrayList<>();
            List<Integer> wokenByClose = new ArrayList<>();
            if (kind <= 2) {
                long v = nextValue++;
                if (closed) {
                    ChanPanic e = assertThrows(ChanPanic.class, () -> w.send(g, ch, valueOf(v, words)));
                    assertEquals("send on closed channel", e.getMessage());
                } else {
                    boolean done = w.send(g, ch, valueOf(v, words));
                    if (!receivers.isEmpty()) {
                        int r = receivers.pollFirst();
                        assertTrue(done);
                        assertArrayEquals(valueOf(v, words), w.get(gs[r], DEST, words), "handed to the first receiver");
                        if (wantsOk[r]) {
                            assertEquals(1, w.get(gs[r], OK));
                        }
                        state[r] = State.IDLE;
                        woken.add(r);
                        expected.add("ready " + gs[r].id());
                    } else if (buffer.size() < cap) {
                        assertTrue(done);
                        buffer.addLast(v);
                    } else {
                        assertFalse(done);
                        state[p] = State.SENDING;
                        sending[p] = v;
                        senders.addLast(p);
                        expected.add("park " + g.id() + " chan send");
                    }
                }
            } else if (kind <= 5) {
                boolean ok = kind == 5;
                wantsOk[p] = ok;
                w.set(g, DEST, valueOf(GARBAGE, words));
                w.set(g, OK, GARBAGE);
                boolean done = ok ? w.receiveOk(g, ch, words) : w.receive(g, ch, words);
                long got;
                boolean gotOk = true;
                if (!senders.isEmpty()) {
                    int s = senders.pollFirst();
                    if (cap == 0) {
                        got = sending[s];
                    } else {
                        got = buffer.pollFirst();
                        buffer.addLast(sending[s]);
                    }
                    state[s] = State.IDLE;
                    woken.add(s);
                    expected.add("ready " + gs[s].id());
                } else if (!buffer.isEmpty()) {
                    got = buffer.pollFirst();
                } else if (closed) {
                    got = 0;
                    gotOk = false;
                } else {
                    got = -1;
                }
                if (got >= 0) {
                    assertTrue(done);
                    assertArrayEquals(got == 0 ? new long[words] : valueOf(got, words), w.get(g, DEST, words));
                    assertEquals(ok ? (gotOk ? 1 : 0) : GARBAGE, w.get(g, OK));
                } else {
                    assertFalse(done);
                    assertArrayEquals(new long[words], w.get(g, DEST, words), "parked: destination zeroed");
                    state[p] = State.RECEIVING;
                    receivers.addLast(p);
                    expected.add("park " + g.id() + " chan receive");
                }
            } else if (kind == 6) {
                assertEquals(buffer.size(), w.channels.length(ch));
                assertEquals(cap, w.channels.capacity(ch));
            } else if ((op / PLAYERS) % 64 == 7) {
                if (closed) {
                    ChanPanic e = assertThrows(ChanPanic.class, () -> w.channels.close(ch));
                    assertEquals("close of closed channel", e.getMessage());
                } else {
                    w.channels.close(ch);
                    closed = true;
                    for (int r : receivers) {
                        assertArrayEquals(new long[words], w.get(gs[r], DEST, words));
                        if (wantsOk[r]) {
                            assertEquals(0, w.get(gs[r], OK));
                        }
                        state[r] = State.IDLE;
                        woken.add(r);
                        expected.add("ready " + gs[r].id());
                    }
                    for (int s : senders) {
                        state[s] = State.IDLE;
                        woken.add(s);
                        wokenByClose.add(s);
                        expected.add("ready " + gs[s].id());
                    }
                    receivers.clear();
                    senders.clear();
                }
            }
            assertEquals(expected, w.schedule.take());
            expected.clear();
            // Each woken goroutine resumes: only a sender woken by close panics.
            for (int x : woken) {
                assertEquals(wokenByClose.contains(x), w.channels.wokenByClose(gs[x]));
            }
            assertEquals(buffer.size(), w.channels.length(ch));
            assertEquals(List.copyOf(buffer), w.buffered(ch));
            assertEquals(closed ? 1 : 0, w.field(ch, ChanObject.CLOSED));
            assertEquals(senders.isEmpty() && receivers.isEmpty(), w.field(ch, ChanObject.WAITERS) == 0,
                    "a handle exactly while somebody waits");
            for (int i = 0; i < PLAYERS; i++) {
                assertEquals(state[i] == State.IDLE ? Goroutine.Status.RUNNABLE : Goroutine.Status.WAITING,
                        gs[i].status() == Goroutine.Status.RUNNING ? Goroutine.Status.RUNNABLE : gs[i].status());
            }
        }
    }
}
