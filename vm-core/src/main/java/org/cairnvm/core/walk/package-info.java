/**
 * The one frame walker ({@link org.cairnvm.core.walk.Walker}): it follows saved frame pointers
 * through raw guest memory and names each frame with its function, pc, source line and stack
 * map. Stack copying rewrites through it, collectors read roots through it, and panic and
 * overflow reports print through it.
 */
package org.cairnvm.core.walk;
