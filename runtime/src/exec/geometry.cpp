#include "accord/runtime/internal/geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace accord::runtime::internal {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kEarthRadius = 6371008.8;  // mean radius, metres

bool Before(const Record& a, const Record& b, const Value& window, bool windowed) {
  if (a.end > b.start) return false;
  if (!windowed) return true;
  return b.start - a.end <= window.number;
}

/// Closed 1-D intersection with positive length, or any contact when one
/// side has zero length (instants intersect what they touch).
bool Intersects1D(double s1, double e1, double s2, double e2) {
  double lo = std::max(s1, s2);
  double hi = std::min(e1, e2);
  if (lo < hi) return true;
  return (s1 == e1 || s2 == e2) && lo <= hi;
}

}  // namespace

bool TimePredicate(Builtin builtin, const Record& a, const Record& b, const Value& tolerance) {
  if (!a.HasTime() || !b.HasTime()) return false;
  const bool windowed = !tolerance.Missing();
  if ((builtin == Builtin::NEAR) && !windowed) return false;
  switch (builtin) {
    case Builtin::OVERLAPS: return std::max(a.start, b.start) < std::min(a.end, b.end);
    case Builtin::BEFORE: return Before(a, b, tolerance, windowed);
    case Builtin::AFTER: return Before(b, a, tolerance, windowed);
    case Builtin::MEETS: return a.end == b.start;
    case Builtin::DURING: return b.start <= a.start && a.end <= b.end;
    case Builtin::CONTAINS: return a.start <= b.start && b.end <= a.end;
    case Builtin::NEAR: {
      double gap = std::max(0.0, std::max(a.start, b.start) - std::min(a.end, b.end));
      return gap <= tolerance.number;
    }
    default: return false;
  }
}

Value Overlap(const Record& a, const Record& b) {
  if (!a.HasTime() || !b.HasTime()) return {};
  return Value::Number(std::max(0.0, std::min(a.end, b.end) - std::max(a.start, b.start)));
}

Value Iou(Geometry geometry, const Record& a, const Record& b) {
  if (geometry == Geometry::BOX) {
    if (!a.Has(HAS_BOX) || !b.Has(HAS_BOX)) return {};
    const double* p = a.Box();
    const double* q = b.Box();
    double w = std::min(p[0] + p[2], q[0] + q[2]) - std::max(p[0], q[0]);
    double h = std::min(p[1] + p[3], q[1] + q[3]) - std::max(p[1], q[1]);
    double inter = std::max(0.0, w) * std::max(0.0, h);
    double uni = p[2] * p[3] + q[2] * q[3] - inter;
    return Value::Number(uni > 0 ? inter / uni : 0.0);
  }
  if (!a.HasTime() || !b.HasTime()) return {};
  double inter = std::max(0.0, std::min(a.end, b.end) - std::max(a.start, b.start));
  double uni = (a.end - a.start) + (b.end - b.start) - inter;
  if (uni <= 0) return Value::Number(a.start == b.start && a.end == b.end ? 1.0 : 0.0);
  return Value::Number(inter / uni);
}

Value Distance(Geometry geometry, const Record& a, const Record& b) {
  if (geometry == Geometry::GEO) {
    if (!a.Has(HAS_GEO) || !b.Has(HAS_GEO)) return {};
    constexpr double kRad = M_PI / 180.0;
    const double* p = a.Geo();
    const double* q = b.Geo();
    double lat1 = p[0] * kRad;
    double lat2 = q[0] * kRad;
    double dlat = lat2 - lat1;
    double dlon = (q[1] - p[1]) * kRad;
    double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(lat1) * std::cos(lat2) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return Value::Number(2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(h))));
  }
  if (!a.Has(HAS_BOX3D) || !b.Has(HAS_BOX3D)) return {};
  const double* p = a.Box3d();
  const double* q = b.Box3d();
  double dx = p[0] - q[0];
  double dy = p[1] - q[1];
  double dz = p[2] - q[2];
  return Value::Number(std::sqrt(dx * dx + dy * dy + dz * dz));
}

bool ProbeWindow(Builtin builtin, bool new_is_first, const Record& bound, const Value& tolerance,
                 double& lo, double& hi) {
  if (!bound.HasTime()) return false;
  const double bs = bound.start;
  const double be = bound.end;
  const bool windowed = !tolerance.Missing();
  const double w = windowed ? tolerance.number : kInf;
  switch (builtin) {
    case Builtin::OVERLAPS:
      lo = bs, hi = be;
      return true;
    case Builtin::NEAR:
      if (!windowed) return false;
      lo = bs - w, hi = be + w;
      return true;
    case Builtin::DURING:
      // during(new, bound): new inside bound; during(bound, new): new contains bound.
      if (new_is_first) lo = bs, hi = be;
      else lo = be, hi = bs;
      return true;
    case Builtin::CONTAINS:
      if (new_is_first) lo = be, hi = bs;
      else lo = bs, hi = be;
      return true;
    case Builtin::MEETS:
      // meets(new, bound): new ends where bound starts; meets(bound, new): the reverse.
      lo = hi = new_is_first ? bs : be;
      return true;
    case Builtin::BEFORE:
    case Builtin::AFTER: {
      // before(new, bound) == after(bound, new): new ends at or before bound starts.
      bool new_first_in_time = (builtin == Builtin::BEFORE) == new_is_first;
      if (new_first_in_time) {
        lo = bs - w, hi = bs;
      } else {
        lo = be, hi = be + w;
      }
      return true;
    }
    default:
      return false;
  }
}

bool ExtentsIntersect(std::uint8_t extents, const Record& a, const Record& b) {
  // Records of a modality without geometry cover the whole item.
  if (extents == 0) return true;
  bool any = false;
  if (extents & EXTENT_TIME) {
    if (!a.HasTime() || !b.HasTime() || !Intersects1D(a.start, a.end, b.start, b.end)) return false;
    any = true;
  }
  if (extents & EXTENT_CHARS) {
    if (!a.Has(HAS_SPAN) || !b.Has(HAS_SPAN)) return false;
    const double* p = a.Span();
    const double* q = b.Span();
    if (std::max(p[0], q[0]) >= std::min(p[1], q[1])) return false;
    any = true;
  }
  if (extents & EXTENT_BOX) {
    if (!a.Has(HAS_BOX) || !b.Has(HAS_BOX)) return false;
    const double* p = a.Box();
    const double* q = b.Box();
    if (!Intersects1D(p[0], p[0] + p[2], q[0], q[0] + q[2]) ||
        !Intersects1D(p[1], p[1] + p[3], q[1], q[1] + q[3])) {
      return false;
    }
    any = true;
  }
  if (extents & EXTENT_BOX3D) {
    if (!a.Has(HAS_BOX3D) || !b.Has(HAS_BOX3D)) return false;
    // Axis-aligned bounds around the centres (yaw ignored).
    const double* p = a.Box3d();
    const double* q = b.Box3d();
    for (int axis = 0; axis < 3; ++axis) {
      double ha = p[3 + axis] / 2;
      double hb = q[3 + axis] / 2;
      double ca = p[axis];
      double cb = q[axis];
      if (!Intersects1D(ca - ha, ca + ha, cb - hb, cb + hb)) return false;
    }
    any = true;
  }
  if (extents & EXTENT_GEO) {
    if (!a.Has(HAS_GEO) || !b.Has(HAS_GEO) || a.Geo()[0] != b.Geo()[0] ||
        a.Geo()[1] != b.Geo()[1]) {
      return false;
    }
    any = true;
  }
  return any;
}

}  // namespace accord::runtime::internal
