/**
 * The embedding API: build a {@link org.cairnvm.api.Vm} with {@link org.cairnvm.api.Vm#builder()},
 * compile a {@link org.cairnvm.api.Source} to an immutable {@link org.cairnvm.api.Program}, run it
 * to a {@link org.cairnvm.api.RunResult}. Compile errors and guest panics are values in results,
 * never Java exceptions.
 */
package org.cairnvm.api;
