// Receipts checked as a set: duplicates, chains (gaps, forks, broken links), the "what did
// key K consent to" query, and the CLI's input reading and report.
#include "verify/receipt_set.h"

#include <catch2/catch.hpp>
#include <string>

#include "receipt_forge.h"
#include "verify/report.h"

using namespace cg;
using namespace cg::verify;

namespace {

const testkit::Signer& signer() {
  static testkit::Signer s = testkit::new_signer();
  return s;
}

// The codes a set reports, in the order the chain-cases vectors list them.
std::vector<std::string> codes_of(const ReceiptSet& set) {
  std::vector<std::string> out;
  for (const auto& e : set.entries()) {
    if (e.verdict.status == Status::invalid) out.push_back(e.verdict.code);
  }
  for (const auto& f : set.chains()) out.emplace_back(finding_code(f.kind));
  return out;
}

}  // namespace

TEST_CASE("chain cases: gaps, forks, broken links and duplicates are reported", "[receipts][set]") {
  for (const auto& c : testkit::chain_cases(signer())) {
    INFO(c.name);
    ReceiptSet set({"https://namo.kz"});
    for (size_t i = 0; i < c.jws.size(); ++i) set.add(c.jws[i], "#" + std::to_string(i));
    CHECK(codes_of(set) == c.codes);
    CHECK(exit_status(set) == (c.codes.empty() ? 0 : 1));
  }
}

TEST_CASE("findings say where the chain breaks", "[receipts][set]") {
  auto chain = testkit::make_chain(signer(), 6, 200);
  ReceiptSet set({});
  for (int i : {0, 1, 4, 5}) set.add(chain[i], "r" + std::to_string(i));
  auto findings = set.chains();
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].kind == ChainFinding::gap);
  CHECK(findings[0].seq == 2);
  CHECK(findings[0].missing_to == 3);
  CHECK(findings[0].kid == signer().kid);
  CHECK(findings[0].message == "seq 2..3 missing before r4");
  // Input order does not matter: chains are sorted by seq.
  ReceiptSet shuffled({});
  for (int i : {5, 3, 0, 4, 2, 1}) shuffled.add(chain[i], "r" + std::to_string(i));
  CHECK(shuffled.chains().empty());
  CHECK(shuffled.summary().keys == 1);
}

TEST_CASE("two keys, each with its own chain", "[receipts][set]") {
  testkit::Signer other = testkit::new_signer();
  ReceiptSet set({});
  for (const auto& j : testkit::make_chain(signer(), 2, 300)) set.add(j, "a");
  for (const auto& j : testkit::make_chain(other, 3, 400)) set.add(j, "b");
  CHECK(set.chains().empty());
  auto s = set.summary();
  CHECK(s.keys == 2);
  CHECK(s.valid == 5);
  CHECK(exit_status(set) == 0);
}

TEST_CASE("query: what key K consented to, for purpose P, at time T", "[receipts][set]") {
  // sample_input: seq n at 2026-01-01T00:00Z + n hours; analytics given at even seq,
  // withdrawn at odd seq; session_recording never; valid one year.
  auto chain = testkit::make_chain(signer(), 3, 500);
  ReceiptSet set({});
  for (size_t i = 0; i < chain.size(); ++i) set.add(chain[i], "line " + std::to_string(i + 1));
  const std::string& kid = signer().kid;
  int64_t t0 = 1767225600;
  auto ask = [&](std::string_view key, std::string_view purpose, int64_t at) {
    return set.query(key, purpose, at);
  };
  CHECK(ask(kid, "analytics", t0 - 1).outcome == Answer::no_receipt);
  Answer a = ask(kid, "analytics", t0 + 10);
  CHECK(a.outcome == Answer::given);
  REQUIRE(a.receipt);
  CHECK(a.receipt->source == "line 1");
  CHECK(ask(kid, "analytics", t0 + 3600).outcome == Answer::refused);
  CHECK(ask(kid, "analytics", t0 + 7200 + 5).outcome == Answer::given);
  CHECK(ask(kid, "session_recording", t0 + 10).outcome == Answer::refused);
  CHECK(ask(kid, "necessary", t0 + 10).outcome == Answer::given);
  CHECK(ask("urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + kid, "analytics", t0 + 10).outcome ==
        Answer::given);
  CHECK(ask(kid, "analytics", t0 + 7200 + 366 * 86400).outcome == Answer::expired);
  CHECK(ask(kid, "fun", t0 + 10).outcome == Answer::not_covered);
  CHECK(ask("someone-else", "analytics", t0 + 10).outcome == Answer::no_receipt);
  CHECK(format_answer(a, kid, "analytics", t0 + 10).find(": given\n  based on line 1: jti=") !=
        std::string::npos);
}

TEST_CASE("query over a fork that disagrees is ambiguous, and says why", "[receipts][set]") {
  auto chain = testkit::make_chain(signer(), 2, 600);
  // A second seq 1 that gives analytics (the first one withdrew it).
  receipts::ReceiptInput twin = testkit::sample_input(610, 1, receipts::jws_hash(chain[0]));
  twin.decisions[1].allowed = true;
  twin.event = receipts::Event::changed;
  ReceiptSet set({});
  set.add(chain[0], "a");
  set.add(chain[1], "b");
  set.add(testkit::make_receipt(signer(), twin), "c");
  Answer a = set.query(signer().kid, "analytics", 1767225600 + 4000);
  CHECK(a.outcome == Answer::ambiguous);
  REQUIRE(a.caveats.size() == 1);
  CHECK(a.caveats[0].rfind("chain.fork: 2 receipts at seq 1: b, c", 0) == 0);
  // Where the fork agrees on the purpose, the answer stands (with the caveat).
  CHECK(set.query(signer().kid, "marketing", 1767225600 + 4000).outcome == Answer::refused);
}

TEST_CASE("input: lines and JSON exports", "[receipts][set][cli]") {
  auto chain = testkit::make_chain(signer(), 2, 700);
  ReceiptSet lines({});
  std::string error;
  REQUIRE(read_receipts("\n" + chain[0] + "\r\n  \n\t" + chain[1] + " \n", lines, error));
  REQUIRE(lines.entries().size() == 2);
  CHECK(lines.entries()[0].source == "line 2");
  CHECK(lines.entries()[1].source == "line 4");
  CHECK(lines.summary().valid == 2);

  ReceiptSet exported({});
  std::string text = "[{\"jws\":\"" + chain[0] + "\",\"ack\":null},{\"jws\":7},\"x\",{\"jws\":\"" +
                     chain[1] + "\"}]";
  REQUIRE(read_receipts("  " + text, exported, error));
  REQUIRE(exported.entries().size() == 4);
  CHECK(exported.entries()[1].verdict.code == "input.item");
  CHECK(exported.entries()[2].source == "[2]");
  CHECK(exported.summary().valid == 2);
  CHECK(exit_status(exported) == 1);

  ReceiptSet bad({});
  CHECK_FALSE(read_receipts("[{\"jws\":\"a\"},", bad, error));
  CHECK(error.find("not a strict JSON array") != std::string::npos);
  CHECK_FALSE(read_receipts("[{\"jws\":\"a\",\"jws\":\"b\"}]", bad, error));
  CHECK(error.find("appears twice") != std::string::npos);
}

TEST_CASE("the report: a verdict per receipt, findings, summary, exit status",
          "[receipts][set][cli]") {
  auto chain = testkit::make_chain(signer(), 3, 800);
  ReceiptSet set({"https://namo.kz"});
  set.add(chain[0], "line 1");
  set.add(chain[2], "line 2");
  set.add("not.a.receipt", "line 3");
  std::string report = format_report(set);
  CHECK(report.find(
            "line 1: VALID jti=test-receipt-000800 event=given iat=2026-01-01T00:00:00Z kid=") !=
        std::string::npos);
  CHECK(report.find("line 3: INVALID structure.base64url: ") != std::string::npos);
  CHECK(report.find("CHAIN chain.gap kid=" + signer().kid + ": seq 1 missing before line 2") !=
        std::string::npos);
  CHECK(report.find(
            "summary: 3 receipts: 2 valid, 0 unsigned, 1 invalid; 1 keys, 1 chain findings") !=
        std::string::npos);
  CHECK(exit_status(set) == 1);

  receipts::ReceiptInput in = testkit::sample_input(900, 0, "");
  in.signing = receipts::Signing::unsigned_insecure_context;
  ReceiptSet only_unsigned({});
  only_unsigned.add(receipts::unsigned_jws(receipts::prepare_receipt(in, nullptr).signing_input),
                    "line 1");
  CHECK(format_report(only_unsigned).find("line 1: UNSIGNED (insecure-context) jti=") !=
        std::string::npos);
  CHECK(exit_status(only_unsigned) == 3);
  ReceiptSet nothing({});
  std::string error;
  REQUIRE(read_receipts("\n \r\n", nothing, error));
  CHECK(format_report(nothing).find("summary: 0 receipts") != std::string::npos);
  CHECK(exit_status(nothing) == 2);
}

TEST_CASE("times: unix seconds and ISO 8601 UTC", "[receipts][cli]") {
  int64_t t = 0;
  CHECK(parse_time("1767225600", t));
  CHECK(t == 1767225600);
  CHECK(parse_time("2026-01-01", t));
  CHECK(t == 1767225600);
  CHECK(parse_time("2026-01-01T10:20:30Z", t));
  CHECK(t == 1767225600 + 10 * 3600 + 20 * 60 + 30);
  CHECK(parse_time("2024-02-29T00:00:00Z", t));
  CHECK(format_time(t) == "2024-02-29T00:00:00Z");
  CHECK(format_time(0) == "1970-01-01T00:00:00Z");
  CHECK(format_time(1767225600 + 86399) == "2026-01-01T23:59:59Z");
  for (const char* bad :
       {"", "2026-1-01", "2025-02-29", "2026-01-01T10:20:30", "2026-01-01T10:20:30+05:00",
        "2026-01-01T24:00:00Z", "2026-13-01", "12e3", "-5"}) {
    INFO(bad);
    CHECK_FALSE(parse_time(bad, t));
  }
}
