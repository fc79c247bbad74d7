package org.cairnvm.core.types;

import java.util.List;

/** A guest type. Records compare structurally; {@link Named} compares by identity, as Go's named types do. */
public sealed interface Type permits Type.Basic, Type.Pointer, Type.Array, Type.Slice, Type.Chan,
        Type.Struct, Type.Func, Named {

    /** Predeclared and untyped types. */
    enum Basic implements Type {
        INT("int"), BOOL("bool"), STRING("string"),
        UNTYPED_INT("untyped int"), UNTYPED_RUNE("untyped rune"), UNTYPED_BOOL("untyped bool"),
        UNTYPED_STRING("untyped string"), UNTYPED_NIL("untyped nil"),
        /** The "type" of a call to a function without result, used only for error messages. */
        VOID("no value");

        private final String goName;

        Basic(String goName) {
            this.goName = goName;
        }

        public boolean isUntyped() {
            return this.ordinal() >= UNTYPED_INT.ordinal() && this != VOID;
        }

        @Override
        public String toString() {
            return goName;
        }
    }

    /** {@code *T}. */
    record Pointer(Type elem) implements Type {
        @Override
        public String toString() {
            return "*" + elem;
        }
    }

    /** {@code [N]T}. */
    record Array(Type elem, long length) implements Type {
        @Override
        public String toString() {
            return "[" + length + "]" + elem;
        }
    }

    /** {@code []T}. */
    record Slice(Type elem) implements Type {
        @Override
        public String toString() {
            return "[]" + elem;
        }
    }

    /** {@code chan T}. */
    record Chan(Type elem, org.cairnvm.core.ast.TypeExpr.ChanDir dir) implements Type {
        @Override
        public String toString() {
            return switch (dir) {
                case BOTH -> "chan " + elem;
                case SEND -> "chan<- " + elem;
                case RECV -> "<-chan " + elem;
            };
        }
    }

    /** A struct type; {@code fields} carry their word offsets. */
    record Struct(List<Field> fields) implements Type {
        public Field field(String name) {
            for (Field f : fields) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("struct{");
            for (int i = 0; i < fields.size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(fields.get(i).name()).append(' ').append(fields.get(i).type());
            }
            return sb.append('}').toString();
        }
    }

    /**
     * A struct field at {@code offsetWords} from the start of the struct.
     *
     * @param name field name
     * @param type field type
     * @param offsetWords offset in words
     */
    record Field(String name, Type type, int offsetWords) {
    }

    /** A function signature; {@code result} is null for no result. */
    record Func(List<Type> params, Type result) implements Type {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("func(");
            for (int i = 0; i < params.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(params.get(i));
            }
            sb.append(')');
            return result == null ? sb.toString() : sb.append(' ').append(result).toString();
        }
    }
}
