package org.cairnvm.spi;

/** Receives one range {@code [from, to)} of words any of which may hold a pointer (ambiguous roots). */
@FunctionalInterface
public interface RangeVisitor {
    void visit(long from, long to);
}
