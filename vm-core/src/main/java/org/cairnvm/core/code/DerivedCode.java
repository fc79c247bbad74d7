package org.cairnvm.core.code;

import java.util.function.Supplier;

/**
 * Code derived from a program the first time a run needs it, and kept with the program for every
 * later run: the baseline compiler's JVM class. It is a pure function of the program's code and
 * immutable once made, so runs share it as they share the program's bytecode, on one VM or
 * several; making it is the only write, and it happens once.
 */
public final class DerivedCode {
    private Object value;

    /** The derived code, made by {@code make} on first use; {@code make} may give null (nothing to derive). */
    public synchronized <T> T get(Class<T> type, Supplier<? extends T> make) {
        if (value == null) {
            T made = make.get();
            value = made == null ? Absent.ABSENT : made;
        }
        return value == Absent.ABSENT ? null : type.cast(value);
    }

    /** Whether {@link #get} has run. */
    public synchronized boolean made() {
        return value != null;
    }

    private enum Absent { ABSENT }
}
