#include "flat_record.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <simdjson.h>

#include "json_number.h"
#include "swar.h"

namespace accord::runtime::internal {
namespace {

/// A forward scan of one line. Every read is either before `end` or within
/// the padding after it (whole words), and every decision is on bytes before
/// `end`.
struct Scan {
  const char* p;
  const char* end;
  bool high = false;  ///< a string held a byte >= 0x80: check UTF-8 at the end

  bool More() const { return p < end; }
  bool At(char c) const { return p < end && *p == c; }

  void SkipSpace() {
    // Mostly there is none: one test of the byte against ' ' settles it.
    while (p < end && static_cast<unsigned char>(*p) <= ' ' &&
           (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) {
      ++p;
    }
  }

  /// Consumes `c` and the whitespace after it.
  bool Expect(char c) {
    if (!At(c)) return false;
    ++p;
    SkipSpace();
    return true;
  }

  /// A string without escapes or control characters (p at its quote), viewed
  /// where it is written; p moves past it.
  bool String(std::string_view& out) {
    if (!At('"')) return false;
    const char* begin = p + 1;
    const char* close = PlainStringEnd(begin, end, high);
    if (!close) return false;
    out = std::string_view(begin, static_cast<std::size_t>(close - begin));
    p = close + 1;
    return true;
  }

  /// A JSON number within a double's range, as ScanJsonNumber reads it.
  bool Number(double& out, bool& integral) {
    return ScanJsonNumber(p, end, out, integral) == JsonNumber::OK;
  }

  /// `true`, `false` or `null`, followed by something that is not a letter.
  bool Literal(std::string_view word) {
    if (static_cast<std::size_t>(end - p) < word.size() ||
        std::memcmp(p, word.data(), word.size()) != 0) {
      return false;
    }
    p += word.size();
    return true;
  }

  bool Null() { return At('n') && Literal("null"); }

  /// An array of exactly `n` numbers (integral with `integers`).
  bool Numbers(std::size_t n, bool integers, double* out) {
    if (!Expect('[')) return false;
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0 && !Expect(',')) return false;
      bool integral;
      if (!Number(out[i], integral)) return false;
      if (integers && std::trunc(out[i]) != out[i]) return false;
      SkipSpace();
    }
    return At(']') && (++p, true);
  }

  /// A scalar value, read and dropped (an unknown field's).
  bool SkipScalar() {
    if (!More()) return false;
    std::string_view text;
    double number;
    bool integral;
    switch (*p) {
      case '"':
        return String(text);
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        return Number(number, integral);
    }
  }

  /// `attrs`: an object of scalars; `null` entries are absent.
  bool Attrs(std::vector<ParsedAttr>& attrs) {
    if (!Expect('{')) return false;
    if (At('}')) return ++p, true;
    for (;;) {
      ParsedAttr attr;
      if (!String(attr.name)) return false;
      SkipSpace();
      if (!Expect(':') || !More()) return false;
      bool integral;
      switch (*p) {
        case '"':
          attr.kind = AttrKind::STRING;
          if (!String(attr.text)) return false;
          attrs.push_back(attr);
          break;
        case 't':
        case 'f':
          attr.kind = AttrKind::BOOL;
          attr.boolean = *p == 't';
          if (!Literal(attr.boolean ? "true" : "false")) return false;
          attrs.push_back(attr);
          break;
        case 'n':  // absent
          if (!Literal("null")) return false;
          break;
        default:
          attr.kind = AttrKind::NUMBER;
          if (!Number(attr.number, integral)) return false;
          attrs.push_back(attr);
          break;
      }
      SkipSpace();
      if (At('}')) return ++p, true;
      if (!Expect(',')) return false;
    }
  }

  /// `id` or `track`: a string, or an integer kept as its text.
  bool StringOrInteger(std::string_view& out) {
    if (At('"')) return String(out);
    const char* begin = p;
    double number;
    bool integral;
    if (!Number(number, integral) || !integral) return false;
    out = std::string_view(begin, static_cast<std::size_t>(p - begin));
    return true;
  }

  /// An optional number into `out`, setting `flag` when it is present.
  bool OptionalNumber(double& out, std::uint16_t flag, std::uint16_t& flags) {
    if (Null()) return true;
    bool integral;
    if (!Number(out, integral)) return false;
    flags |= flag;
    return true;
  }

  bool OptionalNumbers(std::size_t n, bool integers, double* out, std::uint16_t flag,
                       std::uint16_t& flags) {
    if (Null()) return true;
    if (!Numbers(n, integers, out)) return false;
    flags |= flag;
    return true;
  }

  bool OptionalString(std::string_view& out, std::uint16_t flag, std::uint16_t& flags) {
    if (Null()) return true;
    if (!String(out)) return false;
    flags |= flag;
    return true;
  }
};

/// The value of field `key`, as ReadField reads it.
bool Value(Scan& s, Key key, Record& r, Fields& f, std::vector<ParsedAttr>& attrs) {
  std::string_view text;
  switch (key) {
    case Key::ITEM:
      return s.String(text);
    case Key::ID:
      return s.StringOrInteger(f.id);
    case Key::MODALITY:
      return s.String(f.modality);
    case Key::LABEL:
      return s.String(f.label);
    case Key::START:
      return s.OptionalNumber(r.start, HAS_START, r.flags);
    case Key::END:
      return s.OptionalNumber(r.end, HAS_END, r.flags);
    case Key::CONFIDENCE:
      return s.OptionalNumber(r.confidence, HAS_CONFIDENCE, r.flags) &&
             (!r.Has(HAS_CONFIDENCE) || (r.confidence >= 0 && r.confidence <= 1));
    case Key::SPAN:
      return s.OptionalNumbers(2, true, f.extents.span.data(), HAS_SPAN, r.flags);
    case Key::BOX:
      return s.OptionalNumbers(4, false, f.extents.box.data(), HAS_BOX, r.flags);
    case Key::BOX3D:
      return s.OptionalNumbers(7, false, f.extents.box3d.data(), HAS_BOX3D, r.flags);
    case Key::GEO:
      return s.OptionalNumbers(2, false, f.extents.geo.data(), HAS_GEO, r.flags);
    case Key::TRACK:
      if (s.Null()) return true;
      if (!s.StringOrInteger(f.track)) return false;
      r.flags |= HAS_TRACK;
      return true;
    case Key::ANNOTATOR:
      return s.OptionalString(f.annotator, HAS_ANNOTATOR, r.flags);
    case Key::SOURCE:
      if (s.Null()) return true;
      if (!s.String(text)) return false;
      if (text == "model") {
        r.flags |= FROM_MODEL;
        return true;
      }
      return text == "human";
    case Key::ATTRS:
      return s.Null() || s.Attrs(attrs);
    case Key::UNKNOWN:
      return s.SkipScalar();
  }
  return false;
}

constexpr std::uint32_t kRequiredBits =
    Bit(Key::ITEM) | Bit(Key::ID) | Bit(Key::MODALITY) | Bit(Key::LABEL);

}  // namespace

bool ParseFlat(std::string_view line, Record& r, Fields& f, std::vector<ParsedAttr>& attrs,
               KeyOrder& next) {
  Scan s{line.data(), line.data() + line.size()};
  f.id = f.modality = f.label = f.annotator = f.track = {};
  f.seen = 0;
  attrs.clear();
  s.SkipSpace();
  if (!s.Expect('{')) return false;
  std::size_t previous = kKeyCount;
  for (;;) {
    if (!s.At('"')) return false;
    const char* raw = s.p + 1;
    Key key = next[previous];
    if (key != Key::UNKNOWN && RawIsKey(raw, key) && raw + Name(key).size() < s.end) {
      s.p = raw + Name(key).size() + 1;  // the key the last record had here, and its quote
    } else {
      std::string_view name;
      if (!s.String(name)) return false;
      key = ClassifyRaw(raw);
    }
    next[previous] = key;
    previous = key == Key::UNKNOWN ? kKeyCount : static_cast<std::size_t>(key);
    if (key != Key::UNKNOWN) {
      if (f.seen & Bit(key)) return false;
      f.seen |= Bit(key);
    }
    s.SkipSpace();
    if (!s.Expect(':')) return false;
    if (!Value(s, key, r, f, attrs)) return false;
    s.SkipSpace();
    if (s.At('}')) break;
    if (!s.Expect(',')) return false;
  }
  ++s.p;
  s.SkipSpace();
  if (s.More()) return false;
  if ((f.seen & kRequiredBits) != kRequiredBits) return false;
  if (r.HasTime() && r.end < r.start) return false;
  if (r.Has(HAS_SPAN) && f.extents.span[1] < f.extents.span[0]) return false;
  return !s.high || simdjson::validate_utf8(line.data(), line.size());
}

}  // namespace accord::runtime::internal
