// cg-collector-load: makes real signed receipts and posts them to a collector, for the fault
// test (tests/collector/crash_test.sh) and the benchmark (bench/collector_load.sh).
//   forge --count N --site ORIGIN... [--per-key K] --out FILE
//       N receipts, one compact JWS per line, K per visitor key (chained); each key's
//       receipts go to one site, the keys to the sites in turn
//   post --url http://127.0.0.1:PORT --in FILE [--connections C] [--acks FILE]
//        [--retry-for SECONDS]
//       posts every line once over C keep-alive connections; with --retry-for, a failed
//       request (connection refused, 5xx, 429) is retried like the guard would, until it
//       is acknowledged or the time is up; writes "LINE<TAB>ACK" per acknowledged receipt
//   check --in FILE --acks FILE --export FILE
//       every acknowledged receipt is in the export (cg-collector export) with the same ack,
//       and every receipt of FILE is stored exactly once
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cg/json.h"
#include "forge.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace cg::collector::testing;

struct Options {
  std::map<std::string, std::vector<std::string>> values;
  std::string get(const std::string& k, const std::string& fallback = "") const {
    auto it = values.find(k);
    return it == values.end() ? fallback : it->second.back();
  }
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 2; i + 1 < argc; i += 2)
    o.values[std::string(argv[i]).substr(2)].push_back(argv[i + 1]);
  return o;
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

int forge(const Options& o) {
  long count = std::stol(o.get("count", "1000"));
  int per_key = std::stoi(o.get("per-key", "2"));
  auto sites = o.values.count("site") ? o.values.at("site") : std::vector<std::string>{};
  if (sites.empty() || o.get("out").empty())
    return std::fputs("forge: --site and --out\n", stderr), 2;
  FILE* out = std::fopen(o.get("out").c_str(), "w");
  if (!out) return std::perror("forge"), 1;
  Visitor v = new_visitor();
  for (long i = 0; i < count; ++i) {
    if (i % per_key == 0) v = new_visitor();
    // One site per visitor key, as in browsers (keys are per origin).
    const std::string& site = sites[static_cast<size_t>(i / per_key) % sites.size()];
    std::fprintf(out, "%s\n", signed_receipt(v, site).c_str());
  }
  return std::fclose(out) == 0 ? 0 : 1;
}

int post(const Options& o) {
  std::string url = o.get("url");
  size_t colon = url.rfind(':');
  if (url.rfind("http://", 0) != 0 || colon < 7)
    return std::fputs("post: --url http://HOST:PORT\n", stderr), 2;
  std::string host = url.substr(7, colon - 7);
  int port = std::stoi(url.substr(colon + 1));
  std::vector<std::string> receipts = read_lines(o.get("in"));
  int connections = std::stoi(o.get("connections", "8"));
  double retry_for = std::stod(o.get("retry-for", "0"));
  std::vector<std::string> acks(receipts.size());
  std::vector<double> latencies(receipts.size(), 0);
  std::atomic<size_t> next{0};
  std::atomic<long> acked{0}, refused{0}, retries{0}, gave_up{0};
  auto start = Clock::now();
  auto deadline = start + std::chrono::milliseconds(static_cast<long>(retry_for * 1000));
  std::vector<std::thread> threads;
  for (int t = 0; t < connections; ++t) {
    threads.emplace_back([&] {
      auto client = std::make_unique<httplib::Client>(host, port);
      client->set_keep_alive(true);
      client->set_tcp_nodelay(true);
      client->set_read_timeout(30, 0);
      for (size_t i; (i = next++) < receipts.size();) {
        for (;;) {
          auto sent = Clock::now();
          auto res = client->Post("/receipts", receipts[i], "application/jose");
          if (res && res->status == 200) {
            latencies[i] = std::chrono::duration<double, std::milli>(Clock::now() - sent).count();
            cg::json::Document doc;
            if (cg::json::parse(res->body, doc) && cg::json::member(doc, "ack"))
              acks[i] = std::string(cg::json::string_of(*cg::json::member(doc, "ack")));
            ++acked;
            break;
          }
          bool transient = !res || res->status >= 500 || res->status == 429;
          if (!transient) {
            ++refused;
            std::fprintf(stderr, "post: line %zu refused: %d %s\n", i + 1, res->status,
                         res->body.c_str());
            break;
          }
          if (Clock::now() > deadline) {
            ++gave_up;
            break;
          }
          ++retries;
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
          client = std::make_unique<httplib::Client>(host, port);
          client->set_keep_alive(true);
          client->set_tcp_nodelay(true);
          client->set_read_timeout(30, 0);
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> sorted;
  for (double l : latencies) {
    if (l > 0) sorted.push_back(l);
  }
  std::sort(sorted.begin(), sorted.end());
  auto pct = [&](double p) {
    return sorted.empty()
               ? 0.0
               : sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()))];
  };
  std::printf(
      "posted %zu acked %ld refused %ld gave-up %ld retries %ld in %.2f s: %.0f acks/s, "
      "p50 %.2f ms, p99 %.2f ms\n",
      receipts.size(), acked.load(), refused.load(), gave_up.load(), retries.load(), seconds,
      static_cast<double>(acked) / seconds, pct(0.50), pct(0.99));
  if (!o.get("acks").empty()) {
    FILE* out = std::fopen(o.get("acks").c_str(), "w");
    if (!out) return std::perror("post"), 1;
    for (size_t i = 0; i < acks.size(); ++i) {
      if (!acks[i].empty()) std::fprintf(out, "%zu\t%s\n", i + 1, acks[i].c_str());
    }
    std::fclose(out);
  }
  return refused == 0 && gave_up == 0 ? 0 : 1;
}

int check(const Options& o) {
  std::vector<std::string> receipts = read_lines(o.get("in"));
  std::map<std::string, std::vector<std::string>> stored;  // receipt -> acks stored
  for (const std::string& line : read_lines(o.get("export"))) {
    cg::json::Document doc;
    if (!cg::json::parse(line, doc)) return std::fputs("check: bad export line\n", stderr), 1;
    stored[std::string(cg::json::string_of(*cg::json::member(doc, "jws")))].push_back(
        std::string(cg::json::string_of(*cg::json::member(doc, "ack"))));
  }
  long problems = 0, acked = 0;
  for (const std::string& line : read_lines(o.get("acks"))) {
    size_t tab = line.find('\t');
    size_t n = std::stoul(line.substr(0, tab));
    std::string ack = line.substr(tab + 1);
    ++acked;
    auto it = stored.find(receipts.at(n - 1));
    if (it == stored.end()) {
      std::fprintf(stderr, "check: receipt on line %zu was acknowledged but is not stored\n", n);
      ++problems;
    } else if (it->second.front() != ack) {
      std::fprintf(stderr, "check: receipt on line %zu is stored with another ack\n", n);
      ++problems;
    }
  }
  long missing = 0;
  for (const std::string& r : receipts) {
    auto it = stored.find(r);
    if (it == stored.end()) {
      ++missing;
    } else if (it->second.size() != 1) {
      std::fprintf(stderr, "check: a receipt is stored %zu times\n", it->second.size());
      ++problems;
    }
  }
  std::printf("check: %zu receipts, %ld acknowledged, %zu stored, %ld not stored, %ld problems\n",
              receipts.size(), acked, stored.size(), missing, problems);
  return problems == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  std::string command = argc > 1 ? argv[1] : "";
  try {
    if (command == "forge") return forge(parse(argc, argv));
    if (command == "post") return post(parse(argc, argv));
    if (command == "check") return check(parse(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cg-collector-load: %s\n", e.what());
    return 1;
  }
  std::fputs("usage: cg-collector-load forge|post|check ... (see the comment in load_tool.cpp)\n",
             stderr);
  return 2;
}
