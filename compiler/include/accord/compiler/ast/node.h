#pragma once
// Base pieces shared by every AST node: source ranges and names.

#include <string>
#include <vector>

#include "accord/compiler/base/source.h"

namespace accord::ast {

/// Every node knows where it came from. Nodes are owned by unique_ptr or by
/// value in their parent and are never copied.
struct Node {
  SourceRange range;

  Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  Node(Node&&) = default;
  Node& operator=(Node&&) = default;
  virtual ~Node() = default;
};

/// An identifier as written, with its span.
struct Name {
  std::string text;
  SourceRange range;
};

/// `a.b.c`.
struct QualifiedName {
  std::vector<Name> parts;
  SourceRange range;

  std::string Joined() const;
  bool Empty() const { return parts.empty(); }
};

/// A string literal with escapes already decoded.
struct StringLit {
  std::string value;
  SourceRange range;
};

}  // namespace accord::ast
