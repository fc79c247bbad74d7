package org.cairnvm.core.code;

/**
 * A function declared without a body, to be supplied by the embedder.
 *
 * @param name Go name as declared ({@code hostNow})
 * @param paramWords argument words
 * @param resultWords 0 or 1
 * @param line where it is declared, for the "missing host function" error
 * @param column where it is declared
 */
public record HostImport(String name, int paramWords, int resultWords, int line, int column) {
}
