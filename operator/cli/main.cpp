// cg-verify: checks consent receipts and answers "what did key K consent to, for purpose P,
// at time T". All logic lives in the cg_verify library (operator/verify); this is the shell.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "verify/report.h"

namespace {

constexpr char kUsage[] =
    "usage: cg-verify [--aud ORIGIN] [--at TIME --purpose PURPOSE --key KID] FILE|-\n"
    "\n"
    "Verifies consent receipts (compact JWS, see docs/receipts.md): one per line, or a JSON\n"
    "export (an array of objects with a \"jws\" member). Prints a verdict per receipt, chain\n"
    "findings (gaps, forks, broken links) and a summary.\n"
    "\n"
    "  --aud ORIGIN   receipts must be for this site origin, e.g. https://namo.kz\n"
    "  --at TIME      with --purpose and --key: what the key consented to at TIME\n"
    "                 (unix seconds, 2026-01-01 or 2026-01-01T10:00:00Z)\n"
    "  --purpose P    analytics, session_recording, marketing or necessary\n"
    "  --key KID      the key's thumbprint (kid) or its urn:ietf:params:oauth:jwk-thumbprint URN\n"
    "  -h, --help     this text\n"
    "\n"
    "Exit status: 0 all valid, 1 something failed (invalid receipt or chain finding),\n"
    "2 usage or input error (no receipts at all included), 3 nothing failed but some\n"
    "receipts are unsigned.\n";

int usage_error(const char* message) {
  std::fprintf(stderr, "cg-verify: %s\n\n%s", message, kUsage);
  return 2;
}

bool read_all(const char* path, std::string& out) {
  FILE* f = std::strcmp(path, "-") == 0 ? stdin : std::fopen(path, "rb");
  if (!f) return false;
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
    out.append(buffer, n);
    if (out.size() > cg::verify::kMaxInputBytes) break;  // read_receipts reports it
  }
  bool ok = !std::ferror(f);
  if (f != stdin) std::fclose(f);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::string aud, at_text, purpose, key;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    bool ok = arg == "--aud"       ? value(aud)
              : arg == "--at"      ? value(at_text)
              : arg == "--purpose" ? value(purpose)
              : arg == "--key"     ? value(key)
                                   : false;
    if (ok) continue;
    if (arg.rfind("--", 0) == 0 || path) return usage_error(("unexpected argument " + arg).c_str());
    path = argv[i];
  }
  if (!path) return usage_error("no input (give a FILE, or - for standard input)");
  bool query = !at_text.empty() || !purpose.empty() || !key.empty();
  int64_t at = 0;
  if (query && (at_text.empty() || purpose.empty() || key.empty())) {
    return usage_error("--at, --purpose and --key go together");
  }
  if (query && !cg::verify::parse_time(at_text, at)) return usage_error("--at: not a time");

  std::string text, error;
  if (!read_all(path, text)) {
    std::fprintf(stderr, "cg-verify: cannot read %s: %s\n", path, std::strerror(errno));
    return 2;
  }
  cg::verify::ReceiptSet set({aud});
  if (!cg::verify::read_receipts(text, set, error)) {
    std::fprintf(stderr, "cg-verify: %s\n", error.c_str());
    return 2;
  }
  std::fputs(cg::verify::format_report(set).c_str(), stdout);
  if (query)
    std::fputs(cg::verify::format_answer(set.query(key, purpose, at), key, purpose, at).c_str(),
               stdout);
  return cg::verify::exit_status(set);
}
