#include "common/logger.h"

#include <unistd.h>

#include <cstdio>

#include "verify/report.h"

namespace cg::collector {
namespace {

constexpr const char* kLevelNames[] = {"debug", "info", "warn", "error"};

}  // namespace

bool parse_level(std::string_view name, Level& level) {
  for (int i = 0; i < 4; ++i) {
    if (name == kLevelNames[i]) {
      level = static_cast<Level>(i);
      return true;
    }
  }
  return false;
}

std::string iso_time_ms(int64_t unix_ms) {
  int64_t seconds = unix_ms >= 0 ? unix_ms / 1000 : (unix_ms - 999) / 1000;
  std::string text = verify::format_time(seconds);  // ...T10:00:00Z
  char fraction[8];
  std::snprintf(fraction, sizeof fraction, ".%03dZ", static_cast<int>(unix_ms - seconds * 1000));
  text.pop_back();
  return text + fraction;
}

Logger::Logger(Level min, Sink sink, const Clock& clock)
    : min_(min), sink_(std::move(sink)), clock_(clock) {}

void Logger::write(std::string line) const {
  line += '\n';
  if (sink_) {
    sink_(line);
    return;
  }
  // One write per line: the kernel keeps it whole even with many writer threads.
  const char* p = line.data();
  size_t left = line.size();
  while (left > 0) {
    ssize_t n = ::write(2, p, left);
    if (n <= 0) return;  // nowhere to log to; never fail a request over it
    p += n;
    left -= static_cast<size_t>(n);
  }
}

Logger::Line::Line(const Logger* logger, Level level, std::string_view event)
    : logger_(logger && logger->enabled(level) ? logger : nullptr) {
  if (!logger_) return;
  out_ = std::make_unique<json::Out>();
  out_->object()
      .key("time")
      .str(iso_time_ms(logger_->clock_.now_ms()))
      .key("level")
      .str(kLevelNames[static_cast<int>(level)])
      .key("event")
      .str(event);
}

Logger::Line::~Line() {
  if (!logger_ || !out_) return;
  out_->end_object();
  logger_->write(out_->text());
}

Logger::Line& Logger::Line::str(std::string_view key, std::string_view value) {
  if (out_) out_->key(key).str(value);
  return *this;
}

Logger::Line& Logger::Line::num(std::string_view key, int64_t value) {
  if (out_) out_->key(key).number(value);
  return *this;
}

Logger::Line& Logger::Line::flag(std::string_view key, bool value) {
  if (out_) out_->key(key).boolean(value);
  return *this;
}

}  // namespace cg::collector
