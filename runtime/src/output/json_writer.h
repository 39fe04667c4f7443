#pragma once
// A small JSON writer: keys come out in the order they are written, numbers
// shortest-roundtrip, strings escaped by JsonQuote. Indent 0 writes one line
// with no spaces (JSON Lines); otherwise nested values go on their own lines.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace accord::runtime::internal {

class JsonWriter {
 public:
  explicit JsonWriter(int indent = 0) : indent_(indent) {}

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

  /// The text written so far.
  const std::string& Text() const { return out_; }

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
