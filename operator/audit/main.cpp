// cg-audit: what the guard would mask from session recorders on a saved HTML page, decided
// by the same core functions as in the browser. The audit lives in the cg_audit library
// (page_audit.h); this is the shell.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "audit/page_audit.h"
#include "cg/json.h"
#include "cg/utf8.h"

namespace {

constexpr char kUsage[] =
    "usage: cg-audit [--json] [--all] FILE.html|-\n"
    "\n"
    "Reads a saved HTML page and prints what consent-guard would mask from session recorders\n"
    "(Webvisor, Hotjar, Clarity, ...): the form fields and the text blocks showing a phone\n"
    "number, an e-mail address or an IIN, each with the kind of personal data and the signal\n"
    "that decided it. Fields are described and classified as the guard does in the browser;\n"
    "documents of same-origin srcdoc iframes are audited too.\n"
    "\n"
    "  --all        also list what is not masked: every field, and the text blocks the guard\n"
    "               looked at (text with a digit group or an @)\n"
    "  --json       print one JSON array of findings instead of a table\n"
    "  -h, --help   this text\n"
    "\n"
    "Exit status: 0 the page was audited, 2 usage or input error.\n";

constexpr size_t kMaxInputBytes = 64u << 20;

int usage_error(const std::string& message) {
  std::fprintf(stderr, "cg-audit: %s\n\n%s", message.c_str(), kUsage);
  return 2;
}

// The whole file (or stdin for "-"); an error message when it cannot be read.
bool read_all(const std::string& path, std::string& out, std::string& error) {
  errno = 0;
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  char buffer[65536];
  size_t n;
  bool too_big = false;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
    out.append(buffer, n);
    if (out.size() > kMaxInputBytes) {
      too_big = true;
      break;
    }
  }
  bool failed = std::ferror(f) != 0;
  int read_errno = errno;
  if (f != stdin) std::fclose(f);
  std::string name = path == "-" ? "standard input" : path;
  if (failed) error = "cannot read " + name + ": " + std::strerror(read_errno);
  if (too_big) error = name + " is larger than 64 MiB";
  return !failed && !too_big;
}

// For the table: control characters shown as '?', so that a page cannot break the layout.
std::string printable(std::string_view s) {
  std::string out;
  for (char c : s) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? '?' : c;
  return out;
}

// Display width, counted in code points (the page's words are Cyrillic and Latin).
size_t width(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string where(const cg::audit::Finding& f) {
  return f.frame.empty() ? f.locator : f.frame + " >> " + f.locator;
}

void print_table(const std::vector<cg::audit::Finding>& findings, bool all) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"TARGET", "LOCATOR", "KIND", "SIGNAL"};
  if (all) header.push_back("VERDICT");
  rows.push_back(header);
  for (const auto& f : findings) {
    std::vector<std::string> row{std::string(target_name(f.target)), printable(where(f)),
                                 std::string(cg::pii_kind_name(f.kind)),
                                 f.signal.empty() ? "-" : printable(f.signal)};
    if (all) row.push_back(f.masked ? "masked" : "not masked");
    rows.push_back(row);
  }
  std::vector<size_t> widths(header.size(), 0);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width(row[c]));
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - width(row[c]) + 2, ' ');
    }
    std::printf("%s\n", line.c_str());
  }
}

// One finding as JSON (cg::json::Out, as everything the product writes).
void write_json(cg::json::Out& o, const cg::audit::Finding& f) {
  o.object().key("target").str(target_name(f.target)).key("frame").str(f.frame);
  o.key("locator").str(f.locator).key("masked").boolean(f.masked);
  o.key("kind").str(cg::pii_kind_name(f.kind)).key("signal").str(f.signal);
  o.key("mark").str(cg::audit::mark_name(f.mark));
  if (f.target == cg::audit::Target::field) {
    // What the classifier read, with describe.js's keys.
    const cg::FieldInfo& d = f.field;
    o.key("field").object().key("tag").str(d.tag).key("type").str(d.type);
    o.key("name").str(d.name).key("id").str(d.id).key("autocomplete").str(d.autocomplete);
    o.key("inputmode").str(d.inputmode).key("placeholder").str(d.placeholder);
    o.key("ariaLabel").str(d.aria_label).key("label").str(d.label);
    o.key("heading").str(d.heading).end_object();
  }
  o.end_object();
}

}  // namespace

int main(int argc, char** argv) {
  bool json = false, all = false, options_done = false;
  std::string path;
  bool have_path = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (!options_done && (arg == "-h" || arg == "--help")) {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (!options_done && arg == "--json") {
      json = true;
    } else if (!options_done && arg == "--all") {
      all = true;
    } else if (!options_done && arg == "--") {
      options_done = true;
    } else if (!options_done && arg.size() > 1 && arg[0] == '-') {
      return usage_error("unknown option " + arg);
    } else if (have_path) {
      return usage_error("one page at a time");
    } else {
      path = arg;
      have_path = true;
    }
  }
  if (!have_path) return usage_error("no page given");

  std::string html, error;
  if (!read_all(path, html, error)) {
    std::fprintf(stderr, "cg-audit: %s\n", error.c_str());
    return 2;
  }
  if (!cg::utf8::valid(html))
    std::fprintf(stderr,
                 "cg-audit: warning: %s is not valid UTF-8; bytes that are not UTF-8 are read "
                 "as U+FFFD (save the page as UTF-8 for a faithful audit)\n",
                 path == "-" ? "standard input" : path.c_str());

  std::vector<cg::audit::Finding> findings = cg::audit::audit_page(html);
  size_t fields = 0, texts = 0, masked_fields = 0, masked_texts = 0;
  std::vector<cg::audit::Finding> shown;
  for (auto& f : findings) {
    bool field = f.target == cg::audit::Target::field;
    (field ? fields : texts)++;
    if (f.masked) (field ? masked_fields : masked_texts)++;
    if (all || f.masked) shown.push_back(std::move(f));
  }

  if (json) {
    cg::json::Out out;
    out.array();
    for (const auto& f : shown) write_json(out, f);
    out.end_array();
    std::printf("%s\n", out.text().c_str());
    return 0;
  }
  if (!shown.empty()) print_table(shown, all);
  std::printf("%smasked: %zu of %zu fields, %zu of %zu text blocks with digits or @\n",
              shown.empty() ? "" : "\n", masked_fields, fields, masked_texts, texts);
  return 0;
}
