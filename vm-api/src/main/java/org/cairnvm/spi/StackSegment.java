package org.cairnvm.spi;

/**
 * One contiguous piece of a goroutine's stack, as the interpreter's fast path sees it. Stacks
 * grow toward lower addresses: frames occupy {@code words[guard..words.length)} at most, and the
 * top of the stack is {@code base + 8*words.length}.
 *
 * <p>{@link #guard} is Go's {@code stackguard0}: the lowest word index a new frame may start at.
 * The interpreter's prologue check is the single comparison {@code newFp < guard}; only when it
 * fails does the stack strategy run. A strategy may raise {@code guard} to force the slow path at
 * the next call (the {@code stack-move} and {@code split-call} stress modes do), as Go sets
 * {@code stackguard0} to {@code stackPreempt}.
 */
public final class StackSegment {
    /** The backing words; {@code words[i]} is the word at {@code base + 8*i}. */
    public final long[] words;
    /** Address of {@code words[0]}. */
    public final long base;
    /** The region this segment occupies. */
    public final Region region;
    /** Lowest word index a frame may occupy; see the class comment. */
    public int guard;

    public StackSegment(Region region, int guard) {
        this.region = region;
        this.words = region.words();
        this.base = region.base();
        this.guard = guard;
    }

    /** One past the highest address: where the first frame's top sits. */
    public long top() {
        return base + 8L * words.length;
    }

    public boolean contains(long address) {
        return address >= base && address < top();
    }

    /** The word index of an address inside this segment. */
    public int index(long address) {
        return (int) ((address - base) >> 3);
    }

    /** The address of a word index. */
    public long address(int index) {
        return base + 8L * index;
    }

    /** Size in bytes. */
    public long bytes() {
        return 8L * words.length;
    }
}
