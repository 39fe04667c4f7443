#pragma once
// JSON numbers to doubles, read by Accord itself: the flat reader reads every
// number this way, input errors tell a malformed number from one out of range
// by it, and the simdjson reader takes the value from here too, because
// simdjson 3.0.1 (Debian 12's) misreads numbers with many digits after "0."
// (0.1000000000000000055511151231257827 gives 4.1e-16; simdjson issue #2093,
// fixed upstream in 3.6.3).

#include <cstddef>
#include <cstdint>

namespace accord::runtime::internal {

/// The general conversion of the number [begin, end) (correctly rounded);
/// false when it is beyond a double's range.
bool ConvertJsonNumber(const char* begin, const char* end, double& value);

/// What ScanJsonNumber found.
enum class JsonNumber {
  OK,            ///< `value` holds it
  MALFORMED,     ///< no JSON number at `p` (`p` unchanged)
  OUT_OF_RANGE,  ///< a JSON number beyond a double's range (`p` past it)
};

/// Reads the JSON number (RFC 8259 grammar) at `p`, not reading at or past
/// `end`: the nearest double in `value` (ties to even), `p` just past the
/// number, `integral` when it has neither fraction nor exponent. Beyond a
/// double's range means overflow, or underflow to zero from a nonzero number.
inline JsonNumber ScanJsonNumber(const char*& p, const char* end, double& value, bool& integral) {
  auto digit = [end](const char* at) {
    return at < end && static_cast<unsigned char>(*at - '0') < 10;
  };
  const char* begin = p;
  const char* q = p;
  const bool negative = q < end && *q == '-';
  if (negative) ++q;
  if (!digit(q)) return JsonNumber::MALFORMED;
  // All the digits into `mantissa` (exact while there are at most 19 of
  // them); the number is mantissa * 10^scale.
  std::uint64_t mantissa = 0;
  const char* first = q;
  if (*q == '0') {
    ++q;  // a leading zero is the whole integer part
  } else {
    while (digit(q)) mantissa = mantissa * 10 + static_cast<unsigned>(*q++ - '0');
  }
  std::ptrdiff_t digits = q - first;
  int scale = 0;
  integral = true;
  if (q < end && *q == '.') {
    ++q;
    if (!digit(q)) return JsonNumber::MALFORMED;
    integral = false;
    const char* fraction = q;
    while (digit(q)) mantissa = mantissa * 10 + static_cast<unsigned>(*q++ - '0');
    digits += q - fraction;
    scale = -static_cast<int>(q - fraction);
  }
  if (q < end && (*q == 'e' || *q == 'E')) {
    ++q;
    integral = false;
    bool minus = false;
    if (q < end && (*q == '+' || *q == '-')) minus = *q++ == '-';
    if (!digit(q)) return JsonNumber::MALFORMED;
    int exponent = 0;
    while (digit(q)) {
      if (exponent < 100000) exponent = exponent * 10 + (*q - '0');
      ++q;
    }
    scale += minus ? -exponent : exponent;
  }
  // Exact operands and one correctly rounded operation (Clinger's fast path)
  // when the digits fit a double's mantissa and 10^|scale| is exact; else
  // the general, correctly rounded conversion.
  static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (digits <= 19 && mantissa <= (std::uint64_t{1} << 53) && scale >= -22 && scale <= 22) {
    const double magnitude = static_cast<double>(mantissa);
    const double result = scale < 0 ? magnitude / kPowers[-scale] : magnitude * kPowers[scale];
    value = negative ? -result : result;
  } else if (!ConvertJsonNumber(begin, q, value)) {
    p = q;
    return JsonNumber::OUT_OF_RANGE;
  }
  p = q;
  return JsonNumber::OK;
}

}  // namespace accord::runtime::internal
