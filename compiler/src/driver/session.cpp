#include "accord/compiler/driver/session.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

#include "accord/compiler/yaml/yaml_loader.h"
#include "accord/runtime/bundle_io.h"

namespace accord {

namespace fs = std::filesystem;

struct Session::LoadedModule {
  std::string path;
  FileId file = kNoFile;
  std::unique_ptr<ast::Module> ast;
  bool loading = false;
  bool broken = false;  ///< unreadable, unparsable, or an import could not be resolved
  std::vector<int> imports;
};

namespace {

bool IsSourceFile(const fs::path& path) {
  std::string ext = path.extension().string();
  return ext == ".accord" || ext == ".yaml" || ext == ".yml";
}

bool IsYaml(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  return ext == ".yaml" || ext == ".yml";
}

/// Reads a whole file; false with a reason on failure.
bool ReadFile(const std::string& path, std::string& out, std::string& reason) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    reason = "it is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    reason = fs::exists(path, ec) ? "permission denied" : "no such file";
    return false;
  }
  out.clear();
  if (std::uintmax_t size = fs::file_size(path, ec); !ec) out.reserve(size);
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    out.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  return true;
}

}  // namespace

std::vector<std::string> SplitSearchPath(const std::string& value) {
  std::vector<std::string> dirs;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find(':', start);
    if (end == std::string::npos) end = value.size();
    if (end > start) dirs.push_back(value.substr(start, end - start));
    start = end + 1;
  }
  return dirs;
}

std::vector<std::string> ExpandSourcePaths(const std::vector<std::string>& paths,
                                           Diagnostics& diags) {
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && IsSourceFile(it->path())) {
          found.push_back(it->path().lexically_normal().string());
        }
      }
      if (ec) {
        diags.Error("E0101", {}, fmt::format("cannot read directory `{}`: {}", path, ec.message()));
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      out.push_back(path);
    } else {
      diags.Error("E0101", {}, fmt::format("cannot read `{}`: no such file or directory", path));
    }
  }
  return out;
}

Session::Session(CompileOptions options) : options_(std::move(options)) {}
Session::~Session() = default;

void Session::AddOverlay(const std::string& path, std::string text) {
  overlay_[fs::path(path).lexically_normal().string()] = std::move(text);
}

std::string Session::FindImport(const std::string& importer_path, const ast::QualifiedName& name,
                                std::vector<std::string>& searched, std::string& closest) const {
  fs::path relative;
  for (const ast::Name& part : name.parts) relative /= part.text;
  std::vector<std::pair<fs::path, std::string>> dirs;
  const fs::path beside = fs::path(importer_path).parent_path();
  dirs.emplace_back(beside, "beside " + fs::path(importer_path).filename().string());
  // Ontologies laid out one folder per module (ontologies/core/core.accord
  // next to ontologies/driving/driving.accord) find each other through the
  // importing folder's parent.
  if (!beside.empty()) {
    fs::path parent = (beside / "..").lexically_normal();
    if (parent == ".") parent.clear();
    dirs.emplace_back(parent, "the importing folder's parent");
  }
  for (const std::string& dir : options_.include_dirs) dirs.emplace_back(dir, "-I");
  for (const std::string& dir : options_.path_dirs) dirs.emplace_back(dir, "ACCORD_PATH");
  for (const auto& [dir, origin] : dirs) {
    // `import a.b;` is a/b.accord, or a/b/b.accord for a module in its own folder.
    for (const fs::path& stem : {dir / relative, dir / relative / relative.filename()}) {
      for (const char* ext : {".accord", ".yaml", ".yml"}) {
        fs::path candidate = stem;
        candidate += ext;
        std::error_code ec;
        std::string normal = candidate.lexically_normal().string();
        if (overlay_.count(normal) || fs::is_regular_file(candidate, ec)) return normal;
      }
    }
    searched.push_back(fmt::format("{} ({})", dir.empty() ? "." : dir.string(), origin));
  }
  // Modules of a similar name where the import was looked for: `afect` for
  // `affect`, or `driving.sensors` for a `sensors` that has no folder.
  std::vector<std::string> stems;
  std::map<std::string, std::string> module_of;
  std::string prefix;
  for (std::size_t i = 0; i + 1 < name.parts.size(); ++i) prefix += name.parts[i].text + ".";
  for (const auto& [dir, origin] : dirs) {
    for (const auto& [folder, module_prefix] :
         {std::pair(dir / relative.parent_path(), prefix), std::pair(dir, std::string())}) {
      std::error_code ec;
      for (fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, ec), end; !ec && it != end;
           it.increment(ec)) {
        if (!it->is_regular_file(ec) || !IsSourceFile(it->path())) continue;
        std::string stem = it->path().stem().string();
        stems.push_back(stem);
        module_of.emplace(stem, module_prefix + stem);
      }
    }
  }
  const std::string& last = name.parts.back().text;
  std::string best = std::find(stems.begin(), stems.end(), last) != stems.end()
                         ? last
                         : ClosestName(last, stems);
  if (!best.empty() && module_of[best] != name.Joined()) closest = module_of[best];
  return {};
}

int Session::Load(const std::string& path, const ast::Import* from) {
  std::error_code ec;
  std::string key = fs::weakly_canonical(path, ec).string();
  if (ec) key = path;
  if (auto it = by_path_.find(key); it != by_path_.end()) return it->second;

  auto index = static_cast<int>(modules_.size());
  modules_.push_back(std::make_unique<LoadedModule>());
  by_path_[key] = index;
  LoadedModule& module = *modules_.back();
  module.path = path;

  std::string text;
  std::string reason;
  if (auto overlay = overlay_.find(fs::path(path).lexically_normal().string());
      overlay != overlay_.end()) {
    text = overlay->second;
  } else if (!ReadFile(path, text, reason)) {
    diags_.Error("E0101", from ? from->range : SourceRange{},
                 fmt::format("cannot read `{}`: {}", path, reason));
    module.broken = true;
    return index;
  }
  module.file = sources_.Add(path, std::move(text));
  file_module_[module.file] = index;
  module.ast = IsYaml(path) ? LoadYamlModule(sources_, module.file, diags_)
                            : ParseModule(sources_, module.file, diags_, options_.parse);
  if (!module.ast) {
    module.broken = true;
    return index;
  }

  module.loading = true;
  loading_chain_.push_back(index);
  import_chain_.push_back(from);
  for (const ast::Import& import : module.ast->imports) {
    std::vector<std::string> searched;
    std::string closest;
    std::string found = FindImport(path, import.path, searched, closest);
    if (found.empty()) {
      fs::path file;
      for (const ast::Name& part : import.path.parts) file /= part.text;
      std::string stem = file.string();
      diags_.Error("E0102", import.path.range,
                   fmt::format("cannot find module `{}`", import.path.Joined()))
          .Primary("no such module on the search path")
          .Note(fmt::format("looked for {}.accord (or .yaml, .yml) in {}", stem,
                            fmt::join(searched, ", ")))
          .Help(!closest.empty()
                    ? fmt::format("did you mean `{}`?", closest)
                    : "pass `-I DIR` for the folder that holds it, or add that folder to "
                      "ACCORD_PATH");
      module.broken = true;
      continue;
    }
    std::string found_key = fs::weakly_canonical(found, ec).string();
    if (ec) found_key = found;
    auto it = by_path_.find(found_key);
    if (it != by_path_.end() && modules_[static_cast<std::size_t>(it->second)]->loading) {
      std::vector<std::string> cycle;
      auto first = std::find(loading_chain_.begin(), loading_chain_.end(), it->second);
      for (auto c = first; c != loading_chain_.end(); ++c) {
        cycle.push_back(modules_[static_cast<std::size_t>(*c)]->ast->name.Joined());
      }
      cycle.push_back(modules_[static_cast<std::size_t>(it->second)]->ast->name.Joined());
      Diagnostic& d = diags_.Error("E0103", import.path.range,
                                   fmt::format("import cycle: {}", fmt::join(cycle, " -> ")));
      d.Primary(fmt::format("`{}` imports `{}` here, which closes the cycle", cycle.end()[-2],
                            cycle.back()));
      // The imports that led here, each in the module that wrote it.
      auto name_of = [&](int m) { return modules_[static_cast<std::size_t>(m)]->ast->name.Joined(); };
      for (auto c = first + 1; c != loading_chain_.end(); ++c) {
        const ast::Import* step = import_chain_[static_cast<std::size_t>(c - loading_chain_.begin())];
        if (step == nullptr) continue;
        d.Label(step->path.range, fmt::format("`{}` imports `{}`", name_of(c[-1]), name_of(*c)));
      }
      d.Help("move what both modules need into a third module that both import");
      module.broken = true;
      continue;
    }
    int child = Load(found, &import);
    if (std::find(module.imports.begin(), module.imports.end(), child) == module.imports.end()) {
      module.imports.push_back(child);
    }
  }
  loading_chain_.pop_back();
  import_chain_.pop_back();
  module.loading = false;
  return index;
}

const CompiledUnit* Session::Compile(const std::string& path) { return CompileAll({path}); }

const CompiledUnit* Session::CompileAll(const std::vector<std::string>& paths) {
  auto load_start = std::chrono::steady_clock::now();
  std::vector<int> roots;
  for (const std::string& path : paths) {
    roots.push_back(Load(path, nullptr));
    roots_.insert(roots.back());
  }
  std::chrono::duration<double> load_time = std::chrono::steady_clock::now() - load_start;
  // Imports before importers: post-order over the import graph.
  std::vector<int> order;
  std::vector<char> seen(modules_.size(), 0);
  bool broken = false;
  auto visit = [&](auto&& self, int m) -> void {
    if (seen[static_cast<std::size_t>(m)]) return;
    seen[static_cast<std::size_t>(m)] = 1;
    const LoadedModule& module = *modules_[static_cast<std::size_t>(m)];
    broken = broken || module.broken;
    for (int child : module.imports) self(self, child);
    order.push_back(m);
  };
  for (int root : roots) visit(visit, root);
  if (roots.empty() || broken) return nullptr;

  std::map<int, std::uint32_t> position;
  for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = static_cast<std::uint32_t>(i);
  std::vector<sema::ModuleInput> inputs;
  for (int m : order) {
    const LoadedModule& module = *modules_[static_cast<std::size_t>(m)];
    sema::ModuleInput input{module.ast.get(), module.path, {}};
    for (int child : module.imports) input.imports.push_back(position.at(child));
    inputs.push_back(std::move(input));
  }
  sema::AnalyzeResult result = sema::Analyze(inputs, diags_);

  unit_count_.resize(modules_.size(), 0);
  for (int m : order) ++unit_count_[static_cast<std::size_t>(m)];
  for (sema::SessionWarning& warning : result.session_warnings) {
    auto key = std::make_pair(warning.diagnostic.code, warning.decl);
    Pending& pending = session_warnings_[key];
    if (pending.count == 0) {
      pending.diagnostic = warning.diagnostic;
      pending.module = file_module_.at(warning.diagnostic.range.file);
    }
    ++pending.count;
  }
  auto unit = std::make_unique<CompiledUnit>();
  unit->root_path = paths.back();
  // Hash module names and texts, not paths, so the hash does not depend on
  // the working directory or how the paths were spelled.
  std::vector<std::pair<std::string, FileId>> files;
  for (int m : order) {
    const LoadedModule& module = *modules_[static_cast<std::size_t>(m)];
    files.emplace_back(module.ast->name.Joined(), module.file);
  }
  std::sort(files.begin(), files.end());
  if (options_.hash_sources) {
    const std::string_view separator("\0", 1);
    std::vector<std::string_view> hashed;
    for (const auto& [module_name, file] : files) {
      hashed.insert(hashed.end(), {module_name, separator, sources_.Get(file).Text(), separator});
    }
    unit->sources_hash = runtime::HashHex(hashed);
  }
  unit->program = std::move(result.program);
  unit->timings.push_back({"parse", load_time.count()});
  unit->timings.insert(unit->timings.end(), result.timings.begin(), result.timings.end());
  units_.push_back(std::move(unit));
  return units_.back().get();
}

void Session::Finish() {
  for (auto& [key, pending] : session_warnings_) {
    // Modules reached only through imports are libraries: their unused
    // declarations are someone else's API, not the user's mistake.
    if (roots_.count(pending.module) == 0) continue;
    if (pending.count == unit_count_[static_cast<std::size_t>(pending.module)]) {
      diags_.Push(std::move(pending.diagnostic));
    }
  }
  session_warnings_.clear();
  diags_.Finish(sources_);
}

}  // namespace accord
