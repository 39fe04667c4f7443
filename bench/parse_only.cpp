// bench_parse_only: the speed limit for `accord validate` on a JSON Lines
// file — simdjson parsing every record and nothing else.
//
//   bench_parse_only [--mode dom|ondemand] FILE...
//
// Reads each file in 8 MiB blocks (constant memory, like accord's reader),
// cuts each block after its last newline and parses the complete lines:
//   dom       parse_many (one document per line) into simdjson's DOM: every
//             value is parsed and validated; counts the fields of each record
//   ondemand  iterate_many, then visits every field of every record and
//             reads each scalar (strings unescaped, numbers as doubles),
//             which is what a record parser has to do at least
// One thread. Prints "records N bytes B fields F" (F keeps the work from
// being optimised away) and exits 1 on a parse error.

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

namespace {

constexpr std::size_t kBlock = std::size_t{8} << 20;

struct Counts {
  std::uint64_t records = 0;
  std::uint64_t bytes = 0;
  std::uint64_t fields = 0;
};

bool ParseDom(simdjson::dom::parser& parser, const char* data, std::size_t len, Counts& c) {
  simdjson::dom::document_stream stream;
  if (parser.parse_many(data, len, std::max<std::size_t>(len, 1 << 20)).get(stream)) return false;
  for (auto doc : stream) {
    simdjson::dom::object obj;
    if (doc.get_object().get(obj)) return false;
    c.fields += obj.size();
    ++c.records;
  }
  return stream.truncated_bytes() == 0;
}

bool Visit(simdjson::ondemand::value v, Counts& c);

bool VisitObject(simdjson::ondemand::object obj, Counts& c) {
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return false;
    ++c.fields;
    simdjson::ondemand::value v;
    if (field.value().get(v) || !Visit(v, c)) return false;
  }
  return true;
}

bool Visit(simdjson::ondemand::value v, Counts& c) {
  simdjson::ondemand::json_type type;
  if (v.type().get(type)) return false;
  switch (type) {
    case simdjson::ondemand::json_type::object: {
      simdjson::ondemand::object obj;
      return !v.get_object().get(obj) && VisitObject(obj, c);
    }
    case simdjson::ondemand::json_type::array: {
      simdjson::ondemand::array arr;
      if (v.get_array().get(arr)) return false;
      for (auto e : arr) {
        simdjson::ondemand::value ev;
        if (e.get(ev) || !Visit(ev, c)) return false;
      }
      return true;
    }
    case simdjson::ondemand::json_type::string: {
      std::string_view s;
      return !v.get_string().get(s);
    }
    case simdjson::ondemand::json_type::number: {
      double d;
      return !v.get_double().get(d);
    }
    case simdjson::ondemand::json_type::boolean: {
      bool b;
      return !v.get_bool().get(b);
    }
    case simdjson::ondemand::json_type::null: return true;
  }
  return false;
}

bool ParseOnDemand(simdjson::ondemand::parser& parser, const char* data, std::size_t len,
                   Counts& c) {
  simdjson::ondemand::document_stream stream;
  if (parser.iterate_many(data, len, std::max<std::size_t>(len, 1 << 20)).get(stream)) return false;
  for (auto doc : stream) {
    simdjson::ondemand::object obj;
    if (doc.get_object().get(obj) || !VisitObject(obj, c)) return false;
    ++c.records;
  }
  return stream.truncated_bytes() == 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = "dom";
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mode" && i + 1 < argc) {
      mode = argv[++i];
    } else if (a.rfind("--mode=", 0) == 0) {
      mode = a.substr(7);
    } else if (a == "-h" || a == "--help") {
      std::puts("usage: bench_parse_only [--mode dom|ondemand] FILE...");
      return 0;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty() || (mode != "dom" && mode != "ondemand")) {
    std::fputs("usage: bench_parse_only [--mode dom|ondemand] FILE...\n", stderr);
    return 2;
  }
  simdjson::dom::parser dom;
  simdjson::ondemand::parser ondemand;
  std::vector<char> buf(kBlock + simdjson::SIMDJSON_PADDING);
  Counts c;
  for (const std::string& name : files) {
    int fd = ::open(name.c_str(), O_RDONLY);
    if (fd < 0) {
      std::perror(name.c_str());
      return 2;
    }
    std::size_t have = 0;  // bytes of an incomplete line carried over from the last block
    for (;;) {
      if (have + simdjson::SIMDJSON_PADDING == buf.size()) {  // a line longer than the buffer
        buf.resize(2 * buf.size());
      }
      ssize_t n = ::read(fd, buf.data() + have, buf.size() - simdjson::SIMDJSON_PADDING - have);
      if (n < 0) {
        std::perror(name.c_str());
        return 2;
      }
      std::size_t len = have + static_cast<std::size_t>(n);
      c.bytes += static_cast<std::size_t>(n);
      std::size_t cut = len;  // at the end of input, parse everything
      if (n > 0) {
        while (cut > 0 && buf[cut - 1] != '\n') --cut;
      }
      if (cut > 0) {
        bool ok = mode == "dom" ? ParseDom(dom, buf.data(), cut, c)
                                : ParseOnDemand(ondemand, buf.data(), cut, c);
        if (!ok) {
          std::fprintf(stderr, "%s: parse error in the block ending at byte %llu\n", name.c_str(),
                       static_cast<unsigned long long>(c.bytes));
          return 1;
        }
      }
      if (n == 0) break;
      std::memmove(buf.data(), buf.data() + cut, len - cut);
      have = len - cut;
    }
    ::close(fd);
  }
  std::printf("records %llu bytes %llu fields %llu\n", static_cast<unsigned long long>(c.records),
              static_cast<unsigned long long>(c.bytes), static_cast<unsigned long long>(c.fields));
  return 0;
}
