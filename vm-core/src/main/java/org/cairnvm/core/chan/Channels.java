package org.cairnvm.core.chan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.cairnvm.core.code.ChanObject;
import org.cairnvm.spi.AddressSpace;
import org.cairnvm.spi.Goroutine;
import org.cairnvm.spi.Region;
import org.cairnvm.spi.Schedule;

/**
 * One run's channel operations. Every method runs at a safepoint of the goroutine doing the
 * operation (its top frame saved), allocates nothing in the guest heap, and either completes the
 * operation or parks the goroutine with the schedule and returns false; the executor then
 * switches. A woken goroutine finds its operation done when it resumes (its value delivered or
 * taken), except a sender woken by {@code close}, which panics ({@link #wokenByClose}).
 *
 * <p>Waiting goroutines are queued per channel, first in first out, in a table outside the guest
 * heap; the channel object holds the queue's handle ({@link ChanObject#WAITERS}), 0 while nobody
 * waits, so channels nobody blocks on cost the table nothing.
 */
public final class Channels {
    /** Go's wait reasons, as its goroutine traces print them. */
    public static final String SEND_REASON = "chan send";
    public static final String RECEIVE_REASON = "chan receive";
    public static final String SEND_NIL_REASON = "chan send (nil chan)";
    public static final String RECEIVE_NIL_REASON = "chan receive (nil chan)";

    /** A goroutine parked in a channel operation; its value or destination is in its own frame. */
    private static final class Waiter {
        final Goroutine g;
        /** Sender: the value's first slot. Receiver: the destination's first slot. */
        final int slot;
        /** Receiver of {@code v, ok := <-ch}: the ok slot; -1 otherwise. */
        final int okSlot;
        final int words;
        /** Set when {@code close} woke a parked sender: it panics when it resumes. */
        boolean closed;

        Waiter(Goroutine g, int slot, int okSlot, int words) {
            this.g = g;
            this.slot = slot;
            this.okSlot = okSlot;
            this.words = words;
        }
    }

    /** The goroutines waiting on one channel. */
    private static final class Queues {
        final ArrayDeque<Waiter> senders = new ArrayDeque<>();
        final ArrayDeque<Waiter> receivers = new ArrayDeque<>();
    }

    /**
     * Regions remembered: the heap and the stacks of the two goroutines an operation involves,
     * with one to spare.
     */
    private static final int RECENT_REGIONS = 4;

    private final AddressSpace memory;
    private final Schedule schedule;
    /** Wait queues by handle - 1; a free handle keeps its (empty) queues for the next channel to use it. */
    private final List<Queues> table = new ArrayList<>();
    /** Handles free for reuse. */
    private final ArrayDeque<Integer> freeHandles = new ArrayDeque<>();
    /** The regions of the last words touched, most recent first; see {@link #region}. */
    private final Region[] recent = new Region[RECENT_REGIONS];

    public Channels(AddressSpace memory, Schedule schedule) {
        this.memory = memory;
        this.schedule = schedule;
    }

    /**
     * {@code ch <- value}: the value is {@code words} words at slot {@code slot} of {@code g}'s top
     * frame. Hands it to a waiting receiver, or buffers it, or parks {@code g}.
     *
     * @return whether the send completed; false means {@code g} is parked
     * @throws ChanPanic when the channel is closed
     */
    public boolean send(Goroutine g, long ch, int slot, int words) {
        if (ch == 0) {
            schedule.park(g, SEND_NIL_REASON);
            return false;
        }
        if (word(ch, ChanObject.CLOSED) != 0) {
            throw new ChanPanic("send on closed channel");
        }
        long from = frameAddress(g, slot);
        Queues q = queues(ch);
        Waiter r = q == null ? null : q.receivers.pollFirst();
        if (r != null) {
            release(ch, q);
            copy(from, frameAddress(r.g, r.slot), words);
            deliveredOk(r, true);
            schedule.ready(r.g);
            return true;
        }
        long cap = word(ch, ChanObject.CAP);
        long count = word(ch, ChanObject.COUNT);
        if (count < cap) {
            long index = (word(ch, ChanObject.HEAD) + count) % cap;
            copy(from, element(ch, index, words), words);
            setWord(ch, ChanObject.COUNT, count + 1);
            return true;
        }
        enqueue(ch).senders.addLast(new Waiter(g, slot, -1, words));
        schedule.park(g, SEND_REASON);
        return false;
    }

    /**
     * {@code v := <-ch} or {@code v, ok := <-ch}: the value goes to {@code words} words at slot
     * {@code slot} of {@code g}'s top frame, ok (when {@code okSlot >= 0}) to that slot.
     *
     * @return whether the receive completed; false means {@code g} is parked, its destination zeroed
     */
    public boolean receive(Goroutine g, long ch, int slot, int okSlot, int words) {
        long to = frameAddress(g, slot);
        if (ch == 0) {
            zeroDestination(g, to, okSlot, words);
            schedule.park(g, RECEIVE_NIL_REASON);
            return false;
        }
        Queues q = queues(ch);
        Waiter s = q == null ? null : q.senders.pollFirst();
        long cap = word(ch, ChanObject.CAP);
        long count = word(ch, ChanObject.COUNT);
        if (s != null) {
            release(ch, q);
            long from = frameAddress(s.g, s.slot);
            if (cap == 0) {
                copy(from, to, words);
            } else {
                // A sender waits only on a full buffer: take the oldest, put the sender's value in its place.
                long head = word(ch, ChanObject.HEAD);
                long at = element(ch, head, words);
                copy(at, to, words);
                copy(from, at, words);
                setWord(ch, ChanObject.HEAD, (head + 1) % cap);
            }
            setOk(g, okSlot, true);
            schedule.ready(s.g);
            return true;
        }
        if (count > 0) {
            long head = word(ch, ChanObject.HEAD);
            long at = element(ch, head, words);
            copy(at, to, words);
            zero(at, words); // the buffer must not keep what it no longer holds alive
            setWord(ch, ChanObject.HEAD, (head + 1) % cap);
            setWord(ch, ChanObject.COUNT, count - 1);
            setOk(g, okSlot, true);
            return true;
        }
        zeroDestination(g, to, okSlot, words);
        if (word(ch, ChanObject.CLOSED) != 0) {
            return true;
        }
        enqueue(ch).receivers.addLast(new Waiter(g, slot, okSlot, words));
        schedule.park(g, RECEIVE_REASON);
        return false;
    }

    /**
     * {@code close(ch)}: every parked receiver gets the zero value and ok false, every parked
     * sender is woken to panic.
     *
     * @throws ChanPanic for a nil or already closed channel
     */
    public void close(long ch) {
        if (ch == 0) {
            throw new ChanPanic("close of nil channel");
        }
        if (word(ch, ChanObject.CLOSED) != 0) {
            throw new ChanPanic("close of closed channel");
        }
        setWord(ch, ChanObject.CLOSED, 1);
        Queues q = queues(ch);
        if (q == null) {
            return;
        }
        for (Waiter r : q.receivers) {
            deliveredOk(r, false); // the destination was zeroed when it parked
            schedule.ready(r.g);
        }
        for (Waiter s : q.senders) {
            s.closed = true;
            s.g.parking = s;
            schedule.ready(s.g);
        }
        q.receivers.clear();
        q.senders.clear();
        release(ch, q);
    }

    /** Whether {@code g} is a sender that {@link #close} woke, which must now panic; clears the mark. */
    public boolean wokenByClose(Goroutine g) {
        boolean closed = g.parking instanceof Waiter w && w.closed;
        g.parking = null;
        return closed;
    }

    /** {@code len(ch)}: the buffered elements. */
    public long length(long ch) {
        return ch == 0 ? 0 : word(ch, ChanObject.COUNT);
    }

    /** {@code cap(ch)}: the buffer's size. */
    public long capacity(long ch) {
        return ch == 0 ? 0 : word(ch, ChanObject.CAP);
    }

    // ------------------------------------------------------------------------------------------

    private void deliveredOk(Waiter r, boolean ok) {
        setOk(r.g, r.okSlot, ok);
    }

    private void setOk(Goroutine g, int okSlot, boolean ok) {
        if (okSlot >= 0) {
            store(frameAddress(g, okSlot), ok ? 1 : 0);
        }
    }

    private void zeroDestination(Goroutine g, long to, int okSlot, int words) {
        zero(to, words);
        setOk(g, okSlot, false);
    }

    private Queues queues(long ch) {
        long h = word(ch, ChanObject.WAITERS);
        return h == 0 ? null : table.get((int) h - 1);
    }

    private Queues enqueue(long ch) {
        Queues q = queues(ch);
        if (q != null) {
            return q;
        }
        Integer h = freeHandles.pollFirst();
        if (h == null) {
            q = new Queues();
            table.add(q);
            h = table.size();
        } else {
            q = table.get(h - 1);
        }
        setWord(ch, ChanObject.WAITERS, h);
        return q;
    }

    /** Gives the channel's handle back once nobody waits on it. */
    private void release(long ch, Queues q) {
        if (q.senders.isEmpty() && q.receivers.isEmpty()) {
            long h = word(ch, ChanObject.WAITERS);
            freeHandles.addLast((int) h);
            setWord(ch, ChanObject.WAITERS, 0);
        }
    }

    private static long frameAddress(Goroutine g, int slot) {
        return g.stack().fp + 8L * slot;
    }

    private long element(long ch, long index, int words) {
        return word(ch, ChanObject.BUF) + 8L * index * words;
    }

    private long word(long ch, int field) {
        return load(ch + 8L * field);
    }

    private void setWord(long ch, int field, long value) {
        store(ch + 8L * field, value);
    }

    private void copy(long from, long to, int words) {
        for (int i = 0; i < words; i++) {
            store(to + 8L * i, load(from + 8L * i));
        }
    }

    private void zero(long at, int words) {
        for (int i = 0; i < words; i++) {
            store(at + 8L * i, 0);
        }
    }

    // An operation goes back and forth between a channel object in the heap and frames on two
    // goroutines' stacks, so the last few regions are remembered: most words are then found
    // without a search of the address space. Addresses are never reused, so a remembered region
    // (even one released since) never answers for an address it does not hold.

    private long load(long a) {
        Region r = region(a);
        return r == null ? memory.load(a) : r.words()[(int) ((a - r.base()) >>> 3)];
    }

    private void store(long a, long v) {
        Region r = region(a);
        if (r == null) {
            memory.store(a, v);
        } else {
            r.words()[(int) ((a - r.base()) >>> 3)] = v;
        }
    }

    /** The region holding the word at {@code a}, or null to let the address space fault. */
    private Region region(long a) {
        for (Region r : recent) {
            if (holds(r, a)) {
                return r;
            }
        }
        Region r = memory.find(a);
        if (!holds(r, a)) {
            return null;
        }
        System.arraycopy(recent, 0, recent, 1, RECENT_REGIONS - 1);
        recent[0] = r;
        return r;
    }

    /** Whether {@code r} has a word at {@code a} (a page's tail beyond a region's words has none). */
    private static boolean holds(Region r, long a) {
        return r != null && a >= r.base() && (a - r.base()) >>> 3 < r.words().length;
    }
}
