package org.cairnvm.spi;

/** Receives the address of one exact root slot: a word that holds a pointer or 0, which a moving collector may rewrite. */
@FunctionalInterface
public interface RootVisitor {
    void visit(long slotAddress);
}
