#pragma once
// The semantic passes, in the order Analyze runs them. Each takes the
// context the previous ones filled in and adds to it and to the diagnostics.

#include "accord/compiler/sema/internal/context.h"

namespace accord::sema::internal {

/// Registers every declaration in its module's scope; builds modality and enum tables.
void DeclarePass(Context& ctx);
/// Resolves parents, builds the hierarchy DAG, reports cycles, computes the
/// ancestor closure, effective labels and label collisions.
void HierarchyPass(Context& ctx);
/// Attribute types, ranges, defaults, fixed values and inheritance.
void AttributePass(Context& ctx);
/// `disjoint` sets: members, and concepts under two members.
void DisjointPass(Context& ctx);
/// Type-checks rules into the checked IR.
void RulePass(Context& ctx);
/// Checks test blocks: records against the ontology, expectations against rules.
void TestPass(Context& ctx);
/// Warnings: unused declarations, concepts annotatable nowhere, rules that never fire.
void LintPass(Context& ctx);

}  // namespace accord::sema::internal
