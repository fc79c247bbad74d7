/**
 * Lexer and parser: Go's tokens with automatic semicolon insertion, Go's grammar (the whole of it,
 * so that constructs outside the subset are recognised and reported by name), Go's syntax error
 * messages, and a bound on nesting depth that keeps untrusted input from exhausting the Java stack.
 * Entry point: {@link org.cairnvm.core.parse.Parser#parse}.
 */
package org.cairnvm.core.parse;
