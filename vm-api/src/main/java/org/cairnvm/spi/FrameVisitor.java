package org.cairnvm.spi;

/** Receives frames from the frame walker, innermost first. */
@FunctionalInterface
public interface FrameVisitor {
    /** @return false to stop the walk */
    boolean visit(Frame frame);
}
