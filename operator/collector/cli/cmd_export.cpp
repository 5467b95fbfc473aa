#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

#include "cg/receipts/jwk.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "common/files.h"
#include "log/export.h"
#include "verify/report.h"

namespace cg::collector::cli {
namespace {

constexpr char kUsage[] =
    "usage: cg-collector export --site ORIGIN [--from TIME] [--to TIME] [options]\n"
    "       cg-collector export --key KID [options]\n"
    "\n"
    "Writes stored receipts with their acks, one JSON object per line (docs/collector.md):\n"
    "those of one site received in [--from, --to), or every receipt of one visitor key\n"
    "(its kid, or the urn:ietf:params:oauth:jwk-thumbprint:sha-256: URN), for answering a\n"
    "data subject's request. TIME: unix seconds, 2026-01-01 or 2026-01-01T10:00:00Z.\n"
    "\n"
    "  --config FILE, --data-dir DIR, --database DB   as for init\n"
    "  --format jsonl|json   JSON lines (default) or one JSON array (what cg-verify reads)\n"
    "  --out FILE            write to FILE (made 0600) instead of standard output\n"
    "  --quiet               no progress lines on standard error\n";

}  // namespace

int cmd_export(int argc, char** argv, int first) {
  std::vector<Flag> flags = common_flags();
  for (const char* name : {"from", "to", "key", "format", "out"})
    flags.push_back({name, true, false});
  flags.push_back({"quiet", false, false});
  Args args;
  Config config;
  if (int status = read_command_line("export", kUsage, argc, argv, first, flags, args, config);
      status >= 0)
    return status;

  ExportQuery query;
  query.kid = args.get("key");
  if (query.kid.rfind(receipts::kThumbprintUrnPrefix, 0) == 0)
    query.kid = query.kid.substr(receipts::kThumbprintUrnPrefix.size());
  if (query.kid.empty()) {
    // --site, or the config file's site when it names just one.
    std::vector<std::string> sites = args.has("site") ? args.all("site") : config.sites;
    if (sites.size() != 1) return usage_error("export", "give one --site, or --key", kUsage);
    query.site = sites[0];
    int64_t t = 0;
    if (args.has("from")) {
      if (!verify::parse_time(args.get("from"), t))
        return usage_error("export", "--from: not a time", kUsage);
      query.from_ms = t * 1000;
    }
    if (args.has("to")) {
      if (!verify::parse_time(args.get("to"), t))
        return usage_error("export", "--to: not a time", kUsage);
      query.to_ms = t * 1000;
    }
  } else if (args.has("from") || args.has("to")) {
    return usage_error("export", "--from and --to go with --site, not --key", kUsage);
  }
  std::string format = args.has("format") ? args.get("format") : "jsonl";
  if (format != "jsonl" && format != "json")
    return usage_error("export", "--format is jsonl or json", kUsage);

  FILE* out = stdout;
  if (args.has("out")) {
    int fd = ::open(args.get("out").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd >= 0) make_private(fd);
    out = fd < 0 ? nullptr : fdopen(fd, "w");
    if (!out) return std::perror(("cg-collector export: " + args.get("out")).c_str()), 1;
  }
  Progress progress(!args.has("quiet"));
  bool json = format == "json";
  int64_t count = 0;
  try {
    auto store = open_store(config.database);
    if (json) std::fputs("[", out);
    export_entries(*store, query, [&](const Entry& e) {
      if (json && count) std::fputs(",\n", out);
      std::fputs(export_line(e).c_str(), out);
      if (!json) std::fputc('\n', out);
      ++count;
      progress.update("export: " + std::to_string(count) + " receipts");
    });
    if (json) std::fputs("]\n", out);
  } catch (const StoreError& e) {
    std::fprintf(stderr, "cg-collector export: database: %s\n", e.what());
    return 1;
  }
  bool ok = std::fflush(out) == 0 && !std::ferror(out);
  if (out != stdout) ok = std::fclose(out) == 0 && ok;
  if (!ok) return std::fputs("cg-collector export: write failed\n", stderr), 1;
  if (!args.has("quiet"))
    std::fprintf(stderr, "export: %lld receipts\n", static_cast<long long>(count));
  return 0;
}

}  // namespace cg::collector::cli
