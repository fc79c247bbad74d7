/**
 * Whole-VM tests, written against the embedding API only ({@code org.cairnvm.api}), as a host
 * application would use it: the golden programs of {@code testdata/} (and the saved regression
 * cases of {@code testdata/regress/}) under every combination of installed modules ({@link
 * org.cairnvm.api.Combination}) and stress modes ({@link org.cairnvm.tests.GoldenTest}), generated
 * programs compared across all of them and with Go ({@code org.cairnvm.tests.fuzz}), the expected files
 * checked against the real Go toolchain ({@link org.cairnvm.tests.OracleTest}), and the
 * embedding contract itself ({@link org.cairnvm.tests.EmbeddingTest}).
 */
package org.cairnvm.tests;
