#pragma once
// A small JSON writer: keys come out in the order they are written, numbers
// shortest-roundtrip, strings escaped by JsonQuote. Indent 0 writes one line
// with no spaces (JSON Lines); otherwise nested values go on their own lines.
// A document can be written in parts: Take() hands out the text so far, and a
// writer can start inside containers opened by another (to render, say, the
// elements of an array on their own).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord::runtime::internal {

class JsonWriter {
 public:
  /// `depth`: the writer starts inside that many open, empty containers, as
  /// if the enclosing document had been written up to there.
  explicit JsonWriter(int indent = 0, std::size_t depth = 0)
      : empty_(depth, true), indent_(indent) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  /// A string, or null when `value` is empty.
  JsonWriter& StringOrNull(std::string_view value);
  JsonWriter& Number(double value);
  JsonWriter& Uint(std::uint64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  /// A value written verbatim (the caller guarantees it is valid JSON, or a
  /// placeholder it replaces later).
  JsonWriter& Raw(std::string_view text);
  /// The innermost open container got values written elsewhere: it closes
  /// as a non-empty one.
  JsonWriter& MarkNotEmpty();

  /// The text written so far (and not taken).
  const std::string& Text() const { return out_; }
  /// Hands out the text written so far; the writer goes on where it was.
  std::string Take() { return std::exchange(out_, {}); }

 private:
  void BeforeValue();
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);

  std::string out_;
  std::vector<bool> empty_;  ///< per open container: nothing written in it yet
  bool after_key_ = false;
  int indent_;
};

}  // namespace accord::runtime::internal
