/**
 * Differential testing: {@link org.cairnvm.tests.fuzz.ProgramGenerator} writes seeded, valid,
 * terminating Go programs; {@link org.cairnvm.tests.fuzz.DifferentialTest} runs a batch of them
 * under every combination of installed plugins and stress modes ({@link
 * org.cairnvm.tests.fuzz.RunConfig}) and, when {@code go} is installed, under Go itself ({@link
 * org.cairnvm.tests.fuzz.GoOracle}); about a third of the programs run goroutines and channels in
 * ways whose output does not depend on Go's scheduler ({@link
 * org.cairnvm.tests.fuzz.GoroutineProgramsTest} checks that under Go). {@link
 * org.cairnvm.tests.fuzz.Reducer} shrinks a program on
 * which they disagree, and {@link org.cairnvm.tests.fuzz.RegressionCase} saves it under {@code
 * testdata/regress/} for the golden suite to replay.
 */
package org.cairnvm.tests.fuzz;
