package org.cairnvm.core.parse;

/**
 * Go's token classes, as the Go compiler's scanner groups them. Operators share {@link #OPERATOR}
 * (and {@link #ASSIGN_OP}, {@link #INC_OP}) and carry their {@link Op}; the {@code text} is what a
 * syntax error prints for the token ({@code unexpected comma}, {@code unexpected :=}).
 */
enum Tok {
    EOF("EOF"), NAME("name"), LITERAL("literal"), OPERATOR("op"), ASSIGN_OP("op="), INC_OP("opop"),
    ASSIGN("="), DEFINE(":="), ARROW("<-"), STAR("*"),
    LPAREN("("), LBRACK("["), LBRACE("{"), RPAREN(")"), RBRACK("]"), RBRACE("}"),
    COMMA(","), SEMI(";"), COLON(":"), DOT("."), DOTDOTDOT("..."),
    BREAK("break"), CASE("case"), CHAN("chan"), CONST("const"), CONTINUE("continue"), DEFAULT("default"),
    DEFER("defer"), ELSE("else"), FALLTHROUGH("fallthrough"), FOR("for"), FUNC("func"), GO("go"),
    GOTO("goto"), IF("if"), IMPORT("import"), INTERFACE("interface"), MAP("map"), PACKAGE("package"),
    RANGE("range"), RETURN("return"), SELECT("select"), STRUCT("struct"), SWITCH("switch"), TYPE("type"),
    VAR("var");

    final String text;

    Tok(String text) {
        this.text = text;
    }

    boolean isKeyword() {
        return ordinal() >= BREAK.ordinal();
    }

    /** The English word Go's parser uses for some punctuation in "expecting ..." messages. */
    String english() {
        return switch (this) {
            case COMMA -> "comma";
            case SEMI -> "semicolon or newline";
            default -> text;
        };
    }

    /** Operators, with Go's precedences (0 for unary-only operators). */
    enum Op {
        NOT("!", 0), RECV("<-", 0), TILDE("~", 0),
        OROR("||", 1), ANDAND("&&", 2),
        EQL("==", 3), NEQ("!=", 3), LSS("<", 3), LEQ("<=", 3), GTR(">", 3), GEQ(">=", 3),
        ADD("+", 4), SUB("-", 4), OR("|", 4), XOR("^", 4),
        MUL("*", 5), DIV("/", 5), REM("%", 5), AND("&", 5), ANDNOT("&^", 5), SHL("<<", 5), SHR(">>", 5);

        final String text;
        final int prec;

        Op(String text, int prec) {
            this.text = text;
            this.prec = prec;
        }
    }
}
