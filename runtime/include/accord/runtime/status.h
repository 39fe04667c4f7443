#pragma once
// Failures of the tool or its environment (I/O, a corrupt bundle) travel as
// values with context, never as exceptions across a library boundary.

#include <string>
#include <utility>
#include <variant>

namespace accord::runtime {

/// An error with a message meant for people ("bundle.acb: checksum mismatch").
struct Error {
  std::string message;
};

/// Either a value or an Error.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(data_); }
  const T& value() const { return std::get<0>(data_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

}  // namespace accord::runtime
