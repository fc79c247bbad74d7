/**
 * The syntax tree: records for every node, sealed hierarchies for declarations, statements,
 * expressions and type expressions. Nodes are compared by identity; the type checker's results
 * ({@link org.cairnvm.core.check.TypeInfo}) are identity maps keyed by nodes.
 */
package org.cairnvm.core.ast;
