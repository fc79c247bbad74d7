/**
 * Whole-VM tests, written against the embedding API only ({@code org.cairnvm.api}), as a host
 * application would use it: the golden programs of {@code testdata/} under every combination of
 * installed modules and stress modes ({@link org.cairnvm.tests.GoldenTest}), the expected files
 * checked against the real Go toolchain ({@link org.cairnvm.tests.OracleTest}), and the
 * embedding contract itself ({@link org.cairnvm.tests.EmbeddingTest}).
 */
package org.cairnvm.tests;
