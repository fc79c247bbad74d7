package org.cairnvm.core.code;

import java.util.BitSet;

/**
 * The heap object behind a channel value, shared by the compiler (which registers its layout)
 * and the runtime (which reads and writes its words). A channel value is the payload address of
 * one of these, or 0 for a nil channel. Like Go's {@code hchan}, the object holds the buffer
 * (a separate array object of {@code cap} elements, so the collector traces it with the element
 * type's pointer map) and the ring indices; unlike {@code hchan}, the queues of waiting
 * goroutines live outside the guest heap, in the run's channel table, under the handle in
 * {@link #WAITERS}: goroutines are the VM's objects, not the guest's.
 */
public final class ChanObject {
    /** Payload word 0: the buffer's payload address (0 for an unbuffered channel); the one pointer. */
    public static final int BUF = 0;
    /** Payload word 1: buffer capacity in elements. */
    public static final int CAP = 1;
    /** Payload word 2: elements in the buffer. */
    public static final int COUNT = 2;
    /** Payload word 3: index of the oldest buffered element. */
    public static final int HEAD = 3;
    /** Payload word 4: 1 once closed. */
    public static final int CLOSED = 4;
    /** Payload word 5: words per element (0 for {@code chan struct{}}). */
    public static final int ELEM_WORDS = 5;
    /** Payload word 6: the handle of the channel's wait queues in the run's table, 0 when nobody waits. */
    public static final int WAITERS = 6;
    /** Payload words of a channel object. */
    public static final int WORDS = 7;
    /** The name of its layout in {@link Image#layouts()}. */
    public static final String LAYOUT_NAME = "chan";

    private ChanObject() {
    }

    /** The pointer map of the layout: only the buffer. */
    public static BitSet pointers() {
        BitSet b = new BitSet();
        b.set(BUF);
        return b;
    }
}
