#pragma once
// The concept hierarchy as a GraphViz document (Boost.Graph's GraphViz
// writer): one node per concept with its labels per modality, an edge from
// each concept to each parent, dashed edges between disjoint members.

#include <string>

#include "accord/compiler/sema/program.h"

namespace accord {

std::string HierarchyToDot(const sema::Program& program);

}  // namespace accord
