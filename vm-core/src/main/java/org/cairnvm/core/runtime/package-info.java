/**
 * One run of a compiled program: {@link org.cairnvm.core.runtime.Machine} builds the run's
 * world (address space, heap, frame walker, the context lent to the stack strategy, counters,
 * trace, goroutine 1), drives the interpreter through the init function and {@code main.main},
 * and turns the outcome into a {@link org.cairnvm.api.RunResult}. It holds the one error-report
 * printer (panics, fatal errors, stack overflow, out of memory, budget, interrupt), which names
 * frames through the frame walker. {@link org.cairnvm.core.runtime.RunEnv} is the contract with
 * the VM layer that supplies configuration, plugins, host functions and writers.
 */
package org.cairnvm.core.runtime;
