#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <ctime>
#include <thread>

#include "cli/args.h"
#include "cli/commands.h"
#include "serve/service.h"

namespace cg::collector::cli {
namespace {

constexpr char kUsage[] =
    "usage: cg-collector serve [--config FILE] --site ORIGIN... [options]\n"
    "\n"
    "Accepts receipts at POST /receipts, publishes the operator keys at\n"
    "/.well-known/consent-keys.json, answers /healthz. Logs are JSON lines on stderr.\n"
    "Stops cleanly on SIGTERM or SIGINT.\n"
    "\n"
    "  --config FILE, --data-dir DIR, --database DB, --key-dir DIR   as for init\n"
    "  --site ORIGIN            a site whose receipts are accepted (repeat for more)\n"
    "  --listen HOST:PORT       default 127.0.0.1:8787 (behind nginx: see operator/deploy)\n"
    "  --threads N              most connections served at once (default 512; a worker\n"
    "                           thread each, started as needed)\n"
    "  --writers N              PostgreSQL writer connections (default 2; SQLite uses 1)\n"
    "  --max-body BYTES         largest request body (default 67584)\n"
    "  --rate N                 requests per second per client address (default 50; 0: off)\n"
    "  --burst N                requests at once per client address (default 100)\n"
    "  --trusted-proxy ADDR     a reverse proxy whose X-Forwarded-For is believed (repeat)\n"
    "  --store-client-ip        store and log client addresses (off by default)\n"
    "  --checkpoint-every SECS  automatic checkpoints (default 86400, daily)\n"
    "  --checkpoint-file FILE   also append each automatic checkpoint to FILE\n"
    "  --log-level LEVEL        debug, info (default), warn or error\n";

std::vector<Flag> serve_flags() {
  std::vector<Flag> flags = common_flags();
  for (const char* name : {"listen", "threads", "writers", "max-body", "rate", "burst",
                           "trusted-proxy", "checkpoint-every", "checkpoint-file", "log-level"})
    flags.push_back({name, true, true});
  flags.push_back({"store-client-ip", false, true});
  return flags;
}

}  // namespace

int cmd_serve(int argc, char** argv, int first) {
  std::vector<Flag> flags = serve_flags();
  Args args;
  Config config;
  if (int status = read_command_line("serve", kUsage, argc, argv, first, flags, args, config);
      status >= 0)
    return status;
  std::string error;
  Level level = Level::info;
  parse_level(config.log_level, level);
  Logger logger(level);

  // Signals go to one thread that asks the service to stop; every other thread blocks them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto service = Service::start(config, logger, system_clock(), error);
  if (!service) {
    logger.error("serve.failed").str("message", error);
    std::fprintf(stderr, "cg-collector serve: %s\n", error.c_str());
    return 1;
  }
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    logger.info("serve.signal").num("signal", signal);
    service->stop();
  });
  service->run();
  // run() also returns if the server fails on its own: wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return 0;
}

}  // namespace cg::collector::cli
