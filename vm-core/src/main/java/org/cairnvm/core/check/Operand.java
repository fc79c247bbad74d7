package org.cairnvm.core.check;

import java.math.BigInteger;
import org.cairnvm.core.ast.Expr;
import org.cairnvm.core.parse.Printer;
import org.cairnvm.core.types.Type;

/**
 * The result of checking an expression, as Go's type checker models it: a mode (what kind of
 * thing the expression is), its type, and its value when constant. {@link #toString} prints it
 * the way types2 quotes operands in messages: {@code x (variable of type int)},
 * {@code 1 << 70 (untyped int constant 1180591620717411303424)}, {@code f() (no value)}.
 */
final class Operand {
    /** Go's operand modes. */
    enum Mode {
        INVALID("invalid operand"), NOVALUE("no value"), BUILTIN("built-in"), TYPE("type"),
        CONSTANT("constant"), VARIABLE("variable"), VALUE("value"), COMMAOK("comma, ok expression"),
        PACKAGE("package");

        final String text;

        Mode(String text) {
            this.text = text;
        }
    }

    Mode mode;
    Expr expr;
    Type type;
    /** BigInteger, Boolean or byte[] when mode is CONSTANT. */
    Object val;
    Symbol.BuiltinFn builtin;
    /** The function a call would invoke: a declared function, or a method selected on a value. */
    Symbol.Func func;

    Operand(Mode mode, Expr expr, Type type) {
        this.mode = mode;
        this.expr = expr;
        this.type = type;
    }

    static Operand invalid(Expr e) {
        return new Operand(Mode.INVALID, e, null);
    }

    boolean invalid() {
        return mode == Mode.INVALID;
    }

    boolean isConstant() {
        return mode == Mode.CONSTANT;
    }

    boolean isNil() {
        return type == Type.Basic.UNTYPED_NIL;
    }

    @Override
    public String toString() {
        if (mode == Mode.VALUE && type == Type.Basic.UNTYPED_NIL) {
            return "nil";
        }
        StringBuilder sb = new StringBuilder();
        String e = expr == null ? "" : Printer.expr(expr);
        if (!e.isEmpty()) {
            sb.append(e).append(" (");
        }
        boolean hasType = false;
        switch (mode) {
            case INVALID, NOVALUE, BUILTIN, TYPE -> {
            }
            default -> {
                if (type != null) {
                    if (type instanceof Type.Basic b && b.isUntyped()) {
                        sb.append(b).append(' ');
                    } else {
                        hasType = true;
                    }
                }
            }
        }
        sb.append(mode.text);
        if (mode == Mode.CONSTANT && val != null) {
            String v = Constants.format(val);
            if (!v.equals(e)) {
                sb.append(' ').append(v);
            }
        }
        if (hasType) {
            sb.append(" of type ").append(type);
        }
        if (!e.isEmpty()) {
            sb.append(')');
        }
        return sb.toString();
    }

    BigInteger intVal() {
        return (BigInteger) val;
    }
}
