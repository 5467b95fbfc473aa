// What cg-verify reads and prints, kept here so the command-line tool stays a thin shell:
// input splitting (one JWS per line, or a JSON export), times, and the text report.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "verify/receipt_set.h"

namespace cg::verify {

constexpr size_t kMaxInputBytes = 64 * 1024 * 1024;

// Feeds `text` into `set`. A text whose first non-blank character is '[' is a JSON export:
// an array of objects, each with the receipt in a "jws" string member (other members, such
// as the collector's "ack", are ignored); items without one are recorded as unreadable
// (input.item). Otherwise every non-empty line is one JWS (spaces, tabs and a CR at either
// end of a line are trimmed). False, with a message, only when the input as a whole cannot
// be used: larger than kMaxInputBytes, or an export that is not strict JSON.
bool read_receipts(std::string_view text, ReceiptSet& set, std::string& error);

// Unix seconds, or ISO 8601 UTC: "2026-01-01", "2026-01-01T10:00:00Z" (fractions of a second
// are refused; so are offsets other than Z). False when it is neither.
bool parse_time(std::string_view text, int64_t& seconds);
std::string format_time(int64_t seconds);  // "2026-01-01T10:00:00Z"

// One line per receipt, then chain findings, then the summary.
std::string format_report(const ReceiptSet& set);
std::string format_answer(const Answer& answer, std::string_view key, std::string_view purpose,
                          int64_t at);

// 0 when every receipt is valid and every chain intact; 1 when anything failed (an invalid
// receipt or a chain finding); 2 when there was no receipt at all (an empty input proves
// nothing, and should not look like success); 3 when nothing failed but some receipts are
// unsigned.
int exit_status(const ReceiptSet& set);

}  // namespace cg::verify
