#pragma once
// For tests: RecordParser's two readers. The flat reader takes the common
// shape of a record in one pass and declines the rest, which simdjson reads;
// tests read the same lines with simdjson alone and compare.

#include "accord/runtime/ingest.h"

namespace accord::runtime::internal {

enum class RecordReader {
  FLAT_FIRST,  ///< the flat reader, then simdjson for what it declines (the default)
  SIMDJSON,    ///< simdjson only
};

struct RecordParserAccess {
  static void Use(RecordParser& parser, RecordReader reader);
  /// Whether the last line Parse accepted was read by the flat reader.
  static bool LastWasFlat(const RecordParser& parser);
};

}  // namespace accord::runtime::internal
