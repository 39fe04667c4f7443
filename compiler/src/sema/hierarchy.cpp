// Pass 2: the concept hierarchy as a Boost.Graph DAG. Cycles are reported
// with their path; the ancestor closure, effective labels and the
// modalities reachable below each concept are precomputed here.

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <fmt/format.h>

#include "accord/compiler/sema/internal/passes.h"

namespace accord::sema::internal {
namespace {

struct ParentEdge {
  ConceptId child;
  ConceptId parent;
  SourceRange range;  ///< the parent's name in the child's declaration
};

struct EdgeProps {
  std::size_t index;
};
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                    boost::no_property, EdgeProps>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

/// Records DFS tree parents, back edges (each closes a cycle) and the finish
/// order, which puts every parent before its children.
class CycleVisitor : public boost::default_dfs_visitor {
 public:
  CycleVisitor(std::vector<Vertex>& pred, std::vector<std::size_t>& back_edges,
               std::vector<Vertex>& finished)
      : pred_(pred), back_edges_(back_edges), finished_(finished) {}
  void tree_edge(Edge e, const Graph& g) { pred_[boost::target(e, g)] = boost::source(e, g); }
  void back_edge(Edge e, const Graph& g) { back_edges_.push_back(g[e].index); }
  void finish_vertex(Vertex v, const Graph&) { finished_.push_back(v); }

 private:
  std::vector<Vertex>& pred_;
  std::vector<std::size_t>& back_edges_;
  std::vector<Vertex>& finished_;
};

std::vector<ParentEdge> ResolveParents(Context& ctx) {
  std::vector<ParentEdge> edges;
  Program& program = ctx.program;
  for (ConceptId c = 0; c < program.concepts.size(); ++c) {
    const ast::ConceptDecl& decl = *program.concepts[c].decl;
    for (std::size_t i = 0; i < decl.parents.size(); ++i) {
      const ast::QualifiedName& parent_name = decl.parents[i];
      std::optional<Symbol> parent =
          ctx.Resolve(program.concepts[c].module, parent_name, SymbolKind::CONCEPT, "E0201");
      if (!parent) continue;
      auto& parents = program.concepts[c].parents;
      if (auto it = std::find(parents.begin(), parents.end(), parent->id); it != parents.end()) {
        const SourceRange& first =
            std::find_if(edges.begin(), edges.end(), [&](const ParentEdge& e) {
              return e.child == c && e.parent == parent->id;
            })->range;
        ctx.diags
            .Error("E0211", parent_name.range,
                   fmt::format("`{}` is listed twice as a parent of `{}`", parent_name.Joined(),
                               decl.name.text))
            .Primary("repeated here")
            .Label(first, "first listed here");
        continue;
      }
      parents.push_back(parent->id);
      edges.push_back({c, parent->id, parent_name.range});
    }
  }
  return edges;
}

void ReportCycle(Context& ctx, const std::vector<ParentEdge>& edges, const ParentEdge& back,
                 const std::vector<Vertex>& pred) {
  // The back edge child -> parent closes a cycle: parent ->...-> child along
  // tree edges (each "is under"), then child -> parent.
  std::vector<ConceptId> path;
  for (Vertex v = back.child;; v = pred[v]) {
    path.push_back(static_cast<ConceptId>(v));
    if (v == back.parent) break;
  }
  std::reverse(path.begin(), path.end());  // parent ... child
  std::vector<std::string> names;
  for (ConceptId c : path) names.push_back(ctx.program.concepts[c].name);
  names.push_back(ctx.program.concepts[back.parent].name);
  const std::string& child = ctx.program.concepts[back.child].name;
  Diagnostic& d = ctx.diags.Error(
      "E0206", back.range,
      fmt::format("the concept hierarchy has a cycle: {}", fmt::join(names, " -> ")));
  d.Primary(fmt::format("`{}` is declared under `{}`, which is already below it", child,
                        ctx.program.concepts[back.parent].name));
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    for (const ParentEdge& edge : edges) {
      if (edge.child == path[i] && edge.parent == path[i + 1]) {
        d.Label(edge.range, fmt::format("`{}` is under `{}`", ctx.program.concepts[path[i]].name,
                                        ctx.program.concepts[path[i + 1]].name));
        break;
      }
    }
  }
  d.Help("the hierarchy must be acyclic: remove one of these parent links");
}

/// Where each concept's labels were written, for E0207 and E0211: per
/// concept, one entry per modality it is labelled in.
class LabelSites {
 public:
  explicit LabelSites(std::size_t concepts) : spans_(concepts) {}

  struct Site {
    ModalityId modality;
    SourceRange label;  ///< the label string, or the name that stands for it
    SourceRange use;    ///< the modality in the `in` clause (or the concept's name)
  };

  /// Starts the entries of `c`; its sites are added next, before any other concept's.
  void Begin(ConceptId c) {
    spans_[c].first = static_cast<std::uint32_t>(sites_.size());
    current_ = c;
  }
  void Add(const Site& site) {
    sites_.push_back(site);
    spans_[current_].second = static_cast<std::uint32_t>(sites_.size());
  }
  /// The site of `c` in modality `m`; it must exist.
  const Site& At(ConceptId c, ModalityId m) const {
    for (std::uint32_t i = spans_[c].first; i < spans_[c].second; ++i) {
      if (sites_[i].modality == m) return sites_[i];
    }
    throw std::out_of_range("no label site");
  }

 private:
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans_;  ///< [first, end) per concept
  std::vector<Site> sites_;
  ConceptId current_ = 0;
};

/// Effective labels for concept `c`, whose parents are already done.
void ComputeLabels(Context& ctx, ConceptId c, LabelSites& sites) {
  Program& program = ctx.program;
  ConceptInfo& info = program.concepts[c];
  const ast::ConceptDecl& decl = *info.decl;
  sites.Begin(c);
  if (decl.has_in_clause) {
    for (const ast::ModalityUse& use : decl.modalities) {
      std::optional<Symbol> modality =
          ctx.Resolve(info.module, use.modality, SymbolKind::MODALITY, "E0202");
      if (!modality) continue;
      ModalitySet bit = ModalitySet{1} << modality->id;
      if ((info.modalities & bit) != 0) {
        ctx.diags
            .Error("E0211", use.modality.range,
                   fmt::format("modality `{}` is listed twice for concept `{}`",
                               use.modality.Joined(), info.name))
            .Primary("repeated here")
            .Label(sites.At(c, modality->id).use, "first listed here")
            .Help(fmt::format("a concept has one label per modality; keep one of the two `{}`",
                              use.modality.Joined()));
        continue;
      }
      info.modalities |= bit;
      info.labels.emplace_back(modality->id, use.label ? use.label->value : info.name);
      sites.Add({modality->id, use.label ? use.label->range : use.modality.range,
                 use.modality.range});
    }
  } else {
    for (ConceptId parent : info.parents) info.modalities |= program.concepts[parent].modalities;
    for (ModalityId m = 0; m < program.modalities.size(); ++m) {
      if ((info.modalities >> m) & 1) {
        info.labels.emplace_back(m, info.name);
        sites.Add({m, decl.name.range, decl.name.range});
      }
    }
  }
  std::sort(info.labels.begin(), info.labels.end());
}

struct LabelKeyHash {
  std::size_t operator()(const std::pair<ModalityId, std::string_view>& key) const {
    return std::hash<std::string_view>{}(key.second) * 31 + key.first;
  }
};

void CheckLabelCollisions(Context& ctx, const LabelSites& sites) {
  Program& program = ctx.program;
  std::unordered_map<std::pair<ModalityId, std::string_view>, ConceptId, LabelKeyHash> owner;
  owner.reserve(program.concepts.size());
  for (ConceptId c = 0; c < program.concepts.size(); ++c) {
    for (const auto& [m, label] : program.concepts[c].labels) {
      auto [it, inserted] = owner.emplace(std::make_pair(m, std::string_view(label)), c);
      if (inserted) continue;
      const ConceptInfo& first = program.concepts[it->second];
      ctx.diags
          .Error("E0207", sites.At(c, m).label,
                 fmt::format("label \"{}\" in modality `{}` is used by both `{}` and `{}`", label,
                             program.modalities[m].name, first.name, program.concepts[c].name))
          .Primary(fmt::format("`{}` is labelled \"{}\" here", program.concepts[c].name, label))
          .Label(sites.At(it->second, m).label,
                 fmt::format("`{}` already has this label", first.name))
          .Help(fmt::format("give one of them its own label: `in {} as \"...\"`",
                            program.modalities[m].name));
    }
  }
}

}  // namespace

void HierarchyPass(Context& ctx) {
  Program& program = ctx.program;
  const std::size_t n = program.concepts.size();
  std::vector<ParentEdge> edges = ResolveParents(ctx);

  Graph graph(n);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    boost::add_edge(edges[i].child, edges[i].parent, EdgeProps{i}, graph);
  }
  std::vector<Vertex> pred(n);
  for (std::size_t v = 0; v < n; ++v) pred[v] = v;
  std::vector<std::size_t> back_edges;
  std::vector<Vertex> finished;
  finished.reserve(n);
  std::vector<boost::default_color_type> colors(n);
  boost::depth_first_search(
      graph, CycleVisitor(pred, back_edges, finished),
      boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph)));

  // Drop the links that close cycles, so every later pass sees a DAG.
  std::vector<bool> is_back(edges.size(), false);
  for (std::size_t e : back_edges) {
    ReportCycle(ctx, edges, edges[e], pred);
    is_back[e] = true;
  }
  for (ConceptInfo& info : program.concepts) info.parents.clear();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (is_back[i]) continue;
    program.concepts[edges[i].child].parents.push_back(edges[i].parent);
    program.concepts[edges[i].parent].children.push_back(edges[i].child);
  }

  // `finished` lists parents before children.
  LabelSites label_sites(n);
  for (Vertex v : finished) {
    auto c = static_cast<ConceptId>(v);
    ctx.topo_order.push_back(c);
    ConceptInfo& info = program.concepts[c];
    info.ancestors.push_back(c);
    for (ConceptId parent : info.parents) {
      const auto& up = program.concepts[parent].ancestors;
      info.ancestors.insert(info.ancestors.end(), up.begin(), up.end());
    }
    std::sort(info.ancestors.begin(), info.ancestors.end());
    info.ancestors.erase(std::unique(info.ancestors.begin(), info.ancestors.end()),
                         info.ancestors.end());
    ComputeLabels(ctx, c, label_sites);
  }
  for (auto it = finished.rbegin(); it != finished.rend(); ++it) {
    ConceptInfo& info = program.concepts[*it];
    info.reachable |= info.modalities;
    for (ConceptId parent : info.parents) program.concepts[parent].reachable |= info.reachable;
  }
  CheckLabelCollisions(ctx, label_sites);
}

}  // namespace accord::sema::internal
