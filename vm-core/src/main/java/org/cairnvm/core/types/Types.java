package org.cairnvm.core.types;

import java.util.BitSet;

/** Shapes of types in memory, and Go's identity rule. */
public final class Types {
    private Types() {
    }

    /** The underlying type: a {@link Named}'s struct, or the type itself. */
    public static Type underlying(Type t) {
        return t instanceof Named n ? n.underlying() : t;
    }

    /** Size in words. */
    public static int words(Type t) {
        return switch (t) {
            case Type.Basic b -> b == Type.Basic.VOID ? 0 : 1;
            case Type.Pointer p -> 1;
            case Type.Chan c -> 1;
            case Type.Func f -> 1;
            case Type.Slice s -> 3;
            case Type.Array a -> Math.toIntExact(a.length() * words(a.elem()));
            case Type.Struct s -> {
                int n = 0;
                for (Type.Field f : s.fields()) {
                    n += words(f.type());
                }
                yield n;
            }
            case Named n -> words(n.underlying());
        };
    }

    /** Which of a value's words hold pointers (strings, pointers, channels, slices' first word). */
    public static BitSet pointerMap(Type t) {
        BitSet bits = new BitSet();
        mark(t, 0, bits);
        return bits;
    }

    private static void mark(Type t, int at, BitSet bits) {
        switch (t) {
            case Type.Basic b -> {
                if (b == Type.Basic.STRING || b == Type.Basic.UNTYPED_STRING) {
                    bits.set(at);
                }
            }
            case Type.Pointer p -> bits.set(at);
            case Type.Chan c -> bits.set(at);
            case Type.Func f -> bits.set(at);
            case Type.Slice s -> bits.set(at);
            case Type.Array a -> {
                int w = words(a.elem());
                for (long i = 0; i < a.length(); i++) {
                    mark(a.elem(), at + (int) i * w, bits);
                }
            }
            case Type.Struct s -> {
                for (Type.Field f : s.fields()) {
                    mark(f.type(), at + f.offsetWords(), bits);
                }
            }
            case Named n -> mark(n.underlying(), at, bits);
        }
    }

    /** Whether any word of the type is a pointer. */
    public static boolean hasPointers(Type t) {
        return !pointerMap(t).isEmpty();
    }

    /** Go's type identity: named types by declaration, others by structure. */
    public static boolean identical(Type a, Type b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Named || b instanceof Named) {
            return false;
        }
        return a.equals(b);
    }
}
