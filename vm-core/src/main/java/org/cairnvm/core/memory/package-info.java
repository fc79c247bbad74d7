/**
 * The guest address space and the heap.
 *
 * <p>{@link org.cairnvm.core.memory.GuestMemory} is a simulated 64-bit space of 8-byte words:
 * regions are reserved like {@code mmap} at increasing addresses with unmapped gaps between them,
 * page zero and the first 64 KiB are never mapped, guard regions fault on any touch, and reserved
 * and committed bytes are accounted with their peaks. {@link org.cairnvm.core.memory.Heap} is the
 * one bump-allocated heap region. Faults are {@link org.cairnvm.core.memory.MemoryFault}s, which
 * the runtime turns into Go's nil-pointer panic or an overflow; an exhausted heap is
 * {@link org.cairnvm.core.memory.OutOfMemory}.
 */
package org.cairnvm.core.memory;
