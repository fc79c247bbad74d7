package org.cairnvm.stack.segmented;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.cairnvm.spi.StackSegment;

/**
 * One goroutine's segments, kept in {@link org.cairnvm.spi.GuestStack#strategyState}: the linked
 * chain from the base segment (the goroutine's first) to the current one, and the spares its
 * cache policy keeps.
 *
 * <p>Invariants: every linked segment but the base holds at least one frame (a segment is linked
 * for a frame and unlinked when that frame returns); the current segment is the last linked one;
 * {@link #linkedBytes} is the sum of the linked segments' sizes, the stack's size as
 * {@code stack.max} sees it. Spares are not part of the stack.
 */
final class SegmentChain {
    /** A linked segment and the call site that linked it (null for the base and entry frames). */
    record Link(StackSegment segment, SplitLedger.Site site) {
    }

    final CachePolicy policy;
    final SplitLedger ledger;
    /** The {@code split-call} stress mode: every segment's guard is its length. */
    final boolean splitCall;

    private final List<Link> links = new ArrayList<>();
    /** Front: the segment unlinked last, the one the next split most likely wants. */
    private final ArrayDeque<StackSegment> spares = new ArrayDeque<>();
    private long linkedBytes;
    /** The most segments linked at once since the last shrink: how many spares the last cycle used. */
    private int deepestSinceShrink;

    SegmentChain(CachePolicy policy, SplitLedger ledger, boolean splitCall) {
        this.policy = policy;
        this.ledger = ledger;
        this.splitCall = splitCall;
    }

    void link(StackSegment segment, SplitLedger.Site site) {
        links.add(new Link(segment, site));
        linkedBytes += segment.bytes();
        deepestSinceShrink = Math.max(deepestSinceShrink, links.size());
    }

    /** Removes the current segment from the chain; the caller decides its fate. */
    Link unlinkTop() {
        Link top = links.removeLast();
        linkedBytes -= top.segment().bytes();
        return top;
    }

    StackSegment current() {
        return links.getLast().segment();
    }

    int linkedCount() {
        return links.size();
    }

    long linkedBytes() {
        return linkedBytes;
    }

    /** Position of the linked segment holding {@code address}, searched from the top; -1 if none. */
    int indexOf(long address) {
        for (int i = links.size() - 1; i >= 0; i--) {
            if (links.get(i).segment().contains(address)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Takes the spare nearest the front that holds {@code frameBytes} and is no bigger than
     * {@code largestBytes}, or null. A bigger spare (left by a bigger frame) is not used for a
     * smaller one: it would count its whole size against {@code stack.max} for a frame that a
     * standard segment holds.
     */
    StackSegment takeSpare(long frameBytes, long largestBytes) {
        for (Iterator<StackSegment> it = spares.iterator(); it.hasNext(); ) {
            StackSegment s = it.next();
            if (s.bytes() >= frameBytes && s.bytes() <= largestBytes) {
                it.remove();
                return s;
            }
        }
        return null;
    }

    /**
     * Offers an unlinked segment to the cache. Returns the segments the policy does not keep
     * (the offered one, or older spares it displaces), which the caller releases.
     */
    List<StackSegment> retire(StackSegment segment) {
        spares.addFirst(segment);
        List<StackSegment> evicted = new ArrayList<>(1);
        while (spares.size() > policy.maxSpares()) {
            evicted.add(spares.removeLast());
        }
        return evicted;
    }

    /**
     * At a collection: under a trimming policy, the spares the goroutine did not reach since the
     * previous shrink, deepest first; they are removed from the cache and the caller releases
     * them. Starts the next cycle either way.
     */
    List<StackSegment> trim() {
        List<StackSegment> evicted = new ArrayList<>();
        if (policy.trimsAtShrink()) {
            int used = Math.max(0, deepestSinceShrink - links.size());
            while (spares.size() > used) {
                evicted.add(spares.removeLast());
            }
        }
        deepestSinceShrink = links.size();
        return evicted;
    }

    int spareCount() {
        return spares.size();
    }

    /** Bytes reserved for the stack: linked segments and spares. */
    long reservedBytes() {
        long bytes = linkedBytes;
        for (StackSegment s : spares) {
            bytes += s.bytes();
        }
        return bytes;
    }

    /** Empties the chain and the cache, returning every segment, for release when the goroutine ends. */
    List<StackSegment> drain() {
        List<StackSegment> all = new ArrayList<>(links.size() + spares.size());
        while (!links.isEmpty()) {
            all.add(unlinkTop().segment());
        }
        all.addAll(spares);
        spares.clear();
        return all;
    }
}
