/**
 * The type checker: resolves names, computes every expression's type and constant value, and
 * enforces Go's compile-time rules (unused variables and imports, missing returns, assignability,
 * constant overflow), reporting in Go's wording. Its output is a {@link
 * org.cairnvm.core.check.TypeInfo} of identity maps keyed by syntax nodes.
 */
package org.cairnvm.core.check;
