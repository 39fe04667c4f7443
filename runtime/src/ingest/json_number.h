#pragma once
// JSON numbers to doubles, read by Accord itself: the flat reader reads
// every number this way, and the simdjson reader takes the value from here
// too, because simdjson 3.0.1 (Debian 12's) misreads numbers with many
// digits after "0." (0.1000000000000000055511151231257827 gives 4.1e-16;
// simdjson issue #2093, fixed upstream in 3.6.3).

namespace accord::runtime::internal {

/// Reads the JSON number (RFC 8259 grammar) at `p`, not reading at or past
/// `end`: the nearest double in `value` (ties to even), `p` just past the
/// number, `integral` when it has neither fraction nor exponent. False,
/// with `p` unchanged, when there is no number at `p` or it is beyond a
/// double's range (overflow, or underflow to zero from a nonzero number).
bool ScanJsonNumber(const char*& p, const char* end, double& value, bool& integral);

}  // namespace accord::runtime::internal
