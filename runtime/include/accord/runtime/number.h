#pragma once
// Numbers as people and JSON read them: integral values without a decimal
// point or exponent ("12", not "12.0" or "1.2e+01"), others shortest
// round-trip ("3.25"); -0 prints as 0.

#include <string>

namespace accord::runtime {

std::string FormatNumber(double number);

}  // namespace accord::runtime
