package org.cairnvm.spi;

/**
 * The one frame walker: follows saved frame pointers through raw guest memory from a stack's top
 * frame to its entry frame, across segment boundaries, naming each frame with its function, pc,
 * line and stack map. Stack copying rewrites through it; collectors read through it; traces
 * print through it.
 */
public interface FrameWalker {
    void walk(GuestStack stack, FrameVisitor visitor);
}
