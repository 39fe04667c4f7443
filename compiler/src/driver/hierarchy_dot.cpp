#include "accord/compiler/driver/hierarchy_dot.h"

#include <sstream>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <fmt/format.h>

namespace accord {
namespace {

struct EdgeKind {
  const std::string* disjoint_doc = nullptr;  ///< set on the edges of a disjoint set
};
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                    boost::no_property, EdgeKind>;

std::string DotEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

constexpr const char* kModuleColors[] = {"#dbe9f6", "#fde2c8", "#d9f0d3", "#f3d9e8",
                                         "#e8e1f5", "#fff3bf", "#d5f0ef", "#eeeeee"};

}  // namespace

std::string HierarchyToDot(const sema::Program& program) {
  Graph graph(program.concepts.size());
  for (sema::ConceptId c = 0; c < program.concepts.size(); ++c) {
    for (sema::ConceptId parent : program.concepts[c].parents) {
      boost::add_edge(c, parent, EdgeKind{}, graph);
    }
  }
  for (const sema::DisjointSet& set : program.disjoint) {
    for (std::size_t i = 0; i + 1 < set.members.size(); ++i) {
      boost::add_edge(set.members[i], set.members[i + 1], EdgeKind{&set.decl->doc}, graph);
    }
  }
  auto vertex_writer = [&](std::ostream& out, Graph::vertex_descriptor v) {
    const sema::ConceptInfo& info = program.concepts[v];
    std::string label = info.name;
    for (const auto& [m, text] : info.labels) {
      label += fmt::format("\n{}: \"{}\"", program.modalities[m].name, text);
    }
    out << fmt::format("[label=\"{}\", tooltip=\"{}\", fillcolor=\"{}\"]", DotEscape(label),
                       DotEscape(info.decl->doc.empty() ? info.name : info.decl->doc),
                       kModuleColors[info.module % std::size(kModuleColors)]);
  };
  auto edge_writer = [&](std::ostream& out, Graph::edge_descriptor e) {
    if (const std::string* doc_ptr = graph[e].disjoint_doc) {
      const std::string& doc = *doc_ptr;
      out << fmt::format(
          "[style=dashed, color=\"#c0392b\", dir=none, constraint=false, label=\"disjoint\", "
          "fontcolor=\"#c0392b\", tooltip=\"{}\"]",
          DotEscape(doc.empty() ? "disjoint" : doc));
    }
  };
  auto graph_writer = [&](std::ostream& out) {
    std::string root = program.modules.empty() ? "" : program.modules[program.root].name;
    out << fmt::format("label=\"{}\";\nrankdir=BT;\nnode [shape=box, style=\"rounded,filled\", "
                       "fontname=\"Helvetica\", fontsize=11];\nedge [color=\"#555555\"];\n",
                       DotEscape(root));
  };
  std::ostringstream out;
  boost::write_graphviz(out, graph, vertex_writer, edge_writer, graph_writer);
  return out.str();
}

}  // namespace accord
