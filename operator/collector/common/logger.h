// Structured logs: one JSON object per line on standard error (journald and most log
// shippers read that as is). Lines never carry client addresses unless the operator turned
// that on (Config::store_client_ip), and never carry receipts or stack traces.
//
//   logger.info("receipt.stored").str("site", site).num("index", 42);
//   -> {"time":"2026-01-01T10:00:00.123Z","level":"info","event":"receipt.stored",
//       "site":"https://namo.kz","index":42}
// The line is written when the builder goes out of scope, in one write() call, so lines
// from concurrent threads never interleave.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "cg/json.h"
#include "common/clock.h"

namespace cg::collector {

enum class Level { debug = 0, info = 1, warn = 2, error = 3 };
bool parse_level(std::string_view name, Level& level);
std::string iso_time_ms(int64_t unix_ms);  // "2026-01-01T10:00:00.123Z"

class Logger {
 public:
  using Sink = std::function<void(std::string_view line)>;  // line ends with '\n'
  // Null sink: standard error.
  explicit Logger(Level min = Level::info, Sink sink = nullptr,
                  const Clock& clock = system_clock());

  class Line {
   public:
    Line(const Logger* logger, Level level, std::string_view event);
    Line(Line&&) = default;
    ~Line();
    Line& str(std::string_view key, std::string_view value);
    Line& num(std::string_view key, int64_t value);
    Line& flag(std::string_view key, bool value);

   private:
    const Logger* logger_;  // null when the level is filtered out
    std::unique_ptr<json::Out> out_;
  };

  Line at(Level level, std::string_view event) const { return Line(this, level, event); }
  Line debug(std::string_view event) const { return at(Level::debug, event); }
  Line info(std::string_view event) const { return at(Level::info, event); }
  Line warn(std::string_view event) const { return at(Level::warn, event); }
  Line error(std::string_view event) const { return at(Level::error, event); }
  bool enabled(Level level) const { return level >= min_; }

 private:
  friend class Line;
  void write(std::string line) const;

  Level min_;
  Sink sink_;
  const Clock& clock_;
};

}  // namespace cg::collector
