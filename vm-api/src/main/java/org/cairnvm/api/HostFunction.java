package org.cairnvm.api;

/**
 * A Go function declared without a body ({@code func hostNow() int}) and supplied by the
 * embedding application. Arguments and the result are guest words: {@code int} as is,
 * {@code bool} as 0 or 1. A host function runs on the interpreter's thread and must not call
 * back into the VM.
 */
@FunctionalInterface
public interface HostFunction {
    /**
     * @param args one word per declared parameter
     * @return the result word (ignored when the function has no result)
     */
    long call(long[] args);
}
