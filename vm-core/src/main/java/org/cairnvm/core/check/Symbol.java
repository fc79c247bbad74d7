package org.cairnvm.core.check;

import org.cairnvm.core.ast.Decl;
import org.cairnvm.core.ast.Pos;
import org.cairnvm.core.types.Named;
import org.cairnvm.core.types.Type;

/** What an identifier denotes. Var and Func compare by identity. */
public sealed interface Symbol {
    String name();

    /** Where a variable lives in the language (not yet where the compiler puts it). */
    enum VarKind { LOCAL, PARAM, RECEIVER, GLOBAL }

    /** A variable: local, parameter, receiver or global. */
    final class Var implements Symbol {
        private final String name;
        private final Type type;
        private final Pos pos;
        private final VarKind kind;

        public Var(String name, Type type, Pos pos, VarKind kind) {
            this.name = name;
            this.type = type;
            this.pos = pos;
            this.kind = kind;
        }

        @Override
        public String name() {
            return name;
        }

        public Type type() {
            return type;
        }

        /** The declaring identifier's position. */
        public Pos pos() {
            return pos;
        }

        public VarKind kind() {
            return kind;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A function or method. */
    final class Func implements Symbol {
        private final String name;
        private final Decl.FuncDecl decl;
        private final Type.Func signature;
        private final Named receiverType;
        private final boolean pointerReceiver;

        public Func(String name, Decl.FuncDecl decl, Type.Func signature, Named receiverType, boolean pointerReceiver) {
            this.name = name;
            this.decl = decl;
            this.signature = signature;
            this.receiverType = receiverType;
            this.pointerReceiver = pointerReceiver;
        }

        @Override
        public String name() {
            return name;
        }

        public Decl.FuncDecl decl() {
            return decl;
        }

        /** Parameters (receiver excluded) and result. */
        public Type.Func signature() {
            return signature;
        }

        /** The receiver's named type, or null for a plain function. */
        public Named receiverType() {
            return receiverType;
        }

        public boolean pointerReceiver() {
            return pointerReceiver;
        }

        /** A function declared without a body, supplied by the embedding application. */
        public boolean isHost() {
            return decl.body() == null;
        }

        /** Go's name in traces: {@code main.fib}, {@code main.(*Tree).Check}, {@code main.Point.Len}. */
        public String goName() {
            if (receiverType == null) {
                return "main." + name;
            }
            return pointerReceiver ? "main.(*" + receiverType.name() + ")." + name
                    : "main." + receiverType.name() + "." + name;
        }

        @Override
        public String toString() {
            return goName();
        }
    }

    /** A type name: predeclared ({@code int}) or declared. */
    record TypeName(String name, Type type) implements Symbol {
    }

    /**
     * A constant; {@code value} is a {@link java.math.BigInteger} for integers, a {@link Boolean},
     * or a {@code byte[]} for strings.
     */
    record Const(String name, Type type, Object value) implements Symbol {
    }

    /** A predeclared or package function. */
    record Builtin(BuiltinFn fn) implements Symbol {
        @Override
        public String name() {
            return fn.goName;
        }
    }

    /** An imported package ({@code fmt}, {@code runtime}). */
    record Package(String name) implements Symbol {
    }

    /** The predeclared {@code nil}. */
    record Nil() implements Symbol {
        @Override
        public String name() {
            return "nil";
        }
    }

    /** Built-in functions, including the package functions of the subset. */
    enum BuiltinFn {
        LEN("len"), CAP("cap"), APPEND("append"), MAKE("make"), NEW("new"), PANIC("panic"),
        PRINT("print"), PRINTLN("println"), CLOSE("close"),
        FMT_PRINTLN("fmt.Println"), FMT_PRINT("fmt.Print"),
        RUNTIME_GC("runtime.GC"), RUNTIME_GOSCHED("runtime.Gosched"), RUNTIME_NUMGOROUTINE("runtime.NumGoroutine");

        public final String goName;

        BuiltinFn(String goName) {
            this.goName = goName;
        }
    }
}
