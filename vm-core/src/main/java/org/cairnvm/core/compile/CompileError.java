package org.cairnvm.core.compile;

import org.cairnvm.core.ast.Pos;

/** A construct the back end cannot compile, reported as a positioned diagnostic, never thrown out of the compiler. */
final class CompileError extends RuntimeException {
    final Pos pos;

    CompileError(Pos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }
}
