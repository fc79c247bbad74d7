package org.cairnvm.core.check;

import org.cairnvm.core.types.Type;

/** What {@code x.sel} selects. */
public sealed interface Selection {

    /** A struct field; {@code indirect} when {@code x} is a pointer to the struct (automatic dereference). */
    record Field(Type.Field field, boolean indirect) implements Selection {
    }

    /**
     * A method value called as {@code x.m(...)}. {@code indirect} when {@code x} is a pointer.
     * The compiler takes {@code &x} when the method wants a pointer and {@code x} is not one
     * (x is then addressable, which the checker verified), and loads {@code *x} in the converse case.
     */
    record Method(Symbol.Func method, boolean indirect) implements Selection {
    }

    /** A package member: {@code fmt.Println}, {@code runtime.GC}. */
    record PackageFunc(Symbol.BuiltinFn fn) implements Selection {
    }
}
