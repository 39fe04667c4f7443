#include "accord/runtime/bundle_io.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace accord::runtime {
namespace {

constexpr char kMagic[8] = {'A', 'C', 'C', 'O', 'R', 'D', 'B', '\0'};
constexpr std::size_t kHeaderSize = 8 + 4 + 8 + 8;

constexpr std::uint64_t kFnvBasis = 1469598103934665603ull;

std::uint64_t Fnv1a(std::string_view bytes, std::uint64_t hash = kFnvBasis) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

/// Little-endian writing into one growing buffer; `Reserve` leaves room
/// (the header) to fill in later with `PutU64`.
class Writer {
 public:
  void U8(std::uint8_t v) { *Grow(1) = static_cast<char>(v); }
  void U32(std::uint32_t v) { Put(Grow(4), v, 4); }
  void U64(std::uint64_t v) { Put(Grow(8), v, 8); }
  void F64(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    U64(bits);
  }
  void Bytes(std::string_view s) {
    if (!s.empty()) std::memcpy(Grow(s.size()), s.data(), s.size());
  }
  void Str(std::string_view s) {
    U32(static_cast<std::uint32_t>(s.size()));
    Bytes(s);
  }
  void Val(const Value& v) {
    U8(static_cast<std::uint8_t>(v.kind));
    switch (v.kind) {
      case ValueKind::MISSING: break;
      case ValueKind::BOOL: U8(v.boolean ? 1 : 0); break;
      case ValueKind::NUMBER: F64(v.number); break;
      case ValueKind::STRING: Str(v.text); break;
      case ValueKind::ENUM:
      case ValueKind::CONCEPT: U32(v.id); break;
    }
  }
  void Ids(const std::vector<std::uint32_t>& ids) {
    char* p = Grow(4 + 4 * ids.size());
    Put(p, static_cast<std::uint32_t>(ids.size()), 4);
    for (std::uint32_t id : ids) Put(p += 4, id, 4);
  }

  /// Makes room for `n` bytes in all, so that a good guess grows the buffer once.
  void Expect(std::size_t n) {
    if (n > out_.size()) out_.resize(n);
  }
  /// Skips `n` bytes, to be filled in later; returns their offset.
  std::size_t Reserve(std::size_t n) {
    Grow(n);
    return size_ - n;
  }
  void PutU64(std::size_t offset, std::uint64_t v) { Put(out_.data() + offset, v, 8); }

  std::size_t Size() const { return size_; }
  std::string_view View(std::size_t offset) const {
    return std::string_view(out_).substr(offset, size_ - offset);
  }
  std::string Take() {
    out_.resize(size_);
    return std::move(out_);
  }

 private:
  char* Grow(std::size_t n) {
    if (size_ + n > out_.size()) out_.resize(std::max(2 * out_.size(), size_ + n + 4096));
    char* p = out_.data() + size_;
    size_ += n;
    return p;
  }
  static void Put(char* p, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) p[i] = static_cast<char>(v >> (8 * i));
  }

  std::string out_;  ///< capacity in use up to size_
  std::size_t size_ = 0;
};

/// Bounds-checked reading; the first failure sticks and later reads return zeros.
class Reader {
 public:
  Reader(std::string_view bytes, Bundle& bundle) : in_(bytes), bundle_(bundle) {}

  bool Failed() const { return !error_.empty(); }
  const std::string& ErrorText() const { return error_; }
  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }
  bool AtEnd() const { return pos_ == in_.size(); }

  std::uint8_t U8() {
    if (pos_ + 1 > in_.size()) return Truncated(), 0;
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  std::uint32_t U32() {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(U8()) << (8 * i);
    return v;
  }
  std::uint64_t U64() {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(U8()) << (8 * i);
    return v;
  }
  double F64() {
    std::uint64_t bits = U64();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  std::string Str() {
    std::uint32_t size = U32();
    if (pos_ + size > in_.size()) return Truncated(), std::string{};
    std::string s(in_.substr(pos_, size));
    pos_ += size;
    return s;
  }
  /// A count of elements that each take at least `min_bytes`, checked
  /// against what is left so a corrupt count cannot allocate gigabytes.
  std::uint32_t Count(std::size_t min_bytes = 1) {
    std::uint32_t n = U32();
    if (static_cast<std::uint64_t>(n) * min_bytes > in_.size() - pos_) {
      Fail(fmt::format("a table claims {} entries, more than the file holds", n));
      return 0;
    }
    return n;
  }
  Value Val() {
    Value v;
    auto kind = U8();
    if (kind > static_cast<std::uint8_t>(ValueKind::CONCEPT)) {
      Fail(fmt::format("unknown value kind {}", kind));
      return v;
    }
    v.kind = static_cast<ValueKind>(kind);
    switch (v.kind) {
      case ValueKind::MISSING: break;
      case ValueKind::BOOL: v.boolean = U8() != 0; break;
      case ValueKind::NUMBER: v.number = F64(); break;
      case ValueKind::STRING: v.text = bundle_.Intern(Str()); break;
      case ValueKind::ENUM:
      case ValueKind::CONCEPT: v.id = U32(); break;
    }
    return v;
  }
  std::vector<std::uint32_t> Ids() {
    std::uint32_t n = Count(4);
    std::vector<std::uint32_t> ids(n);
    for (std::uint32_t& id : ids) id = U32();
    return ids;
  }
  template <typename E>
  E Enum(std::uint8_t max, const char* what) {
    std::uint8_t v = U8();
    if (v > max) Fail(fmt::format("unknown {} {}", what, v));
    return static_cast<E>(v > max ? 0 : v);
  }

 private:
  void Truncated() { Fail("the file ends in the middle of a table"); }

  std::string_view in_;
  std::size_t pos_ = 0;
  Bundle& bundle_;
  std::string error_;
};

void WriteNode(Writer& w, const Node& n) {
  w.U8(static_cast<std::uint8_t>(n.op));
  w.U8(static_cast<std::uint8_t>(n.field));
  w.U8(static_cast<std::uint8_t>(n.builtin));
  w.U8(static_cast<std::uint8_t>(n.geometry));
  w.U32(n.var);
  w.U32(n.id);
  w.Ids(n.args);
  w.Val(n.value);
}

void WriteStep(Writer& w, const Step& s) {
  w.U32(s.var);
  w.U8(static_cast<std::uint8_t>(s.access));
  w.U32(static_cast<std::uint32_t>(s.keys.size()));
  for (const HashKey& k : s.keys) {
    w.U32(k.probe);
    w.U32(k.build);
  }
  w.U8(static_cast<std::uint8_t>(s.interval.builtin));
  w.U8(s.interval.new_is_first ? 1 : 0);
  w.U32(s.interval.bound_var);
  w.U32(s.interval.tolerance);
  w.Ids(s.residual);
}

void WriteScan(Writer& w, const Scan& s) {
  w.U32(s.var);
  w.Ids(s.filters);
}

void WritePayload(Writer& w, const Bundle& b) {
  w.Str(b.info.ontology);
  w.Str(b.info.version);
  w.Str(b.info.compiler_version);
  w.Str(b.info.sources_hash);
  w.U32(static_cast<std::uint32_t>(b.modalities.size()));
  for (const Modality& m : b.modalities) {
    w.Str(m.name);
    w.U8(m.extents);
  }
  w.U32(static_cast<std::uint32_t>(b.enums.size()));
  for (const EnumType& e : b.enums) {
    w.Str(e.name);
    w.U32(static_cast<std::uint32_t>(e.values.size()));
    for (const std::string& v : e.values) w.Str(v);
  }
  w.U32(static_cast<std::uint32_t>(b.attributes.size()));
  for (const Attribute& a : b.attributes) {
    w.Str(a.name);
    w.U8(static_cast<std::uint8_t>(a.type));
    w.U32(a.enum_id);
    w.U8(a.has_range ? 1 : 0);
    w.F64(a.lo);
    w.F64(a.hi);
    w.Val(a.default_value);
    w.U32(a.owner);
  }
  w.U32(static_cast<std::uint32_t>(b.concepts.size()));
  for (const Concept& c : b.concepts) {
    w.Str(c.name);
    w.Ids(c.parents);
    w.Ids(c.ancestors);
    w.U32(static_cast<std::uint32_t>(c.labels.size()));
    for (const auto& [m, label] : c.labels) {
      w.U32(m);
      w.Str(label);
    }
    w.U32(static_cast<std::uint32_t>(c.attributes.size()));
    for (const auto& [name, id] : c.attributes) {
      w.Str(name);
      w.U32(id);
    }
    w.U32(static_cast<std::uint32_t>(c.fixed.size()));
    for (const auto& [id, value] : c.fixed) {
      w.U32(id);
      w.Val(value);
    }
  }
  w.U32(static_cast<std::uint32_t>(b.disjoint.size()));
  for (const DisjointSet& d : b.disjoint) {
    w.Ids(d.members);
    w.Str(d.doc);
  }
  w.U32(static_cast<std::uint32_t>(b.rules.size()));
  for (const Rule& r : b.rules) {
    w.Str(r.name);
    w.U8(static_cast<std::uint8_t>(r.severity));
    w.Str(r.guideline);
    w.Str(r.escalate);
    w.Str(r.doc);
    w.U32(static_cast<std::uint32_t>(r.vars.size()));
    for (const Variable& v : r.vars) {
      w.Str(v.name);
      w.U32(v.concept_id);
      w.U32(v.modality);
    }
    w.U32(r.binding_count);
    w.U32(static_cast<std::uint32_t>(r.nodes.size()));
    for (const Node& n : r.nodes) WriteNode(w, n);
    w.U32(r.where);
    w.U32(r.require);
    w.U32(r.unless);
    w.U32(static_cast<std::uint32_t>(r.report.size()));
    for (const TemplatePiece& p : r.report) {
      w.Str(p.text);
      w.U32(p.node);
    }
    w.U32(static_cast<std::uint32_t>(r.scans.size()));
    for (const Scan& s : r.scans) WriteScan(w, s);
    w.U32(static_cast<std::uint32_t>(r.steps.size()));
    for (const Step& s : r.steps) WriteStep(w, s);
    w.U32(static_cast<std::uint32_t>(r.subplans.size()));
    for (const Subplan& s : r.subplans) {
      WriteScan(w, s.scan);
      WriteStep(w, s.step);
    }
  }
}

Node ReadNode(Reader& r) {
  Node n;
  n.op = r.Enum<Op>(static_cast<std::uint8_t>(Op::COUNT), "operator");
  n.field = r.Enum<Field>(kFieldCount - 1, "field");
  n.builtin = r.Enum<Builtin>(static_cast<std::uint8_t>(Builtin::HAS), "builtin");
  n.geometry = r.Enum<Geometry>(static_cast<std::uint8_t>(Geometry::GEO), "geometry");
  n.var = r.U32();
  n.id = r.U32();
  n.args = r.Ids();
  n.value = r.Val();
  return n;
}

Step ReadStep(Reader& r) {
  Step s;
  s.var = r.U32();
  s.access = r.Enum<Access>(static_cast<std::uint8_t>(Access::INTERVAL), "access path");
  std::uint32_t keys = r.Count(8);
  for (std::uint32_t i = 0; i < keys; ++i) {
    HashKey k;
    k.probe = r.U32();
    k.build = r.U32();
    s.keys.push_back(k);
  }
  s.interval.builtin = r.Enum<Builtin>(static_cast<std::uint8_t>(Builtin::HAS), "builtin");
  s.interval.new_is_first = r.U8() != 0;
  s.interval.bound_var = r.U32();
  s.interval.tolerance = r.U32();
  s.residual = r.Ids();
  return s;
}

Scan ReadScan(Reader& r) {
  Scan s;
  s.var = r.U32();
  s.filters = r.Ids();
  return s;
}

void ReadPayload(Reader& r, Bundle& b) {
  b.info.ontology = r.Str();
  b.info.version = r.Str();
  b.info.compiler_version = r.Str();
  b.info.sources_hash = r.Str();
  b.modalities.resize(r.Count(5));
  for (Modality& m : b.modalities) {
    m.name = r.Str();
    m.extents = r.U8();
  }
  b.enums.resize(r.Count(8));
  for (EnumType& e : b.enums) {
    e.name = r.Str();
    e.values.resize(r.Count(4));
    for (std::string& v : e.values) v = r.Str();
  }
  b.attributes.resize(r.Count(20));
  for (Attribute& a : b.attributes) {
    a.name = r.Str();
    a.type = r.Enum<AttrType>(static_cast<std::uint8_t>(AttrType::ENUM), "attribute type");
    a.enum_id = r.U32();
    a.has_range = r.U8() != 0;
    a.lo = r.F64();
    a.hi = r.F64();
    a.default_value = r.Val();
    a.owner = r.U32();
  }
  b.concepts.resize(r.Count(20));
  for (Concept& c : b.concepts) {
    c.name = r.Str();
    c.parents = r.Ids();
    c.ancestors = r.Ids();
    c.labels.resize(r.Count(8));
    for (auto& [m, label] : c.labels) {
      m = r.U32();
      label = r.Str();
    }
    c.attributes.resize(r.Count(8));
    for (auto& [name, id] : c.attributes) {
      name = r.Str();
      id = r.U32();
    }
    c.fixed.resize(r.Count(5));
    for (auto& [id, value] : c.fixed) {
      id = r.U32();
      value = r.Val();
    }
  }
  b.disjoint.resize(r.Count(8));
  for (DisjointSet& d : b.disjoint) {
    d.members = r.Ids();
    d.doc = r.Str();
  }
  b.rules.resize(r.Count(40));
  for (Rule& rule : b.rules) {
    rule.name = r.Str();
    rule.severity = r.Enum<Severity>(static_cast<std::uint8_t>(Severity::INFO), "severity");
    rule.guideline = r.Str();
    rule.escalate = r.Str();
    rule.doc = r.Str();
    rule.vars.resize(r.Count(12));
    for (Variable& v : rule.vars) {
      v.name = r.Str();
      v.concept_id = r.U32();
      v.modality = r.U32();
    }
    rule.binding_count = r.U32();
    rule.nodes.resize(r.Count(17));
    for (Node& n : rule.nodes) n = ReadNode(r);
    rule.where = r.U32();
    rule.require = r.U32();
    rule.unless = r.U32();
    rule.report.resize(r.Count(8));
    for (TemplatePiece& p : rule.report) {
      p.text = r.Str();
      p.node = r.U32();
    }
    rule.scans.resize(r.Count(8));
    for (Scan& s : rule.scans) s = ReadScan(r);
    rule.steps.resize(r.Count(20));
    for (Step& s : rule.steps) s = ReadStep(r);
    rule.subplans.resize(r.Count(28));
    for (Subplan& s : rule.subplans) {
      s.scan = ReadScan(r);
      s.step = ReadStep(r);
    }
  }
}

/// Somewhat more than the bundle's serialized size, from the table sizes.
std::size_t SizeGuess(const Bundle& b) {
  std::size_t n = 4096 + 64 * b.attributes.size();
  for (const Concept& c : b.concepts) {
    n += 32 + c.name.size() + 4 * (c.parents.size() + c.ancestors.size()) + 32 * c.labels.size() +
         24 * c.attributes.size() + 16 * c.fixed.size();
  }
  for (const Rule& r : b.rules) n += 512 + 64 * r.nodes.size();
  return n + n / 8;
}

}  // namespace

std::string HashHex(std::string_view bytes) { return fmt::format("{:016x}", Fnv1a(bytes)); }

std::string HashHex(const std::vector<std::string_view>& parts) {
  std::uint64_t hash = kFnvBasis;
  for (std::string_view part : parts) hash = Fnv1a(part, hash);
  return fmt::format("{:016x}", hash);
}

bool LooksLikeBundle(std::string_view bytes) {
  return bytes.size() >= sizeof kMagic && std::memcmp(bytes.data(), kMagic, sizeof kMagic) == 0;
}

std::string SerializeBundle(Bundle& bundle) {
  Writer w;
  w.Expect(SizeGuess(bundle));
  w.Bytes(std::string_view(kMagic, sizeof kMagic));
  w.U32(kBundleFormatVersion);
  std::size_t size_at = w.Reserve(8);
  std::size_t checksum_at = w.Reserve(8);
  WritePayload(w, bundle);
  std::string_view body = w.View(kHeaderSize);
  std::uint64_t checksum = Fnv1a(body);
  w.PutU64(size_at, body.size());
  w.PutU64(checksum_at, checksum);
  bundle.info.bundle_hash = fmt::format("{:016x}", checksum);
  return w.Take();
}

Result<Bundle> DeserializeBundle(std::string_view bytes, const std::string& name) {
  auto fail = [&](const std::string& why) { return Error{fmt::format("{}: {}", name, why)}; };
  if (!LooksLikeBundle(bytes)) return fail("not an Accord bundle (bad magic number)");
  if (bytes.size() < kHeaderSize) return fail("truncated bundle header");
  Bundle probe;
  Reader header(bytes.substr(sizeof kMagic, kHeaderSize - sizeof kMagic), probe);
  std::uint32_t version = header.U32();
  std::uint64_t size = header.U64();
  std::uint64_t checksum = header.U64();
  if (version != kBundleFormatVersion) {
    return fail(fmt::format("bundle format version {} is not supported (this accord reads "
                            "version {}); recompile the bundle with this accord",
                            version, kBundleFormatVersion));
  }
  std::string_view body = bytes.substr(kHeaderSize);
  if (body.size() != size) {
    return fail(fmt::format("truncated or padded bundle: the header promises {} bytes of "
                            "tables, the file holds {}",
                            size, body.size()));
  }
  if (Fnv1a(body) != checksum) return fail("checksum mismatch: the bundle is corrupt");

  Bundle bundle;
  Reader reader(body, bundle);
  ReadPayload(reader, bundle);
  if (!reader.Failed() && !reader.AtEnd()) reader.Fail("unexpected bytes after the last table");
  if (reader.Failed()) return fail("corrupt bundle: " + reader.ErrorText());
  bundle.info.bundle_hash = fmt::format("{:016x}", checksum);
  if (std::string problem = ValidateBundle(bundle); !problem.empty()) {
    return fail("corrupt bundle: " + problem);
  }
  bundle.Index();
  return bundle;
}

Result<Bundle> ReadBundleFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("cannot read bundle `{}`", path)};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return DeserializeBundle(buffer.str(), path);
}

}  // namespace accord::runtime
