package org.cairnvm.core.ast;

/** Every syntax node has a position. */
public sealed interface Node permits SourceFile, ImportDecl, Decl, Stmt, Expr, TypeExpr, Param,
        Receiver, VarSpec, ConstSpec, FieldDecl, CaseClause, Element {
    Pos pos();
}
